// Calendar days and instants in Vietnam. Deadlines are days; reminders and reports are instants.
//
// Asia/Ho_Chi_Minh has been a fixed UTC+7 since 1975 and has no daylight saving time, so the
// conversions below are plain arithmetic instead of a time-zone database: they give the same
// answer on any server, in any host time zone, and inside Temporal workflow code. Nothing here
// reads the clock: every function takes the day or the instant it works on.
import type { LocalDate } from './schemas';

export type { LocalDate } from './schemas';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Vietnam's offset from UTC: +7 hours, all year round. */
export const VIETNAM_UTC_OFFSET_MS = 7 * HOUR_MS;

/**
 * A deadline day ends at 17:00 local time, the end of office hours: a report received at
 * 17:00:00 is on time, one received at 17:00:01 is late.
 */
export const DEADLINE_CUTOFF_HOUR = 17;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar day; throws on anything that is not a real date. */
export function dayNumber(d: LocalDate): number {
  const m = LOCAL_DATE.exec(d);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms) || fromDayNumber(ms / DAY_MS) !== d) throw new RangeError(`not a real calendar date: ${d}`);
  return ms / DAY_MS;
}

/** The calendar day `n` days after 1970-01-01. */
export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(d: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(d) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(d: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

export function isWeekend(d: LocalDate): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function yearOf(d: LocalDate): number {
  return Number(d.slice(0, 4));
}

/** `YYYY-MM-DD` from numbers; `month` is 1-12. */
export function localDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day in Vietnam on which an instant (epoch milliseconds) falls. */
export function localDateOf(epochMs: number): LocalDate {
  return fromDayNumber(Math.floor((epochMs + VIETNAM_UTC_OFFSET_MS) / DAY_MS));
}

/** The instant (epoch milliseconds) of `hour:minute` Vietnam time on day `d`. */
export function atLocalTime(d: LocalDate, hour: number, minute = 0): number {
  return dayNumber(d) * DAY_MS + hour * HOUR_MS + minute * 60_000 - VIETNAM_UTC_OFFSET_MS;
}

/** The last instant at which work for a deadline day is on time: 17:00 local. */
export function deadlineInstant(d: LocalDate): number {
  return atLocalTime(d, DEADLINE_CUTOFF_HOUR);
}
