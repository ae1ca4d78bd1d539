// What a scorecard is computed from (domain/scorecard.ts): the tasks due in a period, the support
// tasks of its lead tasks, the units with the unit each merged one answers as now, and the
// policy the office set. Requests for explanation have their own table and are never read here.
import type { Pool } from 'pg';
import type { ScorecardTask, ScorecardUnit } from '../domain/scorecard';
import type { ScorePeriod } from '../domain/scorecard-period';
import {
  DEFAULT_POLICY_YAML,
  DEFAULT_SCORECARD_POLICY,
  ScorecardPolicySchema,
  type ScorecardPolicy,
} from '../domain/scorecard-policy';

const TASK_FACTS = `t.workflow_id, t.directive_number, t.unit_code, t.cycle, t.role, t.snapshot->'spec'->>'supports' AS supports,
  t.deadline, t.state, t.done_at, t.submitted_at, t.revision_due,
  (SELECT count(*)::int FROM jsonb_array_elements(t.snapshot->'state'->'reports') r WHERE r->>'review' = 'returned') AS returns,
  (jsonb_array_length(coalesce(t.snapshot->'state'->'extensions', '[]'::jsonb)) + (t.snapshot->'state' ? 'extension')::int) AS asked,
  (SELECT count(*)::int FROM jsonb_array_elements(t.snapshot->'state'->'extensions') e WHERE e->>'decided' = 'approved') AS granted`;

/** The tasks due in the period, and every support task of the directives and cycles of its lead tasks. */
export async function scorecardTasks(pool: Pool, period: ScorePeriod): Promise<ScorecardTask[]> {
  const { rows } = await pool.query(
    `WITH due AS (SELECT * FROM tasks WHERE deadline BETWEEN $1 AND $2 AND state NOT IN ('cancelled', 'assigning'))
     SELECT ${TASK_FACTS} FROM due t
     UNION
     SELECT ${TASK_FACTS} FROM tasks t
      WHERE t.role = 'support' AND t.state <> 'cancelled'
        AND (t.directive_number, t.cycle) IN (SELECT directive_number, cycle FROM due WHERE role = 'lead')`,
    [period.first, period.last],
  );
  return rows.map((r): ScorecardTask => ({
    id: r.workflow_id,
    directive: r.directive_number,
    unit: r.unit_code,
    cycle: r.cycle,
    role: r.role === 'support' ? 'support' : 'lead',
    ...(r.supports ? { supports: r.supports } : {}),
    deadline: r.deadline,
    state: r.state,
    ...(r.state === 'done' ? { doneAt: (r.done_at ?? r.submitted_at)?.getTime() } : {}),
    ...(r.state === 'submitted' && r.submitted_at ? { submittedAt: r.submitted_at.getTime() } : {}),
    ...(r.revision_due ? { revisionDue: r.revision_due } : {}),
    returns: r.returns,
    extensionsAsked: r.asked,
    extensionsGranted: r.granted,
  }));
}

export interface ScoredUnit extends ScorecardUnit {
  kind: string;
}

export async function scorecardUnits(pool: Pool): Promise<ScoredUnit[]> {
  const { rows } = await pool.query('SELECT code, coalesce(label, name) AS name, kind, merged_into FROM units');
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    ...(r.merged_into ? { mergedInto: r.merged_into } : {}),
  }));
}

export interface PolicyInForce {
  policy: ScorecardPolicy;
  /** The YAML the office wrote (or the default's). */
  source: string;
  setBy?: string;
  setAt?: Date;
}

/** The newest policy the office set, or the default. */
export async function policyInForce(pool: Pool): Promise<PolicyInForce> {
  const { rows } = await pool.query(
    'SELECT source, policy, set_by, set_at FROM scorecard_policies ORDER BY id DESC LIMIT 1',
  );
  const r = rows[0];
  if (!r) return { policy: DEFAULT_SCORECARD_POLICY, source: DEFAULT_POLICY_YAML };
  // Stored only after it was checked; checked again, so a policy edited by hand in the database cannot break the page.
  const parsed = ScorecardPolicySchema.safeParse(r.policy);
  return parsed.success
    ? { policy: parsed.data, source: r.source, setBy: r.set_by, setAt: r.set_at }
    : { policy: DEFAULT_SCORECARD_POLICY, source: DEFAULT_POLICY_YAML };
}

export async function savePolicy(pool: Pool, source: string, policy: ScorecardPolicy, setBy: string): Promise<void> {
  await pool.query('INSERT INTO scorecard_policies (source, policy, set_by) VALUES ($1, $2, $3)', [
    source,
    JSON.stringify(policy),
    setBy,
  ]);
}
