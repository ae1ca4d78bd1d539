import {
  addDays,
  atLocalTime,
  deadlineInstant,
  localDateOf,
  vietnamCalendar,
  type LocalDate,
} from '../../domain/calendar';
import {
  chaseSchedule,
  nextChaseStep,
  resolveDeadline,
  revisionDue,
  supportDeadline,
  type ChaseInput,
  type ChaseStep,
} from '../../domain/chase';
import { ChasePolicySchema, DEFAULT_CHASE_POLICY, type ChasePolicy, type DeadlineSpec } from '../../domain/schemas';

const calendar = vietnamCalendar();
const at8 = (d: LocalDate) => atLocalTime(d, 8);
const input = (deadline: LocalDate, policy: ChasePolicy = DEFAULT_CHASE_POLICY): ChaseInput => ({
  policy,
  deadline,
  calendar,
});
const listFrom = (i: ChaseInput, from: LocalDate, until: LocalDate) =>
  chaseSchedule(i, { from: atLocalTime(from, 0), until: atLocalTime(until, 23, 59) });

/** Steps as short readable lines: "2025-03-07 08:00 reminder T-3 #1". */
function lines(steps: ChaseStep[]): string[] {
  return steps.map((s) => {
    const when = `${localDateOf(s.at)} ${new Date(s.at + 7 * 3_600_000).toISOString().slice(11, 16)}`;
    return s.kind === 'reminder'
      ? `${when} reminder T-${s.daysBefore} #${s.seq}`
      : `${when} L${s.level} ${s.to}${s.weekly ? ' weekly' : ''} #${s.seq}`;
  });
}

function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the default chase policy', () => {
  it('reminds at T-3, T-1 and T, escalates at +1, +3 and +7 working days, then weekly, skipping Giỗ Tổ', () => {
    expect(lines(listFrom(input('2025-03-12'), '2025-03-01', '2025-04-20'))).toEqual([
      '2025-03-07 08:00 reminder T-3 #1',
      '2025-03-11 08:00 reminder T-1 #2',
      '2025-03-12 08:00 reminder T-0 #3',
      '2025-03-13 08:00 L1 head #4',
      '2025-03-17 08:00 L2 supervisor #5',
      '2025-03-21 08:00 L3 steering #6',
      '2025-03-28 08:00 L3 steering weekly #7',
      '2025-04-04 08:00 L3 steering weekly #8',
      '2025-04-14 08:00 L3 steering weekly #9',
    ]);
  });

  it('fires at the exact instants: 08:00 in Hà Nội is 01:00 UTC', () => {
    const steps = listFrom(input('2025-03-12'), '2025-03-01', '2025-03-13');
    expect(steps.map((s) => s.at)).toEqual([
      Date.UTC(2025, 2, 7, 1),
      Date.UTC(2025, 2, 11, 1),
      Date.UTC(2025, 2, 12, 1),
      Date.UTC(2025, 2, 13, 1),
    ]);
    expect(steps[3]).toEqual({
      kind: 'escalation',
      level: 1,
      to: 'head',
      at: Date.UTC(2025, 2, 13, 1),
      seq: 4,
      weekly: false,
    });
  });

  it('counts over the Tết 2025 break, before and after the deadline', () => {
    expect(lines(listFrom(input('2025-02-03'), '2025-01-01', '2025-02-10'))).toEqual([
      '2025-01-22 08:00 reminder T-3 #1',
      '2025-01-24 08:00 reminder T-1 #2',
      '2025-02-03 08:00 reminder T-0 #3',
      '2025-02-04 08:00 L1 head #4',
      '2025-02-06 08:00 L2 supervisor #5',
    ]);
    expect(lines(listFrom(input('2025-01-24'), '2025-01-01', '2025-02-28'))).toEqual([
      '2025-01-21 08:00 reminder T-3 #1',
      '2025-01-23 08:00 reminder T-1 #2',
      '2025-01-24 08:00 reminder T-0 #3',
      '2025-02-03 08:00 L1 head #4',
      '2025-02-05 08:00 L2 supervisor #5',
      '2025-02-11 08:00 L3 steering #6',
      '2025-02-18 08:00 L3 steering weekly #7',
      '2025-02-25 08:00 L3 steering weekly #8',
    ]);
  });

  it('treats a deadline on a day off as the next working day', () => {
    expect(listFrom(input('2025-01-29'), '2025-01-01', '2025-03-01')).toEqual(
      listFrom(input('2025-02-03'), '2025-01-01', '2025-03-01'),
    );
    expect(listFrom(input('2025-03-08'), '2025-03-01', '2025-04-01')).toEqual(
      listFrom(input('2025-03-10'), '2025-03-01', '2025-04-01'),
    );
  });

  it('works on a make-up Saturday like on any working day', () => {
    expect(lines(listFrom(input('2024-05-06'), '2024-04-20', '2024-05-07'))).toEqual([
      '2024-05-02 08:00 reminder T-3 #1',
      '2024-05-04 08:00 reminder T-1 #2',
      '2024-05-06 08:00 reminder T-0 #3',
      '2024-05-07 08:00 L1 head #4',
    ]);
  });
});

