import {
  addDays,
  atLocalTime,
  createVietnamCalendar,
  deadlineInstant,
  localDateOf,
  vietnamCalendar,
  weekday,
  type HolidayAnnouncement,
  type LocalDate,
  type WorkingCalendar,
} from '../../domain/calendar';
import { lunarHolidays } from '../../domain/holiday-rules';
import { announcedYears, announcementsForYears, withoutNotices } from '../../domain/announcements';
import { calendarChanges } from '../../domain/calendar-changes';
import { shippedAnnouncements } from '../../domain/shipped-announcements';
import { dayNumber } from '../../domain/local-date';

const cal = vietnamCalendar();
const rulesOnly = createVietnamCalendar([]);

/** A small seeded generator so the generated cases are the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function daysOfYear(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = `${year}-01-01`; d.startsWith(`${year}`); d = addDays(d, 1)) days.push(d);
  return days;
}

/** Weekdays that are off, and weekend days that are worked, in a year. */
function exceptions(c: WorkingCalendar, year: number): { weekdaysOff: LocalDate[]; weekendsWorked: LocalDate[] } {
  const days = daysOfYear(year);
  const weekend = (d: LocalDate) => weekday(d) === 0 || weekday(d) === 6;
  return {
    weekdaysOff: days.filter((d) => !weekend(d) && !c.isWorkingDay(d)),
    weekendsWorked: days.filter((d) => weekend(d) && c.isWorkingDay(d)),
  };
}

describe('time in Vietnam is UTC+7 all year', () => {
  it.each([
    [Date.UTC(2025, 0, 1, 16, 59, 59, 999), '2025-01-01'],
    [Date.UTC(2025, 0, 1, 17, 0, 0, 0), '2025-01-02'],
    [Date.UTC(2024, 11, 31, 17, 0, 0, 0), '2025-01-01'],
    [Date.UTC(2024, 1, 28, 17, 0, 0, 0), '2024-02-29'],
    [Date.UTC(2025, 6, 1, 0, 0, 0, 0), '2025-07-01'],
    [Date.UTC(1969, 11, 31, 17, 0, 0, 0), '1970-01-01'],
    [Date.UTC(1969, 11, 31, 16, 59, 59, 999), '1969-12-31'],
  ])('instant %d falls on %s', (ms, day) => {
    expect(localDateOf(ms)).toBe(day);
  });

  it.each([
    ['2025-01-02', 0, 0, Date.UTC(2025, 0, 1, 17)],
    ['2025-01-02', 8, 0, Date.UTC(2025, 0, 2, 1)],
    ['2025-01-02', 6, 59, Date.UTC(2025, 0, 1, 23, 59)],
    ['2025-01-02', 7, 0, Date.UTC(2025, 0, 2, 0)],
    ['2025-03-30', 8, 30, Date.UTC(2025, 2, 30, 1, 30)],
    ['2025-10-26', 8, 0, Date.UTC(2025, 9, 26, 1)],
  ])('%s at %d:%d local is that instant', (d, h, m, ms) => {
    expect(atLocalTime(d, h, m)).toBe(ms);
  });

  it('ends a deadline day at 17:00 local, so 17:00:01 is already late', () => {
    expect(deadlineInstant('2025-02-07')).toBe(Date.UTC(2025, 1, 7, 10));
    expect(localDateOf(deadlineInstant('2025-02-07') + 1000)).toBe('2025-02-07');
  });

  it('round-trips every hour of every day across two years', () => {
    for (let d = '2024-01-01'; d < '2026-01-01'; d = addDays(d, 1)) {
      for (let h = 0; h < 24; h++) expect(localDateOf(atLocalTime(d, h, 59))).toBe(d);
      expect(localDateOf(atLocalTime(d, 0) - 1)).toBe(addDays(d, -1));
    }
  });
});

describe('calendar days', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-01', -366, '2024-02-29'],
    ['2025-01-24', 14, '2025-02-07'],
  ])('%s + %d days is %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['2025-01-29', 3],
    ['2025-02-01', 6],
    ['2025-02-02', 0],
    ['2026-02-17', 2],
    ['1969-12-28', 0],
  ])('%s is weekday %d', (d, w) => {
    expect(weekday(d)).toBe(w);
  });

  it.each(['2025-02-29', '2025-13-01', '25-01-01', '2025-1-1', ''])('rejects %j', (d) => {
    expect(() => dayNumber(d)).toThrow(RangeError);
  });
});

