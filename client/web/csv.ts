// Every CSV file the staff pages hand out is made here, one way: a byte order mark so spreadsheet
// programs read the Vietnamese letters as UTF-8, never cached, and no cell a spreadsheet would run.
import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet program reads as the start of a formula (or a tab or return hiding one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A unit's name, a task's title or an indicator's name comes from people outside the office; one
 * that starts like a formula ("=HYPERLINK(…)") is kept as text by an apostrophe before it, which
 * the spreadsheet shows nowhere. Numbers stay numbers.
 */
export const inertCell = (value: unknown): unknown =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

/** The rows as CSV text, every cell inert. */
export const csvText = (rows: unknown[][]): string => '\ufeff' + stringify(rows.map((row) => row.map(inertCell)));

/** Sends rows as a CSV attachment named `fileName`. */
export const sendCsv = (reply: FastifyReply, fileName: string, rows: unknown[][]): FastifyReply =>
  reply
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .type('text/csv; charset=utf-8')
    .send(csvText(rows));
