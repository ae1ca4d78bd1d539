import { Pool, types } from 'pg';

// Dates stay `YYYY-MM-DD` strings: a deadline is a day in Vietnam, not an instant.
types.setTypeParser(1082, (v: string) => v);

export function createPool(databaseUrl: string, max = 10): Pool {
  return new Pool({ connectionString: databaseUrl, max, application_name: 'dondoc' });
}
export type { Pool };
