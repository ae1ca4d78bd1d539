// Đôn đốc: when to remind a unit of its deadline and when to escalate, as a pure function of the
// chase policy, the deadline and the working calendar. A task workflow asks for the next step
// after every wake-up, so the answer must be cheap and the same on every replay.
import { atLocalTime, localDateOf, type LocalDate, type WorkingCalendar } from './calendar';
import type { ChasePolicy, DeadlineSpec, EscalationTarget } from './schemas';

export type ChaseStep =
  | { kind: 'reminder'; daysBefore: number; at: number; seq: number }
  | { kind: 'escalation'; level: number; to: EscalationTarget; at: number; seq: number; weekly: boolean };

export interface ChaseInput {
  policy: ChasePolicy;
  deadline: LocalDate;
  calendar: WorkingCalendar;
  /**
   * Since when this deadline applies (the assignment, or the last change of deadline). A task that
   * is already past its first rung then enters the ladder there and climbs one rung at a time,
   * instead of jumping straight to the steering committee.
   */
  since?: number;
}

/** Weekly chasing means every fifth working day, so a holiday week does not count as a week. */
const WEEKLY_WORKING_DAYS = 5;

/** A deadline on a day off runs to the end of the next working day (Bộ luật Dân sự 2015, Art. 148). */
function dueDay(deadline: LocalDate, calendar: WorkingCalendar): LocalDate {
  return calendar.nextWorkingDay(deadline, true);
}

/** The first working day whose send hour comes after `instant`. */
function firstSendDay(instant: number, sendHour: number, calendar: WorkingCalendar): LocalDate {
  const day = calendar.nextWorkingDay(localDateOf(instant), true);
  return atLocalTime(day, sendHour) > instant ? day : calendar.nextWorkingDay(day);
}

/** Reminders and the escalation ladder, in time order; the weekly chase follows the last rung. */
function fixedSteps({ policy, deadline, calendar, since }: ChaseInput): {
  steps: ChaseStep[];
  lastRung?: { day: LocalDate; level: number };
} {
  const due = dueDay(deadline, calendar);
  const at = (d: LocalDate) => atLocalTime(d, policy.sendHour);
  const steps: ChaseStep[] = [];

  const before = [...new Set(policy.remindersBefore)].sort((a, b) => b - a);
  for (const k of before)
    steps.push({ kind: 'reminder', daysBefore: k, at: at(calendar.workingDaysBefore(due, k)), seq: 0 });

  // Two rungs on the same day would fire as one: the more senior recipient is the one who must act.
  const rungs = new Map<number, ChasePolicy['escalations'][number]>();
  for (const r of policy.escalations) {
    const same = rungs.get(r.afterWorkingDays);
    if (!same || r.level > same.level) rungs.set(r.afterWorkingDays, r);
  }
  const ladder = [...rungs.values()].sort((a, b) => a.afterWorkingDays - b.afterWorkingDays);
  // The ladder starts at its first rung, shifted to the first chance after `since` when that rung has passed.
  const first = ladder[0];
  let start = first ? calendar.workingDaysAfter(due, first.afterWorkingDays) : due;
  if (first && since !== undefined && at(start) <= since) start = firstSendDay(since, policy.sendHour, calendar);
  let lastRung: { day: LocalDate; level: number } | undefined;
  for (const r of ladder) {
    const day = calendar.workingDaysAfter(start, r.afterWorkingDays - first.afterWorkingDays);
    steps.push({ kind: 'escalation', level: r.level, to: r.to, at: at(day), seq: 0, weekly: false });
    lastRung = { day, level: r.level };
  }
  steps.forEach((s, i) => (s.seq = i + 1));
  return { steps, lastRung };
}

/**
 * The first step strictly after `afterMs`, or undefined when the policy has nothing more to say.
 * With a weekly chase there is always a next step: it runs until the task is done or cancelled.
 * A task assigned after some reminder times simply passes its assignment time as `afterMs`.
 */
export function nextChaseStep(input: ChaseInput, afterMs: number): ChaseStep | undefined {
  const { steps, lastRung } = fixedSteps(input);
  const fixed = steps.find((s) => s.at > afterMs);
  if (fixed) return fixed;
  if (!lastRung || !input.policy.weeklyAfterLadder) return undefined;

  const { calendar, policy } = input;
  // Jump straight to the week that contains `afterMs` rather than walking every earlier week.
  const today = localDateOf(afterMs);
  const passed = Math.max(0, calendar.workingDaysBetween(lastRung.day, today));
  for (let week = Math.max(1, Math.floor(passed / WEEKLY_WORKING_DAYS)); ; week++) {
    const at = atLocalTime(calendar.workingDaysAfter(lastRung.day, week * WEEKLY_WORKING_DAYS), policy.sendHour);
    if (at > afterMs)
      return { kind: 'escalation', level: lastRung.level, to: 'steering', at, seq: steps.length + week, weekly: true };
  }
}

/** Every step whose instant lies in [from, until], for showing a task's chase plan. */
export function chaseSchedule(input: ChaseInput, range: { from: number; until: number }): ChaseStep[] {
  const out: ChaseStep[] = [];
  for (let s = nextChaseStep(input, range.from - 1); s && s.at <= range.until; s = nextChaseStep(input, s.at))
    out.push(s);
  return out;
}

/**
 * The deadline day of a task launched on `launchedOn`. "Trong N ngày làm việc" counts working
 * days after the launch day; a fixed date on a day off moves to the next working day (Bộ luật
 * Dân sự 2015, Art. 148).
 */
export function resolveDeadline(spec: DeadlineSpec, launchedOn: LocalDate, calendar: WorkingCalendar): LocalDate {
  return 'date' in spec ? dueDay(spec.date, calendar) : calendar.workingDaysAfter(launchedOn, spec.workingDays);
}

/** A supporting unit (phối hợp) must deliver early enough for the lead unit to use its input. */
export function supportDeadline(leadDeadline: LocalDate, policy: ChasePolicy, calendar: WorkingCalendar): LocalDate {
  return calendar.workingDaysBefore(leadDeadline, policy.supportLeadWorkingDays);
}

/**
 * When a report returned for completion is due back: the policy's revision window from the day it
 * was returned, but never before the task's own deadline — a return does not shorten it.
 */
export function revisionDue(
  returnedOn: LocalDate,
  deadline: LocalDate,
  policy: ChasePolicy,
  calendar: WorkingCalendar,
): LocalDate {
  const window = calendar.workingDaysAfter(returnedOn, policy.revisionWorkingDays);
  return window > deadline ? window : deadline;
}
