// What the whole integration run shares, started once outside the test sandbox: one embedded
// PostgreSQL (each test file makes its own database in it), one Temporal dev server (each test
// file registers its own namespace on it) and the workflow code bundled once (every file's
// worker loads it instead of running webpack again). Tests that stop or replace the server on
// purpose start their own.
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../client/stack/postgres';
import { startTemporalDev } from '../../client/stack/temporal-dev';
import { writeWorkflowBundle } from '../../worker/worker';
import { freePort } from './ports';

interface Running {
  stop(): Promise<void>;
}

export default async function setup(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-run-'));
  // As root, PostgreSQL runs as its own user, which must be able to reach its folder in here.
  chmodSync(dir, 0o755);
  const running: Running[] = [];
  (globalThis as { __dondocRun?: { dir: string; running: Running[] } }).__dondocRun = { dir, running };
  await Promise.all([
    (async () => {
      if (process.env.DONDOC_TEST_DATABASE_URL) return; // a PostgreSQL given from outside
      const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
      running.push(pg);
      // Each test file makes its own database, as the administrator (the app's own role may not).
      process.env.DONDOC_TEST_DATABASE_URL = pg.adminUrl;
    })(),
    (async () => {
      if (process.env.DONDOC_TEST_TEMPORAL_ADDRESS) return; // the full server of `npm run test:server`
      const temporal = await startTemporalDev({
        dataDir: path.join(dir, 'temporal'),
        port: await freePort(),
        uiPort: 0,
        namespace: 'default',
        headless: true,
      });
      running.push(temporal);
      process.env.DONDOC_TEST_RUN_TEMPORAL_ADDRESS = temporal.address;
    })(),
    (async () => {
      const bundle = path.join(dir, 'workflow-bundle.js');
      await writeWorkflowBundle(bundle);
      process.env.DONDOC_TEST_WORKFLOW_BUNDLE = bundle;
    })(),
  ]);
}
