// `dondoc dev`: the whole stack on its embedded defaults, until Ctrl-C.
import { requireLinkSecret, type Config } from '../../config';
import { startStack } from '../stack';
import { createDondocWorker } from '../../worker/worker';
import { serveWeb } from '../web/serve';
import { createReadModel } from '../../db/read-model';
import { createLinks } from '../../db/links';
import { connectClient } from '../temporal';

export async function devCommand(config: Config, o: { headless?: boolean }): Promise<void> {
  requireLinkSecret(config, { embedded: true });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`dondoc: starting under ${config.dataDir} …`);
  const stack = await startStack(config, { headless: o.headless, log: (l) => say(`  ${l}`) });
  const { worker, close, takeNewWork } = await createDondocWorker({
    config,
    temporalAddress: stack.temporalAddress,
    pool: stack.pool,
    smtpUrl: stack.smtpUrl,
  });
  const temporal = await connectClient(stack.temporalAddress, config.TEMPORAL_NAMESPACE);
  const web = await serveWeb(
    { config, pool: stack.pool, readModel: createReadModel(stack.pool), links: createLinks(stack.pool), temporal },
    { logger: false },
  );
  const running = worker.run();
  // The embedded stack runs one worker: its version takes the new work.
  await takeNewWork('always');

  say('');
  say(`  Web app:          ${config.publicUrl}`);
  say(`  Mail outbox:      ${config.publicUrl}/outbox   (log in as a coordinator or admin)`);
  if (stack.temporalUiUrl) say(`  Temporal Web UI:  ${stack.temporalUiUrl}`);
  if (config.METRICS_PORT !== 'off')
    say(`  Metrics:          http://${config.METRICS_HOST}:${config.METRICS_PORT}/metrics`);
  say(
    `  Temporal:         ${stack.temporalAddress}   PostgreSQL: ${stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}   SMTP: ${stack.smtpUrl}`,
  );
  say('');
  say('  First make yourself an account (its password is shown once), then log in at /dang-nhap:');
  say('    npm run dondoc -- user add --email you@example.vn --name "Văn phòng" --role coordinator');
  say('  Try: npm run dondoc -- launch examples/ninh-binh-524.yaml     (Ctrl-C stops everything)');

  // One shutdown, whether Ctrl-C, SIGTERM or the worker ending on its own: everything started
  // is stopped before the process exits, so no server is left running behind it.
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      say(`\ndondoc: ${reason}, stopping …`);
      worker.shutdown();
      await running.catch(() => undefined);
      await web.close();
      await close();
      await temporal.connection.close();
      await stack.stop();
      say('dondoc: stopped.');
    })());
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await running.catch((err) => say(`dondoc: the worker stopped: ${(err as Error).message}`));
  await shutdown('the worker ended');
}
