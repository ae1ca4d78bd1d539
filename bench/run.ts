// `npm run bench` runs every measure; `npm run bench -- p3 p5` (or `node dist/bench/run.js p3`)
// runs the ones named. Each prints one line per figure; all of them go to test-results/bench.json.
// A measure that fails is said so and the others still run.
import { p1 } from './p1-launch';
import { p2 } from './p2-submit';
import { p3 } from './p3-storm';
import { p4 } from './p4-board';
import { p5 } from './p5-memory';
import { p6 } from './p6-history';
import { p7 } from './p7-scale';
import { tune } from './tune';
import os from 'node:os';
import { QUICK, say, stopAllStacks } from './parts';
import { failed, machine, RESULTS_FILE, summary } from './results';
import { setupLabel, setups } from './servers';

const MEASURES: Record<string, { name: string; run: () => Promise<void> }> = {
  p1: { name: 'launch a directive', run: p1 },
  p2: { name: 'department submission', run: p2 },
  p3: { name: 'reminder storm', run: p3 },
  p4: { name: 'supervisor board', run: p4 },
  p5: { name: 'worker memory', run: p5 },
  p6: { name: 'history per run', run: p6 },
  p7: { name: '100,000 open tasks', run: p7 },
};

/** Run only when named. */
const EXTRA: Record<string, { name: string; run: () => Promise<void> }> = {
  tune: { name: 'worker settings', run: tune },
};

/** The machine's load average (1, 5, 15 minutes): other work on the shared cores shows here. */
const loadavg = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(args: string[]): Promise<number> {
  const wanted = args.length ? args.map((a) => a.toLowerCase()) : Object.keys(MEASURES);
  const known = { ...MEASURES, ...EXTRA };
  const unknown = wanted.filter((w) => !known[w]);
  if (unknown.length) {
    process.stderr.write(
      `bench: unknown measure ${unknown.join(', ')}; expected any of ${Object.keys(known).join(', ')}\n`,
    );
    return 2;
  }
  const m = machine();
  say(
    `dondoc benchmarks${QUICK ? ' (BENCH_QUICK: small sizes)' : ''} on ${m.cores} × ${m.cpu}, ${m.memGiB} GiB, Node ${m.node}`,
  );
  say(`servers and workers: ${setups().map(setupLabel).join('; ')} (P1, P3, P7; the others on the dev server)`);
  say(`load before the run: ${loadavg()}`);
  let failures = 0;
  for (const key of wanted) {
    const t0 = Date.now();
    try {
      await known[key].run();
    } catch (err) {
      failures += 1;
      failed(key.toUpperCase(), known[key].name, (err as Error).message);
    }
    process.stderr.write(
      `  · ${key.toUpperCase()} took ${Math.round((Date.now() - t0) / 1000)} s; load ${loadavg()}\n`,
    );
  }
  summary();
  say(`results in ${RESULTS_FILE}`);
  return failures ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`bench: ${signal}, stopping the servers started …\n`);
    void stopAllStacks().then(() => process.exit(130));
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
