import { addDays, type LocalDate } from '../../domain/calendar';
import { cycleAfter, reportingCycles, type Cycle } from '../../domain/periods';
import type { Period, ReportingSchedule } from '../../domain/schemas';

const plan = (period: Period, dueDay: number, from: LocalDate, until: LocalDate): ReportingSchedule => ({
  kind: 'periodic',
  period,
  dueDay,
  from,
  until,
});

describe('a quarterly plan for 2023-2028', () => {
  it('has 24 cycles, from Quý I/2023 to Quý IV/2028, when reports are due on the 20th', () => {
    const cycles = reportingCycles(plan('quarterly', 20, '2023-01-01', '2028-12-31'));
    expect(cycles).toHaveLength(24);
    expect(cycles[0]).toEqual({
      key: '2023-Q1',
      label: { vi: 'Quý I/2023', en: 'Q1 2023' },
      from: '2022-12-15',
      to: '2023-03-14',
      due: '2023-03-20',
    });
    expect(cycles[23]).toEqual({
      key: '2028-Q4',
      label: { vi: 'Quý IV/2028', en: 'Q4 2028' },
      from: '2028-09-15',
      to: '2028-12-14',
      due: '2028-12-20',
    });
    expect(cycles.map((c) => c.key).slice(0, 5)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1']);
  });

  it('has 24 cycles shifted by one when reports are due on the 5th of the month after the cut-off', () => {
    const cycles = reportingCycles(plan('quarterly', 5, '2023-01-01', '2028-12-31'));
    expect(cycles).toHaveLength(24);
    expect(cycles[0]).toEqual({
      key: '2022-Q4',
      label: { vi: 'Quý IV/2022', en: 'Q4 2022' },
      from: '2022-09-15',
      to: '2022-12-14',
      due: '2023-01-05',
    });
    expect(cycles[23]).toEqual({
      key: '2028-Q3',
      label: { vi: 'Quý III/2028', en: 'Q3 2028' },
      from: '2028-06-15',
      to: '2028-09-14',
      due: '2028-10-05',
    });
  });
});

describe('one cycle of each period', () => {
  it.each<[Period, number, string, Cycle]>([
    [
      'monthly',
      18,
      '2025-01-01',
      {
        key: '2025-M01',
        label: { vi: 'Tháng 1/2025', en: 'January 2025' },
        from: '2024-12-15',
        to: '2025-01-14',
        due: '2025-01-18',
      },
    ],
    [
      'monthly',
      10,
      '2025-03-01',
      {
        key: '2025-M02',
        label: { vi: 'Tháng 2/2025', en: 'February 2025' },
        from: '2025-01-15',
        to: '2025-02-14',
        due: '2025-03-10',
      },
    ],
    [
      'monthly',
      14,
      '2025-12-01',
      {
        key: '2025-M11',
        label: { vi: 'Tháng 11/2025', en: 'November 2025' },
        from: '2025-10-15',
        to: '2025-11-14',
        due: '2025-12-14',
      },
    ],
    [
      'monthly',
      15,
      '2025-12-01',
      {
        key: '2025-M12',
        label: { vi: 'Tháng 12/2025', en: 'December 2025' },
        from: '2025-11-15',
        to: '2025-12-14',
        due: '2025-12-15',
      },
    ],
    [
      'monthly',
      1,
      '2026-01-01',
      {
        key: '2025-M12',
        label: { vi: 'Tháng 12/2025', en: 'December 2025' },
        from: '2025-11-15',
        to: '2025-12-14',
        due: '2026-01-01',
      },
    ],
    [
      'quarterly',
      28,
      '2025-04-01',
      {
        key: '2025-Q2',
        label: { vi: 'Quý II/2025', en: 'Q2 2025' },
        from: '2025-03-15',
        to: '2025-06-14',
        due: '2025-06-28',
      },
    ],
    [
      'half-yearly',
      20,
      '2025-01-01',
      {
        key: '2025-H1',
        label: { vi: '6 tháng đầu năm 2025', en: 'First half of 2025' },
        from: '2024-12-15',
        to: '2025-06-14',
        due: '2025-06-20',
      },
    ],
    [
      'half-yearly',
      20,
      '2025-07-01',
      {
        key: '2025-H2',
        label: { vi: '6 tháng cuối năm 2025', en: 'Second half of 2025' },
        from: '2025-06-15',
        to: '2025-12-14',
        due: '2025-12-20',
      },
    ],
    [
      'yearly',
      14,
      '2025-06-01',
      {
        key: '2025-Y',
        label: { vi: 'Năm 2025', en: 'Year 2025' },
        from: '2024-12-15',
        to: '2025-12-14',
        due: '2026-01-14',
      },
    ],
    [
      'yearly',
      15,
      '2025-01-01',
      {
        key: '2025-Y',
        label: { vi: 'Năm 2025', en: 'Year 2025' },
        from: '2024-12-15',
        to: '2025-12-14',
        due: '2025-12-15',
      },
    ],
  ])('%s, due on day %d: the first cycle due from %s', (period, dueDay, from, expected) => {
    expect(reportingCycles(plan(period, dueDay, from, '2030-12-31'))[0]).toEqual(expected);
  });

  it('has a leap-year February cut-off like any other month', () => {
    const [c] = reportingCycles(plan('monthly', 20, '2024-03-01', '2024-03-31'));
    expect(c).toMatchObject({ key: '2024-M03', from: '2024-02-15', to: '2024-03-14', due: '2024-03-20' });
  });

  it('has no cycles for a one-off report', () => {
    expect(reportingCycles({ kind: 'once' })).toEqual([]);
    expect(cycleAfter({ kind: 'once' }, '2025-Q1')).toBeUndefined();
  });

  it('has none when the plan is shorter than a cycle', () => {
    expect(reportingCycles(plan('yearly', 20, '2025-01-01', '2025-12-19'))).toEqual([]);
  });
});

describe('cycles over many plans', () => {
  const periods: Period[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];
  const cases = periods.flatMap((period) =>
    [1, 5, 14, 15, 20, 28].flatMap((dueDay) =>
      [
        ['2023-01-01', '2028-12-31'],
        ['2024-02-29', '2026-07-15'],
        ['2025-06-15', '2031-06-14'],
      ].map(([from, until]) => [period, dueDay, from, until] as const),
    ),
  );
  const perYear: Record<Period, number> = { monthly: 12, quarterly: 4, 'half-yearly': 2, yearly: 1 };

  it.each(cases)('%s due on day %d, %s to %s', (period, dueDay, from, until) => {
    const schedule = plan(period, dueDay, from, until);
    const cycles = reportingCycles(schedule);
    const years = (Date.parse(until) - Date.parse(from)) / (365.25 * 86_400_000);
    expect(Math.abs(cycles.length - years * perYear[period])).toBeLessThanOrEqual(1);
    expect(new Set(cycles.map((c) => c.key)).size).toBe(cycles.length);

    cycles.forEach((c, i) => {
      expect(c.from.slice(8)).toBe('15');
      expect(c.to.slice(8)).toBe('14');
      expect(c.due.slice(8)).toBe(String(dueDay).padStart(2, '0'));
      expect(c.due > c.to).toBe(true);
      expect(c.due <= addDays(c.to, 31)).toBe(true);
      expect(c.due >= from && c.due <= until).toBe(true);
      // Cut-offs tile the calendar: no day is counted twice or left out.
      if (i > 0) expect(c.from).toBe(addDays(cycles[i - 1].to, 1));
      expect(cycleAfter(schedule, c.key)).toEqual(cycles[i + 1]);
    });
    // The first cycle is the first one due in the plan: the one before it fell due before the plan began.
    if (cycles.length > 0) {
      expect(cycles[0].due < addDays(from, (12 * 31) / perYear[period])).toBe(true);
    }
  });
});

describe('the cycle after a key', () => {
  const quarterly = plan('quarterly', 20, '2023-01-01', '2028-12-31');

  it.each<[ReportingSchedule, string, string | undefined]>([
    [quarterly, '2025-Q4', '2026-Q1'],
    [quarterly, '2023-Q1', '2023-Q2'],
    [quarterly, '2028-Q4', undefined],
    [quarterly, '2020-Q1', '2023-Q1'],
    [plan('monthly', 5, '2023-01-01', '2028-12-31'), '2025-M12', '2026-M01'],
    [plan('half-yearly', 20, '2023-01-01', '2028-12-31'), '2025-H2', '2026-H1'],
    [plan('yearly', 20, '2023-01-01', '2028-12-31'), '2025-Y', '2026-Y'],
  ])('in %j, after %s comes %s', (schedule, key, next) => {
    expect(cycleAfter(schedule, key)?.key).toBe(next);
  });

  it.each(['2025-M01', '2025-Q5', '2025-Q0', 'Q1-2025', '2025-H1', '2025-Y', ''])(
    'refuses %j for a quarterly plan',
    (key) => {
      expect(() => cycleAfter(quarterly, key)).toThrow(RangeError);
    },
  );

  it.each(['2025-M00', '2025-M13'])('refuses %j for a monthly plan', (key) => {
    expect(() => cycleAfter(plan('monthly', 20, '2023-01-01', '2028-12-31'), key)).toThrow(RangeError);
  });
});
