// Reads of the tasks table beyond the read model's own (read-model.ts), for the web pages.
import type { Pool } from 'pg';
import type { TaskRecord } from './read-model';

export interface OpenTaskOfAddress {
  workflowId: string;
  task: TaskRecord;
  unit: { code: string; name: string };
}

/** Tasks still open for the units an address belongs to, as its mailbox or its head's. */
export async function openTasksOfAddress(pool: Pool, address: string, limit = 50): Promise<OpenTaskOfAddress[]> {
  const { rows } = await pool.query(
    `SELECT t.workflow_id, t.snapshot, u.code, u.name FROM units u JOIN tasks t ON t.unit_code = u.code
     WHERE (EXISTS (SELECT 1 FROM unnest(u.emails) e WHERE lower(e) = $1) OR lower(u.head_email) = $1)
       AND t.state IN ('open', 'returned', 'submitted')
     ORDER BY t.deadline, t.workflow_id LIMIT $2`,
    [address.toLowerCase(), limit],
  );
  return rows.map((r) => ({ workflowId: r.workflow_id, task: r.snapshot, unit: { code: r.code, name: r.name } }));
}
