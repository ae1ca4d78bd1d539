// The outbox as the web pages read it: what a unit was sent, and the messages that need the
// office. Queueing and sending belong to activities/outbox.ts.
import type { Pool } from 'pg';

export interface SentMessage {
  purpose: string;
  subject: string;
  sentAt: Date;
}

/** The messages of a task sent to one recipient, oldest first. */
export async function mailSentTo(pool: Pool, taskWorkflowId: string, recipient: string): Promise<SentMessage[]> {
  const { rows } = await pool.query(
    `SELECT purpose, subject, sent_at FROM outbox
     WHERE task_workflow_id = $1 AND $2 = ANY(recipients) AND status = 'sent' ORDER BY sent_at`,
    [taskWorkflowId, recipient],
  );
  return rows.map((m) => ({ purpose: m.purpose, subject: m.subject, sentAt: new Date(m.sent_at) }));
}

export interface MailNeedingAttention {
  key: string;
  recipients: string[];
  subject: string;
  status: 'failed' | 'in_doubt';
  lastError: string | null;
  createdAt: Date;
}

/** Messages the relay refused for good, and those whose sending died before the relay confirmed them. */
export async function mailNeedingAttention(pool: Pool, limit = 500): Promise<MailNeedingAttention[]> {
  const { rows } = await pool.query(
    `SELECT key, recipients, subject, status, last_error, created_at FROM outbox
     WHERE status IN ('failed', 'in_doubt') ORDER BY created_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((m) => ({
    key: m.key,
    recipients: m.recipients,
    subject: m.subject,
    status: m.status,
    lastError: m.last_error,
    createdAt: m.created_at,
  }));
}

/**
 * Puts a message that waits for the office's decision back in the queue. Only such a message:
 * two clicks send it once. Whether it was requeued.
 */
export async function requeueMail(pool: Pool, key: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE outbox SET status = 'pending' WHERE key = $1 AND status IN ('failed', 'in_doubt')`,
    [key],
  );
  return Boolean(rowCount);
}
