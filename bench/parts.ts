// What every measure shares: sizes from the environment, the embedded stack on loopback ports
// under a temporary folder, a dondoc worker with explicit cache and concurrency, the units a
// measure needs, the result line and test-results/bench.json.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  bundleWorkflowCode,
  DefaultLogger,
  makeTelemetryFilterString,
  NativeConnection,
  Runtime,
  Worker,
} from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../config';
import { startStack, type Stack } from '../client/stack';
import { connectClient } from '../client/temporal';
import { createDondocWorker, ISOLATE_TIMEOUT, SHARED_WORKFLOW_MODULES } from '../worker/worker';
import { freePort, loopbackPorts } from '../test/helpers/ports';
import type { Pool } from '../db/pool';
import {
  devServerBytes,
  dynamicConfig,
  fullServerBytes,
  setupLabel,
  startFullServer,
  type FullServer,
  type Setup,
} from './servers';
import { pidsMentioning } from './processes';
import { BARE_QUEUE } from './bare-queue';

export { freePort, BARE_QUEUE };
export type { Pool };

/** BENCH_QUICK=1: small sizes, for a smoke run of the whole harness. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** A size from BENCH_<NAME> (e.g. BENCH_P3_TASKS), else the size, or a small one when quick. */
export function size(name: string, full: number, quick: number): number {
  const raw = process.env[`BENCH_${name}`];
  if (raw === undefined || raw === '') return QUICK ? quick : full;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`BENCH_${name}: expected a positive number (got ${JSON.stringify(raw)})`);
  return n;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

export const sortNumbers = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

export const seconds = (ms: number): number => Math.round(ms / 10) / 100;

export const fmt = (n: number): string =>
  !Number.isFinite(n)
    ? String(n)
    : Math.abs(n) >= 100
      ? Math.round(n).toLocaleString('en')
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

export const say = (line: string): void => void process.stdout.write(`${line}\n`);

/** Progress lines go to stderr, so stdout holds only the result lines. */
export const note = (line: string): void => void process.stderr.write(`  · ${line}\n`);

/** Polls until the probe gives a value; fails naming what it waited for. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${seconds(timeoutMs)} s waiting for ${what}`);
}

export const elapsed = (t0: number): number => performance.now() - t0;

// ---- the Temporal runtime: its own log lines are noise in a benchmark -------------------------

let runtime = false;
export function quietRuntime(): void {
  if (runtime) return;
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }), forward: {} },
    },
  });
  runtime = true;
}

// ---- the stack -------------------------------------------------------------------------------

export interface BenchStack {
  config: Config;
  stack: Stack;
  client: Client;
  dataDir: string;
  /** The server it runs on and the worker processes a measure starts. */
  setup: Setup;
  /** The Temporal server's processes (with their PostgreSQL, for the full server). */
  serverPids(): number[];
  /** Bytes the Temporal server keeps on disk. */
  historyBytes(): Promise<number>;
  stop(): Promise<void>;
}

const live = new Set<() => Promise<void>>();

/** Keeps a way to stop a server this run started until `stop` is called or the run is interrupted. */
export function stoppable(stop: () => Promise<void>): () => Promise<void> {
  const once = async () => {
    live.delete(once);
    await stop();
  };
  live.add(once);
  return once;
}

/** Stops every server still running (on Ctrl-C), so none outlives the run. */
export async function stopAllStacks(): Promise<void> {
  await Promise.all([...live].map((stop) => stop().catch(() => undefined)));
}

/**
 * The embedded stack (PostgreSQL, SMTP sink, and the dev server or the full server of `setup`) on
 * free loopback ports in a fresh folder.
 */
export async function benchStack(
  env: Record<string, string> = {},
  setup: Setup = { server: 'dev', workers: 1 },
): Promise<BenchStack> {
  quietRuntime();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-bench-'));
  let full: FullServer | undefined;
  const stopFull = stoppable(async () => void (await full?.stop()));
  if (setup.server === 'full') {
    note(`starting the full Temporal server on PostgreSQL (${setupLabel(setup)})`);
    full = await startFullServer(dataDir);
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(await loopbackPorts()),
    LOG_LEVEL: 'warn',
    ...workerEnv(),
    ...env,
    ...(full ? { TEMPORAL_ADDRESS: full.address } : {}),
  });
  const stack = await startStack(config, { headless: true, temporalDynamicConfig: dynamicConfig() }).catch(
    async (err) => {
      await stopFull();
      throw err;
    },
  );
  const client = await connectClient(stack.temporalAddress, config.TEMPORAL_NAMESPACE);
  const devDb = path.join(dataDir, 'temporal', 'temporal.db');
  return {
    config,
    stack,
    client,
    dataDir,
    setup,
    serverPids: () => (full ? [full.pid] : pidsMentioning(devDb)),
    historyBytes: async () => (full ? (await fullServerBytes(full.databaseUrl)).persistence : devServerBytes(devDb)),
    stop: stoppable(async () => {
      await client.connection.close().catch(() => undefined);
      await stack.stop();
      await stopFull();
      rmSync(dataDir, { recursive: true, force: true });
    }),
  };
}

