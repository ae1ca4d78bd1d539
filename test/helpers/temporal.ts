// The time-skipping test server, started from the binary the project fetched (scripts/tools.mjs),
// and a worker per test with recording activities.
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, Runtime, DefaultLogger, makeTelemetryFilterString } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import {
  WithStartWorkflowOperation,
  type Client,
  type WorkflowHandleWithFirstExecutionRunId,
  type WorkflowStartOptions,
} from '@temporalio/client';
import type { UpdateDefinition, Workflow } from '@temporalio/common';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';
import type { Activities } from '../../activities';

const root = path.resolve(__dirname, '..', '..');
export const BUNDLE_PATH = path.join(root, 'test-results', 'workflow-bundle.js');
export const testServerPath = (): string =>
  process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(root, '.tools', 'bin', 'temporal-test-server');

let runtimeInstalled = false;
/**
 * The SDK gives the Java test server 5 s to listen; on a loaded two-core machine it may need
 * longer, so a server that was too slow is tried again on a new port.
 */
async function startTestServer(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let i = 1; ; i += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerPath() } },
      });
    } catch (err) {
      if (i >= attempts || !/did not start within/.test((err as Error).message)) throw err;
    }
  }
}

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    // The test server is older than core expects and says so on every worker; only errors matter here.
    Runtime.install({
      logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL as 'WARN') ?? 'WARN'),
      telemetryOptions: {
        logging: {
          filter: makeTelemetryFilterString({
            core: (process.env.WORKER_LOG_LEVEL as 'ERROR') ?? 'ERROR',
            other: 'ERROR',
          }),
        },
      },
    });
    runtimeInstalled = true;
  }
  const env = await startTestServer();
  // The workflows tag themselves with dondoc's search attributes; the server must know them.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTE_KEYS.map((k) => [k.name, encodeSearchAttributeIndexedValueType(k.type)!]),
    ),
  });
  return env;
}

/** The longest stretch one call to the server's clock skips. */
const SKIP_STEP_MS = 30 * 24 * 3_600_000;

/**
 * Moves the server's clock to an instant (no-op when it is already past), a month at a time.
 * One call that skips years holds its connection for as long as the workers take to answer
 * every timer on the way; on a slow machine the server may close that connection (it allows
 * a client ping only every few minutes), and the client's retry would then skip the whole span
 * again from wherever the clock had got to. A month per call bounds both.
 */
export async function sleepUntil(env: TestWorkflowEnvironment, at: number): Promise<void> {
  for (let now = await env.currentTimeMs(); now < at; now = await env.currentTimeMs()) {
    await env.sleep(Math.min(at - now, SKIP_STEP_MS));
  }
}

/** The workers made on each environment, with their runs, so a test that timed out cannot leave one polling. */
const workersOf = new WeakMap<TestWorkflowEnvironment, Map<Worker, Promise<void>>>();

export async function createTestWorker(
  env: TestWorkflowEnvironment,
  activities: Activities,
  taskQueue: string,
  extra: Partial<Parameters<typeof Worker.create>[0]> = {},
): Promise<Worker> {
  const worker: Worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: BUNDLE_PATH },
    activities,
    ...extra,
  });
  const workers = workersOf.get(env) ?? new Map<Worker, Promise<void>>();
  workersOf.set(env, workers.set(worker, Promise.resolve()));
  // The worker lets go of the connection only when its run has ended, not when it says STOPPED.
  const run = worker.run.bind(worker);
  worker.run = () => {
    const ended = run();
    workers.set(
      worker,
      ended.catch(() => undefined),
    );
    return ended;
  };
  return worker;
}

/**
 * Stops the workers still running (a test that timed out leaves its worker polling, and the
 * connection cannot close under it), then the server and its connections.
 */
export async function closeTimeSkippingEnv(env: TestWorkflowEnvironment | undefined): Promise<void> {
  if (!env) return;
  const workers = workersOf.get(env) ?? new Map<Worker, Promise<void>>();
  for (const worker of workers.keys()) if (worker.getState() === 'RUNNING') worker.shutdown();
  await Promise.all(workers.values());
  await env.teardown();
}

/**
 * A time-skipping server per test. The server can keep its clock locked after a test: for a child
 * workflow that closes after the run that started it has continued as new (temporalio/sdk-java#1540),
 * and for a workflow terminated at a test's end while its last activity was still due, which a
 * slow machine makes likely. Such a lock must not stop the next test's clock.
 */
export function serverPerTest(use: (env: TestWorkflowEnvironment) => void): void {
  let env: TestWorkflowEnvironment | undefined;
  beforeEach(async () => {
    env = await createTimeSkippingEnv();
    use(env);
  }, 60_000);
  afterEach(async () => {
    await closeTimeSkippingEnv(env);
  });
}

/** An update sent with a workflow's start, so that it comes with the workflow's first activation. */
export interface StartWith {
  update: Pick<UpdateDefinition<unknown>, 'name'>;
  args: unknown[];
}

/**
 * Starts a workflow; with `startWith`, as an update-with-start, and the update's outcome (its
 * answer, or its refusal) comes back with the handle.
 */
export async function startWorkflow<W extends Workflow>(
  client: Client,
  type: string,
  options: WorkflowStartOptions<W>,
  startWith?: StartWith,
): Promise<{ handle: WorkflowHandleWithFirstExecutionRunId<W>; firstUpdate?: PromiseSettledResult<unknown> }> {
  if (!startWith) return { handle: await client.workflow.start<W>(type, options) };
  const start = new WithStartWorkflowOperation<W>(type, { ...options, workflowIdConflictPolicy: 'FAIL' });
  const [firstUpdate] = await Promise.allSettled([
    client.workflow.executeUpdateWithStart(startWith.update.name, {
      args: startWith.args,
      startWorkflowOperation: start,
    }),
  ]);
  // The handle carries the run the start made, though its type does not say so.
  return { handle: (await start.workflowHandle()) as WorkflowHandleWithFirstExecutionRunId<W>, firstUpdate };
}

/** Where the recorded histories are kept, each beside the workflow id it ran under (`<name>.id`). */
export const HISTORIES_DIR = path.join(root, 'test', 'histories');

/**
 * Writes a workflow's history under test/histories when RECORD_HISTORIES=1, for the replay test,
 * with the workflow id it ran under: ids made from business keys (receipts, sub-directives) must
 * replay under the same one.
 */
export async function maybeRecordHistory(
  env: TestWorkflowEnvironment,
  workflowId: string,
  name: string,
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  // Binary protobuf: exact, compact, and read back with the same generated class.
  writeFileSync(
    path.join(HISTORIES_DIR, `${name}.history.pb`),
    temporal.api.history.v1.History.encode(history).finish(),
  );
  writeFileSync(path.join(HISTORIES_DIR, `${name}.id`), `${workflowId}\n`);
}

export const loadJson = (file: string): unknown =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
