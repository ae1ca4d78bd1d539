// A task as rows of the read model: the task's own row, its reports and its escalations, written
// by the versioned upsert; and the rows of tasks about to start, shown as being assigned.
import type { PoolClient, Pool } from 'pg';
import type { PlannedTask } from '../domain/plan';
import type { LocalDate } from '../domain/schemas';
import type { DirectiveSummary, TaskState } from '../workflows/types';
import { vietnamCalendar } from '../domain/calendar';
import { factsOfRow } from '../domain/board';
import { taskStatus, type TaskStatus } from '../domain/status';
import type { TaskRecord, TaskRow } from './read-model';

/** An instant as a timestamptz column takes it; null when there is none. */
export const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/**
 * A task's status from its row, by the rules the board's SQL counts with: a returned report is due
 * back by its revision day, a request for more time waits for the office's decision.
 */
export const statusOfTaskRow = (row: TaskRow, now: number): TaskStatus =>
  taskStatus(
    factsOfRow({
      state: row.state,
      deadline: row.deadline,
      originalDeadline: row.original_deadline,
      doneAt: row.done_at?.getTime(),
      submittedAt: row.submitted_at?.getTime(),
      revisionDue: row.revision_due ?? undefined,
      extensionPending: row.snapshot.state.extension !== undefined,
    }),
    now,
    vietnamCalendar(),
  );

/** The row's state: a task is "being assigned" (đang giao) until its assignment is out. */
const rowState = (s: TaskState): string => (s.phase === 'open' && s.assignedAt === undefined ? 'assigning' : s.phase);

/** The task's row; its reports and escalations too, unless the row stored is as new or newer. */
export async function upsertTaskRows(c: PoolClient, r: TaskRecord): Promise<void> {
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

/** A task's state before its workflow has written its own: open, not yet assigned, version 0. */
export const unstartedState = (deadline: LocalDate): TaskState => ({
  phase: 'open',
  deadline,
  originalDeadline: deadline,
  deadlineSince: 0,
  deadlineChanges: [],
  reports: [],
  extensions: [],
  chases: [],
  escalationLevel: 0,
  cursor: 0,
  version: 0,
});

/** Rows for tasks about to start, shown as being assigned; a row already there is left alone. */
export async function insertPlannedTasks(
  pool: Pool,
  directive: DirectiveSummary,
  planned: PlannedTask[],
): Promise<void> {
  if (planned.length === 0) return;
  const rows = planned.map((t): TaskRecord => ({
    workflowId: t.workflowId,
    directive,
    spec: t.spec,
    cycle: t.cycle,
    state: unstartedState(t.deadline),
  }));
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
}
