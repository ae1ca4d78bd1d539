// P6: events per run over a multi-year quarterly plan (examples/quarterly-2023-2028.yaml moved to
// begin next year), on the time-skipping test server with recording activities. In every cycle
// most units report on time and are accepted, one reports late after the escalations, and in the
// first cycle one unit never answers: its task is chased weekly for the rest of the plan, the
// longest history a task can have. Every run of every workflow is counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { atLocalTime, localDateOf, vietnamCalendar } from '../domain/calendar';
import { parseDirectiveFile } from '../domain/directive-file';
import { reportingCycles } from '../domain/periods';
import { directiveWorkflowId, reviewReportUpdate, submitReportUpdate, taskWorkflowId } from '../workflows/messages';
import { SEARCH_ATTRIBUTE_KEYS } from '../workflows/search-attributes';
import { recordingActivities } from '../test/helpers/recording-activities';
import { launchInput } from '../test/workflows/directive-harness';
import { projectRoot } from '../db/paths';
import { fmt, note, quietRuntime, size, stoppable, until, workflowBundle } from './parts';
import { runSizes } from './history';
import { inform, record } from './results';

/** The Java time-skipping test server the project fetched (scripts/tools.mjs), as the workflow tests use it. */
const testServerPath = (): string =>
  process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(projectRoot(), '.tools', 'bin', 'temporal-test-server');

const shiftYears = (d: string, years: number) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;