describe('lunar holidays from the Vietnamese lunar calendar', () => {
  it.each([
    [1985, '1985-01-21'], // a month before China's: the Vietnamese calendar put the leap month elsewhere
    [2007, '2007-02-17'], // a day before China's
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    // The new moon is at 23:07 on 2/2/2030 in Hà Nội but 00:07 on 3/2 in Beijing: Tết is a day before China's New Year.
    [2030, '2030-02-02'],
  ])('mùng 1 Tết %d is %s', (year, day) => {
    expect(lunarHolidays(year).tet).toBe(day);
    expect(cal.holidayName(day)).toBe('Tết Nguyên đán');
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2029, '2029-04-23'],
    [2030, '2030-04-12'],
  ])('Giỗ Tổ Hùng Vương %d is %s', (year, day) => {
    expect(lunarHolidays(year).hungKings).toBe(day);
    expect(cal.holidayName(day)).toBe('Giỗ Tổ Hùng Vương');
  });
});

describe('the days off announced for 2023-2026', () => {
  it.each([
    [
      2023,
      [
        '2023-01-02',
        '2023-01-20',
        '2023-01-23',
        '2023-01-24',
        '2023-01-25',
        '2023-01-26',
        '2023-05-01',
        '2023-05-02',
        '2023-05-03',
        '2023-09-01',
        '2023-09-04',
      ],
      [],
    ],
    [
      2024,
      [
        '2024-01-01',
        '2024-02-08',
        '2024-02-09',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
        '2024-04-18',
        '2024-04-29',
        '2024-04-30',
        '2024-05-01',
        '2024-09-02',
        '2024-09-03',
      ],
      ['2024-05-04'],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-01-27',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-04-07',
        '2025-04-30',
        '2025-05-01',
        '2025-05-02',
        '2025-09-01',
        '2025-09-02',
      ],
      ['2025-04-26'],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-02',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-08-31',
        '2026-09-01',
        '2026-09-02',
        '2026-11-24',
      ],
      ['2026-01-10', '2026-08-22'],
    ],
  ])('%d: exactly these weekdays are off and these weekend days are worked', (year, weekdaysOff, weekendsWorked) => {
    expect(exceptions(cal, year)).toEqual({ weekdaysOff, weekendsWorked });
  });

  it('counts 5 working days after Friday 24/1/2025 to Friday 7/2/2025, across the Tết break', () => {
    expect(cal.workingDaysAfter('2025-01-24', 5)).toBe('2025-02-07');
    expect(cal.workingDaysBetween('2025-01-24', '2025-02-07')).toBe(5);
    expect(cal.workingDaysBefore('2025-02-07', 5)).toBe('2025-01-24');
  });

  it.each(['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22'])('make-up Saturday %s is a working day', (d) => {
    expect(weekday(d)).toBe(6);
    expect(cal.isWorkingDay(d)).toBe(true);
    expect(cal.holidayName(d)).toBeUndefined();
    expect(cal.nextWorkingDay(addDays(d, -1))).toBe(d);
    expect(rulesOnly.isWorkingDay(d)).toBe(false);
  });

  it.each([
    ['2023-01-02', 'Nghỉ bù Tết Dương lịch'],
    ['2025-01-27', 'Tết Nguyên đán'],
    ['2025-02-01', 'Tết Nguyên đán'],
    ['2025-04-30', 'Ngày Chiến thắng'],
    ['2025-05-01', 'Ngày Quốc tế Lao động'],
    ['2025-05-02', 'Kỳ nghỉ Ngày Chiến thắng, Ngày Quốc tế Lao động'],
    ['2025-09-02', 'Quốc khánh'],
    ['2026-01-02', 'Tết Dương lịch'],
    ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    ['2026-08-31', 'Kỳ nghỉ Quốc khánh'],
    ['2026-11-24', 'Ngày Văn hóa Việt Nam'],
    ['2027-02-04', 'Tết Nguyên đán'],
    ['2029-11-26', 'Nghỉ bù Ngày Văn hóa Việt Nam'],
    ['2025-02-03', undefined],
    ['2025-02-08', undefined],
  ])('names %s as %j', (d, name) => {
    expect(cal.holidayName(d)).toBe(name);
  });

  it('has well-formed announcement data: breaks in order, make-up days on weekends, known occasions once a year', () => {
    const seen = new Set<string>();
    for (const a of shippedAnnouncements()) {
      expect(a.off.from <= a.off.to).toBe(true);
      for (const d of a.makeUpDays ?? []) expect([0, 6]).toContain(weekday(d));
      for (const o of a.occasions) {
        expect(seen.has(`${a.year}:${o}`)).toBe(false);
        seen.add(`${a.year}:${o}`);
      }
    }
  });
});

