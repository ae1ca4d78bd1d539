// PostgreSQL stopped for a while in the middle of a fan-out: the activities retry until it is back,
// the read model converges to what the workflows hold, and meanwhile the web app answers a clear
// 503 page (never a 500, never a stack trace) while /healthz still says the process lives.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { launchDirective } from '../../client/temporal';
import { buildApp } from '../../client/web/app';
import { createLinks } from '../../db/links';
import { createReadModel } from '../../db/read-model';
import { createUsers } from '../../db/users';
import { taskStateQuery } from '../../workflows/messages';
import type { CliRun } from '../helpers/cli';
import { freePort } from '../helpers/ports';
import { startPostgresProcess } from '../helpers/postgres-child';
import { login, PASSWORD } from '../helpers/staff';
import { eventually } from '../helpers/wait';
import { inParallel } from '../../client/in-parallel';
import {
  count,
  countOf,
  directiveOf,
  duplicatesAtSink,
  polling,
  reportFigures,
  seconds,
  seedUnits,
  startParts,
  startWorker,
  stopParts,
  stopProcess,
  whileAlive,
  type Parts,
} from './parts';

jest.setTimeout(30 * 60_000);

/** Task rows whose phase or version differs from what the task's workflow answers. */
async function mismatched(p: Parts): Promise<string[]> {
  const { rows } = await p.stack.pool.query(`SELECT workflow_id, state, version FROM tasks`);
  const out: string[] = [];
  await inParallel(rows, 8, async (r) => {
    const view = await p.client.workflow.getHandle(r.workflow_id).query(taskStateQuery);
    if (view.state.phase !== r.state || String(view.state.version) !== String(r.version))
      out.push(
        `${r.workflow_id}: read model ${r.state} v${r.version}, workflow ${view.state.phase} v${view.state.version}`,
      );
  });
  return out;
}

const startPostgres = (dir: string, port: number) => startPostgresProcess(dir, port);

const STACK_TRACE = /\n\s+at |Error: |node_modules|\.ts:\d+/;

test('PostgreSQL stopped mid-run: activities retry, the read model converges and the web app answers 503 meanwhile', async () => {
  const units = countOf('RELIABILITY_PG_UNITS', 200, 20);
  const outageSeconds = countOf('RELIABILITY_PG_OUTAGE_SECONDS', 60, 10);
  const pgDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-pg-outage-'));
  const pgPort = await freePort();
  let pg = await startPostgres(pgDir, pgPort);
  let p: Parts | undefined;
  let worker: CliRun | undefined;
  let app: FastifyInstance | undefined;
  try {
    p = await startParts({ DATABASE_URL: pg.databaseUrl });
    const parts = p;
    const codes = await seedUnits(parts, units);
    const d = directiveOf('1004/REL-PG', codes);
    app = await buildApp({
      config: parts.config,
      pool: parts.stack.pool,
      readModel: createReadModel(parts.stack.pool),
      links: createLinks(parts.stack.pool),
      temporal: parts.client,
      smtpUrl: parts.stack.smtpUrl,
    });
    const web = app;
    const email = 'lanhdao@ubnd.ninhbinh.example.vn';
    await createUsers(parts.stack.pool).add({
      email,
      name: 'Lãnh đạo UBND tỉnh',
      role: 'supervisor',
      password: PASSWORD,
    });
    const { cookie } = await login(web, email);
    worker = startWorker(parts);
    await polling(worker);
    const t0 = Date.now();
    await launchDirective(parts.client, parts.config, d, parts.stack.pool);
    const recorded = () =>
      count(parts, `SELECT count(*) AS n FROM tasks WHERE directive_number = $1 AND state <> 'assigning'`, [d.number]);
    await eventually('a third of the tasks recorded', async () => (await recorded()) >= units / 3, 10 * 60_000);
    const mail = await eventually(
      'an assignment mail',
      async () => (await parts.stack.pool.query(`SELECT body_text FROM mailbox ORDER BY id LIMIT 1`)).rows[0],
      120_000,
    );
    const token = /\/t\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1];
    const pages = ['/healthz', '/readyz', '/giam-sat', `/t/${token}`, '/api/v1/board'];
    for (const url of pages) expect((await web.inject({ url, headers: { cookie } })).statusCode).toBe(200);

    await pg.stop();
    const down = Date.now();
    const answers: { url: string; status: number; body: string }[] = [];
    // The outage lasts as long as asked; the web app is asked every second meanwhile.
    while (Date.now() - down < outageSeconds * 1000) {
      for (const url of pages) {
        const res = await web.inject({ url, headers: { cookie } });
        answers.push({ url, status: res.statusCode, body: res.body });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    const recordedDuringOutage = answers.length;
    pg = await startPostgres(pgDir, pgPort);
    const outage = seconds(down);

    const statuses = (url: string) => [...new Set(answers.filter((a) => a.url === url).map((a) => a.status))];
    expect(statuses('/healthz')).toEqual([200]);
    for (const url of pages.slice(1)) expect(statuses(url)).toEqual([503]);
    const page = answers.find((a) => a.url === '/giam-sat')!;
    expect(page.body).toContain('Hệ thống đang tạm gián đoạn; xin thử lại sau ít phút.');
    expect(JSON.parse(answers.find((a) => a.url === '/api/v1/board')!.body)).toMatchObject({ error: 'UNAVAILABLE' });
    expect(JSON.parse(answers.find((a) => a.url === '/readyz')!.body)).toMatchObject({
      ok: false,
      failing: ['postgres'],
    });
    const traces = answers.filter((a) => STACK_TRACE.test(a.body));
    expect(traces.map((a) => a.url)).toEqual([]);
    const errors500 = answers.filter((a) => a.status >= 500 && a.status !== 503).length;

    // After: every task is recorded, and every row says what its workflow says.
    const back = Date.now();
    await whileAlive(
      worker,
      eventually('every task recorded', async () => (await recorded()) === units, 10 * 60_000),
    );
    let last: string[] = [];
    await eventually(
      'the read model agrees with every task workflow',
      async () => (last = await mismatched(parts)).length === 0,
      5 * 60_000,
    ).catch((err) => {
      throw new Error(`${(err as Error).message}; e.g. ${last.slice(0, 3).join('; ')}`);
    });
    const converged = seconds(back);
    for (const url of pages) expect((await web.inject({ url, headers: { cookie } })).statusCode).toBe(200);
    await eventually(
      'every assignment mail sent',
      async () =>
        (await count(parts, `SELECT count(*) AS n FROM outbox WHERE status IN ('sent', 'in_doubt')`)) === units,
      5 * 60_000,
    );
    const duplicates = await duplicatesAtSink(parts);
    expect(duplicates).toBe(0);
    reportFigures('postgres-outage', {
      units,
      outage_seconds: outage,
      requests_during_outage: recordedDuringOutage,
      answers_500: errors500,
      stack_traces: traces.length,
      mismatched: 0,
      converged_seconds: converged,
      duplicates,
      seconds: seconds(t0),
    });
  } finally {
    await app?.close();
    await stopProcess(worker);
    await stopParts(p);
    await pg.stop().catch(() => undefined);
    rmSync(pgDir, { recursive: true, force: true });
  }
});
