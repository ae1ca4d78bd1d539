// The supervisor board's SQL. Counts over every task come from the tally the tasks trigger keeps;
// lists come from partial indexes on open tasks, oldest deadline first. The text is built here once
// and exported, so the benchmark can time the same SQL the web app runs, bare.
import { deadlineOverdueBy, overdueCutoff } from '../domain/board';
import type { WorkingCalendar } from '../domain/calendar';

export interface Scope {
  directive?: string;
  unit?: string;
}

export interface OverdueFilter extends Scope {
  /** Only tasks escalated to exactly this level (0 = not yet escalated). */
  level?: number;
  /** Only tasks at least this many working days overdue. */
  minDaysOverdue?: number;
}

/** A parameterised query: SQL text and its values. */
export interface Query {
  text: string;
  values: unknown[];
}

/** A task whose report is still awaited: open, or returned for revision. */
export const OPEN = `t.state IN ('open', 'returned')`;

function scopeWhere(s: Scope, values: unknown[]): string[] {
  const where: string[] = [];
  if (s.directive) where.push(`t.directive_number = $${values.push(s.directive)}`);
  if (s.unit) where.push(`t.unit_code = $${values.push(s.unit)}`);
  return where;
}

/**
 * The four official buckets and, apart, the reports waiting for review. A task whose report waits
 * is neither done nor overdue (domain/status.ts): the official board counts it in progress, and
 * the pending count says how many of those the office has to decide.
 */
const BUCKET_SUMS = (cut: string, count: (kind: string, extra?: string) => string) =>
  `${count(`'on_time'`)} AS done_on_time, ${count(`'late'`)} AS done_late,
   ${count(`'open'`, `deadline > ${cut}`)} + ${count(`'pending'`)} AS in_progress, ${count(`'open'`, `deadline <= ${cut}`)} AS overdue,
   ${count(`'pending'`)} AS pending_review`;

/** The bucket counts: from the tally for the whole province, from tasks for one directive or unit. */
export function countsQuery(s: Scope, now: number): Query {
  const values: unknown[] = [overdueCutoff(now)];
  const where = scopeWhere(s, values);
  if (where.length === 0) {
    const sum = (kind: string, extra?: string) =>
      `coalesce(sum(n) FILTER (WHERE kind = ${kind}${extra ? ` AND ${extra}` : ''}), 0)::int`;
    return { text: `SELECT ${BUCKET_SUMS('$1', sum)} FROM task_tally`, values };
  }
  const count = (kind: string, extra?: string) =>
    `count(*) FILTER (WHERE kind = ${kind}${extra ? ` AND ${extra}` : ''})::int`;
  return {
    text: `SELECT ${BUCKET_SUMS('$1', count)} FROM (SELECT task_tally_kind(t.state, t.deadline, t.done_at, t.submitted_at) AS kind, t.deadline FROM tasks t WHERE ${where.join(' AND ')}) k`,
    values,
  };
}

function overdueWhere(f: OverdueFilter, now: number, calendar: WorkingCalendar, values: unknown[]): string {
  const last =
    f.minDaysOverdue && f.minDaysOverdue > 0 ? deadlineOverdueBy(f.minDaysOverdue, now, calendar) : overdueCutoff(now);
  const where = [OPEN, `t.deadline <= $${values.push(last)}`, ...scopeWhere(f, values)];
  if (f.level !== undefined) where.push(`t.escalation_level = $${values.push(f.level)}`);
  return where.join(' AND ');
}

export function overdueListQuery(
  f: OverdueFilter,
  now: number,
  calendar: WorkingCalendar,
  page: { limit: number; offset: number },
): Query {
  const values: unknown[] = [];
  const where = overdueWhere(f, now, calendar, values);
  return {
    text: `SELECT t.workflow_id, t.directive_number, t.unit_code, coalesce(u.label, u.name, t.unit_code) AS unit_name, t.title, t.deadline,
             t.original_deadline, t.state, t.revision_due, t.escalation_level, t.last_chase_at, t.extension_pending
           FROM tasks t LEFT JOIN units u ON u.code = t.unit_code
           WHERE ${where} ORDER BY t.deadline, t.workflow_id LIMIT $${values.push(page.limit)} OFFSET $${values.push(page.offset)}`,
    values,
  };
}

/** How many items match, counted up to a cap: past it the page says "more than". */
export const COUNT_CAP = 10_000;

