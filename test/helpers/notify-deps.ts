// What the notify activity works with, for real: a fresh PostgreSQL database holding the units
// given, and the SMTP sink, which keeps every message it takes in the mailbox table.
import { createSmtpMailer } from '../../activities/mailer';
import type { NotifyDeps } from '../../activities/notify';
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { createLinks } from '../../db/links';
import { migrate } from '../../db/migrate';
import { createPool } from '../../db/pool';
import { createReadModel } from '../../db/read-model';
import type { OrgUnit } from '../../domain/schemas';
import { freePort, freshDatabase } from './stack';

export interface RealNotifyDeps {
  deps: NotifyDeps;
  stop(): Promise<void>;
}

export async function startNotifyDeps(units: OrgUnit[]): Promise<RealNotifyDeps> {
  const url = await freshDatabase();
  await migrate(url);
  const pool = createPool(url);
  const sink = await startSmtpSink(pool, await freePort());
  const readModel = createReadModel(pool);
  await readModel.upsertUnits(units);
  const deps: NotifyDeps = {
    pool,
    readModel,
    links: createLinks(pool),
    mailer: createSmtpMailer(sink.smtpUrl),
    from: 'dondoc@example.vn',
    publicUrl: 'http://127.0.0.1:3000',
    lang: 'vi',
  };
  return {
    deps,
    async stop() {
      deps.mailer.close();
      await sink.stop();
      await pool.end();
    },
  };
}
