// P1: a directive to U units (2,000 by default) from launch until every task is in the read model
// and its assignment mail is in the outbox, against a bare Temporal parent starting U no-op
// children in batches on the same dev server. Then every task is closed (acknowledged) against
// bare workflows closed by an update: workflows started and closed per second.
import { performance } from 'node:perf_hooks';
import { DirectiveSchema, type Directive } from '../domain/schemas';
import { launchDirective } from '../client/temporal';
import { START_BATCH } from '../workflows/directive-run';
import { acknowledgeUpdate, directiveStatusQuery, directiveWorkflowId, taskWorkflowId } from '../workflows/messages';
import {
  BARE_QUEUE,
  benchStack,
  elapsed,
  fmt,
  note,
  seconds,
  seedUnits,
  size,
  tuningOf,
  until,
  type BenchStack,
} from './parts';
import { inParallel } from '../client/in-parallel';
import { cpuMeter, cpuText, type CpuSplit } from './processes';
import { setupLabel, setups, type Setup } from './servers';
import { startBareWorkerProcesses, startWorkerProcesses } from './worker-process';
import { historyCost, historyOf } from './history';
import { failed, inform, record } from './results';

const STALL_MS = 90_000;

export function benchDirective(
  number: string,
  units: string[],
  completion: 'acknowledgement' | 'report' = 'acknowledgement',
): Directive {
  return DirectiveSchema.parse({
    number,
    title: 'Triển khai Chương trình truyền thông về quyền con người (đo hiệu năng)',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-20',
    tasks: units.map((unit) => ({
      unit,
      title: `Báo cáo kết quả tuyên truyền của ${unit}`,
      deadline: { workingDays: 15 },
      completion,
      indicators: completion === 'report' ? [{ code: 'articles', name: 'Số tin, bài đã đăng', unit: 'bài' }] : [],
    })),
  });
}

class Stalled extends Error {}

/** Launches a directive and waits until each task is in the read model with its assignment queued. */
export async function launchAndWait(
  b: BenchStack,
  directive: Directive,
): Promise<{ ms: number; timeline: [number, number, number][] }> {
  const pool = b.stack.pool;
  const n = directive.tasks.length;
  const t0 = performance.now();
  await launchDirective(b.client, b.config, directive, b.stack.pool);
  const timeline: [number, number, number][] = [];
  let last = -1;
  let lastChange = Date.now();
  await until(
    `${n} tasks registered with their assignment queued`,
    async () => {
      const { rows } = await pool.query(
        `SELECT (SELECT count(*)::int FROM tasks WHERE directive_number = $1) AS tasks,
              (SELECT count(*)::int FROM outbox WHERE directive_number = $1 AND purpose = 'assignment') AS mails`,
        [directive.number],
      );
      const { tasks, mails } = rows[0];
      timeline.push([seconds(elapsed(t0)), tasks, mails]);
      if (tasks + mails !== last) {
        last = tasks + mails;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > STALL_MS) {
        const view = await b.client.workflow
          .getHandle(directiveWorkflowId(directive.number))
          .query(directiveStatusQuery)
          .catch((e: Error) => e.message);
        throw new Stalled(
          `no progress for ${STALL_MS / 1000} s at ${tasks} tasks / ${mails} mails; directive says ${JSON.stringify(typeof view === 'string' ? view : { total: view.total, queued: view.queued, started: view.started, open: view.open })}`,
        );
      }
      return tasks >= n && mails >= n ? true : undefined;
    },
    3_600_000,
    250,
  );
  return { ms: elapsed(t0), timeline: timeline.filter((_, i) => i % 8 === 0) };
}

/** The bare fan-out: U no-op children started in batches, until the last one has closed. */
async function bareFanOut(b: BenchStack, count: number, tag: string): Promise<number> {
  const prefix = `bare-${tag}`;
  const t0 = performance.now();
  await b.client.workflow.start('bareParent', {
    workflowId: `${prefix}:parent`,
    taskQueue: BARE_QUEUE,
    args: [{ prefix, count, batch: START_BATCH }],
  });
  await until(
    `${count} bare children closed`,
    async () => {
      const closed = await b.client.workflow.count(
        `WorkflowType = 'bareChild' AND ExecutionStatus = 'Completed' AND WorkflowId STARTS_WITH '${prefix}:'`,
      );
      return closed.count >= count ? true : undefined;
    },
    1_800_000,
    250,
  );
  return elapsed(t0);
}

/** Acknowledging closes an acknowledgement task: the update, then the run's end. */
async function closeTasks(b: BenchStack, directive: Directive, concurrency: number): Promise<number> {
  const t0 = performance.now();
  await inParallel(directive.tasks, concurrency, async (t) => {
    const handle = b.client.workflow.getHandle(taskWorkflowId(directive.number, t.unit));
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: `Văn thư ${t.unit}` }] });
    await handle.result();
  });
  return elapsed(t0);
}

async function closeBare(b: BenchStack, count: number, concurrency: number): Promise<number> {
  const ids = Array.from({ length: count }, (_, i) => `bare-waiter:${i}`);
  await inParallel(ids, 50, (id) => b.client.workflow.start('bareWaiter', { workflowId: id, taskQueue: BARE_QUEUE }));
  const t0 = performance.now();
  await inParallel(ids, concurrency, async (id) => {
    const handle = b.client.workflow.getHandle(id);
    await handle.executeUpdate('finish');
    await handle.result();
  });
  return elapsed(t0);
}

