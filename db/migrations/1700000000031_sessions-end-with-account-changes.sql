-- Up Migration
-- A staff account can be disabled (dondoc user disable): it keeps its history, logs in no more.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;

-- A session was opened with a password, under a role, for an account in use: when any of these
-- changes (a new password, another role, a new second factor, the account disabled), every
-- session of the account ends. Done here so that no way of changing an account can forget it.
CREATE FUNCTION users_end_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions WHERE user_id = NEW.id;
  RETURN NEW;
END $$;

CREATE TRIGGER users_end_sessions AFTER UPDATE ON users FOR EACH ROW
  WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash
     OR OLD.role IS DISTINCT FROM NEW.role
     OR OLD.totp_secret IS DISTINCT FROM NEW.totp_secret
     OR (NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL))
  EXECUTE FUNCTION users_end_sessions();

-- Down Migration
DROP TRIGGER users_end_sessions ON users;
DROP FUNCTION users_end_sessions();
ALTER TABLE users DROP COLUMN disabled_at;
