// Calendars built from announcement data, memoised by content. Workflows ask for the calendar of
// the announcements they carry after every wake-up; building one costs a lunar computation a
// year, so the worker shares this module between workflows and builds each calendar once.
import { createVietnamCalendar, type HolidayAnnouncement, type WorkingCalendar } from './calendar';

const MAX_KEPT = 32;
const built = new Map<string, WorkingCalendar>();

/** The working calendar of these announcements on top of the Labour Code rules. */
export function calendarOf(announcements: readonly HolidayAnnouncement[]): WorkingCalendar {
  const key = JSON.stringify(announcements);
  let calendar = built.get(key);
  if (!calendar) {
    calendar = createVietnamCalendar(announcements);
    // A handful of versions are ever in use at once (each year's announcement adds one).
    if (built.size >= MAX_KEPT) built.delete(built.keys().next().value!);
    built.set(key, calendar);
  }
  return calendar;
}

/**
 * A date is provisional (dự kiến) while the government has not announced its year's days off: the
 * calendar counts that year by the Labour Code's rules, and the announcement may still move it.
 */
export function isProvisional(d: string, announcements: readonly HolidayAnnouncement[]): boolean {
  const year = Number(d.slice(0, 4));
  return !announcements.some((a) => a.year === year);
}
