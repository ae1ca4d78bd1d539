import { Pool, types } from 'pg';

// Dates stay `YYYY-MM-DD` strings: a deadline is a day in Vietnam, not an instant.
types.setTypeParser(1082, (v: string) => v);

export function createPool(databaseUrl: string, max = 10): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, application_name: 'dondoc' });
  // An idle connection closed by the server (a restart, or the embedded one stopping first on
  // Ctrl-C) is dropped and replaced by the pool; without a listener it would end the process.
  pool.on('error', () => undefined);
  // The pool listens only to idle clients. A client checked out for a transaction whose
  // connection drops between two queries emits 'error' itself, and with no listener that ended
  // the worker in the middle of a PostgreSQL outage. The error reaches the transaction through
  // its next query; the client leaves the pool when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
export type { Pool };

/** Whether PostgreSQL answers at all (/readyz). */
export async function ping(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}
