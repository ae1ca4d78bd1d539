-- Up Migration
-- A message is claimed (status 'sending') and committed before the SMTP exchange. A later
-- attempt that finds it still 'sending' marks it 'in_doubt': the relay may or may not have it,
-- and the office decides whether to send it again.
ALTER TABLE outbox ADD COLUMN claimed_at timestamptz;
CREATE INDEX outbox_attention ON outbox (created_at) WHERE status IN ('failed', 'in_doubt');

-- Down Migration
DROP INDEX outbox_attention;
ALTER TABLE outbox DROP COLUMN claimed_at;
