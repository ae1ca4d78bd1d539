// The working calendar of Vietnam's public offices: Monday to Friday, minus public holidays and
// the days off the government announces, plus the Saturdays it asks to be worked in exchange.
// Every "N ngày làm việc" in dondoc is counted on this calendar.
import { announcedYears, announcementsKey, type HolidayAnnouncement } from './announcements';
import { holidayYear, type HolidayYear } from './holiday-rules';
import { shippedAnnouncements } from './shipped-announcements';
import { dayNumber, daysBetween, fromDayNumber, isWeekend, localDate, yearOf, type LocalDate } from './local-date';

export {
  DEADLINE_CUTOFF_HOUR,
  VIETNAM_UTC_OFFSET_MS,
  addDays,
  atLocalTime,
  daysBetween,
  deadlineInstant,
  isWeekend,
  localDate,
  localDateOf,
  weekday,
  yearOf,
} from './local-date';
export type { LocalDate } from './local-date';
export type { HolidayAnnouncement, Notice, Occasion } from './announcements';

export interface WorkingCalendar {
  isWorkingDay(d: LocalDate): boolean;
  /** Why a day is off (holiday, Tết, compensatory or swapped day); undefined for working days and ordinary weekends. */
  holidayName(d: LocalDate): string | undefined;
  /** The first working day after `d`, or `d` itself when `inclusive` and it is a working day. */
  nextWorkingDay(d: LocalDate, inclusive?: boolean): LocalDate;
  /** The n-th working day after `d`, `d` itself not counted; n = 0 gives `d` if it is a working day, else the next one. */
  workingDaysAfter(d: LocalDate, n: number): LocalDate;
  /** The n-th working day before `d`, `d` itself not counted; n = 0 gives `d` if it is a working day, else the previous one. */
  workingDaysBefore(d: LocalDate, n: number): LocalDate;
  /** Working days in (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** The years whose days off the government has announced, in order. */
  readonly announcedYears: readonly number[];
  /**
   * True when `d`'s year has no announcement yet: its days off are worked out from the Labour
   * Code and may still move when the government announces them (dự kiến).
   */
  isProvisional(d: LocalDate): boolean;
  /** The provisional years from `fromYear` to `toYear`, in order. */
  provisionalYears(fromYear: number, toYear: number): number[];
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`a number of working days must be a whole number ≥ 0, got ${n}`);
}

function checkAnnouncements(announcements: readonly HolidayAnnouncement[]): void {
  for (const a of announcements) {
    const what = `holiday announcement ${a.year} (${a.occasions.join(', ')})`;
    if (a.off.to < a.off.from || daysBetween(a.off.from, a.off.to) > 31)
      throw new RangeError(`${what}: bad range ${a.off.from}..${a.off.to}`);
    for (const d of a.makeUpDays ?? [])
      if (!isWeekend(d)) throw new RangeError(`${what}: make-up day ${d} is not a weekend day`);
  }
}

interface YearTable {
  /** Day number of 1 January. */
  start: number;
  /** 1 for a working day, by day of the year. */
  working: Uint8Array;
  /** Working days in the year before each day of the year (and in the whole year, last). */
  before: Int32Array;
  names: Map<LocalDate, string>;
}

const yearOfDay = (dn: number): number => new Date(dn * 86_400_000).getUTCFullYear();

/** Calendars by the content of their announcements; a workflow asks again at every wake-up. */
const built = new Map<string, WorkingCalendar>();
/** Enough for the few announcement sets running tasks carry; the oldest built goes first. */
const BUILT_MAX = 16;
/** The same list asked again (a workflow's own input) skips even working out its content (~20 µs). */
const byList = new WeakMap<readonly HolidayAnnouncement[], WorkingCalendar>();

/**
 * A calendar with these announcements on top of the Labour Code rules. The same announcements
 * (in any order, with or without their notices) give the same calendar object.
 */
