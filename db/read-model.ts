// The read model behind an interface. Every write is an idempotent upsert that ignores versions
// older than the stored one, so retried and out-of-order projections converge.
import type { Pool } from 'pg';
import type { PlannedTask } from '../domain/plan';
import type { Directive, OrgUnit, TaskSpec } from '../domain/schemas';
import type { DirectiveSummary, TaskState } from '../workflows/types';
import { upsertExplanation } from './explanations';
import { insertPlannedTasks, iso, upsertTaskRows } from './task-rows';
import { inTransaction } from './transaction';
import { unitFromRow, upsertUnitRows } from './unit-rows';

export interface DirectiveRecord {
  workflowId: string;
  /** The directive's key (its number, or a sub-directive's scoped key); the whole directive comes only with its first record. */
  number?: string;
  directive?: Directive;
  /** A sub-directive: the district task it was cascaded from (kept in the spec as parentTask). */
  parentTaskWorkflowId?: string;
  phase: string;
  launchedAt: number;
  version: number;
  summary: Record<string, unknown>;
}

export interface TaskRecord {
  workflowId: string;
  directive: DirectiveSummary;
  spec: TaskSpec;
  cycle: string;
  state: TaskState;
  /** A request for explanation about the task `about`, rather than a task of the directive. */
  explanation?: { about: string; askedBy: string };
}

export interface TaskRow {
  workflow_id: string;
  directive_number: string;
  unit_code: string;
  cycle: string;
  role: string;
  title: string;
  deadline: string;
  original_deadline: string;
  /** 'assigning' until the assignment is out, then the task's phase. */
  state: string;
  submitted_at: Date | null;
  done_at: Date | null;
  assigned_at: Date | null;
  revision_due: string | null;
  escalation_level: number;
  snapshot: TaskRecord;
  version: string;
}

export interface UnitGroup {
  code: string;
  name: string;
  members: string[];
}

export interface ReadModel {
  upsertUnits(units: OrgUnit[], groups?: UnitGroup[]): Promise<void>;
  unit(code: string): Promise<OrgUnit | undefined>;
  units(): Promise<OrgUnit[]>;
  upsertDirective(r: DirectiveRecord): Promise<void>;
  upsertTask(r: TaskRecord): Promise<void>;
  /** Rows for tasks about to start, shown as being assigned; a row already there is left alone. */
  recordPlanned(directive: DirectiveSummary, planned: PlannedTask[]): Promise<void>;
  /** Ids of a directive's tasks not yet closed, in id order after `after`. */
  openTaskIds(directiveKey: string, after: string, limit: number): Promise<string[]>;
  task(workflowId: string): Promise<TaskRow | undefined>;
  tasksOfDirective(number: string): Promise<TaskRow[]>;
  /** The support (phối hợp) tasks that feed a lead unit's task in a directive's cycle. */
  supportTasksOf(directiveKey: string, leadUnit: string, cycle: string): Promise<TaskRow[]>;
  /** Tasks still waiting for a report (open or returned) whose deadline is on or before `day`, oldest first. */
  openTasksDueBy(day: string, filter?: OpenTaskFilter): Promise<TaskRow[]>;
}

export interface OpenTaskFilter {
  directive?: string;
  unit?: string;
  /** Only tasks escalated at least this far (1 the unit's head, 2 the supervisor, 3 the steering committee). */
  minEscalationLevel?: number;
}

