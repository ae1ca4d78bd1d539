// An embedded PostgreSQL in a process of its own, for a test that stops and starts it:
//   node -r test/helpers/register-ts.js test/reliability/postgres-process.ts DIR PORT
// prints the database URL once it accepts connections, and stops PostgreSQL on SIGTERM.
import { startEmbeddedPostgres } from '../../client/stack/postgres';

async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres(dir, Number(port));
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
