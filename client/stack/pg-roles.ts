// The app's role in the embedded PostgreSQL: it logs in, connects to its own database and owns
// its schema (so the migrations it runs can make and change tables), and may do nothing else —
// no superuser, no roles, no databases, no replication, no programs run by the server.
import type { Client } from 'pg';

type Login = { user: string; password: string };

const LIMITS = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/** What an ALTER … OWNER needs to name each kind of object PostgreSQL keeps in pg_class. */
const RELATION_KINDS: Record<string, string> = {
  r: 'TABLE',
  p: 'TABLE',
  v: 'VIEW',
  m: 'MATERIALIZED VIEW',
  f: 'FOREIGN TABLE',
  S: 'SEQUENCE',
};

/**
 * On the server (connected to any database): the role, with its password and limits, allowed into
 * its database only. In its database: the owner of the schema and of everything in it, which a
 * database made by an older dondoc had given to the superuser.
 */
export async function grantAppRole(
  c: Client,
  app: Login,
  where: { database: string } | { schema: string },
): Promise<void> {
  const role = c.escapeIdentifier(app.user);
  if ('database' in where) {
    const exists = (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [app.user])).rowCount;
    await c.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${role} ${LIMITS} PASSWORD ${c.escapeLiteral(app.password)}`);
    const db = c.escapeIdentifier(where.database);
    await c.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${role}`);
    return;
  }
  const schema = c.escapeIdentifier(where.schema);
  await c.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
  // Tables first: their sequences (serial, identity) follow them and must not be moved alone.
  for (const kinds of [['r', 'p', 'v', 'm', 'f'], ['S']]) {
    const { rows } = await c.query(
      `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = ANY($2) AND pg_get_userbyid(c.relowner) <> $3`,
      [where.schema, kinds, app.user],
    );
    for (const r of rows)
      await c.query(`ALTER ${RELATION_KINDS[r.relkind]} ${schema}.${c.escapeIdentifier(r.relname)} OWNER TO ${role}`);
  }
  const routines = await c.query(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
    [where.schema, app.user],
  );
  for (const r of routines.rows) await c.query(`ALTER ROUTINE ${r.signature} OWNER TO ${role}`);
  const types = await c.query(
    `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typtype IN ('e', 'd', 'r') AND pg_get_userbyid(t.typowner) <> $2`,
    [where.schema, app.user],
  );
  for (const r of types.rows) await c.query(`ALTER TYPE ${schema}.${c.escapeIdentifier(r.typname)} OWNER TO ${role}`);
}
