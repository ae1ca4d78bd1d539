-- Up Migration
-- Requests for explanation (yêu cầu giải trình) about a task: chased like a task, answered like a
-- report, but kept out of the tasks table, so that the board, the monthly overview, the
-- consolidated report and the scorecards never count them. Written by the explanation's own
-- workflow with the same versioned upsert as a task's row.
CREATE TABLE explanations (
  workflow_id       text PRIMARY KEY,
  about_workflow_id text NOT NULL,
  directive_number  text NOT NULL,
  unit_code         text NOT NULL,
  asked_by          text NOT NULL,
  question          text NOT NULL,
  deadline          date NOT NULL,
  state             text NOT NULL,
  asked_at          timestamptz,
  answered_at       timestamptz,
  answer            text,
  attachments       jsonb NOT NULL DEFAULT '[]',
  escalation_level  integer NOT NULL DEFAULT 0,
  snapshot          jsonb NOT NULL,
  version           bigint NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX explanations_about ON explanations (about_workflow_id);
CREATE INDEX explanations_unit_open ON explanations (unit_code) WHERE state IN ('open', 'returned');

-- Down Migration
DROP TABLE explanations;
