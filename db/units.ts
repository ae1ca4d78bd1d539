// Reads of the unit directory that the web pages make (the directory itself is written by
// `dondoc units import` through the read model).
import type { Pool } from 'pg';

/** Every unit's name by its code, as lists show it (a name two provinces share says whose). */
export async function unitNames(pool: Pool): Promise<Map<string, string>> {
  const { rows } = await pool.query('SELECT code, coalesce(label, name) AS name FROM units');
  return new Map(rows.map((u) => [u.code as string, u.name as string]));
}

/** Units to choose from in a list, by name; a name two units share says whose province each is. */
export async function unitChoices(pool: Pool): Promise<{ code: string; name: string }[]> {
  const { rows } = await pool.query('SELECT code, coalesce(label, name) AS name FROM units');
  return (rows as { code: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The mailboxes of the units named. */
export async function unitMailboxes(pool: Pool, codes: string[]): Promise<{ code: string; emails: string[] }[]> {
  return (await pool.query('SELECT code, emails FROM units WHERE code = ANY($1)', [codes])).rows;
}
