-- Up Migration
-- Wrong passwords counted for addresses that are not accounts, as they are for accounts
-- (users.failed_logins): after five, an unknown address answers "locked" too, so the lockout
-- does not tell an attacker which addresses exist (ASVS 5.0 V6.3.8).
CREATE TABLE login_throttle (
  email text PRIMARY KEY,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE login_throttle;
