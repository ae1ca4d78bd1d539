// One worker process runs dondoc's workflows and activities. It holds no state of its own, so
// more of them can run side by side against the same Temporal namespace and database.
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from '../activities';
import { createSmtpMailer, type Mailer } from '../activities/mailer';
import { createLinks } from '../db/links';
import { createReadModel } from '../db/read-model';
import type { Config } from '../config';
import { temporalSecurity } from '../client/temporal';
import { checkNamespace } from './namespace-check';

/**
 * Pure modules evaluated once per workflow thread instead of once per workflow: the calendar
 * works out Tết and Giỗ Tổ from astronomy and builds a table a year, which is costly. Sharing is
 * safe because it only memoises results that are the same on every call.
 */
export const SHARED_WORKFLOW_MODULES = [require.resolve('../domain/calendar'), require.resolve('zod')];

/** How long one workflow activation may run before the SDK gives up on it. */
export const ISOLATE_TIMEOUT = '60s';

export interface WorkerDeps {
  config: Config;
  temporalAddress: string;
  pool: Pool;
  smtpUrl: string;
  mailer?: Mailer;
  /** Workflow code bundled once beforehand (bundleWorkflowCode), instead of bundling it here. */
  workflowBundle?: { code: string };
}

export async function createDondocWorker(deps: WorkerDeps): Promise<{ worker: Worker; close(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address: deps.temporalAddress, ...temporalSecurity(deps.config) });
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
    ...(deps.workflowBundle ? { workflowBundle: deps.workflowBundle } : { workflowsPath: require.resolve('../workflows'), bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES } }),
    activities,
    // Sized by measurement (docs/PERFORMANCE.md): every open task fits in the cache, so a timer
    // or an update never waits for its history to be replayed.
    maxCachedWorkflows: deps.config.WORKER_CACHE_SIZE,
    maxConcurrentWorkflowTaskExecutions: deps.config.WORKER_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: deps.config.WORKER_ACTIVITY_TASKS,
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
