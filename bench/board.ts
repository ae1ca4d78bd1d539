// `npm run bench:board` (and P4 of `npm run bench`): seeds a fresh database of the embedded
// PostgreSQL with 1,000,000 tasks (100,000 overdue), then times each board query as the web app
// runs it and the same SQL bare, in the same process, and prints p50, p95 and their ratio.
// DATABASE_URL uses a server you have.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { vietnamCalendar } from '../domain/calendar';
import { createBoardQueries } from '../db/board-queries';
import {
  countsQuery,
  overdueByUnitQuery,
  overdueCountQuery,
  overdueListQuery,
  weeklyTrendQuery,
  type Query,
} from '../db/board-sql';
import { createPool, type Pool } from '../db/pool';
import { migrate } from '../db/migrate';
import { startEmbeddedPostgres } from '../client/stack/postgres';
import { freePort } from '../test/helpers/ports';
import { seedBoard } from './board-seed';
import { percentile } from './parts';

const UNITS = 200;
const WARMUP = 20;

interface Case {
  name: string;
  app: () => Promise<unknown>;
  bare: () => Promise<unknown>;
}

/** Which directive and unit the filtered queries ask for. */
export interface BoardSample {
  directive: string;
  unit: string;
}

const SEEDED: BoardSample = { directive: '777/BENCH', unit: 'U0042' };

