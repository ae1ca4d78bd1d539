-- Up Migration
-- The read model: what dashboards and department pages show. Temporal holds the truth; every
-- row here is written by an idempotent upsert and can be rebuilt from the workflows.

CREATE TABLE units (
  code              text PRIMARY KEY,
  name              text NOT NULL,
  kind              text NOT NULL,
  emails            text[] NOT NULL,
  head_name         text,
  head_email        text,
  parent            text,
  supervisor_emails text[] NOT NULL DEFAULT '{}',
  steering_emails   text[] NOT NULL DEFAULT '{}',
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE unit_groups (
  code    text PRIMARY KEY,
  name    text NOT NULL,
  members text[] NOT NULL
);

CREATE TABLE directives (
  number      text PRIMARY KEY,
  workflow_id text NOT NULL UNIQUE,
  title       text NOT NULL,
  issuer      text NOT NULL,
  issued_on   date NOT NULL,
  spec        jsonb NOT NULL,
  state       text NOT NULL,
  launched_at timestamptz NOT NULL,
  closed_at   timestamptz,
  version     bigint NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tasks (
  workflow_id       text PRIMARY KEY,
  directive_number  text NOT NULL,
  unit_code         text NOT NULL,
  cycle             text NOT NULL DEFAULT '',
  role              text NOT NULL,
  title             text NOT NULL,
  deadline          date NOT NULL,
  original_deadline date NOT NULL,
  state             text NOT NULL,
  submitted_at      timestamptz,
  done_at           timestamptz,
  escalation_level  integer NOT NULL DEFAULT 0,
  last_chase_at     timestamptz,
  extension_pending boolean NOT NULL DEFAULT false,
  snapshot          jsonb NOT NULL,
  version           bigint NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_directive ON tasks (directive_number, unit_code);
CREATE INDEX tasks_open_deadline ON tasks (deadline) WHERE state IN ('open', 'returned');
CREATE INDEX tasks_unit ON tasks (unit_code, deadline);

CREATE TABLE reports (
  receipt          text PRIMARY KEY,
  task_workflow_id text NOT NULL,
  submission_id    text NOT NULL,
  submitted_at     timestamptz NOT NULL,
  submitted_by     text NOT NULL,
  body             text NOT NULL,
  indicators       jsonb NOT NULL DEFAULT '{}',
  attachments      jsonb NOT NULL DEFAULT '[]',
  review           text NOT NULL DEFAULT 'pending',
  review_comment   text,
  UNIQUE (task_workflow_id, submission_id)
);

-- Every message is written here first under a key made of business ids, then sent: a retried
-- activity finds the key and never sends twice.
CREATE TABLE outbox (
  key              text PRIMARY KEY,
  message_id       text NOT NULL UNIQUE,
  purpose          text NOT NULL,
  directive_number text,
  task_workflow_id text,
  recipients       text[] NOT NULL,
  subject          text NOT NULL,
  body_text        text,
  body_html        text,
  status           text NOT NULL DEFAULT 'pending',
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX outbox_task ON outbox (task_workflow_id, created_at);

-- Department links: only a hash of the token is kept, so a stolen table opens nothing.
CREATE TABLE links (
  token_hash       bytea PRIMARY KEY,
  task_workflow_id text NOT NULL,
  recipient        text NOT NULL,
  purpose_key      text NOT NULL UNIQUE,
  expires_at       timestamptz NOT NULL,
  revoked_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_used_at     timestamptz
);
CREATE INDEX links_task ON links (task_workflow_id);

CREATE TABLE escalations (
  task_workflow_id text NOT NULL,
  seq              integer NOT NULL,
  level            integer NOT NULL,
  target           text NOT NULL,
  sent_at          timestamptz NOT NULL,
  PRIMARY KEY (task_workflow_id, seq)
);

-- What the embedded SMTP sink received, for the "mail outbox" page and the tests.
CREATE TABLE mailbox (
  id          bigserial PRIMARY KEY,
  message_id  text,
  mail_from   text NOT NULL,
  rcpt_to     text[] NOT NULL,
  subject     text NOT NULL,
  body_text   text NOT NULL,
  body_html   text,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mailbox_message_id ON mailbox (message_id);

CREATE TABLE audit (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  via     text NOT NULL,
  action  text NOT NULL,
  subject text NOT NULL,
  detail  jsonb NOT NULL DEFAULT '{}',
  key     text UNIQUE
);

-- Down Migration
DROP TABLE audit, mailbox, escalations, links, outbox, reports, tasks, directives, unit_groups, units;
