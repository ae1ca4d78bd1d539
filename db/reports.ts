// Reports as the read model keeps them, for the consolidated report.
import type { Pool } from 'pg';

export interface AcceptedValues {
  unit: string;
  unitName: string;
  cycle: string;
  values: Record<string, number>;
}

/** The indicator values of every accepted report of a directive, with the unit's name. */
export async function acceptedReportValues(pool: Pool, directive: string): Promise<AcceptedValues[]> {
  const { rows } = await pool.query(
    `SELECT t.unit_code, coalesce(u.label, u.name, t.unit_code) AS unit_name, t.cycle, r.indicators
     FROM tasks t JOIN reports r ON r.task_workflow_id = t.workflow_id LEFT JOIN units u ON u.code = t.unit_code
     WHERE t.directive_number = $1 AND r.review = 'accepted'`,
    [directive],
  );
  return rows.map((x) => ({ unit: x.unit_code, unitName: x.unit_name, cycle: x.cycle, values: x.indicators }));
}

/** The units with a task in a directive that is not cancelled: those whose report is awaited. */
export async function reportingUnits(pool: Pool, directive: string): Promise<{ unit: string; unitName: string }[]> {
  const { rows } = await pool.query(
    `SELECT DISTINCT t.unit_code, coalesce(u.label, u.name, t.unit_code) AS unit_name
     FROM tasks t LEFT JOIN units u ON u.code = t.unit_code
     WHERE t.directive_number = $1 AND t.state <> 'cancelled' AND t.snapshot->>'explanation' IS NULL`,
    [directive],
  );
  return rows.map((x) => ({ unit: x.unit_code, unitName: x.unit_name }));
}
