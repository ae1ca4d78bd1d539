// The notify activity: every message goes first into the outbox under its business key, then
// out over SMTP. A retried activity finds the key and never sends the same message twice.
import type { Pool } from 'pg';
import { createVietnamCalendar, vietnamCalendar } from '../domain/calendar';
import { localDateOf } from '../domain/local-date';
import { renderEmail, type EmailMessage } from '../domain/emails';
import type { OrgUnit } from '../domain/schemas';
import type { Links } from '../db/links';
import type { ReadModel } from '../db/read-model';
import { inTransaction } from '../db/read-model';
import type { Mailer } from './mailer';
import type { NotifyInput, NotifyResult } from './types';
import { queueLinkedMessage, sendFromOutbox } from './outbox';
import { digestReminder } from './digest';

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
  /** Fold a unit's reminders due the same days into one daily digest (DIGEST_REMINDERS). */
  digest?: boolean;
}

function recipientsOf(input: NotifyInput, unit: OrgUnit): string[] {
  if (input.kind !== 'escalation') return unit.emails;
  if (input.target === 'head') return unit.head ? [unit.head.email] : unit.emails;
  if (input.target === 'supervisor') return unit.supervisorEmails;
  return unit.steeringEmails;
}

function messageFor(
  input: NotifyInput,
  unit: OrgUnit,
  link: string,
  extra: {
    body: string;
    indicators: { code: string; name: string; unit: string }[];
    completion: 'report' | 'acknowledgement';
    supportsName?: string;
  },
): EmailMessage {
  const cal = input.calendar ? createVietnamCalendar(input.calendar) : vietnamCalendar();
  const today = localDateOf(Date.now());
  const daysTo = (d: string) => cal.workingDaysBetween(today, d);
  const left = daysTo(input.task.deadline);
  const provisional = (d: string) => cal.isProvisional(d);
  const common = {
    unit: { code: unit.code, name: unit.name },
    directive: { number: input.directive.number, title: input.directive.title, issuer: input.directive.issuer },
    task: {
      title: input.task.title,
      deadline: input.task.deadline,
      workingDaysLeft: left,
      provisional: provisional(input.task.deadline),
    },
    link,
  };
  switch (input.kind) {
    case 'assignment':
      return {
        kind: 'assignment',
        ...common,
        task: { ...common.task, body: extra.body || undefined },
        role: input.task.role,
        supports: input.task.supports
          ? { code: input.task.supports, name: extra.supportsName ?? input.task.supports }
          : undefined,
        indicators: extra.indicators,
        completion: extra.completion,
      };
    case 'reminder':
      return { kind: 'reminder', ...common };
    case 'escalation':
      return {
        kind: 'escalation',
        ...common,
        task: { ...common.task, workingDaysLeft: Math.min(-1, left) },
        level: input.level ?? 1,
        to: input.target ?? 'head',
        weekly: input.weekly,
      };
    case 'receipt': {
      const named = new Map(extra.indicators.map((i) => [i.code, i]));
      const indicators = Object.entries(input.indicators ?? {})
        .map(([code, value]) => ({ name: named.get(code)?.name ?? code, unit: named.get(code)?.unit ?? '', value }))
        .filter((i) => i.unit);
      return { kind: 'receipt', ...common, receiptNumber: input.receipt!, submittedAt: input.submittedAt!, indicators };
    }
    case 'returned':
      return {
        kind: 'returned',
        ...common,
        comment: input.comment ?? '—',
        newDeadline: input.revisionDue ?? input.task.deadline,
        newWorkingDaysLeft: daysTo(input.revisionDue ?? input.task.deadline),
      };
    case 'accepted':
      return {
        kind: 'accepted',
        ...common,
        receiptNumber: input.receipt!,
        onTime: input.onTime ?? true,
        comment: input.comment || undefined,
      };
    case 'deadline_moved':
      return {
        kind: 'deadline_moved',
        ...common,
        previousDeadline: input.previousDeadline!,
        why: input.reason === 'calendar' ? 'calendar' : 'moved',
        reason: input.reason && input.reason !== 'calendar' ? input.reason : undefined,
      };
    case 'extension_decision':
      return input.approved
        ? {
            kind: 'extension_decision',
            ...common,
            decision: 'approved',
            newDeadline: input.task.deadline,
            newWorkingDaysLeft: left,
            comment: input.comment || undefined,
          }
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
    if (
      (input.kind === 'reminder' || input.kind === 'escalation') &&
      task &&
      !['open', 'returned'].includes(task.state)
    ) {
      return { sent: [], skipped: recipients.map((r) => ({ recipient: r, why: 'no longer due' as const })) };
    }
    const spec = task?.snapshot.spec;
    const supportsName = input.task.supports ? (await deps.readModel.unit(input.task.supports))?.name : undefined;
    for (const recipient of recipients) {
      if (input.kind === 'reminder' && deps.digest) {
        const folded = await digestReminder(deps, unit, recipient, localDateOf(Date.now()));
        if (folded === 'sent') result.sent.push(recipient);
        if (folded === 'already sent') result.skipped.push({ recipient, why: 'in digest' });
        if (folded !== 'single') continue;
      }
      const key = `${input.key}:${recipient}`;
      await inTransaction(deps.pool, (c) =>
        queueLinkedMessage(
          c,
          deps,
          {
            key,
            purpose: input.kind,
            directiveNumber: input.directive.key,
            taskWorkflowId: input.taskWorkflowId,
            recipient,
            linkDays: deps.linkDays ?? 400,
          },
          (link) =>
            renderEmail(
              messageFor(input, unit, link, {
                body: spec?.body ?? '',
                indicators: spec?.indicators ?? [],
                completion: spec?.completion ?? 'report',
                supportsName,
              }),
              deps.lang,
            ),
        ),
      );
      if (await sendFromOutbox(deps, key)) result.sent.push(recipient);
      else {
        const { rows } = await deps.pool.query('SELECT status FROM outbox WHERE key = $1', [key]);
        result.skipped.push({ recipient, why: rows[0]?.status === 'in_doubt' ? 'in doubt' : 'already sent' });
      }
    }
    return result;
  };
}