/** P1 on every setup asked for (BENCH_SERVER, BENCH_WORKERS), each with its own baseline. */
export async function p1(): Promise<void> {
  for (const setup of setups()) await p1On(setup);
}

async function p1On(setup: Setup): Promise<void> {
  let units = size('P1_UNITS', 2000, 100);
  const concurrency = size('P1_CONCURRENCY', 20, 10);
  const on = setupLabel(setup);
  const b = await benchStack({}, setup);
  try {
    const all = await seedUnits(b.stack.pool, 'L', units);
    const worker = await startWorkerProcesses(b);
    const bare = await startBareWorkerProcesses(b);
    const workerPids = () => [...worker.pids, ...bare.pids];
    try {
      note(`P1 (${on}): warming up (20 units, 20 bare children) with worker ${JSON.stringify(tuningOf(b.config))}`);
      await launchAndWait(b, benchDirective('1/WARM-P1', all.slice(0, 20)));
      await bareFanOut(b, 20, 'warm');

      let launched: { ms: number; timeline: [number, number, number][] } | undefined;
      let directive = benchDirective('11/BENCH-P1', all.slice(0, units));
      let baseline = 0;
      let launchCpu: CpuSplit | undefined;
      for (let attempt = 0; !launched; attempt++) {
        note(`P1 (${on}): bare fan-out of ${units} children`);
        const before = await bareFanOut(b, units, `a${attempt}`);
        note(`P1 (${on}): bare fan-out ${seconds(before)} s; launching ${units} units`);
        const cpu = cpuMeter(b, workerPids);
        const t0 = performance.now();
        try {
          launched = await launchAndWait(b, directive);
          launchCpu = cpu();
          note(`P1 (${on}): ${cpuText(launchCpu, elapsed(t0))}`);
        } catch (err) {
          if (!(err instanceof Stalled)) throw err;
          failed('P1', `launch ${units.toLocaleString('en')} units [${on}]`, err.message);
          await b.client.workflow
            .getHandle(directiveWorkflowId(directive.number))
            .terminate('stalled')
            .catch(() => undefined);
          if (units <= 100) return;
          units = Math.floor(units / 2);
          directive = benchDirective(`${12 + attempt}/BENCH-P1`, all.slice(0, units));
          continue;
        }
        const after = await bareFanOut(b, units, `b${attempt}`);
        baseline = (before + after) / 2;
      }
      // What the server keeps per task by the time its assignment is out, against a bare child's.
      const taskEvents =
        (await b.client.workflow.getHandle(taskWorkflowId(directive.number, all[0])).fetchHistory()).events?.length ??
        0;
      const childEvents = (await b.client.workflow.getHandle('bare-warm:0').fetchHistory()).events?.length ?? 0;
      const ratio = launched.ms / baseline;
      record({
        id: 'P1',
        name: `launch ${units.toLocaleString('en')} units [${on}]`,
        unit: 's',
        dondoc: seconds(launched.ms),
        baseline: seconds(baseline),
        ratio,
        goal: '≤ 1.5×',
        pass: ratio <= 1.5,
        note: `events a task by its assignment ${taskEvents}, a bare child ${childEvents}`,
        details: {
          units,
          batch: START_BATCH,
          taskEvents,
          childEvents,
          setup,
          cpu: launchCpu,
          tuning: tuningOf(b.config),
          timeline: launched.timeline,
        },
      });
      // What one task costs until its assignment is out, for the capacity model (docs/PERFORMANCE.md).
      if (launchCpu) {
        const ms = (s: number) => (1000 * s) / units;
        const { bytes, actions } = await historyCost(b.client, taskWorkflowId(directive.number, all[0]));
        inform({
          id: 'P1',
          name: `cost of a task until assigned [${on}]`,
          unit: 'ms CPU',
          dondoc: ms(launchCpu.workers + launchCpu.temporal + launchCpu.postgres + launchCpu.bench),
          note: `workers ${fmt(ms(launchCpu.workers))}, Temporal ${fmt(ms(launchCpu.temporal))}, PostgreSQL ${fmt(ms(launchCpu.postgres))}, bench ${fmt(ms(launchCpu.bench))} ms; ${taskEvents} events, ${fmt(bytes / 1024)} KiB history, ${actions} Cloud actions (estimated)`,
          details: { cpu: launchCpu, units, taskEvents, historyBytes: bytes, actions, setup },
        });
      }
      inform({
        id: 'P1',
        name: `task workflows started [${on}]`,
        unit: 'wf/s',
        dondoc: units / (launched.ms / 1000),
        baseline: units / (baseline / 1000),
        ratio: baseline / launched.ms,
      });

      note(`P1 (${on}): closing ${units} tasks, ${concurrency} updates in flight`);
      const closed = await closeTasks(b, directive, concurrency);
      const bareClosed = await closeBare(b, units, concurrency);
      inform({
        id: 'P1',
        name: `task workflows closed [${on}]`,
        unit: 'wf/s',
        dondoc: units / (closed / 1000),
        baseline: units / (bareClosed / 1000),
        ratio: bareClosed / closed,
        details: { concurrency },
      });

      const dir = await historyOf(b.client, directiveWorkflowId(directive.number));
      const task = await historyOf(b.client, taskWorkflowId(directive.number, all[0]));
      inform({
        id: 'P1',
        name: `largest directive run (${units} units) [${on}]`,
        unit: 'events',
        dondoc: dir.largest,
        details: { runs: dir.runs, total: dir.total, taskRunEvents: task.largest },
      });
    } finally {
      await worker.stop();
      await bare.stop();
    }
  } finally {
    await b.stop();
  }
}
