// The time-skipping test server, started from the binary the project fetched (scripts/tools.mjs),
// and a worker per test with recording activities.
import path from 'node:path';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, Runtime, DefaultLogger, makeTelemetryFilterString } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/search-attributes';
import type { Activities } from '../../activities';
import type { NotifyInput, NotifyResult } from '../../activities/types';
import type { DirectiveRecord, TaskRecord } from '../../db/read-model';

const root = path.resolve(__dirname, '..', '..');
export const BUNDLE_PATH = path.join(root, 'test-results', 'workflow-bundle.js');
export const testServerPath = (): string => process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(root, '.tools', 'bin', 'temporal-test-server');

let runtimeInstalled = false;
/**
 * The SDK gives the Java test server 5 s to listen; on a loaded two-core machine it may need
 * longer, so a server that was too slow is tried again on a new port.
 */
async function startTestServer(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let i = 1; ; i += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: testServerPath() } } });
    } catch (err) {
      if (i >= attempts || !/did not start within/.test((err as Error).message)) throw err;
    }
  }
}

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    // The test server is older than core expects and says so on every worker; only errors matter here.
    Runtime.install({ logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL as 'WARN') ?? 'WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: (process.env.WORKER_LOG_LEVEL as 'ERROR') ?? 'ERROR', other: 'ERROR' }) } } });
    runtimeInstalled = true;
  }
  const env = await startTestServer();
  // The workflows tag themselves with dondoc's search attributes; the server must know them.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTE_KEYS.map((k) => [k.name, encodeSearchAttributeIndexedValueType(k.type)!])),
  });
  return env;
}

export interface NotifyCall extends NotifyInput {
  /** Workflow-side time when the activity ran (the test server's clock). */
  at: number;
}

/** Activities that remember how they were called, with the server's clock. */
export function recordingActivities(env: TestWorkflowEnvironment) {
  const notified: NotifyCall[] = [];
  const tasks = new Map<string, TaskRecord>();
  const directives = new Map<string, DirectiveRecord>();
  const consolidated: string[] = [];
  const activities: Activities = {
    async notify(input: NotifyInput): Promise<NotifyResult> {
      notified.push({ ...input, at: await env.currentTimeMs() });
      return { sent: ['unit@example.vn'], skipped: [] };
    },
    async recordTask(r: TaskRecord) {
      const known = tasks.get(r.workflowId);
      if (!known || known.state.version < r.state.version) tasks.set(r.workflowId, structuredClone(r));
    },
    async recordDirective(r: DirectiveRecord) {
      const known = directives.get(r.workflowId);
      if (!known || known.version < r.version) directives.set(r.workflowId, structuredClone(r));
    },
    async consolidate(input) {
      consolidated.push(input.directiveNumber);
      return { tasks: 0 };
    },
  };
  return { activities, notified, tasks, directives, consolidated };
}

export async function createTestWorker(env: TestWorkflowEnvironment, activities: Activities, taskQueue: string, extra: Partial<Parameters<typeof Worker.create>[0]> = {}): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: BUNDLE_PATH },
    activities,
    ...extra,
  });
}

/** Writes a workflow's history under test/histories when RECORD_HISTORIES=1, for the replay test. */
export async function maybeRecordHistory(env: TestWorkflowEnvironment, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  const dir = path.join(root, 'test', 'histories');
  mkdirSync(dir, { recursive: true });
  // Binary protobuf: exact, compact, and read back with the same generated class.
  // RECORD_HISTORIES_TAG names a new recording after a workflow change kept behind patched(), so the
  // histories of the code before it stay and keep guarding runs that began under it.
  const tag = process.env.RECORD_HISTORIES_TAG ? `.${process.env.RECORD_HISTORIES_TAG}` : '';
  writeFileSync(path.join(dir, `${name}${tag}.history.pb`), temporal.api.history.v1.History.encode(history).finish());
}

export const loadJson = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
