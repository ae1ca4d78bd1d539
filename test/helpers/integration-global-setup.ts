// One embedded PostgreSQL for the whole integration run, started outside the test sandbox (the
// package is an ES module). Each test file makes its own database in it, as its administrator
// (the app's own role may not make databases).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../client/stack/postgres';
import { freePort } from './ports';

export default async function setup(): Promise<void> {
  if (process.env.DONDOC_TEST_DATABASE_URL) return; // a PostgreSQL given from outside
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-pg-'));
  const pg = await startEmbeddedPostgres(dir, await freePort());
  process.env.DONDOC_TEST_DATABASE_URL = pg.adminUrl;
  (globalThis as { __dondocPg?: { stop(): Promise<void> } }).__dondocPg = pg;
}
