// The embedded SMTP sink outlives a sender that drops its connection mid-message, as a worker
// killed while sending does: the half-sent message is not stored, and the next one is.
import { connect, type Socket } from 'node:net';
import type { Pool } from 'pg';
import nodemailer from 'nodemailer';
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { migrate } from '../../db/migrate';
import { createPool } from '../../db/pool';
import { freePort, freshDatabase } from '../helpers/stack';
import { eventually } from '../helpers/wait';

let pool: Pool;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  const url = await freshDatabase();
  await migrate(url);
  pool = createPool(url);
  sink = await startSmtpSink(pool, await freePort());
});
afterAll(async () => {
  await sink?.stop();
  await pool?.end();
});

/** Speaks SMTP up to the middle of a message's body, then resets the connection. */
async function sendHalfAndReset(address: string): Promise<void> {
  const [host, port] = address.split(':');
  const socket: Socket = connect(Number(port), host);
  const replies: string[] = [];
  socket.setEncoding('utf8').on('data', (chunk: string) => replies.push(chunk));
  const said = (code: string) =>
    eventually(
      `the sink's ${code}`,
      () =>
        replies
          .join('')
          .split('\r\n')
          .some((l) => l.startsWith(`${code} `)) && ((replies.length = 0), true),
      10_000,
    );
  await said('220');
  for (const [line, code] of [
    ['EHLO worker', '250'],
    ['MAIL FROM:<dondoc@example.vn>', '250'],
    ['RCPT TO:<vanthu@stttt.example.vn>', '250'],
    ['DATA', '354'],
  ] as const) {
    socket.write(`${line}\r\n`);
    await said(code);
  }
  // A long body still unread on the sink's side when the reset arrives: the sink reads ECONNRESET.
  socket.write(`Subject: =?UTF-8?B?xJDDtG4gxJHhu5Fj?=\r\n\r\n${'Nửa thư, chưa gửi hết.\r\n'.repeat(100_000)}`);
  socket.resetAndDestroy();
  await new Promise((r) => socket.once('close', r));
}

test('a sender reset mid-message leaves the sink running, with nothing half stored', async () => {
  await sendHalfAndReset(sink.address);
  await sendHalfAndReset(sink.address);
  const transport = nodemailer.createTransport(sink.smtpUrl);
  await transport.sendMail({
    from: 'dondoc@example.vn',
    to: 'vanthu@stttt.example.vn',
    subject: 'Nhắc hạn báo cáo',
    text: 'Còn 1 ngày làm việc.',
  });
  transport.close();
  const rows = await eventually('the whole message stored', async () => {
    const { rows } = await pool.query(`SELECT subject, rcpt_to FROM mailbox`);
    return rows.length > 0 && rows;
  });
  expect(rows).toEqual([{ subject: 'Nhắc hạn báo cáo', rcpt_to: ['vanthu@stttt.example.vn'] }]);
});
