// Where a task stands, in the categories Vietnamese task tracking reports on: not yet due, due
// soon, overdue, done on time, done late; plus returned for completion, extension requested and
// cancelled. Time is passed in, so the same facts always give the same status.
import { deadlineInstant, localDateOf, type LocalDate, type WorkingCalendar } from './calendar';

export type TaskStatus =
  'not_due' | 'due_soon' | 'overdue' | 'done_on_time' | 'done_late' | 'returned' | 'extension_requested' | 'cancelled';

export const STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  not_due: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  returned: { vi: 'Trả lại để hoàn thiện', en: 'Returned for completion' },
  extension_requested: { vi: 'Xin gia hạn', en: 'Extension requested' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** The four buckets of the official tracking board, plus cancelled tasks, which it leaves out. */
export type BoardBucket = 'done_on_time' | 'done_late' | 'in_progress' | 'overdue' | 'cancelled';

export const BOARD_BUCKET_LABELS: Record<BoardBucket, { vi: string; en: string }> = {
  done_on_time: { vi: 'Đã hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Đã hoàn thành quá hạn', en: 'Done late' },
  in_progress: { vi: 'Đang thực hiện trong hạn', en: 'In progress, on time' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue, not done' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export interface TaskFacts {
  /** The deadline in force: an approved extension, or a returned report's revision deadline, moves it. */
  deadline: LocalDate;
  /** The deadline first assigned; `deadline !== originalDeadline` means the task was extended. */
  originalDeadline: LocalDate;
  /** When the report that completes the task came in. */
  doneAt?: number;
  returned?: boolean;
  extensionPending?: boolean;
  cancelled?: boolean;
}

/**
 * The task's status at `now`. Done on time means done by 17:00 on the deadline in force. A
 * pending extension request does not stop the clock, and a returned report does not either:
 * once the deadline in force has passed the task is overdue whatever else is going on.
 */
export function taskStatus(
  facts: TaskFacts,
  now: number,
  calendar: WorkingCalendar,
  dueSoonWorkingDays = 3,
): TaskStatus {
  if (facts.cancelled) return 'cancelled';
  if (facts.doneAt !== undefined) return facts.doneAt <= deadlineInstant(facts.deadline) ? 'done_on_time' : 'done_late';
  if (now > deadlineInstant(facts.deadline)) return 'overdue';
  if (facts.returned) return 'returned';
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
    case 'not_due':
    case 'due_soon':
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
