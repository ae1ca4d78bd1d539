// One worker process runs dondoc's workflows and activities. It holds no state of its own, so
// more of them can run side by side against the same Temporal namespace and database.
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createActivities } from '../activities';
import { createSmtpMailer, type Mailer } from '../activities/mailer';
import { createLinks } from '../db/links';
import { createReadModel } from '../db/read-model';
import type { Config } from '../config';
import { temporalSecurity } from '../client/temporal';
import { checkNamespace } from './namespace-check';

export interface WorkerDeps {
  config: Config;
  temporalAddress: string;
  pool: Pool;
  smtpUrl: string;
  mailer?: Mailer;
}

export async function createDondocWorker(deps: WorkerDeps): Promise<{ worker: Worker; close(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address: deps.temporalAddress, ...temporalSecurity(deps.config) });
  try {
    await checkNamespace(connection, deps.temporalAddress, deps.config.TEMPORAL_NAMESPACE);
  } catch (err) {
    await connection.close();
    throw err;
  }
  const mailer = deps.mailer ?? createSmtpMailer(deps.smtpUrl);
  const activities = createActivities({
    pool: deps.pool,
    readModel: createReadModel(deps.pool),
    links: createLinks(deps.pool),
    mailer,
    from: deps.config.MAIL_FROM,
    publicUrl: deps.config.publicUrl,
    lang: deps.config.DEFAULT_LANG,
    digest: deps.config.DIGEST_REMINDERS === 'true',
  });
  const worker = await Worker.create({
    connection,
    namespace: deps.config.TEMPORAL_NAMESPACE,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    workflowsPath: require.resolve('../workflows'),
    activities,
  });
  return {
    worker,
    async close() {
      mailer.close();
      await connection.close();
    },
  };
}
