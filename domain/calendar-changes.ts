// What a corrected announcement changes: the days that became off or became working. A running
// task whose deadline, reminders or escalations fall after one of them must be told, like any
// moved deadline.
import type { HolidayAnnouncement } from './announcements';
import { createVietnamCalendar } from './calendar';
import { addDays, type LocalDate } from './local-date';

export interface CalendarChange {
  /** Days that were working days and are now off, in order. */
  becameOff: LocalDate[];
  /** Days that were off and are now working days, in order. */
  becameWorking: LocalDate[];
}

/** The days from `from` to `to` (both included) whose working status differs between the two. */
export function calendarChanges(
  before: readonly HolidayAnnouncement[],
  after: readonly HolidayAnnouncement[],
  from: LocalDate,
  to: LocalDate,
): CalendarChange {
  const old = createVietnamCalendar(before);
  const now = createVietnamCalendar(after);
  const change: CalendarChange = { becameOff: [], becameWorking: [] };
  if (old === now) return change;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const was = old.isWorkingDay(d);
    if (was !== now.isWorkingDay(d)) (was ? change.becameOff : change.becameWorking).push(d);
  }
  return change;
}
