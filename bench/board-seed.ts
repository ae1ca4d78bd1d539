// Seeds the read model with many tasks in one statement (generate_series), for the board
// benchmark and the index tests. Deadlines spread over 500 days around the overdue cutoff, four
// fifths of them past; an eighth of the past tasks are still open (overdue), the others done,
// one in five of those late.
import type { Pool } from 'pg';
import { addDays } from '../domain/calendar';
import { overdueCutoff } from '../domain/board';

export interface SeedOptions {
  tasks: number;
  units: number;
  now: number;
}

export interface Seeded {
  directives: number;
  firstDeadline: string;
  cutoff: string;
}

/** Days of deadlines, and how many of them lie after the cutoff. */
const SPREAD = 500;
const FUTURE = 100;

export async function seedBoard(pool: Pool, o: SeedOptions): Promise<Seeded> {
  const cutoff = overdueCutoff(o.now);
  const first = addDays(cutoff, -(SPREAD - FUTURE - 1));
  const directives = Math.ceil(o.tasks / o.units);
  await pool.query(
    `INSERT INTO units (code, name, kind, emails)
     SELECT 'U' || lpad(u::text, 4, '0'), 'Đơn vị số ' || u, 'department', ARRAY['vanthu' || u || '@donvi.example.vn']
     FROM generate_series(1, $1) u ON CONFLICT (code) DO NOTHING`,
    [o.units],
  );
  await pool.query(
    `INSERT INTO directives (number, workflow_id, title, issuer, issued_on, spec, state, launched_at, version)
     SELECT d || '/BENCH', 'directive:' || d || '/BENCH', 'Văn bản thử số ' || d, 'UBND tỉnh Ninh Bình', $2::date, '{}'::jsonb, 'running', $3::timestamptz, 1
     FROM generate_series(1, $1) d ON CONFLICT (number) DO NOTHING`,
    [directives, first, new Date(o.now - 600 * 86_400_000).toISOString()],
  );
  // The tally is rebuilt once at the end instead of row by row.
  await pool.query('ALTER TABLE tasks DISABLE TRIGGER tasks_tally');
  try {
    await pool.query(
      `INSERT INTO tasks (workflow_id, directive_number, unit_code, role, title, deadline, original_deadline, state, submitted_at, done_at,
         escalation_level, last_chase_at, snapshot, version)
       SELECT 'task:' || d || '/BENCH:' || u, d || '/BENCH', u, 'lead', 'Nhiệm vụ ' || g, dl, dl, st,
         CASE WHEN st = 'done' THEN fin END, CASE WHEN st = 'done' THEN fin END,
         CASE WHEN st = 'open' AND dl <= $3::date THEN (g / 8) % 4 ELSE 0 END,
         CASE WHEN st = 'open' AND dl <= $3::date THEN (dl + 1)::timestamp + time '01:00' END,
         jsonb_build_object('state', jsonb_build_object('assignedAt', $5::bigint)), 1
       FROM (
         SELECT g, (g / $2) + 1 AS d, 'U' || lpad(((g % $2) + 1)::text, 4, '0') AS u,
                $4::date + ((g / $2) % ${SPREAD})::int AS dl
         FROM generate_series(0, $1 - 1) g
       ) s,
       LATERAL (SELECT CASE
           WHEN dl > $3::date THEN CASE WHEN g % 3 = 0 THEN 'done' ELSE 'open' END
           WHEN g % 8 = 0 THEN 'open'
           ELSE 'done' END AS st,
         -- done at 09:00 on the deadline day (on time) or a week later for one in five (late); early if not yet due
         CASE WHEN dl > $3::date THEN $6::timestamptz
              ELSE ((dl + CASE WHEN g % 5 = 1 THEN 7 ELSE 0 END)::timestamp + time '02:00') AT TIME ZONE 'UTC' END AS fin) k`,
      [o.tasks, o.units, cutoff, first, o.now - 600 * 86_400_000, new Date(o.now - 86_400_000).toISOString()],
    );
  } finally {
    await pool.query('ALTER TABLE tasks ENABLE TRIGGER tasks_tally');
  }
  await pool.query('SELECT task_tally_rebuild()');
  await pool.query('VACUUM ANALYZE tasks');
  await pool.query('VACUUM ANALYZE task_tally');
  return { directives, firstDeadline: first, cutoff };
}
