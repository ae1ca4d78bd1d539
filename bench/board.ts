// `npm run bench:board`: seeds a fresh database of the embedded PostgreSQL with 1,000,000 tasks
// (100,000 overdue), then times each board query as the web app runs it and the same SQL bare,
// in the same process, and prints p50, p95 and their ratio. DATABASE_URL uses a server you have.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { vietnamCalendar } from '../domain/calendar';
import { createBoardQueries, countsQuery, overdueByUnitQuery, overdueCountQuery, overdueListQuery, weeklyTrendQuery, type Query } from '../db/board-queries';
import { createPool, type Pool } from '../db/pool';
import { migrate } from '../db/migrate';
import { startEmbeddedPostgres } from '../client/stack/postgres';
import { freePort } from '../test/helpers/ports';
import { seedBoard } from './board-seed';

const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const UNITS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;

interface Case {
  name: string;
  app: () => Promise<unknown>;
  bare: () => Promise<unknown>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(run: () => Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

function cases(pool: Pool, now: number): Case[] {
  const cal = vietnamCalendar();
  const board = createBoardQueries(pool, cal);
  const bare = (...qs: Query[]) => () => Promise.all(qs.map((q) => pool.query(q)));
  const page = { limit: 50, offset: 0 };
  return [
    { name: 'bucket counts, province', app: () => board.counts({}, now), bare: bare(countsQuery({}, now)) },
    { name: 'bucket counts, one directive', app: () => board.counts({ directive: '777/BENCH' }, now), bare: bare(countsQuery({ directive: '777/BENCH' }, now)) },
    { name: 'bucket counts, one unit', app: () => board.counts({ unit: 'U0042' }, now), bare: bare(countsQuery({ unit: 'U0042' }, now)) },
    { name: 'overdue list + count', app: () => board.overdue({}, now, page), bare: bare(overdueListQuery({}, now, cal, page), overdueCountQuery({}, now, cal)) },
    { name: 'overdue list, unit', app: () => board.overdue({ unit: 'U0042' }, now, page), bare: bare(overdueListQuery({ unit: 'U0042' }, now, cal, page), overdueCountQuery({ unit: 'U0042' }, now, cal)) },
    { name: 'overdue list, level 3', app: () => board.overdue({ level: 3 }, now, page), bare: bare(overdueListQuery({ level: 3 }, now, cal, page), overdueCountQuery({ level: 3 }, now, cal)) },
    { name: 'overdue list, ≥ 60 working days', app: () => board.overdue({ minDaysOverdue: 60 }, now, page), bare: bare(overdueListQuery({ minDaysOverdue: 60 }, now, cal, page), overdueCountQuery({ minDaysOverdue: 60 }, now, cal)) },
    { name: 'overdue by unit (chart)', app: () => board.overdueByUnit({}, now), bare: bare(overdueByUnitQuery({}, now)) },
    { name: 'weekly trend, province', app: () => board.weeklyTrend({}, now), bare: bare(weeklyTrendQuery({}, now)) },
    { name: 'weekly trend, one unit', app: () => board.weeklyTrend({ unit: 'U0042' }, now), bare: bare(weeklyTrendQuery({ unit: 'U0042' }, now)) },
  ];
}

async function database(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const name = `dondoc_bench_${Date.now()}`;
    const admin = new PgClient({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return { url: url.toString(), stop: async () => undefined };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-bench-'));
  const pg = await startEmbeddedPostgres(dir, await freePort());
  return { url: pg.databaseUrl, stop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

async function main(): Promise<void> {
  const db = await database();
  const pool = createPool(db.url, 4);
  try {
    await migrate(db.url);
    const now = Date.now();
    const t0 = performance.now();
    const seeded = await seedBoard(pool, { tasks: TASKS, units: UNITS, now });
    const { rows } = await pool.query(countsQuery({}, now));
    process.stdout.write(`Seeded ${TASKS.toLocaleString('en')} tasks (${seeded.directives} directives × ${UNITS} units) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
      `${rows[0].overdue.toLocaleString('en')} overdue, ${rows[0].in_progress.toLocaleString('en')} in progress, ${rows[0].done_on_time.toLocaleString('en')} done on time, ${rows[0].done_late.toLocaleString('en')} done late.\n`);
    process.stdout.write(`${RUNS} runs each after ${WARMUP} warm-up runs; times in ms.\n\n`);
    process.stdout.write(`${'query'.padEnd(34)}${'app p50'.padStart(9)}${'app p95'.padStart(9)}${'SQL p50'.padStart(9)}${'SQL p95'.padStart(9)}${'p95 ratio'.padStart(11)}\n`);
    let worst = 0;
    let slowest = 0;
    for (const c of cases(pool, now)) {
      // Alternate app and bare rounds so neither gets a warmer cache.
      const app: number[] = [];
      const bare: number[] = [];
      for (let round = 0; round < 2; round++) {
        app.push(...(await time(c.app, RUNS / 2)));
        bare.push(...(await time(c.bare, RUNS / 2)));
      }
      app.sort((a, b) => a - b);
      bare.sort((a, b) => a - b);
      const ratio = percentile(app, 95) / percentile(bare, 95);
      worst = Math.max(worst, ratio);
      slowest = Math.max(slowest, percentile(app, 95));
      const f = (n: number) => n.toFixed(2).padStart(9);
      process.stdout.write(`${c.name.padEnd(34)}${f(percentile(app, 50))}${f(percentile(app, 95))}${f(percentile(bare, 50))}${f(percentile(bare, 95))}${ratio.toFixed(2).padStart(10)}×\n`);
    }
    process.stdout.write(`\nslowest p95 ${slowest.toFixed(1)} ms (goal < 50 ms); worst ratio ${worst.toFixed(2)}× (goal ≤ 1.5×)\n`);
  } finally {
    await pool.end();
    await db.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`bench:board: ${(err as Error).message}\n`);
  process.exit(1);
});
