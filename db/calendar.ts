// The announced days off in the database: what `dondoc calendar import` stores, and what a
// process with a database builds its calendar from. A year's breaks are replaced together, in
// one transaction, so the calendar never sees half a year's announcement.
import type { Pool, PoolClient } from 'pg';
import { OCCASIONS, type Occasion } from '../domain/announcements';
import { calendarChanges } from '../domain/calendar-changes';
import type { AnnouncedBreak } from '../domain/calendar-file';
import { shippedAnnouncements } from '../domain/shipped-announcements';

/** What an import changed. */
export interface CalendarImport {
  /** The years whose stored announcement changed. */
  years: number[];
  /** Days that were working days and are now off, and the other way round, in order. */
  becameOff: string[];
  becameWorking: string[];
}

/** Who loaded the shipped years, in the imported_by column. */
export const SHIPPED_BY = 'dondoc (calendar/)';

interface Row {
  year: number;
  occasions: Occasion[];
  off_from: string;
  off_to: string;
  make_up_days: string[];
  notice_number: string;
  notice_date: string;
  notice_issuer: string;
  source: string;
  shipped: boolean;
}

const SELECT = `SELECT year, occasions, off_from, off_to, make_up_days::text[] AS make_up_days, notice_number,
  notice_date, notice_issuer, source, shipped FROM holiday_announcements ORDER BY year, off_from`;

const fromRow = (r: Row): AnnouncedBreak => ({
  year: r.year,
  occasions: OCCASIONS.filter((o) => r.occasions.includes(o)),
  off: { from: r.off_from, to: r.off_to },
  ...(r.make_up_days.length ? { makeUpDays: [...r.make_up_days].sort() } : {}),
  notice: { number: r.notice_number, date: r.notice_date, issuer: r.notice_issuer, source: r.source },
});

/** Every stored announcement, by year and date. */
export async function loadAnnouncements(pool: Pool): Promise<AnnouncedBreak[]> {
  return (await pool.query<Row>(SELECT)).rows.map(fromRow);
}

/** A year's breaks, notices included, in a form two equal years share. */
const content = (list: readonly AnnouncedBreak[]): string =>
  list
    .map((a) => JSON.stringify([a.year, a.occasions, a.off, a.makeUpDays ?? [], a.notice]))
    .sort()
    .join('\n');

const yearsOf = (list: readonly AnnouncedBreak[]) => [...new Set(list.map((a) => a.year))].sort((a, b) => a - b);

/**
 * Stores the announcements, replacing each of their years whole. Importing the same file twice
 * changes nothing; a year someone imports is never replaced by the shipped one afterwards.
 */
export async function importAnnouncements(
  pool: Pool,
  announcements: readonly AnnouncedBreak[],
  by: string,
): Promise<CalendarImport> {
  return replaceYears(pool, announcements, by, false);
}

/**
 * Loads the years dondoc ships that the table lacks, as `examples/units.yaml` is loaded on first
 * start. A year loaded this way is brought up to date when a newer dondoc ships it corrected; a
 * year someone imported is left alone.
 */
export async function loadShippedAnnouncements(
  pool: Pool,
  shipped = shippedAnnouncements() as readonly AnnouncedBreak[],
): Promise<CalendarImport> {
  return replaceYears(pool, shipped, SHIPPED_BY, true);
}

async function replaceYears(
  pool: Pool,
  incoming: readonly AnnouncedBreak[],
  by: string,
  shipped: boolean,
): Promise<CalendarImport> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Workers starting together all load the shipped years: one at a time.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('holiday_announcements'))`);
    const rows = (await client.query<Row>(SELECT)).rows;
    const before = rows.map(fromRow);
    const replaced: number[] = [];
    for (const year of yearsOf(incoming)) {
      const stored = rows.filter((r) => r.year === year);
      const wanted = incoming.filter((a) => a.year === year);
      const same = content(stored.map(fromRow)) === content(wanted);
      if (shipped ? stored.some((r) => !r.shipped) || same : same && stored.every((r) => !r.shipped)) continue;
      await writeYear(client, year, wanted, by, shipped);
      if (!same) replaced.push(year);
    }
    const after = [
      ...before.filter((a) => !replaced.includes(a.year)),
      ...incoming.filter((a) => replaced.includes(a.year)),
    ];
    await client.query('COMMIT');
    if (!replaced.length) return { years: [], becameOff: [], becameWorking: [] };
    // A year's breaks may reach into the next or the last (Tết Dương lịch on 31/12).
    const first = `${Math.min(...replaced) - 1}-12-01`;
    const last = `${Math.max(...replaced) + 1}-01-31`;
    return { years: replaced, ...calendarChanges(before, after, first, last) };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function writeYear(
  client: PoolClient,
  year: number,
  list: readonly AnnouncedBreak[],
  by: string,
  shipped: boolean,
): Promise<void> {
  await client.query('DELETE FROM holiday_announcements WHERE year = $1', [year]);
  for (const a of list)
    await client.query(
      `INSERT INTO holiday_announcements (year, occasions, off_from, off_to, make_up_days, notice_number, notice_date,
         notice_issuer, source, shipped, imported_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        year,
        a.occasions,
        a.off.from,
        a.off.to,
        a.makeUpDays ?? [],
        a.notice.number,
        a.notice.date,
        a.notice.issuer,
        a.notice.source,
        shipped,
        by,
      ],
    );
}