export function overdueCountQuery(f: OverdueFilter, now: number, calendar: WorkingCalendar): Query {
  const values: unknown[] = [];
  const where = overdueWhere(f, now, calendar, values);
  return {
    text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM tasks t WHERE ${where} LIMIT ${COUNT_CAP + 1}) x`,
    values,
  };
}

/**
 * The units with the most overdue tasks. Province-wide, whole weeks of deadlines come from the
 * open-task tally and only the current week from the tasks; a directive or unit reads its tasks.
 */
export function overdueByUnitQuery(s: Scope, now: number, limit = 15): Query {
  const values: unknown[] = [overdueCutoff(now)];
  const where = scopeWhere(s, values);
  const counts = where.length
    ? `SELECT t.unit_code, count(*)::int AS n FROM tasks t WHERE ${[OPEN, 't.deadline <= $1', ...where].join(' AND ')} GROUP BY t.unit_code`
    : `SELECT unit_code, sum(n)::int AS n FROM (
         SELECT unit_code, n FROM task_open_by_unit WHERE week < date_trunc('week', $1::date)::date
         UNION ALL
         SELECT t.unit_code, 1 FROM tasks t WHERE ${OPEN} AND t.deadline >= date_trunc('week', $1::date)::date AND t.deadline <= $1
       ) w GROUP BY unit_code HAVING sum(n) > 0`;
  return {
    text: `SELECT c.unit_code, coalesce(u.label, u.name, c.unit_code) AS unit_name, c.n FROM
             (${counts} ORDER BY n DESC, unit_code LIMIT ${limit}) c
           LEFT JOIN units u ON u.code = c.unit_code ORDER BY c.n DESC, c.unit_code`,
    values,
  };
}

/** Outcomes of the tasks due in each of the last `weeks` weeks (Monday to Sunday), this week last. */
export function weeklyTrendQuery(s: Scope, now: number, weeks = 12): Query {
  const cut = overdueCutoff(now);
  const values: unknown[] = [cut, weeks];
  const where = scopeWhere(s, values);
  const range = `deadline >= date_trunc('week', $1::date)::date - ($2::int - 1) * 7 AND deadline < date_trunc('week', $1::date)::date + 7`;
  const source =
    where.length === 0
      ? `SELECT kind, deadline, n FROM task_tally WHERE ${range}`
      : `SELECT task_tally_kind(t.state, t.deadline, t.done_at, t.submitted_at) AS kind, t.deadline, 1 AS n FROM tasks t WHERE ${where.join(' AND ')} AND t.${range}`;
  const sum = (kind: string, extra?: string) =>
    `coalesce(sum(n) FILTER (WHERE kind = ${kind}${extra ? ` AND ${extra}` : ''}), 0)::int`;
  return {
    text: `SELECT date_trunc('week', deadline)::date AS week, ${BUCKET_SUMS('$1', sum)} FROM (${source}) k GROUP BY 1 ORDER BY 1`,
    values,
  };
}

/**
 * Each unit's tasks as they stood at `at` (the end of a month, or now): assigned by then and not
 * cancelled; done (on time or late) if its accepted report came by then; a report sent by then
 * and not yet accepted waits for review (in progress, counted apart); otherwise overdue or in progress.
 */
export function unitsAtQuery(at: number, s: Scope): Query {
  const values: unknown[] = [new Date(at).toISOString(), overdueCutoff(at)];
  const where = [
    `t.state <> 'cancelled'`,
    `(t.snapshot->'state'->>'assignedAt')::bigint <= ${at}`,
    ...scopeWhere(s, values),
  ].join(' AND ');
  return {
    text: `SELECT k.unit_code, coalesce(u.label, u.name, k.unit_code) AS unit_name,
             count(*) FILTER (WHERE k.finished AND k.kind = 'on_time')::int AS done_on_time,
             count(*) FILTER (WHERE k.finished AND k.kind = 'late')::int AS done_late,
             count(*) FILTER (WHERE NOT k.finished AND (k.waiting OR k.deadline > $2))::int AS in_progress,
             count(*) FILTER (WHERE NOT k.finished AND NOT k.waiting AND k.deadline <= $2)::int AS overdue,
             count(*) FILTER (WHERE NOT k.finished AND k.waiting)::int AS pending_review
           FROM (SELECT t.unit_code, t.deadline, task_tally_kind(t.state, t.deadline, t.done_at, t.submitted_at) AS kind,
                   coalesce(t.state = 'done' AND t.done_at <= $1::timestamptz, false) AS finished,
                   coalesce(t.state IN ('done', 'submitted') AND t.submitted_at <= $1::timestamptz, false) AS waiting
                 FROM tasks t WHERE ${where}) k
           LEFT JOIN units u ON u.code = k.unit_code GROUP BY k.unit_code, u.label, u.name ORDER BY k.unit_code`,
    values,
  };
}