describe('the next step after a moment', () => {
  const i = input('2025-03-12');

  it.each([
    ['long before', atLocalTime('2025-02-01', 0), '2025-03-07 08:00 reminder T-3 #1'],
    ['a millisecond before T-3', at8('2025-03-07') - 1, '2025-03-07 08:00 reminder T-3 #1'],
    ['exactly at T-3 (that one is done)', at8('2025-03-07'), '2025-03-11 08:00 reminder T-1 #2'],
    [
      'when assigned the evening before the deadline',
      atLocalTime('2025-03-11', 19),
      '2025-03-12 08:00 reminder T-0 #3',
    ],
    ['on the deadline afternoon', atLocalTime('2025-03-12', 16, 59), '2025-03-13 08:00 L1 head #4'],
    ['over the weekend', atLocalTime('2025-03-15', 10), '2025-03-17 08:00 L2 supervisor #5'],
    ['at the last rung', at8('2025-03-21'), '2025-03-28 08:00 L3 steering weekly #7'],
    ['a week into the weekly chase', at8('2025-03-28'), '2025-04-04 08:00 L3 steering weekly #8'],
    ['on the Giỗ Tổ holiday', atLocalTime('2025-04-07', 12), '2025-04-14 08:00 L3 steering weekly #9'],
  ])('%s', (_when, after, expected) => {
    expect(lines([nextChaseStep(i, after)!])).toEqual([expected]);
  });

  it('never runs out while the weekly chase is on, and numbers each week', () => {
    const twoYears = atLocalTime('2027-03-12', 12);
    const step = nextChaseStep(i, twoYears)!;
    const walked = chaseSchedule(i, { from: 0, until: step.at });
    expect(walked.at(-1)).toEqual(step);
    expect(step.seq).toBe(walked.length);
    expect(step).toMatchObject({ kind: 'escalation', level: 3, to: 'steering', weekly: true });
    expect(calendar.workingDaysBetween(localDateOf(walked.at(-2)!.at), localDateOf(step.at))).toBe(5);
  });
});

describe('custom policies', () => {
  const policy = (p: object) => ChasePolicySchema.parse(p);

  it('stops after the ladder when the weekly chase is off', () => {
    const p = policy({
      remindersBefore: [5, 0],
      escalations: [{ level: 1, afterWorkingDays: 2, to: 'head' }],
      weeklyAfterLadder: false,
      sendHour: 14,
    });
    const steps = listFrom(input('2025-03-12', p), '2025-01-01', '2026-01-01');
    expect(lines(steps)).toEqual([
      '2025-03-05 14:00 reminder T-5 #1',
      '2025-03-12 14:00 reminder T-0 #2',
      '2025-03-14 14:00 L1 head #3',
    ]);
    expect(nextChaseStep(input('2025-03-12', p), steps[2].at)).toBeUndefined();
  });

  it('has no escalation and no weekly chase when the ladder is empty', () => {
    const p = policy({ remindersBefore: [1], escalations: [] });
    expect(lines(listFrom(input('2025-03-12', p), '2025-01-01', '2026-01-01'))).toEqual([
      '2025-03-11 08:00 reminder T-1 #1',
    ]);
  });

  it('sends only escalations when there are no reminders, in ladder order whatever the order given', () => {
    const p = policy({
      remindersBefore: [],
      escalations: [
        { level: 2, afterWorkingDays: 4, to: 'supervisor' },
        { level: 1, afterWorkingDays: 1, to: 'head' },
      ],
      sendHour: 9,
    });
    expect(lines(listFrom(input('2025-03-12', p), '2025-01-01', '2025-03-28'))).toEqual([
      '2025-03-13 09:00 L1 head #1',
      '2025-03-18 09:00 L2 supervisor #2',
      '2025-03-25 09:00 L2 steering weekly #3',
    ]);
  });

  it('merges two rungs on the same day into the more senior one, and repeated reminders into one', () => {
    const p = policy({
      remindersBefore: [1, 1, 0],
      escalations: [
        { level: 1, afterWorkingDays: 2, to: 'head' },
        { level: 2, afterWorkingDays: 2, to: 'supervisor' },
      ],
      weeklyAfterLadder: false,
    });
    expect(lines(listFrom(input('2025-03-12', p), '2025-01-01', '2026-01-01'))).toEqual([
      '2025-03-11 08:00 reminder T-1 #1',
      '2025-03-12 08:00 reminder T-0 #2',
      '2025-03-14 08:00 L2 supervisor #3',
    ]);
  });
});

