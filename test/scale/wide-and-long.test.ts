// A directive has no size cap: it reads its tasks from the stored document a batch at a time and
// carries counts, not tasks. 20,000 units launch and close; a six-year quarterly plan for 700
// units runs every cycle. Every run of the directive stays far under Temporal's limits.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { inParallel } from '../../client/in-parallel';
import { atLocalTime } from '../../domain/calendar';
import { reportingCycles } from '../../domain/periods';
import { acknowledgeUpdate, taskWorkflowId } from '../../workflows/messages';
import { serverPerTest, sleepUntil } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { runsOf, uniqueNumber, withDirective } from '../workflows/directive-harness';
import { directiveOf } from '../workflows/fixtures';

let env: TestWorkflowEnvironment;
serverPerTest((e) => (env = e));

const HOUR = 3_600_000;
const ack = { completion: 'acknowledgement' as const, indicators: [] };

test(
  'a directive of 20,000 units launches, assigns every unit once and closes',
  async () => {
    const units = Number(process.env.SCALE_UNITS ?? 20_000);
    const directive = directiveOf(
      Array.from({ length: units }, () => ({ ...ack, deadline: { workingDays: 20 } })),
      { number: uniqueNumber() },
    );
    const t0 = Date.now();
    await withDirective(env, directive, async ({ handle, firstRunId, rec }) => {
      await eventually(
        'every unit assigned',
        () => rec.notified.filter((n) => n.kind === 'assignment').length >= units,
        3_600_000,
      );
      const assigned = Date.now() - t0;
      await inParallel(directive.tasks, 20, (t) =>
        env.client.workflow
          .getHandle(taskWorkflowId(directive.number, t.unit))
          .executeUpdate(acknowledgeUpdate, { args: [{ by: `Văn thư ${t.unit}` }] }),
      );
      expect(await handle.result()).toMatchObject({ phase: 'done', tasks: units, onTime: units });
      const runs = await runsOf(env, handle.workflowId, firstRunId);
      const largest = Math.max(...runs.map((r) => r.events));
      process.stdout.write(
        `scale: ${units} units assigned in ${(assigned / 1000).toFixed(0)} s, closed in ${((Date.now() - t0) / 1000).toFixed(0)} s; directive runs ${runs.length}, largest ${largest} events\n`,
      );
      expect(new Set(rec.notified.filter((n) => n.kind === 'assignment').map((n) => n.unit)).size).toBe(units);
      for (const run of runs) expect(run.events).toBeLessThan(10_000);
    });
  },
  4 * 3_600_000,
);

test(
  'a six-year quarterly plan for 700 units runs every cycle',
  async () => {
    const units = Number(process.env.SCALE_QUARTERLY_UNITS ?? 700);
    const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const schedule = {
      kind: 'periodic' as const,
      period: 'quarterly' as const,
      dueDay: 20,
      from: `${year}-01-01`,
      until: `${year + 5}-12-31`,
    };
    const cycles = reportingCycles(schedule);
    const directive = directiveOf(
      Array.from({ length: units }, () => ack),
      { number: uniqueNumber(), schedule },
    );
    const t0 = Date.now();
    await withDirective(env, directive, async ({ handle, firstRunId, rec }) => {
      for (const cycle of cycles) {
        await sleepUntil(env, atLocalTime(cycle.from, 9) + HOUR);
        const ids = directive.tasks.map((t) => taskWorkflowId(directive.number, t.unit, cycle.key));
        await eventually(
          `cycle ${cycle.key} assigned`,
          () => ids.every((id) => rec.tasks.get(id)?.state.assignedAt),
          600_000,
        );
        await inParallel(ids, 20, (id) =>
          env.client.workflow.getHandle(id).executeUpdate(acknowledgeUpdate, { args: [{ by: 'Văn thư' }] }),
        );
      }
      expect(await handle.result()).toMatchObject({ phase: 'done', tasks: units * cycles.length });
      const runs = await runsOf(env, handle.workflowId, firstRunId);
      const largest = Math.max(...runs.map((r) => r.events));
      process.stdout.write(
        `scale: quarterly plan, ${units} units × ${cycles.length} cycles in ${((Date.now() - t0) / 1000).toFixed(0)} s; directive runs ${runs.length}, largest ${largest} events\n`,
      );
      for (const run of runs) expect(run.events).toBeLessThan(10_000);
    });
  },
  6 * 3_600_000,
);
