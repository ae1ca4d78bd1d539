-- Up Migration
-- A report waiting for the office's review does not complete its task: only the accepted report
-- does, on time or late by its own submission time. The tally keeps such tasks apart ('pending'),
-- so the board can show them beside its four buckets without calling them done.
ALTER TABLE task_tally DROP CONSTRAINT task_tally_kind_check;
ALTER TABLE task_tally ADD CONSTRAINT task_tally_kind_check CHECK (kind IN ('open', 'pending', 'on_time', 'late', 'cancelled'));

-- Mirrors domain/status.ts: done when the report is accepted, on time when the accepted report
-- came by 17:00 (UTC+7, so 10:00 UTC) on the deadline day in force.
CREATE OR REPLACE FUNCTION task_tally_kind(state text, deadline date, done_at timestamptz, submitted_at timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN state = 'cancelled' THEN 'cancelled'
    WHEN state = 'done' THEN
      CASE WHEN coalesce(done_at, submitted_at) <= (deadline + time '10:00') AT TIME ZONE 'UTC' THEN 'on_time' ELSE 'late' END
    WHEN state = 'submitted' THEN 'pending'
    ELSE 'open'
  END
$$;

SELECT task_tally_rebuild();

-- Down Migration
CREATE OR REPLACE FUNCTION task_tally_kind(state text, deadline date, done_at timestamptz, submitted_at timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN state = 'cancelled' THEN 'cancelled'
    WHEN state IN ('done', 'submitted') THEN
      CASE WHEN coalesce(done_at, submitted_at) <= (deadline + time '10:00') AT TIME ZONE 'UTC' THEN 'on_time' ELSE 'late' END
    ELSE 'open'
  END
$$;
SELECT task_tally_rebuild();
ALTER TABLE task_tally DROP CONSTRAINT task_tally_kind_check;
ALTER TABLE task_tally ADD CONSTRAINT task_tally_kind_check CHECK (kind IN ('open', 'on_time', 'late', 'cancelled'));
