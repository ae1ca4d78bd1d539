// P4: the supervisor board at 1,000,000 tasks / 100,000 overdue, each of its queries as the web
// app runs it against the same SQL run bare (bench/board.ts, also `npm run bench:board`).
import { benchBoard } from './board';
import { note, size } from './parts';
import { record } from './results';

export async function p4(): Promise<void> {
  const tasks = size('P4_TASKS', 1_000_000, 20_000);
  const runs = size('P4_RUNS', 200, 40);
  const r = await benchBoard(tasks, runs, (line) => line.split('\n').forEach((l) => l && note(l)));
  const slowest = r.cases.reduce((a, c) => (c.app.p95 > a.app.p95 ? c : a));
  const worst = r.cases.reduce((a, c) => (c.ratio > a.ratio ? c : a));
  record({
    id: 'P4',
    name: `board p95 (${tasks.toLocaleString('en')} tasks / ${r.overdue.toLocaleString('en')} overdue)`,
    unit: 'ms',
    dondoc: slowest.app.p95,
    baseline: slowest.bare.p95,
    ratio: worst.ratio,
    goal: '≤ 1.5× and < 50 ms',
    pass: worst.ratio <= 1.5 && slowest.app.p95 < 50,
    note: `slowest: ${slowest.name}; worst ratio: ${worst.name}`,
    details: { seedSeconds: r.seedSeconds, runs, cases: r.cases },
  });
}