describe('invariants over many deadlines and policies', () => {
  const random = seeded(112);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const cases = Array.from({ length: 300 }, () => {
    const deadline = addDays('2023-01-01', Math.floor(random() * 365 * 8));
    const reminders = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * 12));
    const rungs = Array.from({ length: Math.floor(random() * 4) }, (_, k) => ({
      level: k + 1,
      afterWorkingDays: 1 + Math.floor(random() * 15),
      to: pick(['head', 'supervisor', 'steering'] as const),
    }));
    const policy = ChasePolicySchema.parse({
      remindersBefore: reminders,
      escalations: rungs,
      weeklyAfterLadder: random() < 0.7,
      sendHour: 7 + Math.floor(random() * 10),
    });
    return [deadline, policy] as const;
  });

  it.each(cases)('deadline %s, policy %j', (deadline, policy) => {
    const i = input(deadline, policy);
    const due = calendar.nextWorkingDay(deadline, true);
    const steps = chaseSchedule(i, {
      from: atLocalTime(addDays(deadline, -90), 0),
      until: atLocalTime(addDays(deadline, 150), 0),
    });

    steps.forEach((s, k) => {
      const day = localDateOf(s.at);
      expect(calendar.isWorkingDay(day)).toBe(true);
      expect(s.at).toBe(atLocalTime(day, policy.sendHour));
      expect(s.seq).toBe(k + 1);
      if (k > 0) expect(s.at).toBeGreaterThan(steps[k - 1].at);
      if (s.kind === 'reminder') expect(s.at).toBeLessThan(deadlineInstant(due));
      else expect(s.at).toBeGreaterThan(deadlineInstant(due));
      expect(nextChaseStep(i, s.at - 1)).toEqual(s);
    });

    const reminders = steps.filter((s) => s.kind === 'reminder');
    expect(reminders.map((s) => (s.kind === 'reminder' ? s.daysBefore : -1))).toEqual(
      [...new Set(policy.remindersBefore)].sort((a, b) => b - a),
    );
    reminders.forEach((s) =>
      expect(s.kind === 'reminder' && calendar.workingDaysBetween(localDateOf(s.at), due)).toBe(
        s.kind === 'reminder' && s.daysBefore,
      ),
    );
    expect(steps.findIndex((s) => s.kind === 'escalation')).toBe(
      steps.some((s) => s.kind === 'escalation') ? reminders.length : -1,
    );

    const weekly = steps.filter((s) => s.kind === 'escalation' && s.weekly);
    if (!policy.weeklyAfterLadder || policy.escalations.length === 0) expect(weekly).toEqual([]);
    else expect(weekly.length).toBeGreaterThan(10);
    const furthest = Math.max(...policy.escalations.map((r) => r.afterWorkingDays));
    const lastLevel = Math.max(
      ...policy.escalations.filter((r) => r.afterWorkingDays === furthest).map((r) => r.level),
    );
    weekly.forEach((s, k) => {
      const previous = steps[steps.indexOf(s) - 1];
      expect(calendar.workingDaysBetween(localDateOf(previous.at), localDateOf(s.at))).toBe(5);
      expect(s).toMatchObject({ level: lastLevel, to: 'steering' });
      if (k === 0) expect(previous).toMatchObject({ kind: 'escalation', weekly: false });
    });

    // Asking from any moment gives the first listed step after it.
    const moment = atLocalTime(
      addDays(deadline, Math.floor(random() * 100) - 50),
      Math.floor(random() * 24),
      Math.floor(random() * 60),
    );
    const expected = steps.find((s) => s.at > moment);
    if (expected) expect(nextChaseStep(i, moment)).toEqual(expected);
  });
});

