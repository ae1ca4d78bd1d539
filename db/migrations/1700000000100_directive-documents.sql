-- Up Migration
-- A directive's document (its tasks) is stored once, at launch, and read a batch at a time by its
-- workflow, so that a directive of any size starts with a small input (a claim check). Unlike the
-- read model it cannot be rebuilt from Temporal: back it up with the database. A key is never
-- reused: a provincial directive is keyed by its number, a sub-directive under the task it came from.
CREATE TABLE directive_documents (
  key                     text PRIMARY KEY,
  number                  text NOT NULL,
  sha256                  text NOT NULL,
  document                jsonb NOT NULL,
  parent_task_workflow_id text,
  stored_at               timestamptz NOT NULL DEFAULT now()
);

-- A task is "being assigned" (đang giao) from its directive's plan until its assignment is out;
-- a returned report has its own due date, never before the deadline.
ALTER TABLE tasks ADD COLUMN assigned_at timestamptz, ADD COLUMN revision_due date;
CREATE INDEX tasks_directive_open ON tasks (directive_number, workflow_id) WHERE state NOT IN ('done', 'cancelled');

-- Down Migration
DROP INDEX tasks_directive_open;
ALTER TABLE tasks DROP COLUMN assigned_at, DROP COLUMN revision_due;
DROP TABLE directive_documents;
