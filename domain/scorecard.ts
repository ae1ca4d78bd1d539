// A unit's scorecard for a period: the tasks due in it and how each ended, a score by the office's
// policy (scorecard-policy.ts), and the ranking. Pure: the rows and the time come in.
//
// How a task is judged:
// - it is due in the period its deadline in force falls in (an approved extension moves the
//   deadline, a return does not); a task still being assigned or cancelled is not counted;
// - done means its report was accepted: on time or late by that report's submission;
// - a report waiting for the office's review is neither credited nor held against the unit;
// - a task not done is overdue once its deadline (or a returned report's revision date) has
//   passed, and in progress before.
// Support (phối hợp) units answer for their own deadlines. A lead (chủ trì) task whose support
// units were late has its deadline moved by as many working days as the latest of them was late
// past its own (earlier) deadline: a lead late by 2 days whose support was 3 days late is on time.
import { deadlineInstant, type LocalDate, type WorkingCalendar } from './calendar';
import { workingDaysOverdue } from './status';
import { inPeriod, type ScorePeriod } from './scorecard-period';
import type { ScorecardPolicy } from './scorecard-policy';

export interface ScorecardTask {
  id: string;
  directive: string;
  unit: string;
  cycle: string;
  role: 'lead' | 'support';
  /** A support task: the lead unit it feeds. */
  supports?: string;
  /** The deadline in force. */
  deadline: LocalDate;
  state: string;
  /** A done task: when its accepted report came in. */
  doneAt?: number;
  /** A report waiting for review: when it came in. */
  submittedAt?: number;
  revisionDue?: LocalDate;
  /** Times a report was returned for revision. */
  returns: number;
  extensionsAsked: number;
  extensionsGranted: number;
}

export interface ScorecardUnit {
  code: string;
  name: string;
  /** Merged into another unit: its tasks count for that unit. */
  mergedInto?: string;
}

export type OutcomeKind = 'on_time' | 'late' | 'in_progress' | 'overdue' | 'pending_review';

export interface Outcome {
  kind: OutcomeKind;
  /** Working days late (done late, or overdue at the time of the scorecard). */
  daysLate: number;
  /** Working days of lateness excused because support units were late. */
  excusedDays: number;
}

export interface UnitScore {
  unit: string;
  unitName: string;
  /** Units merged into this one whose tasks are counted here. */
  merged: string[];
  due: number;
  onTime: number;
  late: number;
  inProgress: number;
  overdue: number;
  pendingReview: number;
  /** Lead tasks whose lateness was excused, wholly or in part, by late support units. */
  excused: number;
  returned: number;
  extensionsAsked: number;
  extensionsGranted: number;
  /** Mean working days late of the tasks done late or overdue; null when none is. */
  avgDaysLate: number | null;
  /** Shares 0..1; null when no task has been judged yet (all in progress or waiting for review). */
  progress: number | null;
  quality: number | null;
  /** Out of 100, one decimal; null when nothing has been judged. */
  score: number | null;
  grade?: { vi: string; en: string };
  /** 1 for the best; equal scores share a rank. */
  rank?: number;
}

const HELD = new Set(['assigning', 'cancelled']);

/** The unit a code answers as today: a merged unit answers as the unit it was merged into. */
export function successorOf(units: ReadonlyMap<string, ScorecardUnit>, code: string): string {
  const seen = new Set<string>();
  let c = code;
  while (units.get(c)?.mergedInto && !seen.has(c)) {
    seen.add(c);
    c = units.get(c)!.mergedInto!;
  }
  return c;
}

/** How one task stands at `now`, its deadline moved by `excuse` working days. */
export function outcomeOf(t: ScorecardTask, now: number, calendar: WorkingCalendar, excuse = 0): Outcome {
  const due = excuse > 0 ? calendar.workingDaysAfter(t.deadline, excuse) : t.deadline;
  const excusedDays = (at: number) =>
    excuse > 0 ? workingDaysOverdue(t.deadline, at, calendar) - workingDaysOverdue(due, at, calendar) : 0;
  if (t.state === 'done' && t.doneAt !== undefined) {
    const daysLate = workingDaysOverdue(due, t.doneAt, calendar);
    return {
      kind: t.doneAt <= deadlineInstant(due) ? 'on_time' : 'late',
      daysLate,
      excusedDays: excusedDays(t.doneAt),
    };
  }
  if (t.state === 'submitted') {
    const at = t.submittedAt ?? now;
    return { kind: 'pending_review', daysLate: workingDaysOverdue(due, at, calendar), excusedDays: excusedDays(at) };
  }
  // A returned report is chased to its revision date: until then the task is in progress.
  const chasedTo = t.state === 'returned' && t.revisionDue && t.revisionDue > due ? t.revisionDue : due;
  if (now <= deadlineInstant(chasedTo)) return { kind: 'in_progress', daysLate: 0, excusedDays: excusedDays(now) };
  return { kind: 'overdue', daysLate: workingDaysOverdue(due, now, calendar), excusedDays: excusedDays(now) };
}

/** Working days a support task was late past its own deadline (0 when it was not, or not yet). */
function supportLateness(t: ScorecardTask, now: number, calendar: WorkingCalendar): number {
  const o = outcomeOf(t, now, calendar);
  return o.kind === 'in_progress' || o.kind === 'on_time' ? 0 : o.daysLate;
}

