// P5: the memory of a worker process (`dondoc worker`, worker threads included) while directives
// open 10,000 task workflows and then while they stay open: sampled every two seconds, the peak
// against 1 GiB, and whether it levels off once every task is open.
import { readFileSync } from 'node:fs';
import { openTasks, UNITS_PER_DIRECTIVE } from './open-tasks';
import { benchStack, fmt, note, seconds, seedUnits, size, tuningOf, until } from './parts';
import { inform, record } from './results';
import { startWorkerProcess } from './worker-process';

export async function p5(): Promise<void> {
  const total = size('P5_TASKS', 10_000, 300);
  const holdMs = size('P5_HOLD_SECONDS', 120, 20) * 1000;
  const b = await benchStack();
  try {
    const units = await seedUnits(b.stack.pool, 'M', Math.min(total, UNITS_PER_DIRECTIVE));
    const w = await startWorkerProcess(b, {
      LOG_LEVEL: 'info',
      ...(process.env.BENCH_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS } : {}),
    });
    const samples: [number, number, string][] = [];
    let phase = 'starting';
    const t0 = Date.now();
    const timer = setInterval(() => {
      try {
        samples.push([seconds(Date.now() - t0), Math.round(w.rssMiB()), phase]);
      } catch {
        // the worker exited; the wait below says so
      }
    }, 2_000);
    try {
      await until(
        'the worker polling',
        async () => readFileSync(w.logFile, 'utf8').includes('worker polling') || undefined,
        180_000,
        500,
      );
      note(
        `P5: worker process ${w.pid} polling at ${fmt(w.rssMiB())} MiB; opening ${total} tasks, worker ${JSON.stringify(tuningOf(b.config))}`,
      );
      phase = 'opening';
      const ts = Date.now();
      let lastNote = Date.now();
      const opening = await openTasks(b, units, total, 'P5', {
        onPoll: (o) => {
          w.rssMiB();
          if (Date.now() - lastNote < 60_000) return;
          lastNote = Date.now();
          note(`P5: ${o.open} tasks open, worker at ${fmt(w.rssMiB())} MiB`);
        },
      });
      if (opening.open < total) throw new Error(`only ${opening.open} of ${total} tasks opened`);
      const opened = Date.now() - ts;
      inform({
        id: 'P5',
        name: 'task workflows started (directives of 2,000)',
        unit: 'wf/s',
        dondoc: total / (opened / 1000),
      });
      note(`P5: ${total} tasks open after ${seconds(opened)} s at ${fmt(w.rssMiB())} MiB; holding ${holdMs / 1000} s`);
      phase = 'holding';
      await new Promise((r) => setTimeout(r, holdMs));
    } finally {
      clearInterval(timer);
      await w.stop();
    }
    const held = samples.filter((s) => s[2] === 'holding').map((s) => s[1]);
    const third = Math.max(1, Math.floor(held.length / 3));
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const growth = held.length ? mean(held.slice(-third)) / mean(held.slice(0, third)) - 1 : NaN;
    const peak = Math.max(...samples.map((s) => s[1]));
    const plateau = growth < 0.05;
    record({
      id: 'P5',
      name: `worker RSS, ${total.toLocaleString('en')} open tasks`,
      unit: 'MiB',
      dondoc: peak,
      goal: '≤ 1024 MiB, plateaus',
      pass: peak <= 1024 && plateau,
      note: `${plateau ? 'plateaus' : 'still growing'}: ${(growth * 100).toFixed(1)}% over the last ${holdMs / 1000} s held`,
      details: {
        tasks: total,
        peakMiB: peak,
        heldGrowth: growth,
        tuning: tuningOf(b.config),
        samples: samples.filter((_, i) => i % 5 === 0 || i === samples.length - 1),
      },
    });
  } finally {
    await b.stop();
  }
}
