-- Runs once, when the PostgreSQL volume is first initialised (docker-entrypoint-initdb.d), as the
-- superuser of that container. Temporal keeps its own databases (temporal, temporal_visibility);
-- dondoc's read model gets a database and a user of its own.
-- The password comes from the container's DONDOC_DB_PASSWORD (set by docker-compose.yml, which
-- uses the same value in DATABASE_URL); changing it later needs ALTER USER, not a new value.
\getenv dondoc_password DONDOC_DB_PASSWORD
CREATE USER dondoc WITH PASSWORD :'dondoc_password';
-- The owner of a database owns its public schema (PostgreSQL 15+), so dondoc's migrations can
-- create their tables there.
CREATE DATABASE dondoc OWNER dondoc;
