// Which Temporal server a measure runs on, and how many worker processes: BENCH_SERVER=dev|full
// and BENCH_WORKERS=1|3, each a comma list to run every combination in one bench run (e.g.
// BENCH_SERVER=dev,full BENCH_WORKERS=1,3), or BENCH_SETUPS=dev:1,full:3 for chosen pairs. `dev` is the Temporal CLI's dev server on SQLite,
// started by the stack; `full` is the full server on PostgreSQL, built and started by
// scripts/temporal-server.mjs as `npm run test:server` does. The baselines of a measure always run
// on the same server, with as many worker processes, in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { stopChild } from '../client/stack/temporal-dev';
import { projectRoot } from '../db/paths';

export type ServerKind = 'dev' | 'full';

export interface Setup {
  server: ServerKind;
  /** `dondoc worker` processes (and as many bare worker processes for the baselines). */
  workers: number;
}

function list(name: string, fallback: string): string[] {
  return (process.env[name] || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Every combination asked for, the dev server with one worker when nothing is. BENCH_SETUPS
 * names them one by one instead (`dev:1,full:3`), to leave out the ones not wanted.
 */
export function setups(): Setup[] {
  if (process.env.BENCH_SETUPS)
    return list('BENCH_SETUPS', '').map((pair) => {
      const m = /^(dev|full):([1-8])$/.exec(pair);
      if (!m)
        throw new Error(`BENCH_SETUPS: expected server:workers pairs like dev:1,full:3 (got ${JSON.stringify(pair)})`);
      return { server: m[1] as ServerKind, workers: Number(m[2]) };
    });
  const servers = list('BENCH_SERVER', 'dev').map((s) => {
    if (s !== 'dev' && s !== 'full') throw new Error(`BENCH_SERVER: expected dev or full (got ${JSON.stringify(s)})`);
    return s;
  });
  const workers = list('BENCH_WORKERS', '1').map((w) => {
    const n = Number(w);
    if (!Number.isInteger(n) || n < 1 || n > 8)
      throw new Error(`BENCH_WORKERS: expected 1 to 8 (got ${JSON.stringify(w)})`);
    return n;
  });
  return servers.flatMap((server) => workers.map((n) => ({ server, workers: n })));
}

/** How a result line names its setup, e.g. "full server, 3 workers". */
export const setupLabel = (s: Setup): string =>
  `${s.server === 'dev' ? 'dev server' : 'full server'}, ${s.workers} worker${s.workers === 1 ? '' : 's'}`;

export interface FullServer {
  address: string;
  /** Superuser URL of the server's own PostgreSQL (persistence and visibility databases). */
  databaseUrl: string;
  /** The script's process: the server and its PostgreSQL are its descendants. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Dynamic config values both servers get in this run, from BENCH_DYNAMIC_CONFIG: `KEY=JSON` pairs
 * separated by spaces (e.g. `system.enableActivityEagerExecution=true`), to try a server setting
 * against the same run's figures without it.
 */
export const dynamicConfig = (): string[] => (process.env.BENCH_DYNAMIC_CONFIG ?? '').split(/\s+/).filter(Boolean);

/** deploy/temporal-server/dynamicconfig.yaml with the run's values added, in `dir`. */
function dynamicConfigFile(dir: string): string | undefined {
  const values = dynamicConfig();
  if (!values.length) return undefined;
  const file = path.join(dir, 'dynamicconfig.yaml');
  const shipped = readFileSync(path.join(projectRoot(), 'deploy', 'temporal-server', 'dynamicconfig.yaml'), 'utf8');
  const added = values.map((v) => {
    const i = v.indexOf('=');
    return `${v.slice(0, i)}:\n  - value: ${v.slice(i + 1)}\n`;
  });
  writeFileSync(file, `${shipped}\n# BENCH_DYNAMIC_CONFIG\n${added.join('')}`);
  return file;
}

/**
 * The full server on its own PostgreSQL, through `scripts/temporal-server.mjs start` (built once
 * into .tools/bin). TEMPORAL_HISTORY_SHARDS and the other TEMPORAL_ variables reach the server.
 */
export async function startFullServer(dir: string): Promise<FullServer> {
  const script = path.join(projectRoot(), 'scripts', 'temporal-server.mjs');
  const dynamic = dynamicConfigFile(dir);
  const child: ChildProcess = spawn(process.execPath, [script, 'start'], {
    cwd: projectRoot(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(dynamic ? { TEMPORAL_DYNAMIC_CONFIG: dynamic } : {}) },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const found: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      for (const m of out.matchAll(/^(TEMPORAL_ADDRESS|DONDOC_TEST_DATABASE_URL)=(.+)$/gm)) found[m[1]] = m[2].trim();
      if (found.TEMPORAL_ADDRESS && found.DONDOC_TEST_DATABASE_URL) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`scripts/temporal-server.mjs exited (${code}) before serving: ${stderr.trim().slice(-1500)}`)),
    );
  });
  return {
    address: found.TEMPORAL_ADDRESS,
    databaseUrl: found.DONDOC_TEST_DATABASE_URL,
    pid: child.pid!,
    stop: () => stopChild(child, 60_000),
  };
}

/** Bytes the full server's persistence database holds (histories, mutable state, timers, visibility apart). */
export async function fullServerBytes(databaseUrl: string): Promise<{ persistence: number; visibility: number }> {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query(
      `SELECT pg_database_size('temporal')::float8 AS p, pg_database_size('temporal_visibility')::float8 AS v`,
    );
    return { persistence: rows[0].p, visibility: rows[0].v };
  } finally {
    await pg.end();
  }
}

/** Bytes of the dev server's SQLite file with its write-ahead log. */
export function devServerBytes(dbFile: string): number {
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(dbFile) + size(`${dbFile}-wal`);
}