/** The working days each lead task's deadline moves because its support units were late. */
export function supportExcuses(
  tasks: readonly ScorecardTask[],
  now: number,
  calendar: WorkingCalendar,
  successor: (code: string) => string,
): Map<string, number> {
  const latest = new Map<string, number>();
  for (const s of tasks) {
    if (s.role !== 'support' || !s.supports || HELD.has(s.state)) continue;
    const key = `${s.directive}\u0000${s.cycle}\u0000${successor(s.supports)}`;
    latest.set(key, Math.max(latest.get(key) ?? 0, supportLateness(s, now, calendar)));
  }
  const excuses = new Map<string, number>();
  for (const l of tasks) {
    if (l.role !== 'lead') continue;
    const days = latest.get(`${l.directive}\u0000${l.cycle}\u0000${successor(l.unit)}`) ?? 0;
    if (days > 0) excuses.set(l.id, days);
  }
  return excuses;
}

/** A task's progress credit (0..1) by the policy; undefined for a task not judged yet. */
export function progressCredit(o: Outcome, p: ScorecardPolicy['progress']): number | undefined {
  if (o.kind === 'on_time') return p.onTime;
  if (o.kind === 'late') return Math.max(p.lateFloor, p.late - p.latePerWorkingDay * o.daysLate);
  if (o.kind === 'overdue') return p.overdue;
  return undefined;
}

/** A done task's quality credit: each return for revision costs `perReturn`. */
export const qualityCredit = (returns: number, q: ScorecardPolicy['quality']): number =>
  Math.max(0, 1 - q.perReturn * returns);

const round1 = (n: number) => Math.round(n * 10) / 10;

function emptyScore(unit: string, unitName: string): UnitScore {
  return {
    unit,
    unitName,
    merged: [],
    due: 0,
    onTime: 0,
    late: 0,
    inProgress: 0,
    overdue: 0,
    pendingReview: 0,
    excused: 0,
    returned: 0,
    extensionsAsked: 0,
    extensionsGranted: 0,
    avgDaysLate: null,
    progress: null,
    quality: null,
    score: null,
  };
}

const COUNTER: Record<OutcomeKind, 'onTime' | 'late' | 'inProgress' | 'overdue' | 'pendingReview'> = {
  on_time: 'onTime',
  late: 'late',
  in_progress: 'inProgress',
  overdue: 'overdue',
  pending_review: 'pendingReview',
};

export interface ScorecardInput {
  period: ScorePeriod;
  now: number;
  /** The tasks due in the period, and the support tasks of its lead tasks (which may be due earlier). */
  tasks: readonly ScorecardTask[];
  units: readonly ScorecardUnit[];
  policy: ScorecardPolicy;
  calendar: WorkingCalendar;
}

/** Every unit with a task due in the period, scored and ranked, best first. */
export function scorecard(input: ScorecardInput): UnitScore[] {
  const { policy, calendar, now } = input;
  const units = new Map(input.units.map((u) => [u.code, u]));
  const successor = (code: string) => successorOf(units, code);
  const excuses = policy.supportExcuse ? supportExcuses(input.tasks, now, calendar, successor) : new Map();
  const byUnit = new Map<string, { s: UnitScore; progress: number[]; quality: number[]; late: number[] }>();
  for (const t of input.tasks) {
    if (HELD.has(t.state) || !inPeriod(input.period, t.deadline)) continue;
    const code = successor(t.unit);
    let u = byUnit.get(code);
    if (!u) {
      u = { s: emptyScore(code, units.get(code)?.name ?? code), progress: [], quality: [], late: [] };
      byUnit.set(code, u);
    }
    if (t.unit !== code && !u.s.merged.includes(t.unit)) u.s.merged.push(t.unit);
    const o = outcomeOf(t, now, calendar, excuses.get(t.id) ?? 0);
    u.s.due += 1;
    u.s[COUNTER[o.kind]] += 1;
    if (o.excusedDays > 0) u.s.excused += 1;
    u.s.returned += t.returns;
    u.s.extensionsAsked += t.extensionsAsked;
    u.s.extensionsGranted += t.extensionsGranted;
    const credit = progressCredit(o, policy.progress);
    if (credit !== undefined) u.progress.push(credit);
    if (o.kind === 'on_time' || o.kind === 'late') u.quality.push(qualityCredit(t.returns, policy.quality));
    if (o.kind === 'late' || o.kind === 'overdue') u.late.push(o.daysLate);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const scores = [...byUnit.values()].map(({ s, progress, quality, late }) => {
    s.avgDaysLate = late.length ? round1(mean(late)!) : null;
    if (progress.length === 0) return s;
    const progressShare = mean(progress)!;
    // Nothing delivered yet is no quality to credit.
    const qualityShare = mean(quality) ?? 0;
    s.progress = progressShare;
    s.quality = qualityShare;
    const raw =
      policy.weights.progress * progressShare +
      policy.weights.quality * qualityShare -
      policy.extensions.perGranted * s.extensionsGranted;
    s.score = round1(Math.min(100, Math.max(0, raw)));
    s.grade = policy.grades.find((g) => s.score! >= g.min) ?? policy.grades.at(-1);
    return s;
  });
  return rank(scores);
}

/** Best score first (equal scores share a rank); units not yet judged come last, unranked. */
export function rank(scores: UnitScore[]): UnitScore[] {
  const sorted = [...scores].sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      b.onTime - a.onTime ||
      a.overdue - b.overdue ||
      a.unitName.localeCompare(b.unitName, 'vi'),
  );
  let previous: number | null = null;
  let rankNow = 0;
  sorted.forEach((s, i) => {
    if (s.score === null) return;
    if (s.score !== previous) rankNow = i + 1;
    previous = s.score;
    s.rank = rankNow;
  });
  return sorted;
}
