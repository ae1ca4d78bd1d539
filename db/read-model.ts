// The read model behind an interface. Every write is an idempotent upsert that ignores versions
// older than the stored one, so retried and out-of-order projections converge.
import type { Pool, PoolClient } from 'pg';
import type { PlannedTask } from '../domain/plan';
import type { Directive, OrgUnit, TaskSpec } from '../domain/schemas';
import type { DirectiveSummary, TaskState } from '../workflows/types';
import { upsertExplanation } from './explanations';

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

const unitFromRow = (r: Record<string, unknown>): OrgUnit => ({
  code: r.code as string,
  name: r.name as string,
  kind: r.kind as OrgUnit['kind'],
  emails: r.emails as string[],
  head: r.head_email ? { name: (r.head_name as string) ?? '', email: r.head_email as string } : undefined,
  parent: (r.parent as string) ?? undefined,
  supervisorEmails: r.supervisor_emails as string[],
  steeringEmails: r.steering_emails as string[],
  ...(r.organ_id ? { organId: r.organ_id as string } : {}),
  ...(r.focal_email ? { focalPoint: { name: (r.focal_name as string) ?? '', email: r.focal_email as string } } : {}),
  ...(r.substitute_email
    ? {
        substitute: {
          name: (r.substitute_name as string) ?? '',
          email: r.substitute_email as string,
          from: r.substitute_from as string,
          to: r.substitute_to as string,
        },
      }
    : {}),
});

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection that cannot even roll back is broken: released with `true`, it is closed.
    broken = await client.query('ROLLBACK').then(
      () => false,
      () => true,
    );
    throw err;
  } finally {
    client.release(broken);
  }
}

/** The row's state: a task is "being assigned" (đang giao) until its assignment is out. */
const rowState = (s: TaskState): string => (s.phase === 'open' && s.assignedAt === undefined ? 'assigning' : s.phase);

async function upsertTaskRows(c: PoolClient, r: TaskRecord): Promise<void> {
  const s = r.state;
  const res = await c.query(
    `INSERT INTO tasks (workflow_id, directive_number, unit_code, cycle, role, title, deadline, original_deadline, state,
       submitted_at, done_at, escalation_level, last_chase_at, extension_pending, snapshot, version, assigned_at, revision_due)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)
     ON CONFLICT (workflow_id) DO UPDATE SET deadline=$7, state=$9, submitted_at=$10, done_at=$11, escalation_level=$12,
       last_chase_at=$13, extension_pending=$14, snapshot=$15, version=$16, assigned_at=$17, revision_due=$18, updated_at=now()
     WHERE tasks.version < EXCLUDED.version`,
    [
      r.workflowId,
      r.directive.key,
      r.spec.unit,
      r.cycle,
      r.spec.role,
      r.spec.title,
      s.deadline,
      s.originalDeadline,
      rowState(s),
      iso(s.reports.at(-1)?.submittedAt),
      iso(s.doneAt),
      s.escalationLevel,
      iso(s.chases.at(-1)?.at),
      s.extension !== undefined,
      JSON.stringify(r),
      s.version,
      iso(s.assignedAt),
      s.revisionDue ?? null,
    ],
  );
  if (!res.rowCount) return; // an older version than the one stored: nothing to do
  for (const rep of s.reports) {
    await c.query(
      `INSERT INTO reports (receipt, task_workflow_id, submission_id, submitted_at, submitted_by, body, indicators, attachments, review, review_comment)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
       ON CONFLICT (receipt) DO UPDATE SET review=$9, review_comment=$10`,
      [
        rep.receipt,
        r.workflowId,
        rep.submissionId,
        iso(rep.submittedAt),
        rep.submittedBy,
        rep.text,
        JSON.stringify(rep.indicators),
        JSON.stringify(rep.attachments),
        rep.review,
        rep.reviewComment ?? null,
      ],
    );
  }
  // The chase list only grows, so a chase's position is a stable key.
  for (const [i, ch] of s.chases.entries()) {
    if (ch.kind !== 'escalation') continue;
    await c.query(
      `INSERT INTO escalations (task_workflow_id, seq, level, target, sent_at) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING`,
      [r.workflowId, i + 1, ch.level, ch.target ?? '', iso(ch.at)],
    );
  }
}

/** A unit's first twelve columns of `units`, in the order its INSERTs list them (code … focal_email). */
export const unitColumns = (u: OrgUnit) => [
  u.code,
  u.name,
  u.kind,
  u.emails,
  u.head?.name ?? null,
  u.head?.email ?? null,
  u.parent ?? null,
  u.supervisorEmails,
  u.steeringEmails,
  u.organId ?? null,
  u.focalPoint?.name ?? null,
  u.focalPoint?.email ?? null,
];

export function createReadModel(pool: Pool): ReadModel {
  return {
    upsertUnits: (units, groups = []) =>
      inTransaction(pool, async (c) => {
        for (const u of units) {
          await c.query(
            `INSERT INTO units (code, name, kind, emails, head_name, head_email, parent, supervisor_emails, steering_emails, organ_id,
               focal_name, focal_email, substitute_name, substitute_email, substitute_from, substitute_to)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
             ON CONFLICT (code) DO UPDATE SET name=$2, kind=$3, emails=$4, head_name=$5, head_email=$6, parent=$7,
               supervisor_emails=$8, steering_emails=$9, organ_id=$10, focal_name=$11, focal_email=$12,
               substitute_name=$13, substitute_email=$14, substitute_from=$15, substitute_to=$16, updated_at=now()`,
            [
              ...unitColumns(u),
              u.substitute?.name ?? null,
              u.substitute?.email ?? null,
              u.substitute?.from ?? null,
              u.substitute?.to ?? null,
            ],
          );
        }
        for (const g of groups) {
          await c.query(
            `INSERT INTO unit_groups (code, name, members) VALUES ($1,$2,$3) ON CONFLICT (code) DO UPDATE SET name=$2, members=$3`,
            [g.code, g.name, g.members],
          );
        }
      }),

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
      await pool.query(
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
      );
    },

    // A request for explanation is not one of the directive's tasks: it has its own table.
    upsertTask: (r) => (r.explanation ? upsertExplanation(pool, r) : inTransaction(pool, (c) => upsertTaskRows(c, r))),

    async recordPlanned(directive, planned) {
      if (planned.length === 0) return;
      const rows = planned.map((t) => {
        const state: TaskState = {
          phase: 'open',
          deadline: t.deadline,
          originalDeadline: t.deadline,
          deadlineSince: 0,
          deadlineChanges: [],
          reports: [],
          extensions: [],
          chases: [],
          escalationLevel: 0,
          cursor: 0,
          version: 0,
        };
        return { workflowId: t.workflowId, directive, spec: t.spec, cycle: t.cycle, state } satisfies TaskRecord;
      });
      // One statement for the batch: version 0 loses to any row a task has written itself.
      await pool.query(
        `INSERT INTO tasks (workflow_id, directive_number, unit_code, cycle, role, title, deadline, original_deadline,
           state, snapshot, version)
         SELECT r->>'workflowId', r->'directive'->>'key', r->'spec'->>'unit', r->>'cycle', r->'spec'->>'role',
                r->'spec'->>'title', (r->'state'->>'deadline')::date, (r->'state'->>'deadline')::date, 'assigning', r, 0
           FROM jsonb_array_elements($1::jsonb) AS r
         ON CONFLICT (workflow_id) DO NOTHING`,
        [JSON.stringify(rows)],
      );
    },

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
