import { atLocalTime, vietnamCalendar, type LocalDate } from '../../domain/calendar';
import {
  outcomeOf,
  progressCredit,
  qualityCredit,
  rank,
  scorecard,
  supportExcuses,
  type ScorecardTask,
  type ScorecardUnit,
  type UnitScore,
} from '../../domain/scorecard';
import { DEFAULT_SCORECARD_POLICY, parsePolicy, type ScorecardPolicy } from '../../domain/scorecard-policy';
import { currentPeriod, scorePeriod } from '../../domain/scorecard-period';

const calendar = vietnamCalendar();
const at = (d: LocalDate, h: number, m = 0) => atLocalTime(d, h, m);
// March 2026: Friday 13/3 is the lead's deadline, Wednesday 11/3 its support units' (two working days before).
const MARCH = scorePeriod('2026-03');
const NOW = at('2026-03-18', 9); // Wednesday 18/3, 09:00

let n = 0;
const task = (unit: string, t: Partial<ScorecardTask> = {}): ScorecardTask => ({
  id: `task:${t.directive ?? '1/UBND-VP'}:${unit}:${n++}`,
  directive: '1/UBND-VP',
  unit,
  cycle: '',
  role: 'lead',
  deadline: '2026-03-13',
  state: 'open',
  returns: 0,
  extensionsAsked: 0,
  extensionsGranted: 0,
  ...t,
});
const done = (unit: string, when: number, t: Partial<ScorecardTask> = {}) =>
  task(unit, { state: 'done', doneAt: when, ...t });
const UNITS: ScorecardUnit[] = [
  { code: 'A', name: 'Sở A' },
  { code: 'B', name: 'Sở B' },
  { code: 'C', name: 'Sở C' },
  { code: 'D', name: 'Sở D' },
];
const score = (tasks: ScorecardTask[], o: { policy?: ScorecardPolicy; units?: ScorecardUnit[]; now?: number } = {}) =>
  scorecard({
    period: MARCH,
    now: o.now ?? NOW,
    tasks,
    units: o.units ?? UNITS,
    policy: o.policy ?? DEFAULT_SCORECARD_POLICY,
    calendar,
  });
const unit = (scores: UnitScore[], code: string) => scores.find((s) => s.unit === code)!;

describe('how one task is judged', () => {
  it.each<[string, Partial<ScorecardTask>, string, number]>([
    ['done by 17:00 on the deadline day', { state: 'done', doneAt: at('2026-03-13', 17) }, 'on_time', 0],
    ['done a minute after 17:00 on the deadline day', { state: 'done', doneAt: at('2026-03-13', 17, 1) }, 'late', 0],
    ['done the next working day (Monday)', { state: 'done', doneAt: at('2026-03-16', 9) }, 'late', 1],
    ['done on the Saturday after', { state: 'done', doneAt: at('2026-03-14', 9) }, 'late', 0],
    ['open, three working days past the deadline', {}, 'overdue', 3],
    ['open, deadline later this month', { deadline: '2026-03-31' }, 'in_progress', 0],
    ['report waiting for review', { state: 'submitted', submittedAt: at('2026-03-12', 9) }, 'pending_review', 0],
    ['returned, its revision due after today', { state: 'returned', revisionDue: '2026-03-19' }, 'in_progress', 0],
    ['returned, its revision date passed', { state: 'returned', revisionDue: '2026-03-17' }, 'overdue', 3],
    [
      'done within an approved extension (the deadline in force moved)',
      { state: 'done', deadline: '2026-03-20', doneAt: at('2026-03-18', 8) },
      'on_time',
      0,
    ],
  ])('%s', (_name, t, kind, daysLate) => {
    const o = outcomeOf(task('A', t), NOW, calendar);
    expect([o.kind, o.daysLate]).toEqual([kind, daysLate]);
  });

  it('gives the policy credit: on time 1, late 0.75 (a delay costs 25%), overdue 0, nothing while in progress', () => {
    const p = DEFAULT_SCORECARD_POLICY.progress;
    expect(progressCredit({ kind: 'on_time', daysLate: 0, excusedDays: 0 }, p)).toBe(1);
    expect(progressCredit({ kind: 'late', daysLate: 4, excusedDays: 0 }, p)).toBe(0.75);
    expect(progressCredit({ kind: 'overdue', daysLate: 4, excusedDays: 0 }, p)).toBe(0);
    expect(progressCredit({ kind: 'in_progress', daysLate: 0, excusedDays: 0 }, p)).toBeUndefined();
    expect(progressCredit({ kind: 'pending_review', daysLate: 2, excusedDays: 0 }, p)).toBeUndefined();
  });

  it('takes more off per working day late when the policy says so, down to its floor', () => {
    const p = { ...DEFAULT_SCORECARD_POLICY.progress, latePerWorkingDay: 0.1, lateFloor: 0.5 };
    expect(progressCredit({ kind: 'late', daysLate: 1, excusedDays: 0 }, p)).toBeCloseTo(0.65);
    expect(progressCredit({ kind: 'late', daysLate: 5, excusedDays: 0 }, p)).toBe(0.5);
  });

  it('takes a quarter of the quality credit per return for revision, never below 0', () => {
    const q = DEFAULT_SCORECARD_POLICY.quality;
    expect([0, 1, 2, 5].map((r) => qualityCredit(r, q))).toEqual([1, 0.75, 0.5, 0]);
  });
});