describe('the Labour Code rules, where no announcement says otherwise', () => {
  it.each([
    // Years whose announcements only confirmed the rules.
    [
      2023,
      [
        '2023-01-02',
        '2023-01-20',
        '2023-01-23',
        '2023-01-24',
        '2023-01-25',
        '2023-01-26',
        '2023-05-01',
        '2023-05-02',
        '2023-05-03',
        '2023-09-01',
        '2023-09-04',
      ],
      'Tết on Sunday: 21-25/1, the Saturday made up before the break and the Sunday after it, as announced',
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-01-27',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-04-07',
        '2025-04-30',
        '2025-05-01',
        '2025-09-01',
        '2025-09-02',
      ],
      'Tết 2025 by rule: 28/1-1/2, the Saturday made up before the break on 27/1, as announced',
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-02-04',
        '2027-02-05',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-04-16',
        '2027-04-30',
        '2027-05-03',
        '2027-09-02',
        '2027-09-03',
        '2027-11-24',
      ],
      'Tết on Saturday as in 2024: 4-10/2; 1/5 on Saturday made up on Monday; 2/9 on Thursday joined by 3/9',
    ],
    [
      2028,
      [
        '2028-01-03',
        '2028-01-24',
        '2028-01-25',
        '2028-01-26',
        '2028-01-27',
        '2028-01-28',
        '2028-04-04',
        '2028-05-01',
        '2028-05-02',
        '2028-09-01',
        '2028-09-04',
        '2028-11-24',
      ],
      '1/1 on Saturday made up on Monday; mùng 4 Tết on Saturday made up before the break; 30/4 on Sunday made up after 1/5; 2/9 on Saturday',
    ],
    [
      2029,
      [
        '2029-01-01',
        '2029-02-12',
        '2029-02-13',
        '2029-02-14',
        '2029-02-15',
        '2029-02-16',
        '2029-04-23',
        '2029-04-30',
        '2029-05-01',
        '2029-09-03',
        '2029-09-04',
        '2029-11-26',
      ],
      '2/9 on Sunday: 3/9 and the made-up day; 24/11 on Saturday made up on Monday',
    ],
  ])('%d: %j (%s)', (year, weekdaysOff) => {
    expect(exceptions(rulesOnly, year).weekdaysOff).toEqual(weekdaysOff);
    expect(exceptions(rulesOnly, year).weekendsWorked).toEqual([]);
  });

  it.each([
    ['2023-01-02', 'Tết Dương lịch 2023'],
    ['2023-05-01', 'Giỗ Tổ, 30/4 and 1/5 2023, two of them on a weekend'],
    ['2023-09-02', 'Quốc khánh 2023'],
    ['2024-01-01', 'Tết Dương lịch 2024'],
    ['2024-09-02', 'Quốc khánh 2024'],
    ['2025-01-01', 'Tết Dương lịch 2025'],
    ['2025-09-02', 'Quốc khánh 2025'],
  ])('agrees with the announcement around %s (%s), which only confirmed the rules', (day) => {
    for (let d = addDays(day, -7); d <= addDays(day, 7); d = addDays(d, 1)) {
      expect([d, rulesOnly.isWorkingDay(d)]).toEqual([d, cal.isWorkingDay(d)]);
    }
  });
});

