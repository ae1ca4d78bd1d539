// `npm run bench -- tune`: the worker settings measured against each other on one stack: each
// variant launches the same size of directive (BENCH_TUNE_UNITS, 300) until every task is in the
// read model with its assignment queued. Variants run forwards then backwards and are averaged,
// so a machine getting busier or quieter favours none. The figure compared is the worker's CPU
// time per task, which other work on a shared machine disturbs far less than the rate does.
// Not part of the default run.
import { performance } from 'node:perf_hooks';
import type { Config } from '../config';
import { benchDirective, launchAndWait } from './p1-launch';
import { benchStack, dondocWorker, elapsed, fmt, note, seedUnits, size } from './parts';
import { cpuMeter } from './processes';
import { inform } from './results';

type Variant = { name: string; settings: Partial<Config> };

const VARIANTS: Variant[] = [
  {
    name: 'SDK defaults: 40 workflow tasks, 100 activities, 1 thread',
    settings: { WORKER_WORKFLOW_TASKS: 40, WORKER_ACTIVITY_TASKS: 100, WORKER_WORKFLOW_THREADS: 1 },
  },
  {
    name: 'SDK defaults, 2 workflow threads',
    settings: { WORKER_WORKFLOW_TASKS: 40, WORKER_ACTIVITY_TASKS: 100, WORKER_WORKFLOW_THREADS: 2 },
  },
  {
    name: '10 workflow tasks, 10 activities',
    settings: { WORKER_WORKFLOW_TASKS: 10, WORKER_ACTIVITY_TASKS: 10, WORKER_WORKFLOW_THREADS: 1 },
  },
  {
    name: '100 workflow tasks, 20 activities',
    settings: { WORKER_WORKFLOW_TASKS: 100, WORKER_ACTIVITY_TASKS: 20, WORKER_WORKFLOW_THREADS: 1 },
  },
  {
    name: '100 workflow tasks, 20 activities, 2 threads',
    settings: { WORKER_WORKFLOW_TASKS: 100, WORKER_ACTIVITY_TASKS: 20, WORKER_WORKFLOW_THREADS: 2 },
  },
];

export async function tune(): Promise<void> {
  const units = size('TUNE_UNITS', 300, 60);
  const b = await benchStack();
  try {
    const all = await seedUnits(b.stack.pool, 'T', units);
    const rates = new Map<string, { rate: number[]; cpu: number[]; all: number[] }>();
    const order = [...VARIANTS, ...[...VARIANTS].reverse()];
    for (const [i, v] of order.entries()) {
      const worker = await dondocWorker(b, v.settings);
      try {
        await launchAndWait(b, benchDirective(`${900 + i}/WARM-TUNE`, all.slice(0, 10)));
        const cpu = cpuMeter(b);
        const t0 = performance.now();
        const { ms } = await launchAndWait(b, benchDirective(`${i + 1}/BENCH-TUNE`, all));
        const c = cpu();
        const r = rates.get(v.name) ?? { rate: [], cpu: [], all: [] };
        r.rate.push(units / (ms / 1000));
        r.cpu.push((1000 * c.bench) / units);
        r.all.push((1000 * (c.bench + c.temporal + c.postgres)) / units);
        rates.set(v.name, r);
        note(
          `tune: ${v.name}: ${fmt(units / (ms / 1000))} tasks/s, ${fmt((1000 * c.bench) / units)} ms worker CPU a task (${fmt(elapsed(t0) / 1000)} s)`,
        );
      } finally {
        await worker.stop();
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const base = mean(rates.get(VARIANTS[0].name)!.cpu);
    for (const v of VARIANTS) {
      const r = rates.get(v.name)!;
      inform({
        id: 'TUNE',
        name: v.name,
        unit: 'ms worker CPU a task',
        dondoc: mean(r.cpu),
        ratio: mean(r.cpu) / base,
        note: `${r.rate.map(fmt).join(' and ')} tasks/s; ${fmt(mean(r.all))} ms CPU a task in all processes`,
        details: { settings: v.settings, units, rates: r.rate, cpu: r.cpu },
      });
    }
  } finally {
    await b.stop();
  }
}
