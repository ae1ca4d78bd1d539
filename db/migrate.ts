import path from 'node:path';
import { runner } from 'node-pg-migrate';
import { projectRoot } from './paths';

/** Brings the schema up to date; safe to run from several processes at once (it takes a lock). */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const done = await runner({
    databaseUrl,
    dir: path.join(projectRoot(), 'db', 'migrations'),
    direction: 'up',
    migrationsTable: 'pgmigrations',
    count: Infinity,
    singleTransaction: true,
    log: () => undefined,
  });
  return done.map((m) => m.name);
}
