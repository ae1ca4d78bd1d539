// The directive at scale on the time-skipping server: a fan-out of 2,000 units started in
// batches, and a six-year quarterly plan whose every run keeps a short history. The figures
// (runs, events per run) go to test-results/history-sizes.json for the closing notes.
import { inParallel } from '../../client/in-parallel';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { atLocalTime } from '../../domain/calendar';
import { reportingCycles } from '../../domain/periods';
import { acknowledgeUpdate, reviewReportUpdate, submitReportUpdate, taskWorkflowId } from '../../workflows/messages';
import { START_BATCH } from '../../workflows/directive-run';
import { maybeRecordHistory, serverPerTest, sleepUntil } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { runsOf, uniqueNumber, withDirective, type RunFigures } from './directive-harness';
import { directiveOf, report } from './fixtures';

let env: TestWorkflowEnvironment;
serverPerTest((e) => (env = e));

/** Keeps the largest history seen per workflow type, across test files and runs. */
function noteHistorySizes(type: string, runs: RunFigures[]) {
  const file = path.join(__dirname, '..', '..', 'test-results', 'history-sizes.json');
  mkdirSync(path.dirname(file), { recursive: true });
  const sizes: Record<string, { largestRun: number; runs: number }> = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {};
  const largest = Math.max(...runs.map((r) => r.events));
  sizes[type] = { largestRun: Math.max(largest, sizes[type]?.largestRun ?? 0), runs: runs.length };
  writeFileSync(file, JSON.stringify(sizes, null, 2));
}

test(
  'a fan-out started in batches completes, with no run starting more tasks than one batch',
  async () => {
    // The full 2,000 units in batches of 500: four runs, three continue-as-new, every unit
    // acknowledging while later batches start. FANOUT_UNITS and FANOUT_BATCH try other shapes.
    const units = Number(process.env.FANOUT_UNITS ?? 2_000);
    const directive = directiveOf(
      Array.from({ length: units }, () => ({
        completion: 'acknowledgement' as const,
        indicators: [],
        deadline: { workingDays: 15 },
      })),
      { number: uniqueNumber() },
    );
    const batch = Number(process.env.FANOUT_BATCH ?? (units >= 2 * START_BATCH ? START_BATCH : Math.ceil(units / 3)));
    await withDirective(
      env,
      directive,
      async ({ handle, firstRunId, rec }) => {
        await eventually(
          'every unit assigned',
          () => new Set(rec.notified.filter((n) => n.kind === 'assignment').map((n) => n.unit)).size === units,
          400_000,
        );
        const t0 = Date.now();
        await inParallel(directive.tasks, 20, (t) =>
          env.client.workflow
            .getHandle(taskWorkflowId(directive.number, t.unit))
            .executeUpdate(acknowledgeUpdate, { args: [{ by: `Văn thư ${t.unit}` }] }),
        );
        const result = await handle.result();
        process.stdout.write(
          `fan-out: ${units} units in batches of ${batch}, assigned then acknowledged and closed in ${((Date.now() - t0) / 1000).toFixed(1)} s after the last assignment\n`,
        );
        expect(result).toMatchObject({ phase: 'done', tasks: units, onTime: units, late: 0, cancelled: 0 });

        const runs = await runsOf(env, handle.workflowId, firstRunId);
        expect(runs.length).toBeGreaterThanOrEqual(Math.ceil(units / batch));
        // The tasks start from one activity per batch: no run starts a child, none more than a batch.
        for (const run of runs) expect(run.childrenStarted).toBe(0);
        for (const run of runs) expect(run.tasksStarted).toBeLessThanOrEqual(batch);
        expect(runs.reduce((n, r) => n + r.tasksStarted, 0)).toBe(units);
        for (const run of runs) expect(run.events).toBeLessThan(50_000);
        noteHistorySizes(`directiveWorkflow (${units} units, batches of ${batch})`, runs);
        // Every unit was told exactly once; nothing else was sent before the deadline.
        expect(rec.notified.filter((n) => n.kind === 'assignment')).toHaveLength(units);
        expect(rec.notified.filter((n) => n.kind !== 'assignment')).toEqual([]);
        expect(rec.consolidated).toEqual([directive.number]);
      },
      { batchSize: batch },
    );
  },
  Number(process.env.SCALE_TIMEOUT ?? 600_000),
);

test(
  'a six-year quarterly plan runs every cycle, each run of every workflow under 2,000 events',
  async () => {
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const schedule = {
      kind: 'periodic' as const,
      period: 'quarterly' as const,
      dueDay: 20,
      from: `${year}-01-01`,
      until: `${year + 5}-12-31`,
    };
    const cycles = reportingCycles(schedule);
    expect(cycles).toHaveLength(24);
    const unitCodes = ['NB-STTTT', 'NB-SVHTT'];
    const directive = directiveOf(
      unitCodes.map((unit) => ({ unit })),
      { number: uniqueNumber(), schedule },
    );
    await withDirective(env, directive, async ({ handle, firstRunId, rec }) => {
      for (const [i, cycle] of cycles.entries()) {
        await sleepUntil(env, atLocalTime(cycle.from, 9));
        const ids = unitCodes.map((u) => taskWorkflowId(directive.number, u, cycle.key));
        await eventually(`cycle ${cycle.key} open`, () => ids.every((id) => rec.tasks.get(id)?.state.assignedAt));
        for (const id of ids) {
          const task = env.client.workflow.getHandle(id);
          const receipt = await task.executeUpdate(submitReportUpdate, { args: [report(`${cycle.key}-${i}`, 10 + i)] });
          await task.executeUpdate(reviewReportUpdate, {
            args: [{ receipt: receipt.receipt, accept: true, by: 'Văn phòng UBND tỉnh' }],
          });
          await eventually(`${id} closed`, async () => (await task.describe()).status.name === 'COMPLETED');
        }
      }
      const result = await handle.result();
      expect(result).toMatchObject({ phase: 'done', tasks: 48, onTime: 48, late: 0 });
      // Indicators add up across units and cycles: 2 units × Σ(10 + i) for i in 0..23.
      expect(result.indicators.articles).toBe(2 * cycles.reduce((n, _c, i) => n + 10 + i, 0));

      const runs = await runsOf(env, handle.workflowId, firstRunId);
      expect(runs.length).toBeGreaterThanOrEqual(24);
      for (const run of runs) expect(run.events).toBeLessThan(2_000);
      noteHistorySizes('directiveWorkflow (quarterly, 6 years)', runs);
      const taskRuns: RunFigures[] = [];
      for (const c of [cycles[0], cycles.at(-1)!]) {
        const h = env.client.workflow.getHandle(taskWorkflowId(directive.number, unitCodes[0], c.key));
        taskRuns.push(...(await runsOf(env, h.workflowId, (await h.describe()).runId)));
      }
      for (const run of taskRuns) expect(run.events).toBeLessThan(2_000);
      noteHistorySizes('taskWorkflow (quarterly cycle)', taskRuns);
      // One assignment per unit and cycle, keyed by the cycle.
      const assigned = rec.notified.filter((n) => n.kind === 'assignment').map((n) => n.taskWorkflowId);
      expect(new Set(assigned).size).toBe(48);
      expect(assigned).toHaveLength(48);
      await maybeRecordHistory(env, handle.workflowId, 'directive-quarterly-last-run');
    });
  },
  Number(process.env.SCALE_TIMEOUT ?? 600_000),
);
