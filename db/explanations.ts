// Requests for explanation (yêu cầu giải trình) in the read model: written by the explanation's
// own workflow with the same versioned upsert as a task (an older version never overwrites a
// newer one), read by the pages that show the answer beside the task it is about.
import type { Pool } from 'pg';
import type { TaskRecord } from './read-model';

export interface ExplanationRow {
  workflow_id: string;
  about_workflow_id: string;
  directive_number: string;
  unit_code: string;
  asked_by: string;
  question: string;
  deadline: string;
  /** 'assigning' until the request is out, then the workflow's phase: 'done' once answered. */
  state: string;
  asked_at: Date | null;
  answered_at: Date | null;
  answer: string | null;
  attachments: { name: string; sha256: string; bytes: number }[];
  escalation_level: number;
  snapshot: TaskRecord;
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export async function upsertExplanation(pool: Pool, r: TaskRecord): Promise<void> {
  const s = r.state;
  const answer = s.reports.at(-1);
  await pool.query(
    `INSERT INTO explanations (workflow_id, about_workflow_id, directive_number, unit_code, asked_by, question, deadline, state,
       asked_at, answered_at, answer, attachments, escalation_level, snapshot, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
     ON CONFLICT (workflow_id) DO UPDATE SET asked_by=$5, question=$6, deadline=$7, state=$8, asked_at=$9, answered_at=$10, answer=$11,
       attachments=$12, escalation_level=$13, snapshot=$14, version=$15, updated_at=now()
     WHERE explanations.version < EXCLUDED.version`,
    [
      r.workflowId,
      r.explanation!.about,
      r.directive.key,
      r.spec.unit,
      r.explanation!.askedBy,
      r.spec.body,
      s.deadline,
      s.phase === 'open' && s.assignedAt === undefined ? 'assigning' : s.phase,
      iso(s.assignedAt),
      iso(answer?.submittedAt),
      answer?.text ?? null,
      JSON.stringify(answer?.attachments ?? []),
      s.escalationLevel,
      JSON.stringify(r),
      s.version,
    ],
  );
}

export async function explanation(pool: Pool, workflowId: string): Promise<ExplanationRow | undefined> {
  const { rows } = await pool.query('SELECT * FROM explanations WHERE workflow_id = $1', [workflowId]);
  return rows[0];
}

/** The explanations asked about each of these tasks, oldest first. */
export async function explanationsAbout(pool: Pool, taskIds: string[]): Promise<Map<string, ExplanationRow[]>> {
  const found = new Map<string, ExplanationRow[]>();
  if (taskIds.length === 0) return found;
  const { rows } = await pool.query<ExplanationRow>(
    `SELECT * FROM explanations WHERE about_workflow_id = ANY($1) ORDER BY asked_at NULLS LAST, workflow_id`,
    [taskIds],
  );
  for (const r of rows) found.set(r.about_workflow_id, [...(found.get(r.about_workflow_id) ?? []), r]);
  return found;
}
