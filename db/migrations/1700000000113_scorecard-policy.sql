-- Up Migration
-- How the office scores units for the emulation review (thi đua): each policy it sets is kept,
-- with who set it and when; the newest is the one in force. None stored means the default.
CREATE TABLE scorecard_policies (
  id      bigserial PRIMARY KEY,
  source  text NOT NULL,
  policy  jsonb NOT NULL,
  set_by  text NOT NULL,
  set_at  timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE scorecard_policies;
