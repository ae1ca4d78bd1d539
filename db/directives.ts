// Reads of the directives table that the web pages make. The directive workflow writes the rows
// (read-model.ts); nothing here changes them.
import type { Pool } from 'pg';
import { ChasePolicySchema, type ChasePolicy, type Directive } from '../domain/schemas';
import type { Confidentiality } from '../domain/confidentiality';

export interface DirectiveSummary {
  number: string;
  title: string;
  state: string;
  tasks: number;
  done: number;
}

/** The latest directives with how many of their tasks are done, newest first (the home page). */
export async function recentDirectives(pool: Pool, limit = 100): Promise<DirectiveSummary[]> {
  const { rows } = await pool.query(
    `SELECT d.number, d.title, d.state, count(t.*)::int AS tasks,
            count(t.*) FILTER (WHERE t.state = 'done')::int AS done
     FROM directives d LEFT JOIN tasks t ON t.directive_number = d.number
     GROUP BY d.number ORDER BY d.launched_at DESC LIMIT $1`,
    [limit],
  );
  return rows;
}

export interface DirectiveHeader {
  number: string;
  title: string;
  issuer: string;
  state: string;
  /** YYYY-MM-DD (db/pool.ts keeps dates as text). */
  issued_on: string;
}

/** A directive's number, title, issuer, state and date of issue; undefined when unknown. */
export async function directiveHeader(pool: Pool, number: string): Promise<DirectiveHeader | undefined> {
  const { rows } = await pool.query(
    'SELECT number, title, issuer, state, issued_on FROM directives WHERE number = $1',
    [number],
  );
  return rows[0];
}

/** The directive as launched (its tasks and indicators), with its header. */
export async function directiveWithSpec(
  pool: Pool,
  number: string,
): Promise<(DirectiveHeader & { spec: Directive; launched_at: Date }) | undefined> {
  const { rows } = await pool.query(
    'SELECT number, title, issuer, state, issued_on, spec, launched_at FROM directives WHERE number = $1',
    [number],
  );
  return rows[0];
}

/** Whether a directive of this number was ever launched: the read model keeps it after its workflow closed. */
export async function directiveExists(pool: Pool, number: string): Promise<boolean> {
  return Boolean((await pool.query('SELECT 1 FROM directives WHERE number = $1', [number])).rowCount);
}

/** The numbers of the directives launched as confidential (văn bản mật). */
export async function confidentialDirectives(pool: Pool): Promise<Set<string>> {
  const { rows } = await pool.query(`SELECT number FROM directives WHERE spec->>'confidentiality' = 'confidential'`);
  return new Set(rows.map((r) => r.number as string));
}

/** A directive's confidentiality as launched; normal for one launched before the field existed, or unknown. */
export async function confidentialityOf(pool: Pool, number: string): Promise<Confidentiality> {
  const { rows } = await pool.query(`SELECT spec->>'confidentiality' AS c FROM directives WHERE number = $1`, [number]);
  return rows[0]?.c === 'confidential' ? 'confidential' : 'normal';
}

/** Directives to choose from in a filter, newest first. */
export async function directiveChoices(pool: Pool, limit = 500): Promise<{ number: string; title: string }[]> {
  const { rows } = await pool.query('SELECT number, title FROM directives ORDER BY launched_at DESC LIMIT $1', [limit]);
  return rows;
}

/** What closes a district's task that was passed on: the directive policy's cascadeCompletion. */
export async function cascadeCompletionOf(pool: Pool, number: string): Promise<string | undefined> {
  const { rows } = await pool.query(
    `SELECT spec->'policy'->>'cascadeCompletion' AS closes FROM directives WHERE number = $1`,
    [number],
  );
  return rows[0]?.closes ?? undefined;
}

/** A directive's chase policy as launched; the default one for a directive that set none. */
export async function directivePolicy(pool: Pool, number: string): Promise<ChasePolicy> {
  const { rows } = await pool.query(`SELECT spec->'policy' AS policy FROM directives WHERE number = $1`, [number]);
  return ChasePolicySchema.parse(rows[0]?.policy ?? {});
}
