// `dondoc worker` on a Temporal namespace that lacks dondoc's search attributes refuses to start:
// exit code 2, one message with the exact command that adds them, no stack trace. Once that
// command has run, the same worker starts, logs JSON and serves the SDK's Prometheus metrics.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { temporalCliPath, stopChild } from '../../client/stack/temporal-dev';
import { waitFor } from '../../client/stack/wait';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { freshDatabase, freePort } from '../helpers/stack';
import { startCli } from '../helpers/cli';
import { externalTemporalAddress, freshNamespace, runWorkflowBundle } from '../helpers/external-temporal';
import { eventually } from '../helpers/wait';

let dir: string;
let server: ChildProcess | undefined;
let address: string;
let namespace = 'default';
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-ns-'));
  const external = externalTemporalAddress();
  if (external) {
    // The run's server (or the full one of `npm run test:server`): a new namespace without the search attributes.
    address = external;
    namespace = await freshNamespace(external, { searchAttributes: false });
  } else {
    await startDevServer();
  }
  env = {
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: namespace,
    DATABASE_URL: await freshDatabase(),
    // Never used: the worker stops before it sends anything, or sends nothing in these tests.
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    DATA_DIR: dir,
    ...(runWorkflowBundle() ? { WORKER_BUNDLE: runWorkflowBundle()! } : {}),
  };
}, 120_000);

/** A dev server started the plain way, without --search-attribute: like a fresh full server. */
async function startDevServer(): Promise<void> {
  const port = await freePort();
  address = `127.0.0.1:${port}`;
  server = spawn(
    temporalCliPath(),
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--db-filename',
      path.join(dir, 'temporal.db'),
      '--log-level',
      'error',
    ],
    { stdio: 'ignore' },
  );
  await waitFor(`a dev server on ${address}`, 60_000, async () => {
    const conn = await Connection.connect({ address, connectTimeout: 1000 });
    await conn.workflowService.getSystemInfo({}).finally(() => conn.close());
  });
}

afterAll(async () => {
  if (server) await stopChild(server);
  rmSync(dir, { recursive: true, force: true });
});

test("the worker refuses a namespace without dondoc's search attributes and prints the command that adds them", async () => {
  const run = startCli(['worker'], env);
  expect(await run.exited).toBe(2);
  const stderr = run.stderr();
  const expected = `temporal operator search-attribute create --address ${address} --namespace ${namespace} ${SEARCH_ATTRIBUTES.map((a) => `--name ${a.split('=')[0]} --type ${a.split('=')[1]}`).join(' ')}`;
  expect(stderr).toContain('lacks the search attributes DondocDirective, DondocUnit, DondocStatus, DondocDeadline');
  expect(stderr).toContain(expected);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}, 120_000);

test('the worker refuses a namespace that does not exist and says how to create it', async () => {
  const run = startCli(['worker'], { ...env, TEMPORAL_NAMESPACE: 'khong-co' });
  expect(await run.exited).toBe(2);
  expect(run.stderr()).toContain(`temporal operator namespace create --address ${address} --namespace khong-co`);
  expect(run.stderr()).not.toMatch(/\n\s+at /);
}, 120_000);

test('after the printed command runs, the worker starts, logs JSON and serves the SDK metrics', async () => {
  const refused = startCli(['worker'], env);
  expect(await refused.exited).toBe(2);
  const command = refused
    .stderr()
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('temporal operator search-attribute create'))!;
  const added = spawnSync(temporalCliPath(), command.split(/\s+/).slice(1), { encoding: 'utf8' });
  expect(added.status).toBe(0);

  const metricsPort = await freePort();
  const worker = startCli(['worker'], { ...env, WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}` });
  try {
    const started = await eventually(
      "the worker's start line",
      async () => {
        const lines = worker
          .stdout()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        return lines.find((l) => l.msg === 'worker polling');
      },
      90_000,
    );
    expect(started).toMatchObject({ name: 'worker', level: 30, address, namespace, taskQueue: 'dondoc' });
    const metrics = await eventually(
      'worker metrics',
      async () => {
        const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).catch(() => undefined);
        const text = res?.ok ? await res.text() : '';
        return text.includes('temporal_worker_task_slots_available') ? text : undefined;
      },
      60_000,
    );
    expect(metrics).toMatch(/temporal_worker_task_slots_available\{[^}]*task_queue="dondoc"/);
  } finally {
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }
  expect(worker.stdout()).toContain('"msg":"worker stopped"');
}, 180_000);