describe('a unit’s scorecard', () => {
  it('counts each outcome, the returns and the extensions, and scores progress and quality', () => {
    const scores = score([
      done('A', at('2026-03-12', 9)),
      done('A', at('2026-03-13', 9), { returns: 1, extensionsAsked: 1, extensionsGranted: 1, deadline: '2026-03-13' }),
      done('A', at('2026-03-17', 9)), // two working days late
      task('A'), // overdue three working days
      task('A', { deadline: '2026-03-31' }),
      task('A', { state: 'submitted', submittedAt: at('2026-03-10', 9), deadline: '2026-03-11' }),
      task('A', { state: 'assigning' }),
      task('A', { state: 'cancelled' }),
      task('A', { deadline: '2026-04-01' }), // due next month
      task('A', { deadline: '2026-02-27' }), // due last month
    ]);
    const a = unit(scores, 'A');
    expect(a).toMatchObject({
      due: 6,
      onTime: 2,
      late: 1,
      overdue: 1,
      inProgress: 1,
      pendingReview: 1,
      returned: 1,
      extensionsAsked: 1,
      extensionsGranted: 1,
      avgDaysLate: 2.5,
    });
    // Progress (1 + 1 + 0.75 + 0) / 4; quality of the three done (1 + 0.75 + 1) / 3.
    expect(a.progress).toBeCloseTo(0.6875);
    expect(a.quality).toBeCloseTo(2.75 / 3);
    expect(a.score).toBe(Math.round((70 * 0.6875 + 30 * (2.75 / 3)) * 10) / 10);
    expect(a.grade?.vi).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('gives 100 and the top grade to a unit that did everything on time with no return', () => {
    const a = unit(score([done('A', at('2026-03-10', 9)), done('A', at('2026-03-13', 16))]), 'A');
    expect([a.score, a.grade?.vi, a.rank]).toEqual([100, 'Hoàn thành xuất sắc nhiệm vụ', 1]);
  });

  it('gives 0 to a unit whose every task is overdue: nothing delivered, no quality to credit', () => {
    const a = unit(score([task('A'), task('A')]), 'A');
    expect([a.score, a.quality, a.grade?.en]).toEqual([0, 0, 'Not completed']);
  });

  it('scores no one whose tasks are all still in progress or waiting for review, and ranks them last', () => {
    const scores = score([
      task('A', { deadline: '2026-03-31' }),
      task('A', { state: 'submitted', submittedAt: at('2026-03-12', 9) }),
      task('B'),
    ]);
    expect(scores.map((s) => [s.unit, s.score, s.rank])).toEqual([
      ['B', 0, 1],
      ['A', null, undefined],
    ]);
  });

  it('takes the policy’s points off per extension granted', () => {
    const policy = parsePolicy(
      `weights: { progress: 70, quality: 30 }\nprogress: {}\nquality: {}\nextensions: { perGranted: 2 }\ngrades: [{ min: 0, vi: Xếp loại, en: Grade }]\n`,
    );
    const a = unit(score([done('A', at('2026-03-12', 9), { extensionsGranted: 2 })], { policy }), 'A');
    expect(a.score).toBe(96);
  });

  it('lists a unit only for tasks due in the period', () => {
    expect(score([task('A', { deadline: '2026-04-01' })])).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks by score, equal scores sharing a rank, ties broken by tasks done on time', () => {
    const scores = score([
      done('A', at('2026-03-12', 9)),
      done('B', at('2026-03-12', 9)),
      done('B', at('2026-03-12', 9)),
      done('C', at('2026-03-16', 9)),
      task('D'),
    ]);
    expect(scores.map((s) => [s.unit, s.score, s.rank])).toEqual([
      ['B', 100, 1],
      ['A', 100, 1],
      ['C', 82.5, 3],
      ['D', 0, 4],
    ]);
  });

  it('orders units not yet judged by name after every ranked one', () => {
    const s = (unit: string, name: string, score: number | null) =>
      ({ unit, unitName: name, score, onTime: 0, overdue: 0 }) as UnitScore;
    expect(
      rank([s('X', 'Sở Xây dựng', null), s('Y', 'Sở Y tế', 50), s('T', 'Sở Tài chính', null)]).map((r) => r.unit),
    ).toEqual(['Y', 'T', 'X']);
  });
});

describe('lateness caused by a support (phối hợp) unit', () => {
  const support = (unit: string, t: Partial<ScorecardTask> = {}) =>
    task(unit, { role: 'support', supports: 'A', deadline: '2026-03-11', ...t });

  it('does not count against the lead when the support unit was later than the lead', () => {
    // Support due Wed 11/3, reported Mon 16/3: 3 working days late. Lead due Fri 13/3, done Tue 17/3: 2 days late.
    const scores = score([
      done('A', at('2026-03-17', 9)),
      support('B', { state: 'done', doneAt: at('2026-03-16', 9) }),
    ]);
    expect(unit(scores, 'A')).toMatchObject({ onTime: 1, late: 0, excused: 1, score: 100 });
    expect(unit(scores, 'B')).toMatchObject({ due: 1, late: 1, avgDaysLate: 3, score: 82.5 });
  });

  it('excuses the lead only as many working days as its support unit was late', () => {
    // Support 1 day late (Thu 12/3); lead 3 days late (Wed 18/3): 2 days late are the lead's own.
    const scores = score(
      [done('A', at('2026-03-18', 8)), support('B', { state: 'done', doneAt: at('2026-03-12', 9) })],
      { now: at('2026-03-20', 9) },
    );
    expect(unit(scores, 'A')).toMatchObject({ late: 1, excused: 1, avgDaysLate: 2 });
  });

  it('takes the latest of several support units', () => {
    const excuses = supportExcuses(
      [
        task('A', { id: 'lead' }),
        support('B', { state: 'done', doneAt: at('2026-03-12', 9) }),
        support('C', { state: 'done', doneAt: at('2026-03-16', 9) }),
        support('D', { state: 'done', doneAt: at('2026-03-10', 9) }),
      ],
      NOW,
      calendar,
      (c) => c,
    );
    expect(excuses).toEqual(new Map([['lead', 3]]));
  });

  it('keeps a lead whose support unit is still overdue, and later than the lead, in progress rather than overdue', () => {
    // Support overdue since 11/3 (5 working days at 18/3), lead overdue since 13/3 (3 days).
    const scores = score([task('A'), support('B')]);
    expect(unit(scores, 'A')).toMatchObject({ overdue: 0, inProgress: 1, excused: 1, score: null });
    expect(unit(scores, 'B')).toMatchObject({ overdue: 1, avgDaysLate: 5 });
  });

  it('gives no excuse when the support unit reported on time, or a report is not late yet', () => {
    const scores = score([
      done('A', at('2026-03-16', 9)),
      support('B', { state: 'done', doneAt: at('2026-03-11', 9) }),
      support('C', { deadline: '2026-03-25' }),
    ]);
    expect(unit(scores, 'A')).toMatchObject({ late: 1, excused: 0 });
  });

  it('counts a support report sent late and still waiting for review as late for the excuse', () => {
    const scores = score([
      done('A', at('2026-03-16', 9)),
      support('B', { state: 'submitted', submittedAt: at('2026-03-13', 9) }),
    ]);
    expect(unit(scores, 'A')).toMatchObject({ onTime: 1, excused: 1 });
  });

  it('looks only at support tasks of the same directive and cycle', () => {
    const scores = score([
      done('A', at('2026-03-16', 9)),
      support('B', { directive: '2/UBND-VP', state: 'done', doneAt: at('2026-03-16', 9) }),
      support('C', { cycle: '2026-Q1', state: 'done', doneAt: at('2026-03-16', 9) }),
    ]);
    expect(unit(scores, 'A')).toMatchObject({ late: 1, excused: 0 });
  });

  it('gives no excuse when the office turned the rule off', () => {
    const policy = { ...DEFAULT_SCORECARD_POLICY, supportExcuse: false };
    const scores = score(
      [done('A', at('2026-03-17', 9)), support('B', { state: 'done', doneAt: at('2026-03-16', 9) })],
      {
        policy,
      },
    );
    expect(unit(scores, 'A')).toMatchObject({ late: 1, excused: 0 });
  });

  it('uses a support task due in the period before for a lead due in this one', () => {
    const scores = score([
      done('A', at('2026-03-04', 9), { deadline: '2026-03-02' }),
      support('B', { deadline: '2026-02-26', state: 'done', doneAt: at('2026-03-04', 8) }),
    ]);
    expect(unit(scores, 'A')).toMatchObject({ onTime: 1, excused: 1 });
    expect(scores.map((s) => s.unit)).toEqual(['A']); // the support task is due in February
  });
});

describe('units merged in a reorganisation', () => {
  const units: ScorecardUnit[] = [
    { code: 'NB-STTTT', name: 'Sở Thông tin và Truyền thông', mergedInto: 'NB-SKHCN' },
    { code: 'NB-SKHCN', name: 'Sở Khoa học và Công nghệ' },
    { code: 'OLD', name: 'Cũ', mergedInto: 'NB-STTTT' },
  ];

  it('counts the old unit’s tasks for the unit it was merged into, and names it', () => {
    const scores = score([done('NB-STTTT', at('2026-03-12', 9)), done('NB-SKHCN', at('2026-03-16', 9)), task('OLD')], {
      units,
    });
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ unit: 'NB-SKHCN', due: 3, onTime: 1, late: 1, overdue: 1 });
    expect(scores[0].merged.sort()).toEqual(['NB-STTTT', 'OLD']);
  });

  it('excuses the new lead for a support task that still names the old lead', () => {
    const scores = score(
      [
        done('NB-SKHCN', at('2026-03-16', 9)),
        task('B', {
          role: 'support',
          supports: 'NB-STTTT',
          deadline: '2026-03-11',
          state: 'done',
          doneAt: at('2026-03-13', 9),
        }),
      ],
      { units },
    );
    expect(unit(scores, 'NB-SKHCN')).toMatchObject({ onTime: 1, excused: 1 });
  });
});

