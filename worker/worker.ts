// One worker process runs dondoc's workflows and activities. It holds no state of its own, so
// more of them can run side by side against the same Temporal namespace and database.
import { existsSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from '../activities';
import { createSmtpMailer, type Mailer } from '../activities/mailer';
import { createLinks } from '../db/links';
import { createReadModel } from '../db/read-model';
import { ConfigError, type Config } from '../config';
import { temporalSecurity } from '../client/temporal';
import { checkNamespace } from './namespace-check';

/**
 * Pure modules evaluated once per workflow thread instead of once per workflow: the calendar works
 * out Tết and Giỗ Tổ from astronomy and builds a table a year, which is costly (2.8 MB and
 * ~150 ms a workflow otherwise). Sharing is safe because it only memoises results that are the
 * same on every call. The SDK freezes what a shared module exports: zod schemas cannot be shared,
 * as zod 4 finishes building a schema on its first use.
 */
export const SHARED_WORKFLOW_MODULES = [require.resolve('../domain/calendar')];

/** How long one workflow activation may run before the SDK gives up on it. */
export const ISOLATE_TIMEOUT = '60s';

export interface WorkerDeps {
  config: Config;
  temporalAddress: string;
  pool: Pool;
  smtpUrl: string;
  mailer?: Mailer;
  /** Workflow code bundled once beforehand (bundleWorkflowCode), instead of bundling it here. */
  workflowBundle?: { code: string } | { codePath: string };
}

/**
 * Bundles the workflow code into a file for WORKER_BUNDLE (`npm run build` writes
 * dist/workflow-bundle.js). A worker that loads it skips webpack at start, and the memory webpack
 * leaves behind: about 200 MB less resident.
 */
export async function writeWorkflowBundle(file: string): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    preloadModules: SHARED_WORKFLOW_MODULES,
  });
  writeFileSync(file, code);
}

function workflowCode(deps: WorkerDeps) {
  if (deps.workflowBundle) return { workflowBundle: deps.workflowBundle };
  const file = deps.config.WORKER_BUNDLE;
  if (file) {
    if (!existsSync(file))
      throw new ConfigError(
        'WORKER_BUNDLE',
        `${file} does not exist; \`npm run build\` writes dist/workflow-bundle.js`,
      );
    return { workflowBundle: { codePath: file } };
  }
  return {
    workflowsPath: require.resolve('../workflows'),
    bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES },
  };
}

export async function createDondocWorker(deps: WorkerDeps): Promise<{ worker: Worker; close(): Promise<void> }> {
  const code = workflowCode(deps);
  const connection = await NativeConnection.connect({
    address: deps.temporalAddress,
    ...temporalSecurity(deps.config),
  });
  try {
    await checkNamespace(connection, deps.temporalAddress, deps.config.TEMPORAL_NAMESPACE);
  } catch (err) {
    await connection.close();
    throw err;
  }
  const mailer = deps.mailer ?? createSmtpMailer(deps.smtpUrl);
  const activities = createActivities({
    pool: deps.pool,
    readModel: createReadModel(deps.pool),
    links: createLinks(deps.pool),
    mailer,
    from: deps.config.MAIL_FROM,
    publicUrl: deps.config.publicUrl,
    lang: deps.config.DEFAULT_LANG,
    digest: deps.config.DIGEST_REMINDERS === 'true',
  });
  const worker = await Worker.create({
    connection,
    namespace: deps.config.TEMPORAL_NAMESPACE,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    ...code,
    activities,
    // Sized by measurement (docs/PERFORMANCE.md): the cache bounds the worker's memory, about
    // 1 MB a cached workflow; the concurrency keeps the CPU busy without queueing on the pool.
    maxCachedWorkflows: deps.config.WORKER_CACHE_SIZE,
    maxConcurrentWorkflowTaskExecutions: deps.config.WORKER_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: deps.config.WORKER_ACTIVITY_TASKS,
    workflowThreadPoolSize: deps.config.WORKER_WORKFLOW_THREADS,
    // A workflow activation that outlives this limit kills the workflow thread and the process
    // with it (a Node vm bug, nodejs/node#38503), and on a starved machine a large directive's
    // activation can take more than the SDK's 5 s. The SDK takes the option without typing it.
    ...({ isolateExecutionTimeout: ISOLATE_TIMEOUT } as object),
  });
  return {
    worker,
    async close() {
      mailer.close();
      await connection.close();
    },
  };
}
