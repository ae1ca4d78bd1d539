// What the reliability tests share: the parts of the stack started one by one so a test can
// stop and start each of them, workers as child processes, a directory of many synthetic units,
// counts from the environment, and the one line of figures each test prints and keeps.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../../config';
import { startStack, type Stack } from '../../client/stack';
import { connectClient } from '../../client/temporal';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../client/web/app';
import { createLinks } from '../../db/links';
import { createReadModel } from '../../db/read-model';
import { DirectiveSchema, type Directive, type DirectiveInput, type OrgUnit } from '../../domain/schemas';
import { startCli, type CliRun } from '../helpers/cli';
import { freshDatabase } from '../helpers/stack';
import { externalTemporalAddress, freshNamespace, runWorkflowBundle } from '../helpers/external-temporal';
import { loopbackPorts } from '../helpers/ports';
import { eventually } from '../helpers/wait';

/** `test:reliability` sets RELIABILITY_FULL=1: the issue's counts. Otherwise small ones for `npm test`. */
export const FULL = process.env.RELIABILITY_FULL === '1';

/** A count from its environment variable, else the full or the quick default. */
export function countOf(variable: string, full: number, quick: number): number {
  const given = process.env[variable];
  if (given !== undefined && given !== '') {
    const n = Number(given);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${variable}: expected a number, got ${JSON.stringify(given)}`);
    return n;
  }
  return FULL ? full : quick;
}

const RESULTS = path.resolve(__dirname, '..', '..', 'test-results', 'reliability.jsonl');

/** Prints one line of figures (`RELIABILITY name k=v …`) and appends it as JSON to test-results/reliability.jsonl. */
export function reportFigures(test: string, figures: Record<string, number | string>): void {
  const line = `RELIABILITY ${test} ${Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`;
  console.log(line);
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  appendFileSync(RESULTS, `${JSON.stringify({ test, at: new Date().toISOString(), full: FULL, ...figures })}\n`);
}

export const seconds = (since: number): number => Math.round((Date.now() - since) / 100) / 10;

export interface Parts {
  config: Config;
  stack: Stack;
  client: Client;
  dataDir: string;
  /** The copy of the sources the test's workers run. */
  build: string;
}

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = [
  'activities',
  'calendar',
  'client',
  'config',
  'db',
  'domain',
  'worker',
  'workflows',
  'package.json',
  'tsconfig.json',
  path.join('test', 'helpers', 'register-ts.js'),
];

/**
 * A copy of the sources taken when the test begins: a worker started after a kill runs the same
 * workflow code as the one it replaces, as in a deployment, whatever happens to the working tree.
 */
function snapshotSources(into: string): string {
  for (const s of SOURCES) cpSync(path.join(ROOT, s), path.join(into, s), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(into, 'node_modules'));
  return into;
}

/**
 * Temporal (a namespace of the run's server, unless TEMPORAL_ADDRESS names another), PostgreSQL (a
 * fresh database) and, unless SMTP_URL is given, the SMTP sink: no worker, no web app.
 */
export async function startParts(overrides: Record<string, string> = {}): Promise<Parts> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-rel-'));
  const shared = overrides.TEMPORAL_ADDRESS ? undefined : externalTemporalAddress();
  const config = loadConfig({
    ...(shared ? { TEMPORAL_ADDRESS: shared, TEMPORAL_NAMESPACE: await freshNamespace(shared) } : {}),
    DATABASE_URL: await freshDatabase(),
    DATA_DIR: dataDir,
    ...(await loopbackPorts()),
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  const stack = await startStack(config, { headless: true });
  const client = await connectClient(stack.temporalAddress, config.TEMPORAL_NAMESPACE);
  return { config, stack, client, dataDir, build: snapshotSources(path.join(dataDir, 'build')) };
}

export async function stopParts(p: Parts | undefined): Promise<void> {
  if (!p) return;
  await p.client.connection.close();
  await p.stack.stop();
  rmSync(p.dataDir, { recursive: true, force: true });
}

/** The parts, a `dondoc worker` process and the web app (in this process, for `inject`). */
export interface WebStack extends Parts {
  app: FastifyInstance;
  worker: CliRun;
  stop(): Promise<void>;
}

export async function startWebStack(config: Partial<Config> = {}): Promise<WebStack> {
  const p = await startParts();
  const worker = startWorker(p);
  try {
    await polling(worker);
    const app = await buildApp({
      config: { ...p.config, ...config },
      pool: p.stack.pool,
      readModel: createReadModel(p.stack.pool),
      links: createLinks(p.stack.pool),
      temporal: p.client,
    });
    return {
      ...p,
      app,
      worker,
      async stop() {
        await app.close();
        await stopProcess(worker);
        await stopParts(p);
      },
    };
  } catch (err) {
    await stopProcess(worker);
    await stopParts(p);
    throw err;
  }
}

/** What a worker process needs to reach the same parts. */
export const workerEnv = (p: Parts, extra: Record<string, string> = {}): Record<string, string> => ({
  TEMPORAL_ADDRESS: p.stack.temporalAddress,
  TEMPORAL_NAMESPACE: p.config.TEMPORAL_NAMESPACE,
  // The workflow code the run bundled when it began: a worker started after a kill runs the same.
  ...(runWorkflowBundle() ? { WORKER_BUNDLE: runWorkflowBundle()! } : {}),
  DATABASE_URL: p.stack.databaseUrl,
  SMTP_URL: p.stack.smtpUrl,
  DATA_DIR: p.dataDir,
  LOG_LEVEL: 'warn',
  ...extra,
});

/** A `dondoc worker` child process, run from the test's copy of the sources; it logs at info so its start shows. */
export const startWorker = (p: Parts, extra: Record<string, string> = {}): CliRun =>
  startCli(['worker'], workerEnv(p, { LOG_LEVEL: 'info', ...extra }), { root: p.build });

/** Resolves once the worker says it polls (it bundles the workflow code first: seconds). */
export const polling = (w: CliRun, timeoutMs = 180_000): Promise<boolean> =>
  eventually(
    'the worker polling',
    () => {
      if (w.child.exitCode !== null) throw new Error(`the worker exited: ${w.stderr().slice(-500)}`);
      return w.stdout().includes('"worker polling"');
    },
    timeoutMs,
  );

/** Stops a child process (a worker, the web app): SIGTERM, then SIGKILL if it lingers. */
export async function stopProcess(w: CliRun | undefined): Promise<void> {
  if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return;
  const timer = setTimeout(() => w.child.kill('SIGKILL'), 20_000);
  w.child.kill('SIGTERM');
  await w.exited;
  clearTimeout(timer);
}

/** Kills a worker as a power cut would, and waits until it is gone. */
export async function killWorker(w: CliRun): Promise<void> {
  w.child.kill('SIGKILL');
  await w.exited;
}

/** Synthetic units R-00001…, one mailbox each, written to the unit directory. */
export async function seedUnits(p: Pick<Parts, 'stack'>, n: number, prefix = 'R'): Promise<string[]> {
  const units: OrgUnit[] = Array.from({ length: n }, (_, i) => {
    const code = `${prefix}-${String(i + 1).padStart(5, '0')}`;
    return {
      code,
      name: `Đơn vị thử ${code}`,
      kind: 'district',
      emails: [`vanthu.${code.toLowerCase()}@units.example.vn`],
      head: { name: `Trưởng ${code}`, email: `truong.${code.toLowerCase()}@units.example.vn` },
      supervisorEmails: ['lanhdao@ubnd.example.vn'],
      steeringEmails: [],
    };
  });
  for (let i = 0; i < units.length; i += 500) await createReadModel(p.stack.pool).upsertUnits(units.slice(i, i + 500));
  return units.map((u) => u.code);
}

/** A one-off directive with one report task per unit. */
export function directiveOf(
  number: string,
  units: string[],
  o: Partial<DirectiveInput> & { workingDays?: number; completion?: 'report' | 'acknowledgement' } = {},
): Directive {
  const { workingDays = 10, completion = 'report', ...rest } = o;
  return DirectiveSchema.parse({
    number,
    title: 'Báo cáo kết quả tuyên truyền',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-20',
    tasks: units.map((unit) => ({
      unit,
      role: 'lead',
      title: 'Báo cáo kết quả tuyên truyền',
      deadline: { workingDays },
      completion,
    })),
    ...rest,
  });
}

export const count = async (p: Pick<Parts, 'stack'>, sql: string, args: unknown[] = []): Promise<number> =>
  Number((await p.stack.pool.query(sql, args)).rows[0].n);

/**
 * Messages the sink received more than once: the same Message-ID (the outbox makes it from the
 * message's key), or the same recipient and subject.
 */
export async function duplicatesAtSink(p: Pick<Parts, 'stack'>): Promise<number> {
  const byId = await count(
    p,
    `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM mailbox WHERE message_id IS NOT NULL GROUP BY message_id) g`,
  );
  const byContent = await count(
    p,
    `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM mailbox GROUP BY rcpt_to, subject) g`,
  );
  return Math.max(byId, byContent);
}

/** Awaits `work`, failing at once with the worker's last words if the worker exits first. */
export async function whileAlive<T>(w: CliRun, work: Promise<T>): Promise<T> {
  const died = w.exited.then((code) => {
    throw new Error(`the worker exited (${code}) while the test waited: ${(w.stderr() || w.stdout()).slice(-3000)}`);
  });
  died.catch(() => undefined);
  return Promise.race([work, died]);
}
