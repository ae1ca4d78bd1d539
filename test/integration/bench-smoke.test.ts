// The benchmark harness in its smallest form (BENCH_QUICK): the board measure seeds a small read
// model, times every board query as the app runs it and bare, and says so in one line and in the
// results file. `npm run bench` itself is not part of the tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-bench-smoke-'));
const saved = {
  BENCH_QUICK: process.env.BENCH_QUICK,
  BENCH_RESULTS: process.env.BENCH_RESULTS,
  DATABASE_URL: process.env.DATABASE_URL,
};

beforeAll(() => {
  process.env.BENCH_QUICK = '1';
  process.env.BENCH_RESULTS = path.join(dir, 'bench.json');
  // A fresh database in the run's PostgreSQL instead of an embedded server of its own.
  process.env.DATABASE_URL = process.env.DONDOC_TEST_DATABASE_URL;
});

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

test('the board measure prints one line with dondoc, the bare SQL, their ratio and a verdict, and keeps the figures', async () => {
  const out: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    // Imported here: the harness reads BENCH_QUICK and BENCH_RESULTS when it loads.
    const { p4 } = await import('../../bench/p4-board');
    await p4();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const line = out
    .join('')
    .split('\n')
    .find((l) => l.startsWith('P4 '));
  expect(line).toMatch(
    /^P4 board p95 \(20,000 tasks \/ 2,500 overdue\) {2}dondoc [\d.,]+ ms {2}baseline [\d.,]+ ms {2}ratio [\d.]+× .*\(goal ≤ 1\.5× and < 50 ms\) (PASS|MISS)$/,
  );

  const kept = JSON.parse(readFileSync(path.join(dir, 'bench.json'), 'utf8'));
  expect(kept.machine.cores).toBeGreaterThan(0);
  const p4 = kept.results.find((r: { id: string }) => r.id === 'P4');
  expect(p4).toMatchObject({ quick: true, unit: 'ms' });
  expect(p4.details.cases).toHaveLength(10);
  for (const c of p4.details.cases) expect(c.app.p95).toBeGreaterThan(0);
  expect(p4.dondoc).toBe(Math.max(...p4.details.cases.map((c: { app: { p95: number } }) => c.app.p95)));
}, 60_000);