describe('the policy file', () => {
  it('reads the default, with the grades of the provincial emulation rules', () => {
    expect(DEFAULT_SCORECARD_POLICY.weights).toEqual({ progress: 70, quality: 30 });
    expect(DEFAULT_SCORECARD_POLICY.grades.map((g) => g.min)).toEqual([90, 75, 50, 0]);
  });

  it.each([
    [
      'weights: { progress: 60, quality: 30 }\nprogress: {}\nquality: {}\ngrades: [{ min: 0, vi: a, en: a }]\n',
      /policy.yaml:1: weights: progress and quality add up to 100 \(now 90\)/,
    ],
    [
      'weights: { progress: 70, quality: 30 }\nprogress: { late: 1.5 }\nquality: {}\ngrades: [{ min: 0, vi: a, en: a }]\n',
      /policy.yaml:2: progress.late: /,
    ],
    [
      'weights: { progress: 70, quality: 30 }\nprogress: {}\nquality: {}\ngrades:\n  - { min: 50, vi: a, en: a }\n  - { min: 60, vi: b, en: b }\n',
      /policy.yaml:6: grades.1.min: grades go from the highest to the lowest/,
    ],
    [
      'weights: { progress: 70, quality: 30 }\nprogress: {}\nquality: {}\nbonus: 5\ngrades: [{ min: 0, vi: a, en: a }]\n',
      /policy.yaml:\d: .*bonus/,
    ],
    [
      'weights: { progress: 70, quality: 30 }\nprogress: {}\nquality: {}\ngrades: [{ min: 10, vi: a, en: a }]\n',
      /grades.0.min: the lowest grade starts at 0/,
    ],
    ['- just a list\n', /expected a mapping of fields/],
  ])('names the line and the field of a mistake (%#)', (text, message) => {
    expect(() => parsePolicy(text)).toThrow(message);
  });
});

describe('periods', () => {
  it.each([
    ['2026-03', 'month', '2026-03-01', '2026-03-31', 'Tháng 3/2026'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', 'Tháng 2/2024'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31', 'Quý I/2026'],
    ['2026-Q4', 'quarter', '2026-10-01', '2026-12-31', 'Quý IV/2026'],
    ['2026', 'year', '2026-01-01', '2026-12-31', 'Năm 2026'],
  ])('reads %s', (key, kind, first, last, vi) => {
    expect(scorePeriod(key)).toMatchObject({ key, kind, first, last, label: { vi } });
  });

  it.each(['2026-13', '2026-Q5', '26', '2026-3', ''])('refuses %p', (key) => {
    expect(() => scorePeriod(key)).toThrow(/period: expected a month \(2026-03\), a quarter \(2026-Q1\) or a year/);
  });

  it('finds the month, quarter and year of a day in Vietnam', () => {
    const lastEvening = Date.parse('2026-03-31T18:00:00Z'); // already 1 April in Vietnam
    expect(['month', 'quarter', 'year'].map((k) => currentPeriod(k as 'month', lastEvening).key)).toEqual([
      '2026-04',
      '2026-Q2',
      '2026',
    ]);
  });
});
