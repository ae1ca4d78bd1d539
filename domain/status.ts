// Where a task stands, in the categories Vietnamese task tracking reports on: not yet due, due
// soon, overdue, done on time, done late; plus returned for completion, extension requested and
// cancelled. Time is passed in, so the same facts always give the same status.
import { deadlineInstant, localDateOf, type LocalDate, type WorkingCalendar } from './calendar';

export type TaskStatus =
  | 'assigning'
  | 'not_due'
  | 'due_soon'
  | 'overdue'
  | 'pending_review'
  | 'done_on_time'
  | 'done_late'
  | 'returned'
  | 'extension_requested'
  | 'cancelled';

export const STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  assigning: { vi: 'Đang giao', en: 'Being assigned' },
  not_due: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  pending_review: { vi: 'Đang chờ xem xét', en: 'Awaiting review' },
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  returned: { vi: 'Trả lại để hoàn thiện', en: 'Returned for completion' },
  extension_requested: { vi: 'Xin gia hạn', en: 'Extension requested' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/**
 * The four buckets of the official tracking board, plus cancelled tasks, which it leaves out. A
 * report waiting for review is in progress (on time or not is decided by the report accepted).
 */
export type BoardBucket = 'done_on_time' | 'done_late' | 'in_progress' | 'overdue' | 'cancelled';

export const BOARD_BUCKET_LABELS: Record<BoardBucket, { vi: string; en: string }> = {
  done_on_time: { vi: 'Đã hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Đã hoàn thành quá hạn', en: 'Done late' },
  in_progress: { vi: 'Đang thực hiện trong hạn', en: 'In progress, on time' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue, not done' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export interface TaskFacts {
  /** The task's deadline in force: an approved extension or the office moving it changes it, a return does not. */
  deadline: LocalDate;
  /** The deadline first assigned; `deadline !== originalDeadline` means the task was extended or moved. */
  originalDeadline: LocalDate;
  /** False until the assignment has gone out (đang giao). */
  assigned?: boolean;
  /** When the report that was accepted came in: the task is done only once its report is accepted. */
  doneAt?: number;
  /** When the report now waiting for the office's review came in. */
  pendingSince?: number;
  /** A report was returned for completion; it is due back by `revisionDue`. */
  returned?: boolean;
  revisionDue?: LocalDate;
  extensionPending?: boolean;
  cancelled?: boolean;
}

/**
 * The task's status at `now`. Done means the report was accepted; on time means the accepted
 * report came by 17:00 on the deadline in force. A report waiting for review is neither done nor
 * overdue: the unit has answered and the office must act. A pending extension request does not
 * stop the clock; a returned report is chased to its revision date, and is overdue after it.
 */
export function taskStatus(
  facts: TaskFacts,
  now: number,
  calendar: WorkingCalendar,
  dueSoonWorkingDays = 3,
): TaskStatus {
  if (facts.cancelled) return 'cancelled';
  if (facts.doneAt !== undefined) return facts.doneAt <= deadlineInstant(facts.deadline) ? 'done_on_time' : 'done_late';
  if (facts.pendingSince !== undefined) return 'pending_review';
  if (facts.assigned === false) return 'assigning';
  if (facts.returned) return now > deadlineInstant(facts.revisionDue ?? facts.deadline) ? 'overdue' : 'returned';
  if (now > deadlineInstant(facts.deadline)) return 'overdue';
  if (facts.extensionPending) return 'extension_requested';
  return workingDaysLeft(facts.deadline, now, calendar) <= dueSoonWorkingDays ? 'due_soon' : 'not_due';
}

export function boardBucket(status: TaskStatus): BoardBucket {
  switch (status) {
    case 'done_on_time':
    case 'done_late':
    case 'overdue':
    case 'cancelled':
      return status;
    case 'assigning':
    case 'not_due':
    case 'due_soon':
    case 'pending_review':
    case 'returned':
    case 'extension_requested':
      return 'in_progress';
  }
}

/**
 * Working days from today to the deadline day, today not counted: 1 the day before, 0 on the
 * deadline day itself and after it.
 */
export function workingDaysLeft(deadline: LocalDate, now: number, calendar: WorkingCalendar): number {
  return Math.max(0, calendar.workingDaysBetween(localDateOf(now), deadline));
}

/**
 * Working days that have begun since the deadline day: 0 until the deadline has passed and on the
 * evening of the deadline day, 1 from the next working day. Pass a report's time as `now` to
 * say how late it came.
 */
export function workingDaysOverdue(deadline: LocalDate, now: number, calendar: WorkingCalendar): number {
  if (now <= deadlineInstant(deadline)) return 0;
  return Math.max(0, calendar.workingDaysBetween(deadline, localDateOf(now)));
}
