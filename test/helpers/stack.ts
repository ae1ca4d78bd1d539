// The real stack for integration tests: a namespace of its own on the run's Temporal server, a
// database of its own in the run's PostgreSQL, an SMTP sink on a free loopback port under a
// temporary folder, plus a worker (on the run's workflow bundle) and the web app.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { freePort, loopbackPorts } from './ports';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../../config';
import { startStack, type Stack } from '../../client/stack';
import { createDondocWorker } from '../../worker/worker';
import { buildApp } from '../../client/web/app';
import { createAppMetrics, type AppMetrics } from '../../client/metrics';
import { createReadModel } from '../../db/read-model';
import { createLinks } from '../../db/links';
import { connectClient } from '../../client/temporal';
import { externalTemporalAddress, freshNamespace, runWorkflowBundle } from './external-temporal';

/** A new, empty database in the run's PostgreSQL, so test files never see each other's rows. */
export async function freshDatabase(): Promise<string> {
  const admin = process.env.DONDOC_TEST_DATABASE_URL;
  if (!admin) throw new Error('DONDOC_TEST_DATABASE_URL is not set: the integration global setup starts PostgreSQL');
  const name = `dondoc_${randomBytes(6).toString('hex')}`;
  const c = new PgClient({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export { freePort };

/** The run's workflow bundle for createDondocWorker, when the run made one. */
export function workflowBundle(): { workflowBundle?: { codePath: string } } {
  const codePath = runWorkflowBundle();
  return codePath ? { workflowBundle: { codePath } } : {};
}

export interface TestStack {
  config: Config;
  stack: Stack;
  worker: Worker;
  app: FastifyInstance;
  /** The app's metrics: served on a port of their own (client/web/serve.ts) by whoever asks. */
  metrics: AppMetrics;
  client: Client;
  stop(): Promise<void>;
}

/** The embedded stack with a worker and the web app; `env` adds settings (e.g. WORKER_BUILD_ID). */
export async function startTestStack(env: Record<string, string> = {}): Promise<TestStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-it-'));
  // The run's Temporal server (or the full one of npm run test:server): a namespace of this stack's own.
  const external = externalTemporalAddress();
  const config = loadConfig({
    ...(external ? { TEMPORAL_ADDRESS: external, TEMPORAL_NAMESPACE: await freshNamespace(external) } : {}),
    DATABASE_URL: await freshDatabase(),
    DATA_DIR: dataDir,
    ...(await loopbackPorts()),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const stack = await startStack(config, { headless: true });
  const { worker, close, takeNewWork } = await createDondocWorker({
    config,
    temporalAddress: stack.temporalAddress,
    pool: stack.pool,
    smtpUrl: stack.smtpUrl,
    ...workflowBundle(),
  });
  const running = worker.run();
  await takeNewWork('always');
  const client = await connectClient(stack.temporalAddress, config.TEMPORAL_NAMESPACE);
  const metrics = createAppMetrics(stack.pool);
  const app = await buildApp({
    config,
    pool: stack.pool,
    readModel: createReadModel(stack.pool),
    links: createLinks(stack.pool),
    temporal: client,
    metrics,
  });
  return {
    config,
    stack,
    worker,
    app,
    metrics,
    client,
    async stop() {
      worker.shutdown();
      await running.catch(() => undefined);
      await app.close();
      await close();
      await client.connection.close();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
