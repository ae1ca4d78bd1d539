// The announcements dondoc ships, for code that has no database (the workflows until their
// inputs carry announcements, the dry run, tests). They are the files in calendar/, compiled
// into calendar/announcements.json by `npm run calendar:compile` so that this module reads no
// file: the workflow sandbox has none. test/domain/calendar-file.test.ts fails when the JSON
// and the files part ways.
import compiled from '../calendar/announcements.json';
import type { HolidayAnnouncement } from './announcements';

const SHIPPED = compiled.announcements as HolidayAnnouncement[];

export function shippedAnnouncements(): readonly HolidayAnnouncement[] {
  return SHIPPED;
}
