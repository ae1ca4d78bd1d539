// The supervisor board's reads, run on the pool: the SQL of board-sql.ts, its rows named for the
// pages that show them.
import type { Pool } from 'pg';
import type { BoardCounts } from '../domain/board';
import { workingDaysOverdue } from '../domain/status';
import { deadlineInstant, type LocalDate, type WorkingCalendar } from '../domain/calendar';
import {
  COUNT_CAP,
  countsQuery,
  overdueByUnitQuery,
  overdueCountQuery,
  overdueListQuery,
  unitsAtQuery,
  weeklyTrendQuery,
  type OverdueFilter,
  type Scope,
} from './board-sql';

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

/** The instant a month's overview describes: 17:00 on its last day, or now for the running month. */
export const monthEndInstant = (last: LocalDate, now: number): number => Math.min(now, deadlineInstant(last));
