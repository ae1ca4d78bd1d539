// Which days Vietnam's public offices are closed for holidays, by rule and by announcement.
//
// The rules are Labour Code 2019, Art. 112: Tết Dương lịch (1/1), Tết Nguyên đán (5 days),
// Giỗ Tổ Hùng Vương (10/3 lunar), Ngày Chiến thắng (30/4), Ngày Quốc tế Lao động (1/5) and
// Quốc khánh (2/9 plus the day before or after). A holiday on a weekend is made up on the next
// working day (Art. 112(3)). Each year the government then fixes the exact days off and may
// swap a working day for a Saturday; those announcements are data and replace the rules for the
// occasions they cover.
//
// The lunar dates come from the date-holidays engine, fed with the two Vietnamese lunar rules
// only: the package's full data set carries every country (~0.8 MB) and the workflow bundle
// needs none of it.
import HolidaysEngine from 'date-holidays-parser';
import { addDays, isWeekend, localDate, weekday, type LocalDate } from './local-date';

export type Occasion = 'new-year' | 'tet' | 'hung-kings' | 'reunification' | 'labour-day' | 'national-day';

/** A government announcement fixing the days off of one or more occasions of a year. */
export interface HolidayAnnouncement {
  /** The year of the occasions it covers (Tết Dương lịch 2023 may start on 31/12/2022). */
  year: number;
  occasions: readonly Occasion[];
  /** Name given to the days off of the break that are not a holiday themselves (swapped days). */
  name: string;
  /** Every day of the break, weekends included: "nghỉ từ … đến hết …". */
  off: { from: LocalDate; to: LocalDate };
  /** Saturdays or Sundays worked to make up for a swapped day off (làm bù). */
  makeUpDays?: readonly LocalDate[];
  /** The document that fixed the days, for whoever has to justify a deadline. */
  basis?: string;
}

/** The named days off and the make-up working days that one year's occasions produce. */
export interface HolidayYear {
  daysOff: Map<LocalDate, string>;
  makeUpDays: Set<LocalDate>;
}

export const HOLIDAY_NAMES: Record<Occasion, string> = {
  'new-year': 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  'hung-kings': 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng',
  'labour-day': 'Ngày Quốc tế Lao động',
  'national-day': 'Quốc khánh',
};

type RuleDay = { date: LocalDate; occasion: Occasion };

const LUNAR_RULES = {
  holidays: {
    VN: {
      names: { vi: 'Việt Nam', en: 'Vietnam' },
      langs: ['vi'],
      zones: ['Asia/Ho_Chi_Minh'],
      days: {
        'vietnamese 1-0-1': { name: { vi: 'Tết Nguyên đán', en: 'Tet' } },
        'vietnamese 3-0-10': { name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hung Kings' } },
      },
    },
  },
};

let engine: HolidaysEngine | undefined;
const lunarCache = new Map<number, { tet: LocalDate; hungKings: LocalDate }>();

/** Mùng 1 Tết and Giỗ Tổ (10/3 lunar) in a Gregorian year, on the Vietnamese (UTC+7) lunar calendar. */
export function lunarHolidays(year: number): { tet: LocalDate; hungKings: LocalDate } {
  const cached = lunarCache.get(year);
  if (cached) return cached;
  engine ??= new HolidaysEngine(LUNAR_RULES, 'VN');
  const found = engine.getHolidays(year);
  const dayOf = (rule: string): LocalDate => {
    const h = found.find((x) => (x as { rule?: string }).rule === rule);
    if (!h) throw new Error(`no ${rule} in ${year}`);
    return h.date.slice(0, 10);
  };
  const result = { tet: dayOf('vietnamese 1-0-1'), hungKings: dayOf('vietnamese 3-0-10') };
  lunarCache.set(year, result);
  return result;
}

/**
 * Quốc khánh's second day is 1/9 or 3/9 at the government's choice; by default take the one
 * that joins the weekend, as every announcement since 2021 has done.
 */
function nationalDaySecondDay(year: number): LocalDate {
  const w = weekday(localDate(year, 9, 2));
  return w === 0 || w === 1 || w === 4 ? localDate(year, 9, 3) : localDate(year, 9, 1);
}

/** The holidays Art. 112 gives in a year, before compensation. */
function ruleDays(year: number): RuleDay[] {
  const { tet, hungKings } = lunarHolidays(year);
  // Five days of Tết by default: the last day of the old year and the first four of the new.
  const tetDays = [-1, 0, 1, 2, 3].map((n): RuleDay => ({ date: addDays(tet, n), occasion: 'tet' }));
  const days: RuleDay[] = [
    { date: localDate(year, 1, 1), occasion: 'new-year' },
    ...tetDays,
    { date: hungKings, occasion: 'hung-kings' },
    { date: localDate(year, 4, 30), occasion: 'reunification' },
    { date: localDate(year, 5, 1), occasion: 'labour-day' },
    { date: localDate(year, 9, 2), occasion: 'national-day' },
    { date: nationalDaySecondDay(year), occasion: 'national-day' },
  ];
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** One year's days off: the announcements where there are some, the rules for the rest. */
export function holidayYear(year: number, announcements: readonly HolidayAnnouncement[]): HolidayYear {
  const daysOff = new Map<LocalDate, string>();
  const makeUpDays = new Set<LocalDate>();
  const announced = announcements.filter((a) => a.year === year);
  const covered = new Set(announced.flatMap((a) => a.occasions));
  const rules = ruleDays(year);

  for (const a of announced) {
    for (const d of eachDay(a.off.from, a.off.to)) {
      const holiday = rules.find((r) => r.date === d && a.occasions.includes(r.occasion));
      daysOff.set(d, holiday ? HOLIDAY_NAMES[holiday.occasion] : a.name);
    }
    for (const d of a.makeUpDays ?? []) makeUpDays.add(d);
  }

  const byRule = rules.filter((r) => !covered.has(r.occasion));
  for (const r of byRule) daysOff.set(r.date, HOLIDAY_NAMES[r.occasion]);
  // A holiday on a weekend is made up on the next weekday that is not itself a day off.
  for (const r of byRule) {
    if (!isWeekend(r.date)) continue;
    let d = addDays(r.date, 1);
    while (isWeekend(d) || daysOff.has(d)) d = addDays(d, 1);
    daysOff.set(d, `Nghỉ bù ${HOLIDAY_NAMES[r.occasion]}`);
  }
  return { daysOff, makeUpDays };
}
