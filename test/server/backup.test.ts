// Backup and restore as docs/DEPLOY.md tells operators to do them, tried once on the full server:
// - the read model: pg_dump, pg_restore into a new database, then `reindex` brings it level with
//   Temporal, which kept running after the dump;
// - Temporal's persistence and visibility: pg_dump, pg_restore into new databases, a second
//   server started on the copies shows the same workflows with the same histories.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { DirectiveSchema, type Directive } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { createPool } from '../../db/pool';
import { createReadModel } from '../../db/read-model';
import { createDocumentStore } from '../../db/directive-documents';
import { reindex } from '../../db/reindex';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';

const pgBin = process.env.DONDOC_TEST_PG_BIN ?? '';
const adminUrl = process.env.DONDOC_TEST_DATABASE_URL ?? '';
const root = path.resolve(__dirname, '..', '..');
let t: TestStack;
let dir: string;

beforeAll(async () => {
  if (!process.env.DONDOC_TEST_TEMPORAL_ADDRESS || !pgBin)
    throw new Error(
      'run these tests with `npm run test:server`, which starts the full Temporal server and its PostgreSQL',
    );
  dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-backup-'));
  t = await startTestStack();
}, 180_000);
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const urlOf = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

function pg(program: string, args: string[]): void {
  const r = spawnSync(path.join(pgBin, program), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr}`);
}

/** pg_dump in PostgreSQL's custom format, then pg_restore into a new database of that name. */
async function dumpAndRestore(from: string, to: string): Promise<void> {
  const file = path.join(dir, `${from}.dump`);
  pg('pg_dump', ['--format=custom', `--file=${file}`, urlOf(from)]);
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${to} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  pg('pg_restore', ['--no-owner', `--dbname=${urlOf(to)}`, file]);
}

const directive = (number: string, units: string[]): Directive =>
  DirectiveSchema.parse({
    number,
    title: 'Tổng kết công tác phổ biến, giáo dục pháp luật',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-20',
    tasks: units.map((unit) => ({ unit, title: 'Báo cáo kết quả năm 2026', deadline: { workingDays: 20 } })),
  });

async function recorded(number: string, n: number): Promise<void> {
  await eventually(
    `${n} tasks of ${number} in the read model and ${n} mails`,
    async () => {
      const { rows } = await t.stack.pool.query(
        `SELECT (SELECT count(*)::int FROM tasks WHERE directive_number = $1 AND state <> 'assigning') AS tasks, (SELECT count(*)::int FROM outbox WHERE directive_number = $1 AND status = 'sent') AS sent`,
        [number],
      );
      return rows[0].tasks === n && rows[0].sent === n;
    },
    60_000,
  );
}

const TASK_COLUMNS = `workflow_id, directive_number, unit_code, cycle, role, title, deadline::text, original_deadline::text, state, escalation_level`;

test('a restored read model, reindexed, holds what the live one holds', async () => {
  await launchDirective(t.client, t.config, directive('12/KH-UBND', ['NB-STTTT', 'NB-STP']), t.stack.pool);
  await recorded('12/KH-UBND', 2);
  const database = new URL(t.config.DATABASE_URL!).pathname.slice(1);
  await dumpAndRestore(database, `${database}_restored`);
  // Work goes on after the backup was taken.
  await launchDirective(t.client, t.config, directive('13/KH-UBND', ['NB-CATINH', 'NB-STC', 'NB-SGDDT']), t.stack.pool);
  await recorded('13/KH-UBND', 3);

  const restored = createPool(urlOf(`${database}_restored`));
  try {
    const before = await restored.query(`SELECT directive_number, count(*)::int AS n FROM tasks GROUP BY 1 ORDER BY 1`);
    expect(before.rows).toEqual([{ directive_number: '12/KH-UBND', n: 2 }]);
    const result = await reindex(t.client, createReadModel(restored), createDocumentStore(restored));
    expect(result).toMatchObject({ directives: 2, tasks: 5, failed: [] });
    const live = await t.stack.pool.query(`SELECT ${TASK_COLUMNS} FROM tasks ORDER BY workflow_id`);
    const again = await restored.query(`SELECT ${TASK_COLUMNS} FROM tasks ORDER BY workflow_id`);
    expect(again.rows).toHaveLength(5);
    expect(again.rows).toEqual(live.rows);
    const outbox = await restored.query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'sent'`);
    expect(outbox.rows[0].n).toBe(2); // mail is not re-sent by a restore; the outbox is as it was backed up
  } finally {
    await restored.end();
  }
}, 180_000);

