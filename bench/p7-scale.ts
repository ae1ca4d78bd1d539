// P7: 100,000 open tasks on one machine: started through directives of 2,000 units, a sample of
// tasks chased while the fan-out runs (how late their reminders reach the sink), and the board
// on the resulting read model. When 100,000 do not fit in the time given (BENCH_P7_MINUTES, 20),
// the largest number that fits is run and the time for 100,000 is extrapolated from its rate,
// said as such. The dev server's own ceiling is measured in the same run: bare workflows that
// each hold a timer, started as fast as it takes them.
import { performance } from 'node:perf_hooks';
import { timeBoard } from './board';
import {
  BARE_QUEUE,
  benchStack,
  elapsed,
  fmt,
  note,
  percentile,
  seconds,
  seedUnits,
  size,
  sortNumbers,
  tuningOf,
  until,
  type BenchStack,
} from './parts';
import { inParallel } from '../client/in-parallel';
import { cpuMeter, cpuText, treeRssKiB } from './processes';
import { setupLabel, setups, type Setup } from './servers';
import { startBareWorkerProcesses, startWorkerProcesses } from './worker-process';
import { openTasks, UNITS_PER_DIRECTIVE } from './open-tasks';
import { remindersAtSink, startTimedTasks, timedTask } from './tasks';
import { record } from './results';

/** Bare workflows holding a timer, started from the client for `ms`: the server's own start rate. */
async function bareStartRate(b: BenchStack, ms: number): Promise<number> {
  const bare = await startBareWorkerProcesses(b);
  try {
    let started = 0;
    const t0 = performance.now();
    const end = t0 + ms;
    await inParallel(
      Array.from({ length: 50 }, (_, i) => i),
      50,
      async (lane) => {
        for (let k = 0; performance.now() < end; k++) {
          await b.client.workflow.start('bareSleeper', {
            workflowId: `bare-p7:${lane}:${k}`,
            taskQueue: BARE_QUEUE,
            args: [Date.now() + 30 * 86_400_000],
          });
          started += 1;
        }
      },
    );
    // Started means its first workflow task ran and its timer is set, as a task's is.
    await until(
      'the bare workflows to hold their timers',
      async () =>
        (await b.client.workflow.count(`WorkflowType = 'bareSleeper' AND ExecutionStatus = 'Running'`)).count >=
          started || undefined,
      600_000,
      500,
    );
    return started / (elapsed(t0) / 1000);
  } finally {
    await bare.stop();
  }
}

/** P7 on every setup asked for (BENCH_SERVER, BENCH_WORKERS), each with its own bare start rate. */
export async function p7(): Promise<void> {
  for (const setup of setups()) await p7On(setup);
}

const mib = (kib: number): number => Math.round(kib / 1024);

