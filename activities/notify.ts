// The notify activity: every message goes first into the outbox under its business key, then
// out over SMTP. A retried activity finds the key and never sends the same message twice.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { vietnamCalendar } from '../domain/calendar';
import { localDateOf } from '../domain/local-date';
import { renderEmail, type EmailMessage } from '../domain/emails';
import type { OrgUnit } from '../domain/schemas';
import type { Links } from '../db/links';
import type { ReadModel } from '../db/read-model';
import { inTransaction } from '../db/read-model';
import type { Mailer } from './mailer';
import type { NotifyInput, NotifyResult } from './types';
import { faultPoint } from './faults';

export interface NotifyDeps {
  pool: Pool;
  readModel: ReadModel;
  links: Links;
  mailer: Mailer;
  from: string;
  publicUrl: string;
  lang: 'vi' | 'en';
  /** How long a link stays valid; it is cut back to a grace period when the task closes. */
  linkDays?: number;
}

/** A stable Message-ID from the key, so even the receiving side can tell a repeat. */
export const messageIdFor = (key: string): string => `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@dondoc>`;

function recipientsOf(input: NotifyInput, unit: OrgUnit): string[] {
  if (input.kind !== 'escalation') return unit.emails;
  if (input.target === 'head') return unit.head ? [unit.head.email] : unit.emails;
  if (input.target === 'supervisor') return unit.supervisorEmails;
  return unit.steeringEmails;
}

function messageFor(input: NotifyInput, unit: OrgUnit, link: string, extra: { body: string; indicators: { code: string; name: string; unit: string }[]; completion: 'report' | 'acknowledgement'; supportsName?: string }): EmailMessage {
  const cal = vietnamCalendar();
  const today = localDateOf(Date.now());
  const left = cal.workingDaysBetween(today, input.task.deadline);
  const common = {
    unit: { code: unit.code, name: unit.name },
    directive: input.directive,
    task: { title: input.task.title, deadline: input.task.deadline, workingDaysLeft: left },
    link,
  };
  switch (input.kind) {
    case 'assignment':
      return {
        kind: 'assignment', ...common, task: { ...common.task, body: extra.body || undefined }, role: input.task.role,
        supports: input.task.supports ? { code: input.task.supports, name: extra.supportsName ?? input.task.supports } : undefined,
        indicators: extra.indicators, completion: extra.completion,
      };
    case 'reminder':
      return { kind: 'reminder', ...common };
    case 'escalation':
      return { kind: 'escalation', ...common, task: { ...common.task, workingDaysLeft: Math.min(-1, left) }, level: input.level ?? 1, to: input.target ?? 'head', weekly: input.weekly };
    case 'receipt': {
      const named = new Map(extra.indicators.map((i) => [i.code, i]));
      const indicators = Object.entries(input.indicators ?? {}).map(([code, value]) => ({ name: named.get(code)?.name ?? code, unit: named.get(code)?.unit ?? '', value })).filter((i) => i.unit);
      return { kind: 'receipt', ...common, receiptNumber: input.receipt!, submittedAt: input.submittedAt!, indicators };
    }
    case 'returned':
      return { kind: 'returned', ...common, comment: input.comment ?? '—', newDeadline: input.task.deadline, newWorkingDaysLeft: left };
    case 'extension_decision':
      return input.approved
        ? { kind: 'extension_decision', ...common, decision: 'approved', newDeadline: input.task.deadline, newWorkingDaysLeft: left, comment: input.comment || undefined }
        : { kind: 'extension_decision', ...common, decision: 'rejected', reason: input.comment || '—' };
    case 'cancellation':
      return { kind: 'cancellation', ...common };
  }
}

export function createNotify(deps: NotifyDeps) {
  return async function notify(input: NotifyInput): Promise<NotifyResult> {
    const result: NotifyResult = { sent: [], skipped: [] };
    const unit = await deps.readModel.unit(input.unit);
    if (!unit) throw new Error(`unit ${input.unit} is not in the unit directory`);
    const recipients = recipientsOf(input, unit);
    if (recipients.length === 0) return { sent: [], skipped: [{ recipient: '', why: 'no recipient' }] };
    const task = await deps.readModel.task(input.taskWorkflowId);
    // A reminder that is no longer due (the report came in meanwhile) is not sent.
    if ((input.kind === 'reminder' || input.kind === 'escalation') && task && !['open', 'returned'].includes(task.state)) {
      return { sent: [], skipped: recipients.map((r) => ({ recipient: r, why: 'no longer due' as const })) };
    }
    const spec = task?.snapshot.spec;
    const supportsName = input.task.supports ? (await deps.readModel.unit(input.task.supports))?.name : undefined;
    for (const recipient of recipients) {
      const key = `${input.key}:${recipient}`;
      await inTransaction(deps.pool, async (c) => {
        const existing = await c.query('SELECT key FROM outbox WHERE key = $1', [key]);
        if (existing.rowCount) return;
        const expiresAt = new Date(Date.now() + (deps.linkDays ?? 400) * 86_400_000);
        const token = await deps.links.issue({ taskWorkflowId: input.taskWorkflowId, recipient, purposeKey: key, expiresAt }, c);
        const link = `${deps.publicUrl}/t/${token}`;
        const rendered = renderEmail(messageFor(input, unit, link, { body: spec?.body ?? '', indicators: spec?.indicators ?? [], completion: spec?.completion ?? 'report', supportsName }), deps.lang);
        await c.query(
          `INSERT INTO outbox (key, message_id, purpose, directive_number, task_workflow_id, recipients, subject, body_text, body_html)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (key) DO NOTHING`,
          [key, messageIdFor(key), input.kind, input.directive.number, input.taskWorkflowId, [recipient], rendered.subject, rendered.text, rendered.html],
        );
      });
      if (await sendFromOutbox(deps, key)) result.sent.push(recipient);
      else {
        const { rows } = await deps.pool.query('SELECT status FROM outbox WHERE key = $1', [key]);
        result.skipped.push({ recipient, why: rows[0]?.status === 'in_doubt' ? 'in doubt' : 'already sent' });
      }
    }
    return result;
  };
}

/**
 * Sends one outbox row unless it went out already. The row is claimed (pending → sending) and
 * committed before the SMTP exchange, so no two attempts ever send it. A row found still
 * `sending` was being sent by an attempt that died: whether the relay took it cannot be known,
 * and sending again could deliver it twice, so it is marked `in_doubt` for the office to
 * check and resend from the outbox page.
 */
export async function sendFromOutbox(deps: Pick<NotifyDeps, 'pool' | 'mailer' | 'from'>, key: string): Promise<boolean> {
  const { rows } = await deps.pool.query(
    `UPDATE outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1
      WHERE key = $1 AND status = 'pending' RETURNING *`,
    [key],
  );
  const row = rows[0];
  if (!row) {
    await deps.pool.query(
      `UPDATE outbox SET status = 'in_doubt', last_error = 'the sending attempt stopped before the relay confirmed it'
        WHERE key = $1 AND status = 'sending'`,
      [key],
    );
    return false;
  }
  try {
    await deps.mailer.send({ from: deps.from, to: row.recipients, subject: row.subject, text: row.body_text, html: row.body_html ?? undefined, messageId: row.message_id });
  } catch (failure) {
    // Refused or unreachable: nothing was delivered, so the next attempt may send it.
    const permanent = (failure as { type?: string }).type === 'PERMANENT_MAIL_FAILURE';
    await deps.pool.query(`UPDATE outbox SET status = $3, last_error = $2 WHERE key = $1`, [key, String((failure as Error).message).slice(0, 500), permanent ? 'failed' : 'pending']);
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
