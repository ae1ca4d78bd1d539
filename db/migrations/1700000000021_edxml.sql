-- Up Migration
-- Units carry their code on the national document exchange (mã định danh), to match edXML
-- packages and to address status packages.
ALTER TABLE units ADD COLUMN organ_id text;

-- A directive that arrived as an edXML package: the document it came from, so that the progress
-- of its tasks can go back as status packages answering that document.
CREATE TABLE edxml_origins (
  directive_number  text PRIMARY KEY,
  document_id       text NOT NULL,
  from_organ_id     text NOT NULL,
  from_organ_name   text NOT NULL,
  code              text NOT NULL,
  promulgation_date date,
  recorded_at       timestamptz NOT NULL DEFAULT now()
);

-- Outgoing edXML packages, as the mail outbox: written once under a business key, claimed
-- ('sending') and committed before delivery, delivered once; a failed delivery goes back to
-- 'pending' for the next attempt.
CREATE TABLE edxml_outbox (
  key              text PRIMARY KEY,
  purpose          text NOT NULL,
  directive_number text,
  task_workflow_id text,
  to_organ_ids     text[] NOT NULL,
  file_name        text NOT NULL,
  package          bytea NOT NULL,
  status           text NOT NULL DEFAULT 'pending',
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  delivered_to     text[] NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now(),
  claimed_at       timestamptz,
  sent_at          timestamptz
);
CREATE INDEX edxml_outbox_attention ON edxml_outbox (created_at) WHERE status IN ('failed', 'in_doubt');

-- Down Migration
DROP TABLE edxml_outbox;
DROP TABLE edxml_origins;
ALTER TABLE units DROP COLUMN organ_id;