describe('a calendar built from other announcements', () => {
  const trialTet: HolidayAnnouncement = {
    year: 2030,
    occasions: ['tet'],
    off: { from: '2030-01-26', to: '2030-02-10' },
    makeUpDays: ['2030-02-16'],
  };
  const custom = createVietnamCalendar([trialTet]);

  it('lets the announcement win over the rules for the occasion it covers', () => {
    expect(exceptions(custom, 2030).weekdaysOff.filter((d) => d < '2030-03-01')).toEqual([
      '2030-01-01',
      '2030-01-28',
      '2030-01-29',
      '2030-01-30',
      '2030-01-31',
      '2030-02-01',
      '2030-02-04',
      '2030-02-05',
      '2030-02-06',
      '2030-02-07',
      '2030-02-08',
    ]);
    expect(custom.isWorkingDay('2030-02-16')).toBe(true);
    expect(custom.holidayName('2030-01-28')).toBe('Tết Nguyên đán');
    expect(custom.holidayName('2030-02-02')).toBe('Tết Nguyên đán');
    // The rules' Tết (31/1-6/2) no longer applies, the other occasions still do.
    expect(custom.isWorkingDay('2030-02-11')).toBe(true);
    expect(custom.isWorkingDay('2030-09-02')).toBe(false);
  });

  it.each<[string, HolidayAnnouncement]>([
    ['a weekday make-up day', { ...trialTet, makeUpDays: ['2030-02-15'] }],
    ['a backwards range', { ...trialTet, off: { from: '2030-02-10', to: '2030-01-26' } }],
  ])('refuses %s', (_what, a) => {
    expect(() => createVietnamCalendar([a])).toThrow(RangeError);
  });

  it('is one shared calendar for the app', () => {
    expect(vietnamCalendar()).toBe(cal);
  });

  it('gives the same calendar for the same announcements, in any order and without their notices', () => {
    const shipped = shippedAnnouncements();
    expect(createVietnamCalendar([...shipped].reverse())).toBe(cal);
    expect(createVietnamCalendar(withoutNotices(shipped))).toBe(cal);
    expect(createVietnamCalendar([{ ...trialTet }])).toBe(custom);
    expect(createVietnamCalendar([{ ...trialTet, makeUpDays: ['2030-02-23'] }])).not.toBe(custom);
  });
});

describe('provisional years', () => {
  it('says which years have no announcement yet', () => {
    expect(cal.announcedYears).toEqual([2023, 2024, 2025, 2026]);
    expect(cal.isProvisional('2026-12-31')).toBe(false);
    expect(cal.isProvisional('2027-01-01')).toBe(true);
    expect(cal.isProvisional('2022-06-01')).toBe(true);
    expect(cal.provisionalYears(2025, 2028)).toEqual([2027, 2028]);
    expect(cal.provisionalYears(2024, 2023)).toEqual([]);
    expect(rulesOnly.provisionalYears(2025, 2026)).toEqual([2025, 2026]);
  });

  it('counts a provisional year by the rules all the same', () => {
    expect(cal.workingDaysAfter('2027-02-03', 1)).toBe('2027-02-11');
  });
});

describe('what a task carries', () => {
  const all = shippedAnnouncements();

  it('picks the announcements of the years a task spans and of the years on either side', () => {
    expect(announcedYears(announcementsForYears(all, 2025, 2025))).toEqual([2024, 2025, 2026]);
    expect(announcedYears(announcementsForYears(all, 2027, 2028))).toEqual([2026]);
    expect(announcementsForYears(all, 2030, 2031)).toEqual([]);
  });

  it("counts a task's years the same with its announcements as with all of them", () => {
    const own = createVietnamCalendar(withoutNotices(announcementsForYears(all, 2025, 2025)));
    for (let d = '2025-01-01'; d <= '2025-12-31'; d = addDays(d, 1)) {
      expect([d, own.isWorkingDay(d)]).toEqual([d, cal.isWorkingDay(d)]);
    }
  });

  it('travels as small JSON: dates as text, no notice', () => {
    const carried = withoutNotices(all);
    expect(JSON.parse(JSON.stringify(carried))).toEqual(carried);
    expect(JSON.stringify(carried).length).toBeLessThan(1500);
  });
});

