// Reads of the tasks table beyond the read model's own (read-model.ts), for the web pages.
import type { Pool } from 'pg';
import type { TaskRecord } from './read-model';

export interface OpenTaskOfAddress {
  workflowId: string;
  task: TaskRecord;
  unit: { code: string; name: string };
}

/**
 * Tasks and requests for explanation still open for the units an address belongs to today, as
 * their mailbox, their head's or their focal point's: an address the office removed opens nothing.
 */
export async function openTasksOfAddress(pool: Pool, address: string, limit = 50): Promise<OpenTaskOfAddress[]> {
  const { rows } = await pool.query(
    `WITH mine AS (
       SELECT u.code, u.name FROM units u
        WHERE EXISTS (SELECT 1 FROM unnest(u.emails) e WHERE lower(e) = $1) OR lower(u.head_email) = $1
           OR lower(u.focal_email) = $1
     )
     SELECT * FROM (
       SELECT t.workflow_id, t.snapshot, t.deadline, m.code, m.name FROM mine m JOIN tasks t ON t.unit_code = m.code
        WHERE t.state IN ('open', 'returned', 'submitted')
       UNION ALL
       SELECT x.workflow_id, x.snapshot, x.deadline, m.code, m.name FROM mine m JOIN explanations x ON x.unit_code = m.code
        WHERE x.state IN ('open', 'returned')
     ) open ORDER BY deadline, workflow_id LIMIT $2`,
    [address.toLowerCase(), limit],
  );
  return rows.map((r) => ({ workflowId: r.workflow_id, task: r.snapshot, unit: { code: r.code, name: r.name } }));
}
