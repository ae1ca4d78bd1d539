// The embedded SMTP sink's mailbox (client/stack/smtp-sink.ts writes it), for /outbox.
import type { Pool } from 'pg';

export interface MailboxMessage {
  id: string;
  mail_from: string;
  rcpt_to: string[];
  subject: string;
  body_text: string;
  received_at: Date;
}

/** The latest messages received, newest first. */
export async function recentMail(
  pool: Pool,
  limit = 200,
): Promise<Pick<MailboxMessage, 'id' | 'rcpt_to' | 'subject' | 'received_at'>[]> {
  const { rows } = await pool.query('SELECT id, rcpt_to, subject, received_at FROM mailbox ORDER BY id DESC LIMIT $1', [
    limit,
  ]);
  return rows;
}

export async function mailById(pool: Pool, id: string): Promise<MailboxMessage | undefined> {
  const { rows } = await pool.query(
    'SELECT id, mail_from, rcpt_to, subject, body_text, received_at FROM mailbox WHERE id = $1',
    [id],
  );
  return rows[0];
}