export function createVietnamCalendar(
  announcements: readonly HolidayAnnouncement[] = shippedAnnouncements(),
): WorkingCalendar {
  const same = byList.get(announcements);
  if (same) return same;
  const key = announcementsKey(announcements);
  let calendar = built.get(key);
  if (!calendar) {
    checkAnnouncements(announcements);
    calendar = buildCalendar(announcements);
    if (built.size >= BUILT_MAX) built.delete(built.keys().next().value!);
    built.set(key, calendar);
  }
  byList.set(announcements, calendar);
  return calendar;
}

function buildCalendar(announcements: readonly HolidayAnnouncement[]): WorkingCalendar {
  const byOccasionYear = new Map<number, HolidayYear>();
  const tables = new Map<number, YearTable>();

  const occasionYear = (y: number): HolidayYear => {
    let h = byOccasionYear.get(y);
    if (!h) byOccasionYear.set(y, (h = holidayYear(y, announcements)));
    return h;
  };
  // Counting is done on day numbers against one table a year: a workflow asks after every wake-up.
  const table = (y: number): YearTable => {
    let t = tables.get(y);
    if (t) return t;
    const start = dayNumber(localDate(y, 1, 1));
    const length = dayNumber(localDate(y + 1, 1, 1)) - start;
    t = { start, working: new Uint8Array(length), before: new Int32Array(length + 1), names: new Map() };
    // A break may spill into the neighbouring year (Tết Dương lịch 2023 began on 31/12/2022).
    const neighbours = [occasionYear(y - 1), occasionYear(y), occasionYear(y + 1)];
    for (let i = 0; i < length; i++) {
      const d = fromDayNumber(start + i);
      const name = neighbours.map((h) => h.daysOff.get(d)).find((n) => n !== undefined);
      if (name !== undefined) t.names.set(d, name);
      const weekend = isWeekend(d);
      t.working[i] = neighbours.some((h) => h.makeUpDays.has(d)) || (!weekend && name === undefined) ? 1 : 0;
      t.before[i + 1] = t.before[i] + t.working[i];
    }
    tables.set(y, t);
    return t;
  };
  let last: YearTable | undefined;
  const works = (dn: number): boolean => {
    if (!last || dn < last.start || dn >= last.start + last.working.length) last = table(yearOfDay(dn));
    return last.working[dn - last.start] === 1;
  };
  /** Working days in [1 January of dn's year, dn]. */
  const upTo = (dn: number): number => {
    const t = table(yearOfDay(dn));
    return t.before[dn - t.start + 1];
  };
  /** Working days in (a, b] for a <= b. */
  const countBetween = (a: number, b: number): number => {
    const ya = yearOfDay(a);
    const yb = yearOfDay(b);
    if (ya === yb) return upTo(b) - upTo(a);
    let count = upTo(b) + table(ya).before[table(ya).working.length] - upTo(a);
    for (let y = ya + 1; y < yb; y++) count += table(y).before[table(y).working.length];
    return count;
  };
  const step = (d: LocalDate, n: number, dir: 1 | -1): LocalDate => {
    checkCount(n);
    let dn = dayNumber(d);
    if (n === 0) {
      while (!works(dn)) dn += dir;
      return fromDayNumber(dn);
    }
    for (let left = n; left > 0;) {
      dn += dir;
      if (works(dn)) left--;
    }
    return fromDayNumber(dn);
  };

  const years = announcedYears(announcements);
  const provisional = (y: number) => !years.includes(y);
  return {
    announcedYears: years,
    isProvisional: (d) => provisional(yearOf(d)),
    provisionalYears: (from, to) =>
      Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i).filter(provisional),
    isWorkingDay: (d) => works(dayNumber(d)),
    holidayName: (d) => table(yearOf(d)).names.get(d),
    nextWorkingDay: (d, inclusive = false) => step(d, inclusive ? 0 : 1, 1),
    workingDaysAfter: (d, n) => step(d, n, 1),
    workingDaysBefore: (d, n) => step(d, n, -1),
    workingDaysBetween(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      return a <= b ? countBetween(a, b) : 0 - countBetween(b, a);
    },
  };
}

let shipped: WorkingCalendar | undefined;

/** Vietnam's calendar with the announcements dondoc ships (calendar/*.yaml); it only memoises. */
export function vietnamCalendar(): WorkingCalendar {
  return (shipped ??= createVietnamCalendar(shippedAnnouncements()));
}
