// The connection pool against a real PostgreSQL: a connection that drops while a transaction
// holds it fails that transaction and nothing else (in a PostgreSQL outage it ended the worker).
import { once } from 'node:events';
import { createPool } from '../../db/pool';
import { inTransaction } from '../../db/transaction';
import { freshDatabase } from '../helpers/stack';

test('a connection dropped between two queries of a transaction fails the transaction, not the process, and the pool goes on', async () => {
  const pool = createPool(await freshDatabase(), 2);
  try {
    const failed = inTransaction(pool, async (c) => {
      const { rows } = await c.query('SELECT pg_backend_pid() AS pid');
      const closed = once((c as unknown as { connection: { stream: NodeJS.EventEmitter } }).connection.stream, 'close');
      await pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      // The server has closed the connection while no query of it was running.
      await closed;
      await c.query('SELECT 1');
    });
    await expect(failed).rejects.toThrow(/terminat|not queryable/i);
    const again = await Promise.all(
      [1, 2, 3].map((n) => inTransaction(pool, async (c) => (await c.query('SELECT $1::int AS n', [n])).rows[0].n)),
    );
    expect(again).toEqual([1, 2, 3]);
    expect(pool.totalCount).toBeLessThanOrEqual(2);
  } finally {
    await pool.end();
  }
});
