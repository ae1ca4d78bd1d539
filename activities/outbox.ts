// The outbox: every message is written here first, under a key made of business ids, then sent.
// A key is written once and sent once, whoever asks and however often.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { newLinkToken, type Links } from '../db/links';
import { inTransaction } from '../db/transaction';
import type { Mailer } from './mailer';
import { faultPoint } from './faults';

/** A stable Message-ID from the key, so even the receiving side can tell a repeat. */
export const messageIdFor = (key: string): string =>
  `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@dondoc>`;

export interface OutboxMessage {
  key: string;
  purpose: string;
  directiveNumber?: string;
  taskWorkflowId?: string;
  recipients: string[];
  subject: string;
  text: string;
  html?: string;
}

/**
 * Writes a message under its key; a key already written is left as it is. With `claimed`, the row
 * is written already claimed for sending by this caller (as `sendFromOutbox` claims one). True when
 * the key was new.
 */
export async function queueMessage(c: Pool | PoolClient, m: OutboxMessage, claimed = false): Promise<boolean> {
  const written = await c.query(
    `INSERT INTO outbox (key, message_id, purpose, directive_number, task_workflow_id, recipients, subject, body_text, body_html,
       status, claimed_at, attempts)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,CASE WHEN $11::boolean THEN now() END,CASE WHEN $11::boolean THEN 1 ELSE 0 END) ON CONFLICT (key) DO NOTHING`,
    [
      m.key,
      messageIdFor(m.key),
      m.purpose,
      m.directiveNumber ?? null,
      m.taskWorkflowId ?? null,
      m.recipients,
      m.subject,
      m.text,
      m.html ?? null,
      claimed ? 'sending' : 'pending',
      claimed,
    ],
  );
  return written.rowCount === 1;
}

export interface LinkedMessage {
  key: string;
  purpose: string;
  directiveNumber: string;
  taskWorkflowId: string;
  recipient: string;
  linkDays: number;
}

/** An outbox row as the sender needs it. */
interface Outgoing {
  key: string;
  recipients: string[];
  subject: string;
  body_text: string;
  body_html: string | null;
  message_id: string;
}

type Render = (link: string, expiresAt: Date) => { subject: string; text: string; html?: string };

/**
 * Writes a message that carries the recipient's own link to a task, already claimed for sending
 * by this caller: the row and the link land in one transaction, and only when the key is new, so
 * a retry issues nothing. Returns the row to send, or nothing when the key was written before.
 */
async function queueLinkedClaimed(
  c: PoolClient,
  links: Links,
  publicUrl: string,
  m: LinkedMessage,
  render: Render,
): Promise<Outgoing | undefined> {
  const expiresAt = new Date(Date.now() + m.linkDays * 86_400_000);
  const token = newLinkToken();
  const mail = render(`${publicUrl}/t/${token}`, expiresAt);
  const message = {
    key: m.key,
    purpose: m.purpose,
    directiveNumber: m.directiveNumber,
    taskWorkflowId: m.taskWorkflowId,
    recipients: [m.recipient],
    ...mail,
  };
  if (!(await queueMessage(c, message, true))) return undefined;
  await links.issue(
    { taskWorkflowId: m.taskWorkflowId, recipient: m.recipient, purposeKey: m.key, expiresAt, token },
    c,
  );
  return {
    key: m.key,
    recipients: message.recipients,
    subject: mail.subject,
    body_text: mail.text,
    body_html: mail.html ?? null,
    message_id: messageIdFor(m.key),
  };
}

/**
 * Writes and sends a message carrying the recipient's own link (see `queueLinkedClaimed`), in
 * two round trips fewer than writing it and then claiming it. A key written before is sent the
 * way `sendFromOutbox` sends any row. True when this call delivered it.
 */
export async function sendLinkedMessage(
  deps: { pool: Pool; links: Links; publicUrl: string; mailer: Mailer; from: string },
  m: LinkedMessage,
  render: Render,
): Promise<boolean> {
  const claimed = await inTransaction(deps.pool, (c) => queueLinkedClaimed(c, deps.links, deps.publicUrl, m, render));
  return claimed ? deliver(deps, claimed) : sendFromOutbox(deps, m.key);
}

/**
 * Sends one outbox row unless it went out already. The row is claimed (pending → sending) and
 * committed before the SMTP exchange, so no two attempts ever send it. A row found still
 * `sending` was being sent by an attempt that died: whether the relay took it cannot be known,
 * and sending again could deliver it twice, so it is marked `in_doubt` for the office to
 * check and resend from the outbox page.
 */
export async function sendFromOutbox(
  deps: { pool: Pool; mailer: Mailer; from: string },
  key: string,
): Promise<boolean> {
  const { rows } = await deps.pool.query(
    `UPDATE outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1
      WHERE key = $1 AND status = 'pending' RETURNING *`,
    [key],
  );
  const row = rows[0] as Outgoing | undefined;
  if (!row) {
    await deps.pool.query(
      `UPDATE outbox SET status = 'in_doubt', last_error = 'the sending attempt stopped before the relay confirmed it'
        WHERE key = $1 AND status = 'sending'`,
      [key],
    );
    return false;
  }
  return deliver(deps, row);
}

/** The SMTP exchange of a row claimed by this caller, and its outcome written back. */
async function deliver(deps: { pool: Pool; mailer: Mailer; from: string }, row: Outgoing): Promise<boolean> {
  const { key } = row;
  try {
    await deps.mailer.send({
      from: deps.from,
      to: row.recipients,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html ?? undefined,
      messageId: row.message_id,
    });
  } catch (failure) {
    // Refused or unreachable: nothing was delivered, so the next attempt may send it.
    const permanent = (failure as { type?: string }).type === 'PERMANENT_MAIL_FAILURE';
    await deps.pool.query(`UPDATE outbox SET status = $3, last_error = $2 WHERE key = $1`, [
      key,
      String((failure as Error).message).slice(0, 500),
      permanent ? 'failed' : 'pending',
    ]);
    throw failure;
  }
  faultPoint('after-smtp-send');
  // Once delivered, the copy kept for the office no longer carries the unit's link.
  await deps.pool.query(
    `UPDATE outbox SET status = 'sent', sent_at = now(), last_error = NULL,
       body_text = regexp_replace(body_text, '/t/[A-Za-z0-9_-]{43}', '/t/…', 'g'),
       body_html = regexp_replace(body_html, '/t/[A-Za-z0-9_-]{43}', '/t/…', 'g')
     WHERE key = $1`,
    [key],
  );
  return true;
}
