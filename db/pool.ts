import { Pool, types } from 'pg';

// Dates stay `YYYY-MM-DD` strings: a deadline is a day in Vietnam, not an instant.
types.setTypeParser(1082, (v: string) => v);

export function createPool(databaseUrl: string, max = 10): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, application_name: 'dondoc' });
  // An idle connection closed by the server (a restart, or the embedded one stopping first on
  // Ctrl-C) is dropped and replaced by the pool; without a listener it would end the process.
  pool.on('error', () => undefined);
  return pool;
}
export type { Pool };
