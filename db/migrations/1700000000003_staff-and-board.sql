-- Up Migration
-- People of the office and the leadership, who log in (departments never do: they use links),
-- and what the supervisor board reads all day.

CREATE TABLE users (
  id             bigserial PRIMARY KEY,
  email          text NOT NULL UNIQUE CHECK (email = lower(email)),
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('coordinator', 'supervisor', 'admin')),
  password_hash  text NOT NULL,
  totp_secret    text,
  -- The last TOTP time step accepted: a code is good once, so a watched code cannot be replayed.
  totp_last_step bigint NOT NULL DEFAULT 0,
  failed_logins  integer NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of the session id is kept, like department links: the table alone logs nobody in.
CREATE TABLE sessions (
  id_hash    bytea PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The overdue list, filtered by directive, unit or escalation level, oldest deadline first.
CREATE INDEX tasks_open_directive ON tasks (directive_number, deadline) WHERE state IN ('open', 'returned');
CREATE INDEX tasks_open_unit ON tasks (unit_code, deadline) WHERE state IN ('open', 'returned');
-- One unit's bucket counts read this index alone.
CREATE INDEX tasks_unit_outcome ON tasks (unit_code) INCLUDE (state, deadline, done_at, submitted_at);
CREATE INDEX tasks_open_level ON tasks (escalation_level, deadline) WHERE state IN ('open', 'returned');
-- The chart of overdue tasks by unit reads this index alone.
CREATE INDEX tasks_open_deadline_unit ON tasks (deadline) INCLUDE (unit_code) WHERE state IN ('open', 'returned');
-- The monthly overview of one unit or directive reads its tasks by deadline.
CREATE INDEX tasks_deadline ON tasks (deadline);

-- The board's four official buckets over every task would read a million rows on each view. This
-- tally keeps counts by outcome and deadline day instead, written by a trigger on tasks: an open
-- task's bucket (in progress or overdue) then depends only on whether its deadline day is past.
-- Rows are spread over 8 slots so that tasks of one directive, which share a deadline, do not all
-- wait on one row.
CREATE TABLE task_tally (
  kind     text NOT NULL CHECK (kind IN ('open', 'on_time', 'late', 'cancelled')),
  deadline date NOT NULL,
  slot     smallint NOT NULL,
  n        bigint NOT NULL,
  PRIMARY KEY (kind, deadline, slot)
);
-- The weekly trend reads a few weeks of deadlines.
CREATE INDEX task_tally_deadline ON task_tally (deadline) INCLUDE (kind, n);

-- Open tasks by unit and deadline week, for the chart of overdue tasks by unit: whole weeks come
-- from here, the days of the current week from the tasks themselves.
CREATE TABLE task_open_by_unit (
  unit_code text NOT NULL,
  week      date NOT NULL,
  n         bigint NOT NULL,
  PRIMARY KEY (unit_code, week)
);

-- Mirrors domain/status.ts: a submitted or accepted report completes the task, on time when it
-- came by 17:00 (UTC+7, so 10:00 UTC) on the deadline day in force.
CREATE FUNCTION task_tally_kind(state text, deadline date, done_at timestamptz, submitted_at timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN state = 'cancelled' THEN 'cancelled'
    WHEN state IN ('done', 'submitted') THEN
      CASE WHEN coalesce(done_at, submitted_at) <= (deadline + time '10:00') AT TIME ZONE 'UTC' THEN 'on_time' ELSE 'late' END
    ELSE 'open'
  END
$$;

CREATE FUNCTION task_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One statement, rows in key order: concurrent writers lock tally rows in the same order.
  INSERT INTO task_tally AS t (kind, deadline, slot, n)
  SELECT d.kind, d.deadline, d.slot, sum(d.delta)
  FROM (
    SELECT task_tally_kind(OLD.state, OLD.deadline, OLD.done_at, OLD.submitted_at) AS kind, OLD.deadline AS deadline,
           (hashtext(OLD.workflow_id) & 7)::smallint AS slot, -1 AS delta
    WHERE TG_OP IN ('UPDATE', 'DELETE')
    UNION ALL
    SELECT task_tally_kind(NEW.state, NEW.deadline, NEW.done_at, NEW.submitted_at), NEW.deadline,
           (hashtext(NEW.workflow_id) & 7)::smallint, 1
    WHERE TG_OP IN ('INSERT', 'UPDATE')
  ) d
  GROUP BY d.kind, d.deadline, d.slot
  HAVING sum(d.delta) <> 0
  ORDER BY d.kind, d.deadline, d.slot
  ON CONFLICT (kind, deadline, slot) DO UPDATE SET n = t.n + EXCLUDED.n;
  INSERT INTO task_open_by_unit AS u (unit_code, week, n)
  SELECT d.unit_code, d.week, sum(d.delta)
  FROM (
    SELECT OLD.unit_code AS unit_code, date_trunc('week', OLD.deadline)::date AS week, -1 AS delta
    WHERE TG_OP IN ('UPDATE', 'DELETE') AND OLD.state IN ('open', 'returned')
    UNION ALL
    SELECT NEW.unit_code, date_trunc('week', NEW.deadline)::date, 1
    WHERE TG_OP IN ('INSERT', 'UPDATE') AND NEW.state IN ('open', 'returned')
  ) d
  GROUP BY d.unit_code, d.week
  HAVING sum(d.delta) <> 0
  ORDER BY d.unit_code, d.week
  ON CONFLICT (unit_code, week) DO UPDATE SET n = u.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION task_tally_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM task_tally;
  INSERT INTO task_tally (kind, deadline, slot, n)
  SELECT task_tally_kind(state, deadline, done_at, submitted_at), deadline, (hashtext(workflow_id) & 7)::smallint, count(*)
  FROM tasks GROUP BY 1, 2, 3;
  DELETE FROM task_open_by_unit;
  INSERT INTO task_open_by_unit (unit_code, week, n)
  SELECT unit_code, date_trunc('week', deadline)::date, count(*) FROM tasks WHERE state IN ('open', 'returned') GROUP BY 1, 2;
$$;

CREATE FUNCTION task_tally_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_tally;
  DELETE FROM task_open_by_unit;
  RETURN NULL;
END $$;

CREATE TRIGGER tasks_tally AFTER INSERT OR DELETE OR UPDATE OF state, deadline, done_at, submitted_at ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_tally_apply();
CREATE TRIGGER tasks_tally_truncate AFTER TRUNCATE ON tasks FOR EACH STATEMENT EXECUTE FUNCTION task_tally_clear();

SELECT task_tally_rebuild();

-- Down Migration
DROP TRIGGER tasks_tally_truncate ON tasks;
DROP TRIGGER tasks_tally ON tasks;
DROP FUNCTION task_tally_clear(), task_tally_rebuild(), task_tally_apply(), task_tally_kind(text, date, timestamptz, timestamptz);
DROP TABLE task_open_by_unit, task_tally, sessions, users;
DROP INDEX tasks_open_directive, tasks_open_unit, tasks_unit_outcome, tasks_open_level, tasks_open_deadline_unit, tasks_deadline;
