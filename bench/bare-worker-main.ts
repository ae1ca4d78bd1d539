// A bare Temporal worker as its own process, for the baselines when the measure runs dondoc's
// workers as processes: the same tuning and server, the workflows of bench/baseline-workflows.ts
// from a bundle made once by the bench, and (P3) the one mail a bare reminder sends.
//   BARE_ADDRESS, BARE_NAMESPACE, BARE_BUNDLE, WORKER_* tuning; BARE_MAILS=n with BARE_MAIL_TAG,
//   SMTP_URL, PUBLIC_URL, MAIL_FROM for the mails.
import nodemailer from 'nodemailer';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ISOLATE_TIMEOUT } from '../worker/worker';
import { BARE_QUEUE } from './bare-queue';
import { reminderMails } from './reminder-mails';

async function main(): Promise<void> {
  const env = (k: string): string => {
    const v = process.env[k];
    if (!v) throw new Error(`${k} is not set`);
    return v;
  };
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const n = Number(process.env.BARE_MAILS ?? 0);
  const transport = n
    ? nodemailer.createTransport(env('SMTP_URL'), {
        pool: true,
        maxConnections: Number(process.env.BARE_SMTP_CONNECTIONS ?? 4),
      } as never)
    : undefined;
  const mails = n
    ? reminderMails({ publicUrl: env('PUBLIC_URL'), from: env('MAIL_FROM') }, n, process.env.BARE_MAIL_TAG ?? '')
    : [];
  const connection = await NativeConnection.connect({ address: env('BARE_ADDRESS') });
  const worker = await Worker.create({
    connection,
    namespace: env('BARE_NAMESPACE'),
    taskQueue: BARE_QUEUE,
    workflowBundle: { codePath: env('BARE_BUNDLE') },
    activities: { sendMail: async (i: number) => void (await transport!.sendMail(mails[i])) },
    maxCachedWorkflows: Number(env('WORKER_CACHE_SIZE')),
    maxConcurrentWorkflowTaskExecutions: Number(env('WORKER_WORKFLOW_TASKS')),
    maxConcurrentActivityTaskExecutions: Number(env('WORKER_ACTIVITY_TASKS')),
    maxConcurrentLocalActivityExecutions: Number(env('WORKER_ACTIVITY_TASKS')),
    workflowThreadPoolSize: Number(env('WORKER_WORKFLOW_THREADS')),
    ...({ isolateExecutionTimeout: ISOLATE_TIMEOUT } as object),
  });
  process.on('SIGTERM', () => worker.shutdown());
  process.on('SIGINT', () => worker.shutdown());
  process.stdout.write('polling\n');
  await worker.run();
  transport?.close();
  await connection.close();
}

main().catch((err) => {
  process.stderr.write(`bare worker: ${(err as Error).stack}\n`);
  process.exit(1);
});