async function p7On(setup: Setup): Promise<void> {
  const target = size('P7_TASKS', 100_000, 600);
  const budgetMs = size('P7_MINUTES', 20, 3) * 60_000;
  const chased = size('P7_CHASED', 200, 20);
  const on = setupLabel(setup);
  const b = await benchStack({}, setup);
  try {
    const units = await seedUnits(b.stack.pool, 'H', Math.min(target, UNITS_PER_DIRECTIVE));
    const sampleUnits = await seedUnits(b.stack.pool, 'HC', chased);
    note(`P7 (${on}): the server alone: bare workflows with a timer`);
    const bareRate = await bareStartRate(b, size('P7_BARE_SECONDS', 60, 15) * 1000);
    const bareBytes = await b.historyBytes();
    note(`P7 (${on}): bare start rate ${fmt(bareRate)} wf/s`);

    const worker = await startWorkerProcesses(b);
    const peak = { workers: 0, server: 0 };
    const sampleRss = () => {
      peak.workers = Math.max(peak.workers, worker.rssMiB());
      peak.server = Math.max(peak.server, mib(b.serverPids().reduce((n, p) => n + treeRssKiB(p), 0)));
    };
    try {
      note(
        `P7 (${on}): opening up to ${target} tasks in ${budgetMs / 60_000} min, worker ${JSON.stringify(tuningOf(b.config))}`,
      );
      const cpu = cpuMeter(b, () => worker.pids);
      const t0 = performance.now();
      let remindAt = 0;
      const opening = await openTasks(b, units, target, 'P7', {
        launchFor: budgetMs * 0.75,
        waitFor: budgetMs * 0.9,
        onPoll: async (o, ms) => {
          sampleRss();
          // A third of the way in, a sample of tasks falls due while the fan-out goes on.
          if (!remindAt && ms > budgetMs * 0.3) {
            remindAt = Date.now() + 180_000;
            void startTimedTasks(
              b,
              sampleUnits.map((u) => timedTask('70/BENCH-P7', u, remindAt)),
              10,
            );
          }
          if (o.timeline.length % 30 === 0)
            note(`P7 (${on}): ${o.open} of ${o.launched} launched tasks open after ${seconds(ms)} s`);
        },
      });
      const { numbers, timeline } = opening;
      const ms = elapsed(t0);
      const open = opening.open;
      const spent = cpu();
      sampleRss();
      const bytes = (await b.historyBytes()) - bareBytes;
      note(`P7 (${on}): ${cpuText(spent, ms)}`);
      const rate = open / (ms / 1000);
      const reached = open >= target;

      const arrivals = remindAt
        ? await until(
            `${chased} sample reminders at the sink`,
            async () => {
              const at = await remindersAtSink(b, '70/BENCH-P7');
              return at.length >= chased ? at : undefined;
            },
            Math.max(60_000, remindAt + 600_000 - Date.now()),
            1_000,
          ).catch(() => remindersAtSink(b, '70/BENCH-P7'))
        : [];
      const late = sortNumbers(arrivals.map((at) => at - remindAt));
      const p = (q: number) => seconds(percentile(late, q));
      const onTime = late.length === chased && percentile(late, 99) <= 60_000;

      const board = await timeBoard(b.stack.pool, Date.now(), size('P7_BOARD_RUNS', 100, 20), () => undefined, {
        directive: numbers[0] ?? '1/BENCH-P7',
        unit: units[41] ?? units[0],
      });
      const slowest = board.reduce((a, c) => (c.app.p95 > a.app.p95 ? c : a));

      record({
        id: 'P7',
        name: reached
          ? `${target.toLocaleString('en')} open tasks started [${on}]`
          : `${target.toLocaleString('en')} open tasks (EXTRAPOLATED from ${open.toLocaleString('en')}) [${on}]`,
        unit: 'min',
        dondoc: reached ? ms / 60_000 : target / rate / 60,
        goal: `${budgetMs / 60_000} min`,
        pass: reached,
        note: `${fmt(rate)} tasks/s, server alone ${fmt(bareRate)} wf/s; CPU a task: workers ${fmt((1000 * spent.workers) / open)} ms, Temporal ${fmt((1000 * spent.temporal) / open)} ms, PostgreSQL ${fmt((1000 * spent.postgres) / open)} ms; store ${fmt(bytes / open / 1024)} KiB a task; peak RSS workers ${fmt(peak.workers)} MiB, server ${fmt(peak.server)} MiB`,
        details: {
          target,
          opened: open,
          seconds: seconds(ms),
          rate,
          bareRate,
          extrapolated: !reached,
          setup,
          tuning: tuningOf(b.config),
          cpu: spent,
          storeBytes: bytes,
          peakRssMiB: peak,
          timeline: timeline.filter((_, i) => i % 10 === 0),
        },
      });
      record({
        id: 'P7',
        name: `chased on time under load (${chased} due at once) [${on}]`,
        unit: 's',
        dondoc: p(99),
        goal: 'all sent, p99 ≤ 60 s late',
        pass: onTime,
        note: `${late.length}/${chased} at the sink; p50 ${p(50)} s, p95 ${p(95)} s`,
        details: { openWhenDue: open, p50: p(50), p95: p(95), p99: p(99) },
      });
      record({
        id: 'P7',
        name: `board p95 on ${open.toLocaleString('en')} live tasks [${on}]`,
        unit: 'ms',
        dondoc: slowest.app.p95,
        baseline: slowest.bare.p95,
        ratio: slowest.app.p95 / slowest.bare.p95,
        goal: '< 50 ms',
        pass: slowest.app.p95 < 50,
        note: `slowest: ${slowest.name}`,
        details: { cases: board },
      });
      record({
        id: 'P7',
        name: `task workflows started (directives, sustained) [${on}]`,
        unit: 'wf/s',
        dondoc: rate,
        baseline: bareRate,
        ratio: rate / bareRate,
        goal: '≥ 0.5×',
        pass: rate / bareRate >= 0.5,
      });
    } finally {
      await worker.stop();
    }
  } finally {
    await b.stop();
  }
}
