// Mail is sent at most once, whatever fails: a worker killed between the SMTP exchange and the
// activity's completion, and an SMTP relay that is down for a while. The run's dev server, real
// PostgreSQL, a real SMTP sink; the worker of the kill test is a separate process, killed -9.
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { launchDirective } from '../../client/temporal';
import { createDondocWorker } from '../../worker/worker';
import { taskStateQuery, taskWorkflowId } from '../../workflows/messages';
import { freePort, workflowBundle } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { count, directiveOf, startParts, startWorker, stopParts } from '../reliability/parts';

jest.setTimeout(180_000);

test('a worker killed after the SMTP send and before the activity completed sends no second message', async () => {
  const e = await startParts();
  const doomed = startWorker(e, { DONDOC_FAULT: 'after-smtp-send' });
  let survivor: ReturnType<typeof startWorker> | undefined;
  try {
    const d = directiveOf('901/UBND-KILL', ['NB-STTTT']);
    await launchDirective(e.client, e.config, d, e.stack.pool);
    // The worker delivers the assignment to the sink, then dies before recording it.
    expect(await doomed.exited).toBe('SIGKILL');
    expect(await count(e, `SELECT count(*) AS n FROM mailbox`)).toBe(1);
    const { rows } = await e.stack.pool.query(`SELECT key, status FROM outbox`);
    expect(rows).toEqual([expect.objectContaining({ status: 'sending' })]);

    // A new worker retries the activity once its timeout has passed: it must not send again.
    survivor = startWorker(e);
    await eventually(
      'the message marked in doubt',
      async () =>
        (await e.stack.pool.query(`SELECT status FROM outbox WHERE key = $1`, [rows[0].key])).rows[0].status ===
        'in_doubt',
      120_000,
    );
    // The task went on: the activity completed and the task recorded itself.
    const task = e.client.workflow.getHandle(taskWorkflowId(d.number, 'NB-STTTT'));
    await eventually(
      'the task is recorded',
      async () =>
        (await count(e, `SELECT count(*) AS n FROM tasks WHERE workflow_id = $1 AND state = 'open'`, [
          task.workflowId,
        ])) === 1,
      60_000,
    );
    expect((await task.query(taskStateQuery)).state.phase).toBe('open');
    expect(await count(e, `SELECT count(*) AS n FROM mailbox`)).toBe(1);
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
  const { worker, close } = await createDondocWorker({
    config: e.config,
    temporalAddress: e.stack.temporalAddress,
    pool: e.stack.pool,
    smtpUrl: e.stack.smtpUrl,
    ...workflowBundle(),
  });
  const running = worker.run();
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  try {
    const units = ['NB-STTTT', 'NB-SVHTT', 'NB-BAONB'];
    await launchDirective(e.client, e.config, directiveOf('902/UBND-SMTP', units), e.stack.pool);
    // Every assignment is queued and has failed at least twice against the dead port.
    await eventually(
      'three failed attempts each',
      async () => (await count(e, `SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND attempts >= 2`)) === 3,
      60_000,
    );
    expect(await count(e, `SELECT count(*) AS n FROM mailbox`)).toBe(0);

    sink = await startSmtpSink(e.stack.pool, smtpPort);
    await eventually(
      'every message sent',
      async () => (await count(e, `SELECT count(*) AS n FROM outbox WHERE status = 'sent'`)) === 3,
      120_000,
    );
    // The activities finished too: every task recorded itself after its assignment went out.
    await eventually(
      'tasks recorded',
      async () => (await count(e, `SELECT count(*) AS n FROM tasks WHERE state = 'open'`)) === 3,
      60_000,
    );
    const { rows } = await e.stack.pool.query(`SELECT message_id, rcpt_to FROM mailbox ORDER BY id`);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(3);
    const attempts = await count(e, `SELECT sum(attempts) AS n FROM outbox`);
    process.stdout.write(`smtp outage: messages 3, delivered 3, duplicates 0, attempts ${attempts}\n`);
  } finally {
    worker.shutdown();
    await running.catch(() => undefined);
    await close();
    await sink?.stop();
    await stopParts(e);
  }
});