export function createReadModel(pool: Pool): ReadModel {
  return {
    upsertUnits: (units, groups = []) => inTransaction(pool, (c) => upsertUnitRows(c, units, groups)),

    async unit(code) {
      const { rows } = await pool.query('SELECT * FROM units WHERE code = $1', [code]);
      return rows[0] ? unitFromRow(rows[0]) : undefined;
    },

    async units() {
      const { rows } = await pool.query('SELECT * FROM units ORDER BY code');
      return rows.map(unitFromRow);
    },

    async upsertDirective(r) {
      const closed = r.phase === 'done' || r.phase === 'cancelled';
      const d = r.directive;
      if (!d) {
        // Progress only: the directive itself was written by the first record.
        await pool.query(
          `UPDATE directives SET state = $2, spec = spec || jsonb_build_object('summary', $3::jsonb), closed_at = $4, version = $5, updated_at = now()
            WHERE number = $1 AND version < $5`,
          [r.number, r.phase, JSON.stringify(r.summary), closed ? new Date().toISOString() : null, r.version],
        );
        return;
      }
      // Two launches of one number at once: the arbiter is the number, but the loser may trip the
      // other unique key (the workflow id) first; tried again, it sees the winner's row and updates.
      await retryOnUniqueRace('directives_workflow_id_key', () =>
        pool.query(
          `INSERT INTO directives (number, workflow_id, title, issuer, issued_on, spec, state, launched_at, closed_at, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
         ON CONFLICT (number) DO UPDATE SET state=$7, spec=$6, closed_at=$9, version=$10, updated_at=now()
         WHERE directives.version < EXCLUDED.version`,
          [
            r.number ?? d.number,
            r.workflowId,
            d.title,
            d.issuer,
            d.issuedOn,
            JSON.stringify({
              ...d,
              summary: r.summary,
              ...(r.parentTaskWorkflowId ? { parentTask: r.parentTaskWorkflowId } : {}),
            }),
            r.phase,
            iso(r.launchedAt),
            closed ? new Date().toISOString() : null,
            r.version,
          ],
        ),
      );
    },

    // A request for explanation is not one of the directive's tasks: it has its own table.
    upsertTask: (r) => (r.explanation ? upsertExplanation(pool, r) : inTransaction(pool, (c) => upsertTaskRows(c, r))),

    recordPlanned: (directive, planned) => insertPlannedTasks(pool, directive, planned),

    async openTaskIds(directiveKey, after, limit) {
      const { rows } = await pool.query<{ workflow_id: string }>(
        `SELECT workflow_id FROM tasks WHERE directive_number = $1 AND state NOT IN ('done', 'cancelled') AND workflow_id > $2
          ORDER BY workflow_id LIMIT $3`,
        [directiveKey, after, limit],
      );
      return rows.map((r) => r.workflow_id);
    },

    async task(workflowId) {
      const { rows } = await pool.query('SELECT * FROM tasks WHERE workflow_id = $1', [workflowId]);
      return rows[0];
    },

    async tasksOfDirective(number) {
      const { rows } = await pool.query('SELECT * FROM tasks WHERE directive_number = $1 ORDER BY unit_code, cycle', [
        number,
      ]);
      return rows;
    },

    async supportTasksOf(directiveKey, leadUnit, cycle) {
      const { rows } = await pool.query(
        `SELECT * FROM tasks WHERE directive_number = $1 AND cycle = $2 AND snapshot->'spec'->>'supports' = $3
          ORDER BY unit_code`,
        [directiveKey, cycle, leadUnit],
      );
      return rows;
    },

    async openTasksDueBy(day, f = {}) {
      const { rows } = await pool.query(
        `SELECT * FROM tasks WHERE state IN ('open', 'returned') AND deadline <= $1
           AND ($2::text IS NULL OR directive_number = $2) AND ($3::text IS NULL OR unit_code = $3) AND escalation_level >= $4
         ORDER BY deadline, directive_number, unit_code, cycle`,
        [day, f.directive ?? null, f.unit ?? null, f.minEscalationLevel ?? 0],
      );
      return rows;
    },
  };
}

/** Runs an upsert again when a concurrent insert of the same row broke `constraint` instead of its arbiter. */
async function retryOnUniqueRace<T>(constraint: string, upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (err) {
    const e = err as { code?: string; constraint?: string };
    if (e.code !== '23505' || e.constraint !== constraint) throw err;
    return upsert();
  }
}
