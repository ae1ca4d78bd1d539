// Mail is sent at most once, whatever fails: a worker killed between the SMTP exchange and the
// activity's completion, and an SMTP relay that is down for a while. Real dev server, real
// PostgreSQL, a real SMTP sink; the worker of the kill test is a separate process, killed -9.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { loadConfig, type Config } from '../../config';
import { startStack, type Stack } from '../../client/stack';
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { connectClient, launchDirective } from '../../client/temporal';
import { createDondocWorker } from '../../worker/worker';
import { DirectiveSchema } from '../../domain/schemas';
import { taskStateQuery, taskWorkflowId } from '../../workflows/messages';
import { startCli } from '../helpers/cli';
import { freePort, freshDatabase } from '../helpers/stack';
import { eventually } from '../helpers/wait';

jest.setTimeout(180_000);

interface Env {
  config: Config;
  stack: Stack;
  client: Client;
  dataDir: string;
}

async function startParts(overrides: Record<string, string> = {}): Promise<Env> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-mail-'));
  const config = loadConfig({
    DATABASE_URL: await freshDatabase(),
    DATA_DIR: dataDir,
    TEMPORAL_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    SMTP_SINK_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  const stack = await startStack(config, { headless: true });
  const client = await connectClient(stack.temporalAddress, config.TEMPORAL_NAMESPACE);
  return { config, stack, client, dataDir };
}

async function stopParts(e: Env) {
  await e.client.connection.close();
  await e.stack.stop();
  rmSync(e.dataDir, { recursive: true, force: true });
}

const directive = (number: string, units: string[]) =>
  DirectiveSchema.parse({
    number,
    title: 'Đôn đốc báo cáo kết quả tuyên truyền',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-20',
    tasks: units.map((unit) => ({ unit, role: 'lead', title: 'Báo cáo kết quả tuyên truyền', deadline: { workingDays: 10 } })),
  });

const count = async (pool: Stack['pool'], sql: string, args: unknown[] = []) => Number((await pool.query(sql, args)).rows[0].n);

test('a worker killed after the SMTP send and before the activity completed sends no second message', async () => {
  const e = await startParts();
  const workerEnv = { TEMPORAL_ADDRESS: e.stack.temporalAddress, DATABASE_URL: e.stack.databaseUrl, SMTP_URL: e.stack.smtpUrl, DATA_DIR: e.dataDir, LOG_LEVEL: 'warn' };
  const doomed = startCli(['worker'], { ...workerEnv, DONDOC_FAULT: 'after-smtp-send' });
  let survivor: ReturnType<typeof startCli> | undefined;
  try {
    const d = directive('901/UBND-KILL', ['NB-STTTT']);
    await launchDirective(e.client, e.config, d);
    // The worker delivers the assignment to the sink, then dies before recording it.
    expect(await doomed.exited).toBe('SIGKILL');
    expect(await count(e.stack.pool, `SELECT count(*) AS n FROM mailbox`)).toBe(1);
    const { rows } = await e.stack.pool.query(`SELECT key, status FROM outbox`);
    expect(rows).toEqual([expect.objectContaining({ status: 'sending' })]);

    // A new worker retries the activity once its timeout has passed: it must not send again.
    survivor = startCli(['worker'], workerEnv);
    await eventually('the message marked in doubt', async () => (await e.stack.pool.query(`SELECT status FROM outbox WHERE key = $1`, [rows[0].key])).rows[0].status === 'in_doubt', 120_000);
    // The task went on: the activity completed and the task recorded itself.
    const task = e.client.workflow.getHandle(taskWorkflowId(d.number, 'NB-STTTT'));
    await eventually('the task is recorded', async () => (await count(e.stack.pool, `SELECT count(*) AS n FROM tasks WHERE workflow_id = $1`, [task.workflowId])) === 1, 60_000);
    expect((await task.query(taskStateQuery)).state.phase).toBe('open');
    expect(await count(e.stack.pool, `SELECT count(*) AS n FROM mailbox`)).toBe(1);
    process.stdout.write(`kill after send: messages at the sink 1, outbox row in_doubt\n`);
  } finally {
    doomed.child.kill('SIGKILL');
    survivor?.child.kill('SIGTERM');
    await survivor?.exited;
    await stopParts(e);
  }
});

test('mail queued while the SMTP relay is down is delivered exactly once when it comes back', async () => {
  const smtpPort = await freePort();
  const e = await startParts({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  const { worker, close } = await createDondocWorker({ config: e.config, temporalAddress: e.stack.temporalAddress, pool: e.stack.pool, smtpUrl: e.stack.smtpUrl });
  const running = worker.run();
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  try {
    const units = ['NB-STTTT', 'NB-SVHTT', 'NB-BAONB'];
    await launchDirective(e.client, e.config, directive('902/UBND-SMTP', units));
    // Every assignment is queued and has failed at least twice against the dead port.
    await eventually('three failed attempts each', async () => (await count(e.stack.pool, `SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND attempts >= 2`)) === 3, 60_000);
    expect(await count(e.stack.pool, `SELECT count(*) AS n FROM mailbox`)).toBe(0);

    sink = await startSmtpSink(e.stack.pool, smtpPort);
    await eventually('every message sent', async () => (await count(e.stack.pool, `SELECT count(*) AS n FROM outbox WHERE status = 'sent'`)) === 3, 120_000);
    // The activities finished too: every task recorded itself after its assignment went out.
    await eventually('tasks recorded', async () => (await count(e.stack.pool, `SELECT count(*) AS n FROM tasks`)) === 3, 60_000);
    const { rows } = await e.stack.pool.query(`SELECT message_id, rcpt_to FROM mailbox ORDER BY id`);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(3);
    const attempts = await count(e.stack.pool, `SELECT sum(attempts) AS n FROM outbox`);
    process.stdout.write(`smtp outage: messages 3, delivered 3, duplicates 0, attempts ${attempts}\n`);
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await close();
    await sink?.stop();
    await stopParts(e);
  }
});
