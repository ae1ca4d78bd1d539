// Which days Vietnam's public offices are closed for holidays, by rule and by announcement.
//
// The rules are Labour Code 2019, Art. 112: Tết Dương lịch (1/1), Tết Nguyên đán (5 days),
// Giỗ Tổ Hùng Vương (10/3 lunar), Ngày Chiến thắng (30/4), Ngày Quốc tế Lao động (1/5) and
// Quốc khánh (2/9 plus the day before or after); and from 2026 Ngày Văn hóa Việt Nam (24/11).
// A holiday on a weekend is made up on the next working day (Art. 111(3)). Each year the
// government then fixes the exact days off and may swap a working day for a Saturday; those
// announcements are data (calendar/*.yaml) and replace the rules for the occasions they cover.
//
// The lunar dates come from the date-holidays engine, fed with the two Vietnamese lunar rules
// only: the package's full data set carries every country (~0.8 MB) and the workflow bundle
// needs none of it.
import HolidaysEngine from 'date-holidays-parser';
import { OCCASIONS, type HolidayAnnouncement, type Occasion } from './announcements';
import { addDays, isWeekend, localDate, weekday, type LocalDate } from './local-date';

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
  'culture-day': 'Ngày Văn hóa Việt Nam',
};

/**
 * What the days of an announced break are called when they are not a holiday themselves (the
 * weekend and swapped days around it): "Tết Nguyên đán", "Kỳ nghỉ Ngày Chiến thắng, Ngày Quốc tế
 * Lao động".
 */
export function breakName(occasions: readonly Occasion[]): string {
  const names = OCCASIONS.filter((o) => occasions.includes(o)).map((o) => HOLIDAY_NAMES[o]);
  return names.length === 1 && (occasions[0] === 'tet' || occasions[0] === 'new-year')
    ? names[0]
    : `Kỳ nghỉ ${names.join(', ')}`;
}

/**
 * Ngày Văn hóa Việt Nam, 24/11, is a paid day off from 2026: Resolution 80-NQ/TW of the
 * Politburo (7/1/2026) chose the day "với chủ trương là ngày nghỉ, người lao động được hưởng
 * nguyên lương", and the Government's action programme (Resolution 30/NQ-CP, February 2026) adds
 * it to Art. 112(1) of the Labour Code. As an Art. 112(1) holiday it is made up on the next
 * working day when it falls on a weekend (Art. 111(3)), as python-holidays also counts it.
 * Sources: https://baomoi.net.vn/chon-ngay-24-11-hang-nam-la-ngay-van-hoa-viet-nam-c54246060.epi,
 * https://vneconomy.vn/bo-sung-ngay-van-hoa-viet-nam-2411-vao-danh-muc-ngay-nghi-huong-nguyen-luong.htm
 */
export const CULTURE_DAY_FROM = 2026;

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
  if (year >= CULTURE_DAY_FROM) days.push({ date: localDate(year, 11, 24), occasion: 'culture-day' });
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
      daysOff.set(d, holiday ? HOLIDAY_NAMES[holiday.occasion] : breakName(a.occasions));
    }
    for (const d of a.makeUpDays ?? []) makeUpDays.add(d);
  }

  const byRule = rules.filter((r) => !covered.has(r.occasion));
  for (const r of byRule) daysOff.set(r.date, HOLIDAY_NAMES[r.occasion]);
  // A holiday on a weekend is made up on the next weekday that is not itself a day off. Tết is
  // the exception: the government fixes its five days as five weekdays around mùng 1, putting a
  // Saturday's day before the break and a Sunday's after it, as the notices for Tết 2020 (23-29/1),
  // 2021 (10-16/2), 2023 (20-26/1), 2024 (8-14/2) and 2025 (27-31/1 on weekdays) did.
  for (const r of byRule) {
    if (!isWeekend(r.date)) continue;
    const step = r.occasion === 'tet' && weekday(r.date) === 6 ? -1 : 1;
    let d = addDays(r.date, step);
    while (isWeekend(d) || daysOff.has(d)) d = addDays(d, step);
    daysOff.set(d, r.occasion === 'tet' ? HOLIDAY_NAMES.tet : `Nghỉ bù ${HOLIDAY_NAMES[r.occasion]}`);
  }
  return { daysOff, makeUpDays };
}
