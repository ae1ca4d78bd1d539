// One worker process runs dondoc's workflows and activities. It holds no state of its own, so
// more of them can run side by side against the same Temporal namespace and database.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from '../activities';
import { createSmtpMailer, type Mailer } from '../activities/mailer';
import { edxmlDeliveryFrom } from '../activities/edxml-outbox';
import { renderDocx } from '../client/web/views/docx';
import { createDocumentStore } from '../db/directive-documents';
import { createLinks } from '../db/links';
import { createReadModel } from '../db/read-model';
import { ConfigError, type Config } from '../config';
import { temporalSecurity } from '../client/temporal';
import { checkNamespace } from './namespace-check';
import { gitCommit, workerDeploymentOptions, type DeploymentVersion } from './deployment';

/** Makes this version the one new workflows go to (always, or when the deployment has none yet). */
async function takeNewWork(
  connection: NativeConnection,
  namespace: string,
  version: DeploymentVersion,
  when: 'always' | 'if-none',
): Promise<void> {
  if (when === 'if-none') {
    const current = await connection.workflowService
      .describeWorkerDeployment({ namespace, deploymentName: version.deploymentName })
      .then((r) => r.workerDeploymentInfo?.routingConfig?.currentDeploymentVersion?.buildId)
      .catch(() => undefined);
    if (current) return;
  }
  // The deployment and its version exist once the worker has polled: until then the server refuses.
  for (let wait = 100, until = Date.now() + 60_000; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      await connection.workflowService.setWorkerDeploymentCurrentVersion({
        namespace,
        deploymentName: version.deploymentName,
        buildId: version.buildId,
        allowNoPollers: true,
        identity: 'dondoc',
      });
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

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
    // webpack's module list is of no use to whoever runs `npm start`; its errors still show.
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  writeFileSync(file, code);
  // The commit the bundle was built from names the worker's version (Worker Versioning).
  writeFileSync(path.join(path.dirname(file), 'build-info.json'), `${JSON.stringify({ commit: gitCommit() })}\n`);
}

/** The bundle `npm run build` wrote beside the compiled worker, when the worker runs from dist/. */
const BUILT_BUNDLE = path.join(__dirname, '..', 'workflow-bundle.js');

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
  // `npm start` runs the compiled code: the bundle built with it is used, not built again.
  if (__filename.endsWith('.js') && existsSync(BUILT_BUNDLE)) return { workflowBundle: { codePath: BUILT_BUNDLE } };
  return {
    workflowsPath: require.resolve('../workflows'),
    bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES },
  };
}

/** The pollers a worker keeps, when set: as many on each queue, or scaled by the SDK with the load. */
function pollers(setting: Config['WORKER_POLLERS']): Partial<WorkerOptions> {
  if (setting === undefined) return {};
  if (setting === 'auto') {
    const auto = { type: 'autoscaling' } as const;
    return { workflowTaskPollerBehavior: auto, activityTaskPollerBehavior: auto };
  }
  return { maxConcurrentWorkflowTaskPolls: setting, maxConcurrentActivityTaskPolls: setting };
}

export interface DondocWorker {
  worker: Worker;
  /** The deployment version it registers as, when versioned. */
  version?: DeploymentVersion;
  /**
   * Makes this worker's version the one new workflows go to, once the server knows it (call it
   * after `worker.run()`): `always` for the embedded stack or a test (one worker, the current code),
   * `if-none` for a deployment's first worker (later versions are ramped and made current by the
   * operator with `dondoc deployment`). Does nothing for an unversioned worker.
   */
  takeNewWork(when: 'always' | 'if-none'): Promise<void>;
  close(): Promise<void>;
}

export async function createDondocWorker(deps: WorkerDeps): Promise<DondocWorker> {
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
  const mailer = deps.mailer ?? createSmtpMailer(deps.smtpUrl, deps.config.SMTP_POOL_CONNECTIONS);
  const activities = createActivities({
    pool: deps.pool,
    readModel: createReadModel(deps.pool),
    links: createLinks(deps.pool),
    mailer,
    from: deps.config.MAIL_FROM,
    publicUrl: deps.config.publicUrl,
    lang: deps.config.DEFAULT_LANG,
    digest: deps.config.DIGEST_REMINDERS === 'true',
    documents: createDocumentStore(deps.pool),
    edxml: {
      delivery: edxmlDeliveryFrom(deps.config),
      sender: deps.config.EDXML_ORGAN_ID
        ? { organId: deps.config.EDXML_ORGAN_ID, organName: deps.config.EDXML_ORGAN_NAME! }
        : undefined,
      renderDocx,
    },
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
    maxConcurrentLocalActivityExecutions: deps.config.WORKER_ACTIVITY_TASKS,
    workflowThreadPoolSize: deps.config.WORKER_WORKFLOW_THREADS,
    ...pollers(deps.config.WORKER_POLLERS),
    // A workflow activation that outlives this limit kills the workflow thread and the process
    // with it (a Node vm bug, nodejs/node#38503), and on a starved machine a large directive's
    // activation can take more than the SDK's 5 s. The SDK takes the option without typing it.
    ...({ isolateExecutionTimeout: ISOLATE_TIMEOUT } as object),
    workerDeploymentOptions: workerDeploymentOptions(deps.config),
  });
  const version = workerDeploymentOptions(deps.config)?.version;
  const route = (when: 'always' | 'if-none') =>
    version ? takeNewWork(connection, deps.config.TEMPORAL_NAMESPACE, version, when) : Promise.resolve();
  // A deployment's first worker takes the new work as soon as it polls, whoever started it.
  const run = worker.run.bind(worker);
  worker.run = () => {
    const running = run();
    route('if-none').catch((err: unknown) =>
      console.warn(`dondoc worker: could not route new work to ${version?.buildId}: ${(err as Error).message}`),
    );
    return running;
  };
  return {
    worker,
    version,
    takeNewWork: route,
    async close() {
      mailer.close();
      await connection.close();
    },
  };
}