test("Temporal's restored persistence serves the same workflows with the histories they had at the dump", async () => {
  await launchDirective(t.client, t.config, directive('14/KH-UBND', ['NB-SNV', 'NB-SKHDT']), t.stack.pool);
  await recorded('14/KH-UBND', 2);
  const ids = ['directive:14/KH-UBND', 'task:14/KH-UBND:NB-SNV', 'task:14/KH-UBND:NB-SKHDT'];
  const lengths = async (client: Client) =>
    Object.fromEntries(
      await Promise.all(
        ids.map(async (id) => {
          const d = await client.workflow.getHandle(id).describe();
          return [id, { status: d.status.name, events: d.historyLength }] as const;
        }),
      ),
    );
  // The workflows may still be writing a few events while the dump runs: the copy must hold at
  // least what was there before the dump, at most what was there after, in the same order.
  const before = await lengths(t.client);
  expect(Object.values(before).every((w) => w.status === 'RUNNING' && w.events > 3)).toBe(true);

  await dumpAndRestore('temporal', 'temporal_restored');
  await dumpAndRestore('temporal_visibility', 'temporal_visibility_restored');
  // The server checks its schema version under its database's name: a copy restored under another
  // name (here, beside the original) is told its new name. A restore on a new PostgreSQL under the
  // same name needs nothing.
  for (const [db, was] of [
    ['temporal_restored', 'temporal'],
    ['temporal_visibility_restored', 'temporal_visibility'],
  ]) {
    const c = new PgClient({ connectionString: urlOf(db) });
    await c.connect();
    await c.query('UPDATE schema_version SET db_name = $1 WHERE db_name = $2', [db, was]);
    await c.end();
  }
  const after = await lengths(t.client);
  const pgPort = new URL(adminUrl).port;
  const second = spawn(
    process.execPath,
    [
      path.join(root, 'scripts', 'temporal-server.mjs'),
      'start',
      '--postgres',
      pgPort,
      '--database',
      'temporal_restored',
      '--visibility-database',
      'temporal_visibility_restored',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  second.stdout.on('data', (b) => (out += b));
  second.stderr.on('data', (b) => (out += b));
  const exited = new Promise((resolve) => second.on('exit', resolve));
  try {
    const address = await Promise.race([
      eventually('the second server on the restored databases', () => /TEMPORAL_ADDRESS=(\S+)/.exec(out)?.[1], 120_000),
      exited.then(() => {
        throw new Error(`the second server stopped; it said:\n${out}`);
      }),
    ]);
    const connection = await Connection.connect({ address });
    try {
      const copy = new Client({ connection, namespace: t.config.TEMPORAL_NAMESPACE });
      const restored = await lengths(copy);
      for (const id of ids) {
        expect(restored[id].status).toBe('RUNNING');
        expect(restored[id].events).toBeGreaterThanOrEqual(before[id].events);
        expect(restored[id].events).toBeLessThanOrEqual(after[id].events);
        const history = await copy.workflow.getHandle(id).fetchHistory();
        const original = await t.client.workflow.getHandle(id).fetchHistory();
        expect(history.events!.map((e) => [e.eventId?.toString(), e.eventType])).toEqual(
          original.events!.slice(0, history.events!.length).map((e) => [e.eventId?.toString(), e.eventType]),
        );
      }
    } finally {
      await connection.close();
    }
  } finally {
    second.kill('SIGTERM');
    await exited;
  }
}, 240_000);
