// An SMTP server that accepts every message and keeps it in the mailbox table, so the web app's
// mail outbox page and the tests can read what dondoc sent.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';
import type { Pool } from 'pg';
import type { RunningProcess } from './temporal-dev';

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address ?? '')).filter(Boolean);

export async function startSmtpSink(
  pool: Pool,
  port: number,
  host = '127.0.0.1',
): Promise<RunningProcess & { smtpUrl: string }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const rcpt = session.envelope.rcptTo.map((r) => r.address);
          await pool.query(
            `INSERT INTO mailbox (message_id, mail_from, rcpt_to, subject, body_text, body_html) VALUES ($1,$2,$3,$4,$5,$6)`,
            [
              mail.messageId ?? null,
              addresses(mail.from)[0] ?? String(session.envelope.mailFrom && session.envelope.mailFrom.address),
              rcpt.length ? rcpt : addresses(mail.to),
              mail.subject ?? '',
              mail.text ?? '',
              typeof mail.html === 'string' ? mail.html : null,
            ],
          );
          callback();
        })
        .catch((err) =>
          callback(Object.assign(new Error(`451 could not store the message: ${err.message}`), { responseCode: 451 })),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // A sender that drops its connection mid-message (a worker killed, a network cut) must not stop
  // the sink: what it was sending was not stored, and its outbox sends it again.
  server.on('error', () => undefined);
  const actual = (server.server.address() as { port: number }).port;
  return {
    address: `${host}:${actual}`,
    smtpUrl: `smtp://${host}:${actual}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
