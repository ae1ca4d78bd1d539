import { atLocalTime, vietnamCalendar, type LocalDate } from '../../domain/calendar';
import {
  BOARD_BUCKET_LABELS,
  STATUS_LABELS,
  boardBucket,
  taskStatus,
  workingDaysLeft,
  workingDaysOverdue,
  type BoardBucket,
  type TaskFacts,
  type TaskStatus,
} from '../../domain/status';

const calendar = vietnamCalendar();
const at = (d: LocalDate, h: number, m = 0, s = 0) => atLocalTime(d, h, m) + s * 1000;
// Deadline Wednesday 12/3/2025, a plain week.
const base: TaskFacts = { deadline: '2025-03-12', originalDeadline: '2025-03-12' };

describe('task status', () => {
  it.each<[string, Partial<TaskFacts>, number, TaskStatus]>([
    ['long before the deadline', {}, at('2025-03-01', 9), 'not_due'],
    ['4 working days before', {}, at('2025-03-06', 9), 'not_due'],
    ['3 working days before', {}, at('2025-03-07', 9), 'due_soon'],
    ['on the deadline day before 17:00', {}, at('2025-03-12', 16, 59, 59), 'due_soon'],
    ['at 17:00:00 on the deadline day', {}, at('2025-03-12', 17), 'due_soon'],
    ['a moment after 17:00 on the deadline day', {}, at('2025-03-12', 17) + 1, 'overdue'],
    ['a month later', {}, at('2025-04-12', 9), 'overdue'],
    ['done at 17:00:00 on the deadline day', { doneAt: at('2025-03-12', 17) }, at('2025-03-20', 9), 'done_on_time'],
    ['done at 17:00:01 on the deadline day', { doneAt: at('2025-03-12', 17, 0, 1) }, at('2025-03-20', 9), 'done_late'],
    ['done early, asked before the deadline', { doneAt: at('2025-03-03', 10) }, at('2025-03-04', 9), 'done_on_time'],
    [
      'done after the original deadline but within an approved extension',
      { deadline: '2025-03-19', doneAt: at('2025-03-18', 10) },
      at('2025-03-20', 9),
      'done_on_time',
    ],
    [
      'done after an approved extension ran out',
      { deadline: '2025-03-19', doneAt: at('2025-03-20', 8) },
      at('2025-03-20', 9),
      'done_late',
    ],
    ['extended, asked after the original deadline', { deadline: '2025-03-19' }, at('2025-03-13', 9), 'not_due'],
    ['extended, two working days before the new deadline', { deadline: '2025-03-19' }, at('2025-03-17', 9), 'due_soon'],
    ['returned for completion, before the deadline', { returned: true }, at('2025-03-05', 9), 'returned'],
    ['returned for completion, past the deadline', { returned: true }, at('2025-03-13', 9), 'overdue'],
    [
      'extension requested, before the deadline',
      { extensionPending: true },
      at('2025-03-10', 9),
      'extension_requested',
    ],
    [
      'extension requested, still pending after the deadline',
      { extensionPending: true },
      at('2025-03-13', 9),
      'overdue',
    ],
    [
      'returned while an extension is pending',
      { returned: true, extensionPending: true },
      at('2025-03-10', 9),
      'returned',
    ],
    ['cancelled before the deadline', { cancelled: true }, at('2025-03-01', 9), 'cancelled'],
    ['cancelled after being overdue', { cancelled: true }, at('2025-04-01', 9), 'cancelled'],
    ['cancelled after being done', { cancelled: true, doneAt: at('2025-03-03', 9) }, at('2025-04-01', 9), 'cancelled'],
    [
      'done, even with a report returned earlier',
      { returned: true, doneAt: at('2025-03-11', 9) },
      at('2025-04-01', 9),
      'done_on_time',
    ],
  ])('%s', (_what, facts, now, status) => {
    expect(taskStatus({ ...base, ...facts }, now, calendar)).toBe(status);
  });

  it.each<[LocalDate, number, number, TaskStatus]>([
    // Tết 2025: one working day before a deadline of Monday 3/2 is Friday 24/1, ten days earlier.
    ['2025-01-24', 9, 3, 'due_soon'],
    ['2025-01-21', 9, 3, 'not_due'],
    ['2025-01-21', 9, 5, 'due_soon'],
    ['2025-02-03', 9, 0, 'due_soon'],
    ['2025-01-31', 9, 0, 'not_due'],
  ])(
    'with a deadline of 3/2/2025, on %s at %d:00 and "due soon" at %d working days, it is %s',
    (day, hour, soon, status) => {
      expect(
        taskStatus({ deadline: '2025-02-03', originalDeadline: '2025-02-03' }, atLocalTime(day, hour), calendar, soon),
      ).toBe(status);
    },
  );
});

