// The government's announcements of the days off, as data. Each autumn the Prime Minister fixes
// the exact Tết and Quốc khánh days for public offices (Labour Code 2019, Art. 112(3)), and may
// swap a working day for a Saturday around any holiday. An announcement travels in workflow
// inputs, so the part the calendar reads is small: a year, the occasions, the break and the
// make-up days, dates as YYYY-MM-DD. The notice that fixed it rides along and can be dropped.
import type { LocalDate } from './local-date';

export type Occasion =
  'new-year' | 'tet' | 'hung-kings' | 'reunification' | 'labour-day' | 'national-day' | 'culture-day';

/** In the order of the year, which is also how a break's occasions are written. */
export const OCCASIONS: readonly Occasion[] = [
  'new-year',
  'tet',
  'hung-kings',
  'reunification',
  'labour-day',
  'national-day',
  'culture-day',
];

/** The document that fixed a break, for whoever has to justify a deadline. */
export interface Notice {
  /** Number and symbol, e.g. `9441/TB-BNV`. */
  number: string;
  date: LocalDate;
  issuer: string;
  /** Where it can be read. */
  source: string;
}

/** One break a notice fixed: every day from `off.from` to `off.to` is off, weekends included. */
export interface HolidayAnnouncement {
  /** The year of the occasions (the break of Tết Dương lịch 2023 began on 31/12/2022). */
  year: number;
  occasions: Occasion[];
  off: { from: LocalDate; to: LocalDate };
  /** Saturdays or Sundays worked in exchange for a swapped day off (làm bù). */
  makeUpDays?: LocalDate[];
  notice?: Notice;
}

/**
 * The announcements a calendar needs to count days from `fromYear` to `toYear`: those years and
 * the years on either side, whose breaks may spill over New Year.
 */
export function announcementsForYears(
  all: readonly HolidayAnnouncement[],
  fromYear: number,
  toYear: number,
): HolidayAnnouncement[] {
  return all.filter((a) => a.year >= fromYear - 1 && a.year <= toYear + 1);
}

/** The announcements without their notices: what a long-running task needs to carry. */
export function withoutNotices(all: readonly HolidayAnnouncement[]): HolidayAnnouncement[] {
  return all.map(({ notice: _notice, ...rest }) => rest);
}

/** The years some announcement covers; any other year is provisional (dự kiến). */
export function announcedYears(all: readonly HolidayAnnouncement[]): number[] {
  return [...new Set(all.map((a) => a.year))].sort((a, b) => a - b);
}

/** The part of an announcement the calendar reads, in a fixed order. */
function essentials(a: HolidayAnnouncement): string {
  const occasions = OCCASIONS.filter((o) => a.occasions.includes(o)).join(',');
  const makeUp = [...(a.makeUpDays ?? [])].sort().join(',');
  return `${a.year}|${occasions}|${a.off.from}|${a.off.to}|${makeUp}`;
}

/** Equal for two lists that give the same calendar, whatever their order or their notices. */
export function announcementsKey(all: readonly HolidayAnnouncement[]): string {
  return all.map(essentials).sort().join(';');
}
