// The supervisor board's arithmetic: which deadline days are past, how many working days late a
// task is, the overdue share, and the week and month a figure belongs to. Pure: time comes in.
import { addDays, deadlineInstant, localDateOf, type LocalDate, type WorkingCalendar } from './calendar';
import { boardBucket, taskStatus, type BoardBucket, type TaskFacts } from './status';

export type BucketCounts = Record<Exclude<BoardBucket, 'cancelled'>, number>;

export const BUCKETS: readonly (keyof BucketCounts)[] = ['done_on_time', 'done_late', 'in_progress', 'overdue'];

export const emptyCounts = (): BucketCounts => ({ done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 });

/** The four buckets and, counted inside "in progress", the tasks whose report waits for the office's review. */
export type BoardCounts = BucketCounts & { pending_review: number };

/** The last deadline day that has ended at `now`: an open task due that day or earlier is overdue. */
export function overdueCutoff(now: number): LocalDate {
  const today = localDateOf(now);
  return now > deadlineInstant(today) ? today : addDays(today, -1);
}

/**
 * The last deadline day from which an open task is at least `n` working days overdue at `now`
 * (n ≥ 1): the day before the n-th most recent working day up to today, since a task is as many
 * working days overdue as there are working days after its deadline day up to today.
 */
export function deadlineOverdueBy(n: number, now: number, calendar: WorkingCalendar): LocalDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days overdue must be a whole number ≥ 1, got ${n}`);
  const lastWorking = calendar.workingDaysBefore(localDateOf(now), 0);
  return addDays(calendar.workingDaysBefore(lastWorking, n - 1), -1);
}

/** Share of overdue tasks among all counted (cancelled ones are not counted), in percent, one decimal. */
export function overdueShare(c: BucketCounts): number {
  const total = c.done_on_time + c.done_late + c.in_progress + c.overdue;
  return total === 0 ? 0 : Math.round((c.overdue / total) * 1000) / 10;
}

export const totalOf = (c: BucketCounts): number => c.done_on_time + c.done_late + c.in_progress + c.overdue;

/** What the read model stores of a task, enough to place it on the board. */
export interface TaskRowFacts {
  state: string;
  deadline: LocalDate;
  originalDeadline: LocalDate;
  /** When the accepted report came in (done tasks only). */
  doneAt?: number;
  /** When the latest report came in. */
  submittedAt?: number;
  revisionDue?: LocalDate;
  extensionPending?: boolean;
}

/** A report waiting for review is not done: only the accepted report closes a task, by its own time. */
export function factsOfRow(r: TaskRowFacts): TaskFacts {
  return {
    deadline: r.deadline,
    originalDeadline: r.originalDeadline,
    assigned: r.state !== 'assigning',
    doneAt: r.state === 'done' ? (r.doneAt ?? r.submittedAt) : undefined,
    pendingSince: r.state === 'submitted' ? r.submittedAt : undefined,
    returned: r.state === 'returned',
    revisionDue: r.revisionDue,
    extensionPending: r.extensionPending,
    cancelled: r.state === 'cancelled',
  };
}

export function bucketOfRow(r: TaskRowFacts, now: number, calendar: WorkingCalendar): BoardBucket {
  return boardBucket(taskStatus(factsOfRow(r), now, calendar));
}

export interface Month {
  key: string; // YYYY-MM
  first: LocalDate;
  last: LocalDate;
}

export function monthOf(key: string): Month {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!m) throw new RangeError('month: expected YYYY-MM');
  const first = `${key}-01`;
  const next =
    Number(m[2]) === 12 ? `${Number(m[1]) + 1}-01-01` : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, '0')}-01`;
  return { key, first, last: addDays(next, -1) };
}

export const previousMonth = (m: Month): Month => monthOf(addDays(m.first, -1).slice(0, 7));

/** A directive and, when a district cascaded its task, the directive and unit it came from. */
export interface TreeNode {
  number: string;
  parent_number: string | null;
  parent_unit: string | null;
}

/**
 * Directives as a tree, flattened depth first: each sub-directive right under the directive
 * whose district task it came from, with its depth. A sub-directive whose parent is not in the
 * list is shown as a root; a cycle (which the workflows cannot make) cannot loop here.
 */
export function directiveTree<T extends TreeNode>(rows: T[]): (T & { depth: number })[] {
  const known = new Set(rows.map((r) => r.number));
  const children = new Map<string, T[]>();
  for (const r of rows)
    if (r.parent_number && known.has(r.parent_number))
      children.set(r.parent_number, [...(children.get(r.parent_number) ?? []), r]);
  const out: (T & { depth: number })[] = [];
  const seen = new Set<string>();
  const visit = (r: T, depth: number) => {
    if (seen.has(r.number)) return;
    seen.add(r.number);
    out.push({ ...r, depth });
    for (const c of children.get(r.number) ?? []) visit(c, depth + 1);
  };
  for (const r of rows) if (!r.parent_number || !known.has(r.parent_number)) visit(r, 0);
  return out;
}
