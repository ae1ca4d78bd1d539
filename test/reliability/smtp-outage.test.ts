// The SMTP relay unreachable for minutes: nothing listens on its port while a directive's mail is
// due, then the sink comes back on the same port. Every message is delivered exactly once.
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { launchDirective } from '../../client/temporal';
import type { CliRun } from '../helpers/cli';
import { freePort } from '../helpers/ports';
import { eventually } from '../helpers/wait';
import {
  count,
  countOf,
  directiveOf,
  duplicatesAtSink,
  polling,
  reportFigures,
  seconds,
  seedUnits,
  startParts,
  startWorker,
  stopParts,
  stopProcess,
  type Parts,
} from './parts';

jest.setTimeout(30 * 60_000);

test('mail due while the SMTP relay is unreachable for minutes is delivered exactly once when it comes back', async () => {
  const units = countOf('RELIABILITY_SMTP_UNITS', 100, 10);
  const outageSeconds = countOf('RELIABILITY_SMTP_OUTAGE_MINUTES', 2, 0.5) * 60;
  const smtpPort = await freePort();
  let p: Parts | undefined;
  let worker: CliRun | undefined;
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  try {
    p = await startParts({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
    const parts = p;
    const codes = await seedUnits(parts, units);
    worker = startWorker(parts);
    await polling(worker);
    const down = Date.now();
    await launchDirective(parts.client, parts.config, directiveOf('1005/REL-SMTP', codes), parts.stack.pool);
    // Every assignment is queued and refused by the dead port at least twice.
    await eventually(
      'every message tried twice',
      async () =>
        (await count(parts, `SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND attempts >= 2`)) === units,
      10 * 60_000,
    );
    await eventually(
      `the relay down for ${outageSeconds} s`,
      async () => {
        expect(await count(parts, `SELECT count(*) AS n FROM mailbox`)).toBe(0);
        return Date.now() - down >= outageSeconds * 1000;
      },
      outageSeconds * 1000 + 60_000,
    );
    const attemptsWhileDown = await count(parts, `SELECT sum(attempts) AS n FROM outbox`);

    sink = await startSmtpSink(parts.stack.pool, smtpPort);
    const back = Date.now();
    // The activities retry with backoff (up to five minutes apart): the last ones come within that.
    await eventually(
      'every message sent',
      async () => (await count(parts, `SELECT count(*) AS n FROM outbox WHERE status = 'sent'`)) === units,
      10 * 60_000,
    );
    const drained = seconds(back);
    await eventually(
      'every task recorded',
      async () => (await count(parts, `SELECT count(*) AS n FROM tasks WHERE state <> 'assigning'`)) === units,
      120_000,
    );
    const { rows } = await parts.stack.pool.query(`SELECT message_id, rcpt_to FROM mailbox`);
    expect(rows).toHaveLength(units);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(units);
    expect(new Set(rows.map((r) => r.rcpt_to[0])).size).toBe(units);
    const duplicates = await duplicatesAtSink(parts);
    expect(duplicates).toBe(0);
    expect(await count(parts, `SELECT count(*) AS n FROM outbox WHERE status <> 'sent'`)).toBe(0);
    reportFigures('smtp-outage', {
      units,
      outage_seconds: Math.round((back - down) / 1000),
      attempts_while_down: attemptsWhileDown,
      delivered: rows.length,
      duplicates,
      lost: units - rows.length,
      drained_seconds: drained,
      seconds: seconds(down),
    });
  } finally {
    await stopProcess(worker);
    await sink?.stop();
    await stopParts(p);
  }
});
