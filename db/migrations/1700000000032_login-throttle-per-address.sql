-- Up Migration
-- Wrong passwords counted per account and network address (db/login-throttle.ts): five lock only
-- that address out of that account, so nobody can keep a colleague locked out by guessing. The
-- account's own count, from every address, moves to login_throttle, where unknown addresses are
-- counted already, and locks it for everyone only after fifty.
CREATE TABLE login_failures (
  email text NOT NULL,
  address text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (email, address)
);

INSERT INTO login_throttle (email, failed_logins, locked_until, updated_at)
SELECT email, failed_logins, locked_until, updated_at FROM users WHERE failed_logins > 0 OR locked_until IS NOT NULL
ON CONFLICT (email) DO UPDATE SET failed_logins = EXCLUDED.failed_logins, locked_until = EXCLUDED.locked_until;

ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- Down Migration
ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz;
DROP TABLE login_failures;
