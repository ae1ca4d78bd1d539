// Reads of the unit directory that the web pages make (the directory itself is written by
// `dondoc units import` through the read model).
import type { Pool } from 'pg';

/** Every unit's name by its code. */
export async function unitNames(pool: Pool): Promise<Map<string, string>> {
  const { rows } = await pool.query('SELECT code, name FROM units');
  return new Map(rows.map((u) => [u.code as string, u.name as string]));
}

/** Units to choose from in a filter, by name. */
export async function unitChoices(pool: Pool): Promise<{ code: string; name: string }[]> {
  return (await pool.query('SELECT code, name FROM units ORDER BY name')).rows;
}

/** The mailboxes of the units named. */
export async function unitMailboxes(pool: Pool, codes: string[]): Promise<{ code: string; emails: string[] }[]> {
  return (await pool.query('SELECT code, emails FROM units WHERE code = ANY($1)', [codes])).rows;
}