describe('the days a corrected announcement changes', () => {
  const all = [...shippedAnnouncements()];
  const tet2027: HolidayAnnouncement = {
    year: 2027,
    occasions: ['tet'],
    off: { from: '2027-02-04', to: '2027-02-14' },
    makeUpDays: ['2027-01-30'],
  };

  it('lists the days that became off and those that became working', () => {
    expect(calendarChanges(all, [...all, tet2027], '2027-01-01', '2027-12-31')).toEqual({
      becameOff: ['2027-02-11', '2027-02-12'],
      becameWorking: ['2027-01-30'],
    });
    expect(calendarChanges([...all, tet2027], all, '2027-01-01', '2027-12-31')).toEqual({
      becameOff: ['2027-01-30'],
      becameWorking: ['2027-02-11', '2027-02-12'],
    });
  });

  it('lists nothing outside the range, and nothing when the calendar is the same', () => {
    expect(calendarChanges(all, [...all, tet2027], '2027-03-01', '2027-12-31')).toEqual({
      becameOff: [],
      becameWorking: [],
    });
    expect(calendarChanges(all, withoutNotices(all).reverse(), '2023-01-01', '2027-12-31')).toEqual({
      becameOff: [],
      becameWorking: [],
    });
  });
});

describe('counting working days, checked day by day', () => {
  // The obvious way, one day at a time: what the calendar must agree with.
  const naiveAfter = (c: WorkingCalendar, d: LocalDate, n: number): LocalDate => {
    let day = d;
    if (n === 0) {
      while (!c.isWorkingDay(day)) day = addDays(day, 1);
      return day;
    }
    for (let k = 0; k < n;) if (c.isWorkingDay((day = addDays(day, 1)))) k++;
    return day;
  };
  const naiveBefore = (c: WorkingCalendar, d: LocalDate, n: number): LocalDate => {
    let day = d;
    if (n === 0) {
      while (!c.isWorkingDay(day)) day = addDays(day, -1);
      return day;
    }
    for (let k = 0; k < n;) if (c.isWorkingDay((day = addDays(day, -1)))) k++;
    return day;
  };
  const naiveBetween = (c: WorkingCalendar, from: LocalDate, to: LocalDate): number => {
    let count = 0;
    for (let d = from; d < to;) if (c.isWorkingDay((d = addDays(d, 1)))) count++;
    for (let d = to; d < from;) if (c.isWorkingDay((d = addDays(d, 1)))) count--;
    return count === 0 ? 0 : count;
  };

  const random = seeded(2025);
  const cases = Array.from({ length: 400 }, (_, i) => {
    const d = addDays('2022-06-01', Math.floor(random() * 365 * 6));
    const n = i % 10 === 0 ? 0 : Math.floor(random() * (i % 3 === 0 ? 300 : 30));
    const to = addDays(d, Math.floor(random() * 200) - 60);
    return [d, n, to] as const;
  });

  it.each(cases)('from %s, n = %d, to %s', (d, n, to) => {
    for (const c of [cal, rulesOnly]) {
      const after = c.workingDaysAfter(d, n);
      expect(after).toBe(naiveAfter(c, d, n));
      expect(c.workingDaysBefore(d, n)).toBe(naiveBefore(c, d, n));
      expect(c.workingDaysBetween(d, to)).toBe(naiveBetween(c, d, to));
      expect(c.workingDaysBetween(to, d)).toBe(0 - naiveBetween(c, d, to));
      expect(c.isWorkingDay(after)).toBe(true);
      if (n > 0) {
        expect(c.workingDaysBetween(d, after)).toBe(n);
        expect(c.nextWorkingDay(d)).toBe(c.workingDaysAfter(d, 1));
      }
      if (c.isWorkingDay(d)) {
        expect(c.workingDaysBefore(after, n)).toBe(d);
        expect(c.nextWorkingDay(d, true)).toBe(d);
      }
    }
  });

  it.each([-1, 1.5, Number.NaN])('refuses %d working days', (n) => {
    expect(() => cal.workingDaysAfter('2025-01-02', n)).toThrow(RangeError);
    expect(() => cal.workingDaysBefore('2025-01-02', n)).toThrow(RangeError);
  });

  it('counts none between a day and itself, and none over a holiday-only stretch', () => {
    expect(cal.workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(cal.workingDaysBetween('2025-01-24', '2025-02-02')).toBe(0);
    expect(cal.workingDaysBetween('2025-02-02', '2025-01-24')).toBe(0);
  });
});