describe('the official board', () => {
  it.each<[TaskStatus, BoardBucket]>([
    ['not_due', 'in_progress'],
    ['due_soon', 'in_progress'],
    ['returned', 'in_progress'],
    ['extension_requested', 'in_progress'],
    ['overdue', 'overdue'],
    ['done_on_time', 'done_on_time'],
    ['done_late', 'done_late'],
    ['cancelled', 'cancelled'],
  ])('counts %s as %s', (status, bucket) => {
    expect(boardBucket(status)).toBe(bucket);
    expect(BOARD_BUCKET_LABELS[bucket].vi.length).toBeGreaterThan(0);
  });
});

describe('labels', () => {
  it.each<[TaskStatus, string]>([
    ['not_due', 'Chưa đến hạn'],
    ['due_soon', 'Sắp đến hạn'],
    ['overdue', 'Quá hạn'],
    ['done_on_time', 'Hoàn thành đúng hạn'],
    ['done_late', 'Hoàn thành quá hạn'],
    ['returned', 'Trả lại để hoàn thiện'],
    ['extension_requested', 'Xin gia hạn'],
    ['cancelled', 'Đã hủy'],
  ])('%s reads "%s" in Vietnamese and has an English label', (status, vi) => {
    expect(STATUS_LABELS[status].vi).toBe(vi);
    expect(STATUS_LABELS[status].en).toMatch(/^[A-Z][a-z ,]+$/);
  });
});

describe('working days left and overdue', () => {
  it.each<[LocalDate, number, number, number]>([
    ['2025-03-01', 9, 8, 0],
    ['2025-03-11', 9, 1, 0],
    ['2025-03-12', 8, 0, 0],
    ['2025-03-12', 17, 0, 0],
    ['2025-03-12', 18, 0, 0],
    ['2025-03-13', 8, 0, 1],
    ['2025-03-15', 8, 0, 2],
    ['2025-03-17', 8, 0, 3],
    ['2025-04-08', 8, 0, 18],
  ])('deadline 12/3/2025, on %s at %d:00: %d left, %d overdue', (day, hour, left, overdue) => {
    expect(workingDaysLeft('2025-03-12', atLocalTime(day, hour), calendar)).toBe(left);
    expect(workingDaysOverdue('2025-03-12', atLocalTime(day, hour), calendar)).toBe(overdue);
  });

  it.each<[LocalDate, LocalDate, number, number]>([
    ['2025-01-24', '2025-01-20', 4, 0],
    ['2025-01-24', '2025-01-27', 0, 0],
    ['2025-01-24', '2025-02-02', 0, 0],
    ['2025-01-24', '2025-02-03', 0, 1],
    ['2025-01-24', '2025-02-07', 0, 5],
    ['2025-02-03', '2025-01-24', 1, 0],
  ])('across Tết 2025, deadline %s, on %s at noon: %d left, %d overdue', (deadline, day, left, overdue) => {
    expect(workingDaysLeft(deadline, atLocalTime(day, 12), calendar)).toBe(left);
    expect(workingDaysOverdue(deadline, atLocalTime(day, 12), calendar)).toBe(overdue);
  });
});