/** Worker settings the run was asked for (BENCH_ overrides of the WORKER_ variables). */
function workerEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [
    'WORKER_CACHE_SIZE',
    'WORKER_WORKFLOW_TASKS',
    'WORKER_ACTIVITY_TASKS',
    'WORKER_WORKFLOW_THREADS',
    'DIGEST_REMINDERS',
  ])
    if (process.env[k]) out[k] = process.env[k]!;
  return out;
}

/** The worker's tuning as the config holds it, for the results. */
export const tuningOf = (c: Config) => ({
  cache: c.WORKER_CACHE_SIZE,
  workflowTasks: c.WORKER_WORKFLOW_TASKS,
  activityTasks: c.WORKER_ACTIVITY_TASKS,
  workflowThreads: c.WORKER_WORKFLOW_THREADS,
});

let bundle: Promise<{ code: string }> | undefined;
/** dondoc's workflow code, bundled once per run for every worker the run starts. */
export const workflowBundle = (): Promise<{ code: string }> =>
  (bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    preloadModules: SHARED_WORKFLOW_MODULES,
    logger: new DefaultLogger('ERROR'),
  }));

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

/** Runs a worker until stopped, then closes what it holds. */
function runWorker(worker: Worker, close: () => Promise<void>): RunningWorker {
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running.catch(() => undefined);
      await close();
    },
  };
}

/** A dondoc worker (createDondocWorker) in this process, with the config's cache and concurrency. */
export async function dondocWorker(b: BenchStack, overrides: Partial<Config> = {}): Promise<RunningWorker> {
  const config = { ...b.config, ...overrides };
  const { worker, close } = await createDondocWorker({
    config,
    temporalAddress: b.stack.temporalAddress,
    pool: b.stack.pool,
    smtpUrl: b.stack.smtpUrl,
    workflowBundle: await workflowBundle(),
  });
  return runWorker(worker, close);
}

/** What the bare reminder (bareReminder) does as an activity: one mail to the sink. */
export interface BareActivities {
  /** Sends the index-th of the mails the measure prepared. */
  sendMail(index: number): Promise<void>;
}

/** A worker for the bare Temporal baselines (bench/baseline-workflows.ts), same tuning, same server. */
export async function bareWorker(b: BenchStack, activities?: BareActivities): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: b.stack.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: b.config.TEMPORAL_NAMESPACE,
    taskQueue: BARE_QUEUE,
    workflowsPath: require.resolve('./baseline-workflows'),
    activities,
    maxConcurrentActivityTaskExecutions: b.config.WORKER_ACTIVITY_TASKS,
    maxConcurrentLocalActivityExecutions: b.config.WORKER_ACTIVITY_TASKS,
    bundlerOptions: { logger: new DefaultLogger('ERROR') } as never,
    maxCachedWorkflows: b.config.WORKER_CACHE_SIZE,
    maxConcurrentWorkflowTaskExecutions: b.config.WORKER_WORKFLOW_TASKS,
    workflowThreadPoolSize: b.config.WORKER_WORKFLOW_THREADS,
    ...({ isolateExecutionTimeout: ISOLATE_TIMEOUT } as object),
  });
  return runWorker(worker, () => connection.close());
}

// ---- units ---------------------------------------------------------------------------------

export const unitCode = (prefix: string, i: number): string => `${prefix}${String(i + 1).padStart(6, '0')}`;
export const unitMailbox = (code: string): string => `vanthu@${code.toLowerCase()}.bench.example.vn`;

/** `n` departments with one mailbox each, codes `<prefix>000001`…, in one statement. */
export async function seedUnits(pool: Pool, prefix: string, n: number): Promise<string[]> {
  await pool.query(
    `INSERT INTO units (code, name, kind, emails, head_name, head_email, supervisor_emails, steering_emails)
     SELECT c, 'Đơn vị thử ' || c, 'department', ARRAY['vanthu@' || lower(c) || '.bench.example.vn'],
            'Thủ trưởng ' || c, 'thutruong@' || lower(c) || '.bench.example.vn', ARRAY['giamsat@bench.example.vn'], ARRAY['bcd@bench.example.vn']
     FROM (SELECT $1 || lpad(g::text, 6, '0') AS c FROM generate_series(1, $2) g) s
     ON CONFLICT (code) DO NOTHING`,
    [prefix, n],
  );
  return Array.from({ length: n }, (_, i) => unitCode(prefix, i));
}