function cases(pool: Pool, now: number, sample: BoardSample): Case[] {
  const { directive, unit } = sample;
  const cal = vietnamCalendar();
  const board = createBoardQueries(pool, cal);
  const bare =
    (...qs: Query[]) =>
    () =>
      Promise.all(qs.map((q) => pool.query(q)));
  const page = { limit: 50, offset: 0 };
  return [
    { name: 'bucket counts, province', app: () => board.counts({}, now), bare: bare(countsQuery({}, now)) },
    {
      name: 'bucket counts, one directive',
      app: () => board.counts({ directive }, now),
      bare: bare(countsQuery({ directive }, now)),
    },
    { name: 'bucket counts, one unit', app: () => board.counts({ unit }, now), bare: bare(countsQuery({ unit }, now)) },
    {
      name: 'overdue list + count',
      app: () => board.overdue({}, now, page),
      bare: bare(overdueListQuery({}, now, cal, page), overdueCountQuery({}, now, cal)),
    },
    {
      name: 'overdue list, unit',
      app: () => board.overdue({ unit }, now, page),
      bare: bare(overdueListQuery({ unit }, now, cal, page), overdueCountQuery({ unit }, now, cal)),
    },
    {
      name: 'overdue list, level 3',
      app: () => board.overdue({ level: 3 }, now, page),
      bare: bare(overdueListQuery({ level: 3 }, now, cal, page), overdueCountQuery({ level: 3 }, now, cal)),
    },
    {
      name: 'overdue list, ≥ 60 working days',
      app: () => board.overdue({ minDaysOverdue: 60 }, now, page),
      bare: bare(
        overdueListQuery({ minDaysOverdue: 60 }, now, cal, page),
        overdueCountQuery({ minDaysOverdue: 60 }, now, cal),
      ),
    },
    {
      name: 'overdue by unit (chart)',
      app: () => board.overdueByUnit({}, now),
      bare: bare(overdueByUnitQuery({}, now)),
    },
    { name: 'weekly trend, province', app: () => board.weeklyTrend({}, now), bare: bare(weeklyTrendQuery({}, now)) },
    {
      name: 'weekly trend, one unit',
      app: () => board.weeklyTrend({ unit }, now),
      bare: bare(weeklyTrendQuery({ unit }, now)),
    },
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
  return {
    url: pg.databaseUrl,
    stop: async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BoardCase {
  name: string;
  app: { p50: number; p95: number };
  bare: { p50: number; p95: number };
  ratio: number;
}

export interface BoardRun {
  tasks: number;
  overdue: number;
  seedSeconds: number;
  runs: number;
  cases: BoardCase[];
  /** The slowest p95 of the app's queries, and the worst ratio of any query to its bare SQL. */
  slowest: number;
  worst: number;
}

/** Times every board query the web app runs, and the same SQL bare, `runs` times each. */
export async function timeBoard(
  pool: Pool,
  now: number,
  runs: number,
  print: (line: string) => void = () => undefined,
  sample: BoardSample = SEEDED,
): Promise<BoardCase[]> {
  print(`${runs} runs each after ${WARMUP} warm-up runs; times in ms.\n`);
  print(
    `${'query'.padEnd(34)}${'app p50'.padStart(9)}${'app p95'.padStart(9)}${'SQL p50'.padStart(9)}${'SQL p95'.padStart(9)}${'p95 ratio'.padStart(11)}`,
  );
  const out: BoardCase[] = [];
  for (const c of cases(pool, now, sample)) {
    // App and bare alternate call by call, so a burst of other work on the machine hits both alike.
    for (let i = 0; i < WARMUP; i++) await Promise.all([c.app(), c.bare()]);
    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [first, second] = i % 2 ? [c.bare, c.app] : [c.app, c.bare];
      const t0 = performance.now();
      await first();
      const t1 = performance.now();
      await second();
      const t2 = performance.now();
      (i % 2 ? bare : app).push(t1 - t0);
      (i % 2 ? app : bare).push(t2 - t1);
    }
    app.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const row: BoardCase = {
      name: c.name,
      app: { p50: percentile(app, 50), p95: percentile(app, 95) },
      bare: { p50: percentile(bare, 50), p95: percentile(bare, 95) },
      ratio: percentile(app, 95) / percentile(bare, 95),
    };
    out.push(row);
    const f = (n: number) => n.toFixed(2).padStart(9);
    print(
      `${c.name.padEnd(34)}${f(row.app.p50)}${f(row.app.p95)}${f(row.bare.p50)}${f(row.bare.p95)}${row.ratio.toFixed(2).padStart(10)}×`,
    );
  }
  return out;
}

/** Seeds `tasks` tasks in a fresh database and times every board query `runs` times each way. */
export async function benchBoard(
  tasks: number,
  runs: number,
  print: (line: string) => void = () => undefined,
): Promise<BoardRun> {
  const db = await database();
  const pool = createPool(db.url, 4);
  try {
    await migrate(db.url);
    const now = Date.now();
    const t0 = performance.now();
    const seeded = await seedBoard(pool, { tasks, units: UNITS, now });
    const seedSeconds = (performance.now() - t0) / 1000;
    const { rows } = await pool.query(countsQuery({}, now));
    print(
      `Seeded ${tasks.toLocaleString('en')} tasks (${seeded.directives} directives × ${UNITS} units) in ${seedSeconds.toFixed(1)} s: ` +
        `${rows[0].overdue.toLocaleString('en')} overdue, ${rows[0].in_progress.toLocaleString('en')} in progress, ${rows[0].done_on_time.toLocaleString('en')} done on time, ${rows[0].done_late.toLocaleString('en')} done late.`,
    );
    const out = await timeBoard(pool, now, runs, print);
    const result: BoardRun = {
      tasks,
      overdue: rows[0].overdue,
      seedSeconds,
      runs,
      cases: out,
      slowest: Math.max(...out.map((c) => c.app.p95)),
      worst: Math.max(...out.map((c) => c.ratio)),
    };
    print(
      `\nslowest p95 ${result.slowest.toFixed(1)} ms (goal < 50 ms); worst ratio ${result.worst.toFixed(2)}× (goal ≤ 1.5×)`,
    );
    return result;
  } finally {
    await pool.end();
    await db.stop();
  }
}

async function main(): Promise<void> {
  await benchBoard(Number(process.env.BENCH_TASKS ?? 1_000_000), Number(process.env.BENCH_RUNS ?? 200), (line) =>
    process.stdout.write(`${line}\n`),
  );
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench:board: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
