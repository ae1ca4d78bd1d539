// What another user of the same machine can reach of the embedded stack: PostgreSQL listens on
// loopback, so the only thing between a local user and the read model (and, through COPY … TO
// PROGRAM, a shell) is the password and the role the app connects as. The stack's passwords are
// random and kept in DATA_DIR, which only its owner can open; the app's role owns its schema and
// nothing more. A DATA_DIR made by an older dondoc (a superuser with the fixed password "dondoc")
// is upgraded on its next start.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { loadConfig } from '../../config';
import { startStack, type Stack } from '../../client/stack';
import { migrate } from '../../db/migrate';
import { createUsers } from '../../db/users';
import { loopbackPorts, freePort } from '../helpers/ports';
import { startPostgresProcess, type PostgresChild } from '../helpers/postgres-child';
import { dondoc } from '../cli/run';
import { PASSWORD } from '../helpers/staff';
import { reportFigures } from './parts';

jest.setTimeout(300_000);

const asRoot = process.getuid?.() === 0;
const mode = (file: string) => statSync(file).mode & 0o777;
/** The folder's expected mode: its owner only; as root, PostgreSQL's own user may pass through it (and do nothing else). */
const DATA_DIR_MODE = asRoot ? 0o710 : 0o700;

async function query(url: string, sql: string): Promise<unknown[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

/** The error a statement meets, or "ran" if it ran. */
const refusal = (url: string, sql: string): Promise<string> =>
  query(url, sql).then(
    () => 'ran',
    (err: Error) => err.message,
  );

/** Whether a login with this user and password is accepted. */
const accepted = (port: number, user: string, password: string, database = 'postgres'): Promise<boolean> =>
  query(`postgres://${user}:${password}@127.0.0.1:${port}/${database}`, 'SELECT 1').then(
    () => true,
    () => false,
  );

const userOf = (url: string) => new URL(url).username;

const dirs: string[] = [];
const fresh = (prefix: string) => {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  // As root, PostgreSQL runs as its own user, which must pass through the folders above DATA_DIR.
  chmodSync(d, 0o755);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the embedded stack, started on an empty DATA_DIR', () => {
  let stack: Stack;
  let pg: PostgresChild;
  let dataDir: string;
  let port: number;
  beforeAll(async () => {
    dataDir = path.join(fresh('dondoc-local-'), 'data');
    const ports = await loopbackPorts();
    port = Number(ports.EMBEDDED_PG_PORT);
    // PostgreSQL as the stack starts it, in a process of its own (the test sandbox cannot load it);
    // the rest of the stack on the URL it gives, as `dondoc dev` does.
    pg = await startPostgresProcess(dataDir, port);
    stack = await startStack(
      loadConfig({ DATA_DIR: dataDir, ...ports, DATABASE_URL: pg.databaseUrl, LOG_LEVEL: 'warn' }),
      { headless: true },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await pg?.stop();
  });

  test("the app's role is no superuser and may not create roles or databases", async () => {
    const [me] = (await query(
      stack.databaseUrl,
      'SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    )) as Record<string, boolean>[];
    expect(me).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
    });
    expect(await refusal(stack.databaseUrl, `COPY (SELECT 1) TO PROGRAM 'id'`)).toMatch(/permission denied|superuser/);
    expect(await refusal(stack.databaseUrl, 'CREATE ROLE intruder LOGIN SUPERUSER')).toMatch(/permission denied/);
    expect(await refusal(stack.databaseUrl, 'CREATE DATABASE intruder')).toMatch(/permission denied/);
    // It owns its schema: the migrations ran as it, and it keeps the tables they made.
    const owners = (await query(
      stack.databaseUrl,
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`,
    )) as { owner: string }[];
    expect(owners.map((o) => o.owner)).toEqual([userOf(stack.databaseUrl)]);
  });

  test('the fixed password "dondoc" lets no one in; the passwords are random and kept 0600 in a DATA_DIR only its owner opens', async () => {
    for (const user of ['dondoc', 'postgres', 'dondoc_app'])
      expect([user, await accepted(port, user, 'dondoc')]).toEqual([user, false]);
    const file = path.join(dataDir, 'postgres-credentials.json');
    expect(mode(file).toString(8)).toBe('600');
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { user: string; password: string }>;
    expect(kept.app.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(kept.admin.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(kept.app.password).not.toBe(kept.admin.password);
    expect(mode(dataDir).toString(8)).toBe(DATA_DIR_MODE.toString(8));
    if (asRoot) expect(statSync(dataDir).gid).toBe(Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  });

  test("Temporal's SQLite file and its WAL, which hold report texts and addresses, are the owner's alone", async () => {
    const temporal = path.join(dataDir, 'temporal');
    expect(mode(temporal).toString(8)).toBe('700');
    for (const f of ['temporal.db', 'temporal.db-wal', 'temporal.log'])
      expect([f, mode(path.join(temporal, f)).toString(8)]).toEqual([f, '600']);
  });

  test('the command line finds the app role by itself, from DATA_DIR', async () => {
    const run = await dondoc(
      ['user', 'add', '--email', 'quantri@ubnd.ninhbinh.example.vn', '--name', 'Quản trị', '--role', 'admin', '--json'],
      { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) },
    );
    expect([run.code, run.err]).toEqual([0, '']);
    expect(
      await query(stack.databaseUrl, `SELECT role FROM users WHERE email = 'quantri@ubnd.ninhbinh.example.vn'`),
    ).toEqual([{ role: 'admin' }]);
  });
});

/** A DATA_DIR as dondoc made it before, with the read model's tables and one staff account in it. */
async function legacyDataDir(dataDir: string, port: number): Promise<void> {
  const pg = await startPostgresProcess(dataDir, port, { legacy: true });
  try {
    expect(userOf(pg.databaseUrl)).toBe('dondoc');
    await migrate(pg.databaseUrl);
    const pool = new Pool({ connectionString: pg.databaseUrl });
    await createUsers(pool).add({
      email: 'vanphong@ubnd.ninhbinh.example.vn',
      name: 'Văn phòng',
      role: 'coordinator',
      password: PASSWORD,
    });
    await pool.end();
    expect(mode(dataDir) & 0o005).toBe(0o005); // open to everyone, as it was
  } finally {
    await pg.stop();
  }
}

describe('a DATA_DIR made by an older dondoc', () => {
  test('is upgraded on its next start: random passwords, an unprivileged app role that owns the old tables, the data kept', async () => {
    const dataDir = path.join(fresh('dondoc-legacy-'), 'data');
    const port = await freePort();
    await legacyDataDir(dataDir, port);

    const started = Date.now();
    const pg = await startPostgresProcess(dataDir, port);
    const upgradeMs = Date.now() - started;
    try {
      expect(userOf(pg.databaseUrl)).not.toBe('dondoc');
      expect(await accepted(port, 'dondoc', 'dondoc')).toBe(false);
      expect(await accepted(port, 'dondoc', 'dondoc', 'dondoc')).toBe(false);
      // The account made before the upgrade is there, and the app may change it and add to it.
      expect(await query(pg.databaseUrl, `SELECT email, role FROM users ORDER BY email`)).toEqual([
        { email: 'vanphong@ubnd.ninhbinh.example.vn', role: 'coordinator' },
      ]);
      expect(await migrate(pg.databaseUrl)).toEqual([]);
      expect(await refusal(pg.databaseUrl, `UPDATE users SET name = 'Văn phòng UBND'`)).toBe('ran');
      expect(await refusal(pg.databaseUrl, 'CREATE TABLE later_migration (id int)')).toBe('ran');
      expect(await refusal(pg.databaseUrl, `COPY (SELECT 1) TO PROGRAM 'id'`)).toMatch(/permission denied|superuser/);
      expect(await refusal(pg.databaseUrl, 'CREATE ROLE intruder')).toMatch(/permission denied/);
      // Logins send a SCRAM proof, not the password in clear.
      const hba = readFileSync(path.join(dataDir, 'postgres', 'pg_hba.conf'), 'utf8')
        .split('\n')
        .filter((l) => /^\s*(local|host)/.test(l));
      expect(hba.length).toBeGreaterThan(0);
      expect(hba.filter((l) => !/\sscram-sha-256\s*$/.test(l))).toEqual([]);
      expect(mode(dataDir).toString(8)).toBe(DATA_DIR_MODE.toString(8));
      expect(mode(path.join(dataDir, 'postgres-credentials.json')).toString(8)).toBe('600');
    } finally {
      await pg.stop();
    }

    // The next start finds everything in place and changes nothing.
    const again = await startPostgresProcess(dataDir, port);
    try {
      expect(again.databaseUrl).toBe(pg.databaseUrl);
      expect(await query(again.databaseUrl, `SELECT name FROM users`)).toEqual([{ name: 'Văn phòng UBND' }]);
    } finally {
      await again.stop();
    }
    reportFigures('local-access', {
      fixed_password_logins: 0,
      app_superuser: 0,
      copy_to_program: 'refused',
      create_role: 'refused',
      upgraded_rows_kept: 1,
      upgrade_start_ms: upgradeMs,
    });
  });
});
