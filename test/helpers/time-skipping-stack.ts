// dondoc's real activities (PostgreSQL read model, outbox, links, SMTP to the sink) and web app,
// with the workflows on the time-skipping test server: a test moves the workflows' clock to the
// day a reminder or an escalation is due and reads the mail the real code sent. The activities
// and the pages keep the real clock; only the workflows' time is skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../config';
import { createActivities } from '../../activities';
import { createSmtpMailer } from '../../activities/mailer';
import { buildApp } from '../../client/web/app';
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { renderDocx } from '../../client/web/views/docx';
import { createDocumentStore } from '../../db/directive-documents';
import { createLinks } from '../../db/links';
import { migrate } from '../../db/migrate';
import { createPool, type Pool } from '../../db/pool';
import { createReadModel, type ReadModel } from '../../db/read-model';
import { closeTimeSkippingEnv, createTimeSkippingEnv, sleepUntil } from './temporal';
import { runWorkflowBundle } from './external-temporal';
import { freePort, freshDatabase } from './stack';
import { eventually } from './wait';

export interface SkippingStack {
  env: TestWorkflowEnvironment;
  config: Config;
  pool: Pool;
  readModel: ReadModel;
  app: FastifyInstance;
  base: string;
  /** The workflows' clock moved to `at`. */
  skipTo(at: number): Promise<void>;
  /** Mail the sink received whose subject matches, to whom, oldest first. */
  mails(subject: RegExp): Promise<{ to: string[]; subject: string; text: string }[]>;
  /** Waits until `n` such mails have come. */
  awaitMails(subject: RegExp, n: number): Promise<{ to: string[]; subject: string; text: string }[]>;
  /** The env a `dondoc` command line of this stack runs with. */
  cliEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startSkippingStack(): Promise<SkippingStack> {
  const bundle = runWorkflowBundle();
  if (!bundle)
    throw new Error('DONDOC_TEST_WORKFLOW_BUNDLE is not set: the integration global setup bundles the workflows');
  const env = await createTimeSkippingEnv();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-skip-'));
  const databaseUrl = await freshDatabase();
  await migrate(databaseUrl);
  const pool = createPool(databaseUrl, 6);
  const sink = await startSmtpSink(pool, 0);
  const port = await freePort();
  const taskQueue = `q-${randomUUID()}`;
  const settings = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    WEB_PORT: String(port),
    SMTP_URL: sink.smtpUrl,
    TEMPORAL_ADDRESS: env.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(settings);
  const readModel = createReadModel(pool);
  const links = createLinks(pool);
  const mailer = createSmtpMailer(sink.smtpUrl);
  const activities = createActivities({
    pool,
    readModel,
    links,
    mailer,
    from: config.MAIL_FROM,
    publicUrl: config.publicUrl,
    lang: 'vi',
    digest: true,
    documents: createDocumentStore(pool),
    edxml: { delivery: {}, renderDocx },
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: bundle },
    activities,
  });
  const running = worker.run();
  const app = await buildApp({ config, pool, readModel, links, temporal: env.client });
  await app.listen({ host: '127.0.0.1', port });
  const mails = async (subject: RegExp) => {
    const { rows } = await pool.query('SELECT rcpt_to, subject, body_text FROM mailbox ORDER BY id');
    return rows
      .filter((r) => subject.test(r.subject))
      .map((r) => ({ to: r.rcpt_to as string[], subject: r.subject as string, text: r.body_text as string }));
  };
  return {
    env,
    config,
    pool,
    readModel,
    app,
    base: `http://127.0.0.1:${port}`,
    skipTo: (at) => sleepUntil(env, at),
    mails,
    awaitMails: (subject, n) =>
      eventually(`${n} mails "${subject.source}"`, async () => {
        const found = await mails(subject);
        return found.length >= n ? found : undefined;
      }),
    cliEnv: settings,
    async stop() {
      worker.shutdown();
      await running.catch(() => undefined);
      await app.close();
      mailer.close();
      await sink.stop();
      await closeTimeSkippingEnv(env);
      await pool.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
