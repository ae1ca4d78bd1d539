import path from 'node:path';
import { Client } from 'pg';
import { runner } from 'node-pg-migrate';
import { refreshUnitLabels } from './unit-labels';
import { projectRoot } from './paths';

/** How long a process waits for another one's migration (workers started together after an upgrade). */
const LOCK_WAIT_MS = 120_000;

/**
 * Brings the schema up to date; safe to run from several processes at once: the runner takes a
 * lock, and a process that finds it taken waits for the other's migration, then finds nothing left.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (let wait = 200; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      const done = await runner({
        databaseUrl,
        dir: path.join(projectRoot(), 'db', 'migrations'),
        direction: 'up',
        migrationsTable: 'pgmigrations',
        count: Infinity,
        singleTransaction: true,
        log: () => undefined,
      });
      // A directory stored before units had labels gets them once.
      if (done.some((m) => m.name.endsWith('_unit-labels'))) await withClient(databaseUrl, refreshUnitLabels);
      return done.map((m) => m.name);
    } catch (err) {
      if (!/Another migration is already running/.test((err as Error).message) || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

async function withClient(databaseUrl: string, work: (c: Client) => Promise<void>): Promise<void> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await work(c);
  } finally {
    await c.end();
  }
}
