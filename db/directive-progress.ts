// How far each directive has come, for the directives page, the tree and the API: its tasks
// counted by the same rule of "overdue" as the board, a sub-directive with the task it came from.
import type { Pool } from 'pg';
import { overdueCutoff } from '../domain/board';
import { OPEN } from './board-sql';

export interface DirectiveProgress {
  /** The directive's key (a sub-directive's is scoped under the task it came from). */
  number: string;
  /** The number it shows: its own number and symbol. */
  shown: string;
  title: string;
  state: string;
  /** A sub-directive: the directive and unit whose task was cascaded into it. */
  parent_number: string | null;
  parent_shown: string | null;
  parent_unit: string | null;
  tasks: number;
  done: number;
  overdue: number;
  to_review: number;
}

/** The newest directives with their tasks counted: done, overdue, reports waiting for review. */
export async function directiveProgress(pool: Pool, now: number, limit = 200): Promise<DirectiveProgress[]> {
  const { rows } = await pool.query(
    `SELECT d.number, coalesce(d.spec->>'number', d.number) AS shown, d.title, d.state,
            pt.directive_number AS parent_number, coalesce(pd.spec->>'number', pt.directive_number) AS parent_shown,
            pt.unit_code AS parent_unit, c.*
       FROM (SELECT * FROM directives ORDER BY launched_at DESC LIMIT $2) d
       LEFT JOIN tasks pt ON pt.workflow_id = d.spec->>'parentTask'
       LEFT JOIN directives pd ON pd.number = pt.directive_number,
       LATERAL (SELECT count(*)::int AS tasks, count(*) FILTER (WHERE t.state = 'done')::int AS done,
                  count(*) FILTER (WHERE ${OPEN} AND t.deadline <= $1)::int AS overdue,
                  count(*) FILTER (WHERE t.state = 'submitted')::int AS to_review
                FROM tasks t WHERE t.directive_number = d.number) c
     ORDER BY d.launched_at DESC`,
    [overdueCutoff(now), limit],
  );
  return rows;
}
