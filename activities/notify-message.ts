// Who a message about a task goes to, and what it says: the activity's input turned into one of
// the email messages of domain/emails, read against the unit as the directory holds it at send time.
import { createVietnamCalendar, vietnamCalendar } from '../domain/calendar';
import { localDateOf } from '../domain/local-date';
import type { EmailMessage, ExplanationRef } from '../domain/emails';
import type { LocalDate, OrgUnit } from '../domain/schemas';
import type { NotifyInput } from './types';

/**
 * The unit's mailboxes and its focal point (đầu mối) for what concerns the unit; the rung of the
 * ladder for an escalation. A head away hands escalations to the named substitute for those days.
 */
export function recipientsOf(input: NotifyInput, unit: OrgUnit, today: LocalDate): string[] {
  if (input.kind !== 'escalation')
    return [...new Set([...unit.emails, ...(unit.focalPoint ? [unit.focalPoint.email] : [])])];
  if (input.target === 'head') {
    if (standsIn(unit, today)) return [unit.substitute!.email];
    return unit.head ? [unit.head.email] : unit.emails;
  }
  if (input.target === 'supervisor') return unit.supervisorEmails;
  return unit.steeringEmails;
}

/** The head's substitute stands in on `today`. */
export const standsIn = (unit: OrgUnit, today: LocalDate): boolean =>
  unit.substitute !== undefined && unit.substitute.from <= today && today <= unit.substitute.to;

const SUBSTITUTE = {
  vi: (name: string, unit: string) => `${name}, người được giao thay Thủ trưởng ${unit}`,
  en: (name: string, unit: string) => `${name}, standing in for the head of ${unit}`,
};

export interface MessageExtra {
  body: string;
  indicators: { code: string; name: string; unit: string }[];
  completion: 'report' | 'acknowledgement';
  supportsName?: string;
  /** A request for explanation: what is asked and the task it is about. */
  explanation?: ExplanationRef;
  lang: 'vi' | 'en';
}

export function messageFor(input: NotifyInput, unit: OrgUnit, link: string, extra: MessageExtra): EmailMessage {
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
  const substitute =
    input.kind === 'escalation' && input.target === 'head' && standsIn(unit, today)
      ? SUBSTITUTE[extra.lang](unit.substitute!.name, unit.name)
      : undefined;
  if (extra.explanation) {
    const explanation = extra.explanation;
    switch (input.kind) {
      case 'assignment':
        return { kind: 'explanation_request', ...common, explanation };
      case 'reminder':
        return { kind: 'explanation_reminder', ...common, explanation };
      case 'escalation':
        return {
          kind: 'explanation_escalation',
          ...common,
          task: { ...common.task, workingDaysLeft: Math.min(-1, left) },
          explanation,
          level: input.level ?? 1,
          to: input.target ?? 'head',
          addressee: substitute,
        };
      case 'receipt':
        return {
          kind: 'explanation_receipt',
          ...common,
          explanation,
          receiptNumber: input.receipt!,
          submittedAt: input.submittedAt!,
        };
      default:
      // Moves of its deadline and a cancellation read as for any task: its title says what it is.
    }
  }
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
        addressee: substitute,
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
