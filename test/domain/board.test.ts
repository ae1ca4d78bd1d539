import { atLocalTime, vietnamCalendar, deadlineInstant, type LocalDate } from '../../domain/calendar';
import {
  bucketOfRow,
  deadlineOverdueBy,
  directiveTree,
  factsOfRow,
  monthOf,
  overdueCutoff,
  overdueShare,
  previousMonth,
} from '../../domain/board';
import { workingDaysOverdue } from '../../domain/status';

const calendar = vietnamCalendar();
const at = (d: LocalDate, h: number, m = 0) => atLocalTime(d, h, m);

describe('overdue cutoff', () => {
  it.each<[string, number, LocalDate]>([
    ['in the morning the last ended deadline day is yesterday', at('2025-03-12', 9), '2025-03-11'],
    ['at 17:00:00 sharp today has not ended', at('2025-03-12', 17), '2025-03-11'],
    ['a moment after 17:00 today has ended', at('2025-03-12', 17) + 1, '2025-03-12'],
    ['just after midnight Vietnam time, yesterday', at('2025-03-13', 0, 5), '2025-03-12'],
  ])('%s', (_name, now, expected) => {
    expect(overdueCutoff(now)).toBe(expected);
    // The cutoff is exactly the line between overdue and not: its deadline has passed, the next day's has not.
    expect(now > deadlineInstant(expected)).toBe(true);
  });
});

describe('deadline for "at least N working days overdue"', () => {
  it.each<[string, number, number, LocalDate]>([
    ['one working day, on a Thursday', 1, at('2025-03-13', 9), '2025-03-12'],
    ['three working days across a weekend', 3, at('2025-03-17', 9), '2025-03-12'],
    [
      'six working days reach back over Tết 2025 (27-31 January off) to Thursday 23 January',
      6,
      at('2025-02-07', 9),
      '2025-01-23',
    ],
  ])('%s', (_name, n, now, expected) => {
    const d = deadlineOverdueBy(n, now, calendar);
    expect(d).toBe(expected);
    expect(workingDaysOverdue(d, now, calendar)).toBeGreaterThanOrEqual(n);
    // The day after is less overdue than asked: the bound is tight.
    const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(workingDaysOverdue(next, now, calendar)).toBeLessThan(n);
  });

  it('agrees with counting working days overdue day by day, for every count up to 60 and many days', () => {
    for (const day of [
      '2025-01-20',
      '2025-02-03',
      '2025-02-08',
      '2025-04-07',
      '2025-09-01',
      '2026-02-20',
    ] as LocalDate[]) {
      for (const hour of [8, 18]) {
        const now = at(day, hour);
        for (let n = 1; n <= 60; n++) {
          const d = deadlineOverdueBy(n, now, calendar);
          const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect([
            day,
            hour,
            n,
            workingDaysOverdue(d, now, calendar) >= n,
            workingDaysOverdue(next, now, calendar) < n,
          ]).toEqual([day, hour, n, true, true]);
        }
      }
    }
  });

  it('refuses a count that is not a whole number of at least one', () => {
    expect(() => deadlineOverdueBy(0, Date.now(), calendar)).toThrow(
      'working days overdue must be a whole number ≥ 1, got 0',
    );
    expect(() => deadlineOverdueBy(1.5, Date.now(), calendar)).toThrow(RangeError);
  });
});

describe('a read-model row on the board', () => {
  const row = { deadline: '2025-03-12', originalDeadline: '2025-03-12' };
  const now = at('2025-03-20', 9);
  it.each<[string, Parameters<typeof bucketOfRow>[0], string]>([
    [
      'a report waiting for review is not done: it is in progress',
      { ...row, state: 'submitted', submittedAt: at('2025-03-12', 16) },
      'in_progress',
    ],
    [
      'a late report waiting for review is not done either',
      { ...row, state: 'submitted', submittedAt: at('2025-03-13', 9) },
      'in_progress',
    ],
    ['a task still being assigned is in progress', { ...row, state: 'assigning' }, 'in_progress'],
    [
      'an accepted report is done at the time it came in',
      { ...row, state: 'done', doneAt: at('2025-03-12', 17), submittedAt: at('2025-03-12', 17) },
      'done_on_time',
    ],
    [
      'a returned report past its deadline is overdue',
      { ...row, state: 'returned', submittedAt: at('2025-03-11', 9) },
      'overdue',
    ],
    ['an open task past its deadline is overdue', { ...row, state: 'open' }, 'overdue'],
    [
      'an open task with a later deadline is in progress',
      { deadline: '2025-03-28', originalDeadline: '2025-03-12', state: 'open' },
      'in_progress',
    ],
    ['a cancelled task is left out', { ...row, state: 'cancelled' }, 'cancelled'],
  ])('%s', (_name, r, bucket) => {
    expect(bucketOfRow(r, now, calendar)).toBe(bucket);
  });

  it("does not take a returned report's time as its completion", () => {
    expect(factsOfRow({ ...row, state: 'returned', submittedAt: 1 }).doneAt).toBeUndefined();
  });
});

describe('overdue share and months', () => {
  it('is the overdue part of all counted tasks, in percent with one decimal', () => {
    expect(overdueShare({ done_on_time: 4, done_late: 1, in_progress: 1, overdue: 1 })).toBe(14.3);
    expect(overdueShare({ done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0 })).toBe(0);
  });

  it('knows the last day of each month and the month before', () => {
    expect(monthOf('2024-02')).toEqual({ key: '2024-02', first: '2024-02-01', last: '2024-02-29' });
    expect(monthOf('2025-12').last).toBe('2025-12-31');
    expect(previousMonth(monthOf('2025-01')).key).toBe('2024-12');
    expect(() => monthOf('2025-13')).toThrow('month: expected YYYY-MM');
  });
});

describe('directiveTree', () => {
  const row = (number: string, parent_number: string | null = null, parent_unit: string | null = null) => ({
    number,
    parent_number,
    parent_unit,
  });
  it('puts each sub-directive right under its parent, depth first, in the order given', () => {
    const rows = [
      row('3/KH-UBND', '1/UBND-VP9', 'NB-UBND-HOALU'),
      row('2/UBND-VP9'),
      row('1/UBND-VP9'),
      row('4/KH-XA', '3/KH-UBND', 'NB-HL-NINHHAI'),
      row('5/KH-UBND', '1/UBND-VP9', 'NB-UBND-GIAVIEN'),
    ];
    expect(directiveTree(rows).map((r) => [r.depth, r.number])).toEqual([
      [0, '2/UBND-VP9'],
      [0, '1/UBND-VP9'],
      [1, '3/KH-UBND'],
      [2, '4/KH-XA'],
      [1, '5/KH-UBND'],
    ]);
  });
  it('shows a sub-directive whose parent is not listed as a root, and each directive once', () => {
    const rows = [row('3/KH-UBND', '9/UBND-VP9', 'NB-UBND-HOALU'), row('1/UBND-VP9'), row('1/UBND-VP9')];
    expect(directiveTree(rows).map((r) => [r.depth, r.number])).toEqual([
      [0, '3/KH-UBND'],
      [0, '1/UBND-VP9'],
    ]);
  });
});