describe('deadlines', () => {
  it.each<[DeadlineSpec, LocalDate, LocalDate, string]>([
    [{ workingDays: 5 }, '2025-01-24', '2025-02-07', 'five working days across Tết 2025'],
    [{ workingDays: 1 }, '2025-03-07', '2025-03-10', 'launched on a Friday'],
    [{ workingDays: 1 }, '2025-03-08', '2025-03-10', 'launched on a Saturday'],
    [{ workingDays: 10 }, '2024-04-25', '2024-05-13', 'across the swapped 30/4 break and its make-up Saturday'],
    [{ workingDays: 15 }, '2026-02-10', '2026-03-10', 'across Tết 2026'],
    [{ date: '2025-03-12' }, '2025-03-01', '2025-03-12', 'a date on a working day stays'],
    [{ date: '2025-03-08' }, '2025-03-01', '2025-03-10', 'a Saturday moves to Monday'],
    [{ date: '2025-01-29' }, '2025-01-10', '2025-02-03', 'mùng 1 Tết moves past the break'],
    [{ date: '2025-09-01' }, '2025-08-01', '2025-09-03', 'Quốc khánh moves to 3/9'],
    [{ date: '2024-05-04' }, '2024-04-01', '2024-05-04', 'a make-up Saturday is a working day'],
  ])('%j launched %s is due %s (%s)', (spec, launched, due) => {
    expect(resolveDeadline(spec, launched, calendar)).toBe(due);
  });

  it.each([
    ['2025-02-07', 2, '2025-02-05'],
    ['2025-02-04', 2, '2025-01-24'],
    ['2025-03-12', 0, '2025-03-12'],
    ['2025-03-10', 5, '2025-03-03'],
  ])('a support unit of a lead due %s, %d working days ahead, is due %s', (lead, ahead, due) => {
    expect(supportDeadline(lead, { ...DEFAULT_CHASE_POLICY, supportLeadWorkingDays: ahead }, calendar)).toBe(due);
  });

  it.each([
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-03-12', 3, '2025-03-17'],
    ['2025-03-15', 1, '2025-03-17'],
    ['2025-04-29', 2, '2025-05-06'],
  ])('a report returned on %s with %d working days to fix is due back %s', (returned, days, due) => {
    // The deadline had passed already: the revision window decides.
    expect(revisionDue(returned, '2023-01-02', { ...DEFAULT_CHASE_POLICY, revisionWorkingDays: days }, calendar)).toBe(
      due,
    );
  });

  test('a return never shortens the deadline: the revision is due by the later of the two', () => {
    // Returned on 01/12/2026 with 3 working days to fix, but the task is due on 25/12/2026.
    expect(revisionDue('2026-12-01', '2026-12-25', DEFAULT_CHASE_POLICY, calendar)).toBe('2026-12-25');
    expect(revisionDue('2026-12-23', '2026-12-25', DEFAULT_CHASE_POLICY, calendar)).toBe('2026-12-28');
  });
});

describe('a task assigned after its deadline', () => {
  // Due Monday 05/10/2026; assigned Wednesday 21/10/2026 at 10:00, long after L1 (06/10) and L3 (14/10).
  const late = { ...input('2026-10-05'), since: Date.parse('2026-10-21T03:00:00Z') };
  const steps = chaseSchedule(late, { from: late.since, until: Date.parse('2027-01-01T00:00:00Z') }).slice(0, 4);

  test('enters the ladder at L1 and climbs one rung at a time, keeping the ladder’s gaps', () => {
    expect(steps.map((s) => (s.kind === 'escalation' ? `L${s.level}${s.weekly ? 'w' : ''}` : 'reminder'))).toEqual([
      'L1',
      'L2',
      'L3',
      'L3w',
    ]);
    // The first working morning after the assignment, then 2 and 4 more working days.
    expect(steps.slice(0, 3).map((s) => localDateOf(s.at))).toEqual(['2026-10-22', '2026-10-26', '2026-10-30']);
    expect(steps.every((s) => s.at > late.since)).toBe(true);
  });

  test('a task assigned before its deadline keeps the ladder where the policy puts it', () => {
    const onTime = { ...input('2026-10-05'), since: Date.parse('2026-09-21T03:00:00Z') };
    const l1 = chaseSchedule(onTime, { from: onTime.since, until: Date.parse('2027-01-01T00:00:00Z') }).find(
      (s) => s.kind === 'escalation',
    );
    expect(localDateOf(l1!.at)).toBe('2026-10-06');
  });
});
