// The supervisor board's reads. Counts over every task come from the tally the tasks trigger
// keeps; lists come from partial indexes on open tasks, oldest deadline first. The SQL is built
// here once and exported, so the benchmark can time the same text bare.
import type { Pool } from 'pg';
import { deadlineOverdueBy, overdueCutoff, type BoardCounts } from '../domain/board';
import { workingDaysOverdue } from '../domain/status';
import { deadlineInstant, type LocalDate, type WorkingCalendar } from '../domain/calendar';

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

export interface OverdueItem {
  workflowId: string;
  directive: string;
  unit: string;
  unitName: string;
  title: string;
  deadline: LocalDate;
  originalDeadline: LocalDate;
  state: string;
  /** A returned report's date to come back by: until then the unit is not late. */
  revisionDue: LocalDate | null;
  escalationLevel: number;
  lastChaseAt: Date | null;
  extensionPending: boolean;
  daysOverdue: number;
}

export interface WeekRow extends BoardCounts {
  week: LocalDate;
}

export interface UnitMonthRow extends BoardCounts {
  unit: string;
  unitName: string;
}

/** A parameterised query: SQL text and its values. */
export interface Query {
  text: string;
  values: unknown[];
}

const OPEN = `t.state IN ('open', 'returned')`;

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
    text: `SELECT t.workflow_id, t.directive_number, t.unit_code, coalesce(u.name, t.unit_code) AS unit_name, t.title, t.deadline,
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
    text: `SELECT c.unit_code, coalesce(u.name, c.unit_code) AS unit_name, c.n FROM
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
    text: `SELECT k.unit_code, coalesce(u.name, k.unit_code) AS unit_name,
             count(*) FILTER (WHERE k.finished AND k.kind = 'on_time')::int AS done_on_time,
             count(*) FILTER (WHERE k.finished AND k.kind = 'late')::int AS done_late,
             count(*) FILTER (WHERE NOT k.finished AND (k.waiting OR k.deadline > $2))::int AS in_progress,
             count(*) FILTER (WHERE NOT k.finished AND NOT k.waiting AND k.deadline <= $2)::int AS overdue,
             count(*) FILTER (WHERE NOT k.finished AND k.waiting)::int AS pending_review
           FROM (SELECT t.unit_code, t.deadline, task_tally_kind(t.state, t.deadline, t.done_at, t.submitted_at) AS kind,
                   coalesce(t.state = 'done' AND t.done_at <= $1::timestamptz, false) AS finished,
                   coalesce(t.state IN ('done', 'submitted') AND t.submitted_at <= $1::timestamptz, false) AS waiting
                 FROM tasks t WHERE ${where}) k
           LEFT JOIN units u ON u.code = k.unit_code GROUP BY k.unit_code, u.name ORDER BY k.unit_code`,
    values,
  };
}

export interface BoardQueries {
  counts(s: Scope, now: number): Promise<BoardCounts>;
  overdue(
    f: OverdueFilter,
    now: number,
    page: { limit: number; offset: number },
  ): Promise<{ items: OverdueItem[]; total: number; capped: boolean }>;
  overdueByUnit(s: Scope, now: number): Promise<{ unit: string; unitName: string; n: number }[]>;
  weeklyTrend(s: Scope, now: number, weeks?: number): Promise<WeekRow[]>;
  unitsAt(at: number, s: Scope): Promise<UnitMonthRow[]>;
}

export function createBoardQueries(pool: Pool, calendar: WorkingCalendar): BoardQueries {
  return {
    async counts(s, now) {
      const { rows } = await pool.query(countsQuery(s, now));
      return rows[0];
    },

    async overdue(f, now, page) {
      const [list, count] = await Promise.all([
        pool.query(overdueListQuery(f, now, calendar, page)),
        pool.query(overdueCountQuery(f, now, calendar)),
      ]);
      const items = list.rows.map((r): OverdueItem => ({
        workflowId: r.workflow_id,
        directive: r.directive_number,
        unit: r.unit_code,
        unitName: r.unit_name,
        title: r.title,
        deadline: r.deadline,
        originalDeadline: r.original_deadline,
        state: r.state,
        revisionDue: r.revision_due,
        escalationLevel: r.escalation_level,
        lastChaseAt: r.last_chase_at,
        extensionPending: r.extension_pending,
        daysOverdue: workingDaysOverdue(r.deadline, now, calendar),
      }));
      const n = count.rows[0].n as number;
      return { items, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
    },

    async overdueByUnit(s, now) {
      const { rows } = await pool.query(overdueByUnitQuery(s, now));
      return rows.map((r) => ({ unit: r.unit_code, unitName: r.unit_name, n: r.n }));
    },

    async weeklyTrend(s, now, weeks = 12) {
      const { rows } = await pool.query(weeklyTrendQuery(s, now, weeks));
      return rows;
    },

    async unitsAt(at, s) {
      const { rows } = await pool.query(unitsAtQuery(at, s));
      return rows.map((r) => ({
        unit: r.unit_code,
        unitName: r.unit_name,
        done_on_time: r.done_on_time,
        done_late: r.done_late,
        in_progress: r.in_progress,
        overdue: r.overdue,
        pending_review: r.pending_review,
      }));
    },
  };
}

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

/** The instant a month's overview describes: 17:00 on its last day, or now for the running month. */
export const monthEndInstant = (last: LocalDate, now: number): number => Math.min(now, deadlineInstant(last));
