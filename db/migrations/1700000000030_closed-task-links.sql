-- Up Migration
-- When each task closed, for its links: a closed task's links (those mailed before, the
-- cancellation notice's own, any issued later) stay usable 30 days from the close, to read the
-- outcome, and no longer (db/links.ts).
CREATE TABLE link_closures (
  task_workflow_id text PRIMARY KEY,
  closed_at timestamptz NOT NULL
);

-- Tasks closed before this table existed: their close is their last write, and links issued after
-- it (a cancellation notice's, good for 400 days) are cut back to the grace period.
INSERT INTO link_closures (task_workflow_id, closed_at)
SELECT workflow_id, coalesce(done_at, updated_at) FROM tasks WHERE state IN ('done', 'cancelled');
UPDATE links l SET expires_at = c.closed_at + interval '30 days'
  FROM link_closures c
 WHERE c.task_workflow_id = l.task_workflow_id AND l.expires_at > c.closed_at + interval '30 days';

-- Down Migration
DROP TABLE link_closures;