export async function p6(): Promise<void> {
  quietRuntime();
  const file = path.join(projectRoot(), 'examples', 'quarterly-2023-2028.yaml');
  const example = parseDirectiveFile(readFileSync(file, 'utf8'), file);
  if (example.schedule.kind !== 'periodic') throw new Error(`${file}: expected a periodic schedule`);
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath() } },
  });
  const teardown = stoppable(() => env.teardown());
  try {
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(
        SEARCH_ATTRIBUTE_KEYS.map((k) => [k.name, encodeSearchAttributeIndexedValueType(k.type)!]),
      ),
    });
    const years = new Date(await env.currentTimeMs()).getUTCFullYear() + 1 - Number(example.schedule.from.slice(0, 4));
    const span = size('P6_YEARS', 6, 1);
    const from = shiftYears(example.schedule.from, years);
    const until_ = shiftYears(example.schedule.from, years + span).slice(0, 4) + '-01-15';
    const schedule = {
      ...example.schedule,
      from,
      until: span >= 6 ? shiftYears(example.schedule.until, years) : until_,
    };
    const directive = { ...example, schedule, issuedOn: shiftYears(example.issuedOn, years) };
    const cycles = reportingCycles(schedule);
    const units = directive.tasks.map((t) => t.unit);
    const [silent, late] = units;
    const calendar = vietnamCalendar();
    note(
      `P6: ${directive.number}, ${units.length} units × ${cycles.length} quarterly cycles (${schedule.from} … ${schedule.until}) on the time-skipping server`,
    );

    const rec = recordingActivities(env);
    const taskQueue = 'bench-p6';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: rec.activities,
    });
    const sleepUntil = async (at: number) => {
      const now = await env.currentTimeMs();
      if (at > now) await env.sleep(at - now);
    };
    await worker.runUntil(async () => {
      await rec.documents.store(directive.number, directive);
      await env.client.workflow.start('directiveWorkflow', {
        workflowId: directiveWorkflowId(directive.number),
        taskQueue,
        args: [launchInput(directive)],
      });
      let n = 0;
      const report = async (unit: string, cycle: string) => {
        const task = env.client.workflow.getHandle(taskWorkflowId(directive.number, unit, cycle));
        const receipt = await task.executeUpdate(submitReportUpdate, {
          args: [
            {
              text: 'Đã tổ chức 2 hội nghị, đăng 15 tin, bài.',
              indicators: {},
              attachments: [],
              submittedBy: `Văn thư ${unit}`,
              submissionId: `p6-${unit}-${cycle}-${n++}`,
            },
          ],
        });
        await task.executeUpdate(reviewReportUpdate, {
          args: [{ receipt: receipt.receipt, accept: true, by: 'Văn phòng UBND tỉnh' }],
        });
        await until(
          `${unit} ${cycle} closed`,
          async () => (await task.describe()).status.name === 'COMPLETED' || undefined,
          120_000,
          50,
        );
      };
      for (const [i, cycle] of cycles.entries()) {
        await sleepUntil(atLocalTime(cycle.from, 9));
        await until(
          `cycle ${cycle.key} open`,
          async () =>
            units.every((u) => rec.tasks.get(taskWorkflowId(directive.number, u, cycle.key))?.state.assignedAt) ||
            undefined,
          120_000,
          100,
        );
        const onTime = units.filter((u) => u !== late && !(u === silent && i === 0));
        for (const u of onTime) await report(u, cycle.key);
        // The late unit answers after the supervisor (level 2) has been told.
        await sleepUntil(atLocalTime(calendar.workingDaysAfter(calendar.nextWorkingDay(cycle.due, true), 4), 10));
        await report(late, cycle.key);
        if (i % 4 === 3) note(`P6: ${cycle.key} done, ${localDateOf(await env.currentTimeMs())}`);
      }
      await sleepUntil(atLocalTime(schedule.until, 9) + 30 * 86_400_000);
    });

    const sizes = async (id: string) => {
      const h = env.client.workflow.getHandle(id);
      return runSizes(
        env.client,
        id,
        (await h.describe()).raw.workflowExecutionInfo?.firstRunId || (await h.describe()).runId,
      );
    };
    const byKind: Record<string, number[]> = { silent: [], late: [], onTime: [] };
    // Bytes and estimated Cloud actions of each kind's whole chain of runs (a task, cycle by cycle).
    const costs: Record<string, { bytes: number; actions: number; tasks: number }> = {
      silent: { bytes: 0, actions: 0, tasks: 0 },
      late: { bytes: 0, actions: 0, tasks: 0 },
      onTime: { bytes: 0, actions: 0, tasks: 0 },
    };
    for (const [i, c] of cycles.entries()) {
      for (const u of units) {
        const runs = await sizes(taskWorkflowId(directive.number, u, c.key));
        const kind = u === late ? 'late' : u === silent && i === 0 ? 'silent' : 'onTime';
        byKind[kind].push(...runs.map((r) => r.events));
        costs[kind].tasks += 1;
        for (const r of runs) {
          costs[kind].bytes += r.bytes;
          costs[kind].actions += r.actions;
        }
      }
    }
    const dir = await sizes(directiveWorkflowId(directive.number));
    const largest = Math.max(...Object.values(byKind).flat());
    const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
    const silentRuns = byKind.silent.length;
    record({
      id: 'P6',
      name: `events per task run (${span}-year quarterly plan)`,
      unit: 'events',
      dondoc: largest,
      goal: '≤ 2,000',
      pass: largest <= 2000,
      note: `never answering: ${max(byKind.silent)} in ${silentRuns} run${silentRuns === 1 ? '' : 's'}; late: ${max(byKind.late)}; on time: ${max(byKind.onTime)}`,
      details: {
        cycles: cycles.length,
        units: units.length,
        silentRuns: byKind.silent,
        chasesOfSilentTask: rec.notified.filter(
          (x) => x.taskWorkflowId === taskWorkflowId(directive.number, silent, cycles[0].key),
        ).length,
      },
    });
    const per = (k: string) =>
      costs[k].tasks
        ? `${fmt(costs[k].actions / costs[k].tasks)} actions, ${fmt(costs[k].bytes / costs[k].tasks / 1024)} KiB`
        : '–';
    inform({
      id: 'P6',
      name: 'Cloud actions per task (estimated from histories)',
      unit: 'actions',
      dondoc: costs.onTime.tasks ? costs.onTime.actions / costs.onTime.tasks : NaN,
      note: `on time ${per('onTime')}; late ${per('late')}; never answering ${per('silent')} (a task for the whole plan)`,
      details: costs,
    });
    inform({
      id: 'P6',
      name: 'largest directive run (quarterly plan)',
      unit: 'events',
      dondoc: max(dir.map((r) => r.events)),
      note: `${dir.length} runs`,
    });
  } finally {
    await teardown();
  }
}
