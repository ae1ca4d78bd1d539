// The label each unit carries in the pages' lists (units.label): recomputed over the whole
// directory after every write of it, since a unit added in one province can make a name shared.
import type { ClientBase, Pool } from 'pg';
import { choiceLabels } from '../domain/unit-tree';

export async function refreshUnitLabels(c: Pool | ClientBase): Promise<void> {
  const { rows } = await c.query('SELECT code, name, parent FROM units');
  const labels = choiceLabels(rows);
  await c.query(
    `UPDATE units SET label = x.label FROM unnest($1::text[], $2::text[]) AS x(code, label)
      WHERE units.code = x.code AND units.label IS DISTINCT FROM x.label`,
    [[...labels.keys()], [...labels.values()]],
  );
}
