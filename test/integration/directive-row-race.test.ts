// Two launches of one number at the same instant (a double click) write the directive's row at
// once: against a real PostgreSQL, neither may fail on the row's other unique key.
import { migrate } from '../../db/migrate';
import { createPool } from '../../db/pool';
import { createReadModel } from '../../db/read-model';
import { freshDatabase } from '../helpers/stack';

test('concurrent first writes of one directive row all succeed and leave one row', async () => {
  const url = await freshDatabase();
  await migrate(url);
  const pool = createPool(url, 8);
  try {
    const model = createReadModel(pool);
    for (let round = 0; round < 200; round++) {
      const number = `${round + 1}/RACE-VP`;
      const write = () =>
        model.upsertDirective({
          workflowId: `directive:${number}`,
          number,
          directive: {
            number,
            title: 'Kiểm tra ghi đồng thời',
            issuer: 'UBND tỉnh',
            issuedOn: '2026-12-01',
            tasks: [],
          } as never,
          phase: 'running',
          launchedAt: Date.now(),
          version: 0,
          summary: {},
        });
      await Promise.all(Array.from({ length: 6 }, write));
    }
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM directives WHERE number LIKE '%/RACE-VP'`);
    expect(rows[0].n).toBe(200);
  } finally {
    await pool.end();
  }
});
