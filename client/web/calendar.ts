// The working calendar a page counts on: the announced days off stored in the database (imported,
// or shipped and loaded at start), and the shipped ones for any year it lacks — the calendar a
// launch gives its workflows.
import type { Pool } from 'pg';
import { createVietnamCalendar, type WorkingCalendar } from '../../domain/calendar';
import { currentCalendar } from '../temporal';

export async function pageCalendar(pool: Pool): Promise<WorkingCalendar> {
  return createVietnamCalendar(await currentCalendar(pool));
}
