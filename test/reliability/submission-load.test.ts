// Department submissions at a steady rate for a minute across many open tasks, through the web
// app's real HTTP POST on /t/<token> (a `dondoc web` process), each report several times over as
// double clicks and second tabs would send it. Nothing lost, no task with two accepted reports.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startCli, type CliRun } from '../helpers/cli';
import { freePort } from '../helpers/ports';
import { eventually } from '../helpers/wait';
import { launchDirective } from '../../client/temporal';
import { taskStateQuery, taskWorkflowId } from '../../workflows/messages';
import { inParallel } from '../../client/in-parallel';
import {
  count,
  countOf,
  directiveOf,
  polling,
  reportFigures,
  seconds,
  seedUnits,
  startParts,
  startWorker,
  stopParts,
  stopProcess,
  workerEnv,
  type Parts,
} from './parts';

jest.setTimeout(30 * 60_000);

interface Visit {
  unit: string;
  token: string;
  cookie: string;
  csrf: string;
  /** The submission id the page handed out: sending it again is a double click. */
  submissionId: string;
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** Opens a unit's page as its browser would: the form token and the cookie it is bound to. */
async function visit(base: string, unit: string, token: string): Promise<Visit> {
  const res = await fetch(`${base}/t/${token}`);
  if (res.status !== 200) throw new Error(`GET /t/… for ${unit}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const html = await res.text();
  return { unit, token, cookie, csrf: hidden(html, '_csrf'), submissionId: hidden(html, 'submissionId') };
}

/** Requests waiting for an answer at most; past it the load waits, and the achieved rate says so. */
const MAX_IN_FLIGHT = 500;

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

test('department submissions at a steady rate across many open tasks lose nothing and accept one report a task', async () => {
  const tasks = countOf('RELIABILITY_LOAD_TASKS', 300, 20);
  const rate = countOf('RELIABILITY_LOAD_RATE', 100, 10);
  const duration = countOf('RELIABILITY_LOAD_SECONDS', 60, 5);
  let p: Parts | undefined;
  let worker: CliRun | undefined;
  let web: CliRun | undefined;
  try {
    p = await startParts();
    const parts = p;
    const codes = await seedUnits(parts, tasks);
    const d = directiveOf('1006/REL-LOAD', codes);
    worker = startWorker(parts);
    const port = await freePort();
    // One address stands for every department here: the per-address limit is lifted for the load.
    web = startCli(
      ['web'],
      workerEnv(parts, {
        WEB_PORT: String(port),
        METRICS_PORT: String(await freePort()),
        LINK_RATE_LIMIT: String(rate * duration * 10),
        LOG_LEVEL: 'warn',
        LINK_SECRET: randomBytes(32).toString('hex'),
      }),
      { root: parts.build },
    );
    const webProcess = web;
    await polling(worker);
    const base = `http://127.0.0.1:${port}`;
    await eventually('the web app answering', async () => (await fetch(`${base}/healthz`)).ok, 120_000);

    const t0 = Date.now();
    await launchDirective(parts.client, parts.config, d, parts.stack.pool);
    await eventually(
      `${tasks} assignment mails`,
      async () => (await count(parts, `SELECT count(*) AS n FROM mailbox`)) === tasks,
      20 * 60_000,
    );
    const startSeconds = seconds(t0);
    const { rows } = await parts.stack.pool.query(`SELECT rcpt_to[1] AS rcpt, body_text FROM mailbox`);
    const tokenOf = new Map(rows.map((r) => [r.rcpt as string, /\/t\/([A-Za-z0-9_-]{43})/.exec(r.body_text)![1]]));
    const visits: Visit[] = [];
    await inParallel(
      codes,
      16,
      async (unit) =>
        void visits.push(await visit(base, unit, tokenOf.get(`vanthu.${unit.toLowerCase()}@units.example.vn`)!)),
    );

    // The load: request i leaves at i / rate seconds, whatever became of the ones before, as long as
    // fewer than MAX_IN_FLIGHT wait for an answer (a browser gives up after two minutes).
    const total = Math.round(rate * duration);
    const latencies: number[] = [];
    const answers = new Map<number, number>();
    const accepted = new Map<string, Set<string>>();
    const sentTo = new Set<string>();
    const gaveUp = new Map<string, number>();
    let inFlight = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        await new Promise((r) => setTimeout(r, Math.max(0, started + (i * 1000) / rate - Date.now())));
        while (inFlight >= MAX_IN_FLIGHT) await new Promise((r) => setTimeout(r, 20));
        inFlight += 1;
        const v = visits[i % visits.length];
        // Every fifth send repeats the page's own submission id (a double click); the others are new reports.
        const submissionId = i % 5 === 0 ? v.submissionId : `load-${i}-${v.unit}`;
        const body = new URLSearchParams({
          _csrf: v.csrf,
          do: 'report',
          submissionId,
          text: `Báo cáo số ${i} của ${v.unit}`,
          submittedBy: `Văn thư ${v.unit}`,
        });
        const at = Date.now();
        sentTo.add(v.unit);
        try {
          const res = await fetch(`${base}/t/${v.token}?lang=vi`, {
            method: 'POST',
            body,
            headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            redirect: 'manual',
            signal: AbortSignal.timeout(120_000),
          });
          await res.arrayBuffer();
          latencies.push(Date.now() - at);
          answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
          const receipt =
            res.status === 303 ? /receipt=([^&]+)/.exec(res.headers.get('location') ?? '')?.[1] : undefined;
          if (receipt) accepted.set(v.unit, (accepted.get(v.unit) ?? new Set()).add(decodeURIComponent(receipt)));
        } catch (err) {
          const why =
            (err as Error).name === 'TimeoutError'
              ? 'timeout'
              : String((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name);
          gaveUp.set(why, (gaveUp.get(why) ?? 0) + 1);
        } finally {
          inFlight -= 1;
        }
      }),
    );
    const loadSeconds = seconds(started);

    // Lost: a task that was sent a report and holds none, or an accepted receipt the workflow does not hold.
    // A request the client gave up on may still have been taken: the task's workflow says.
    const lost: string[] = [];
    let moreThanOne = 0;
    await eventually(
      'every update settled',
      async () => (await count(parts, `SELECT count(*) AS n FROM reports`)) >= accepted.size,
      5 * 60_000,
    );
    await inParallel([...sentTo], 8, async (unit) => {
      const view = await parts.client.workflow.getHandle(taskWorkflowId(d.number, unit)).query(taskStateQuery);
      if (view.state.reports.length > 1) moreThanOne += 1;
      const held = view.state.reports[0]?.receipt;
      if (!held || (accepted.has(unit) && !accepted.get(unit)!.has(held))) lost.push(unit);
    });
    const twice = [...accepted.values()].filter((receipts) => receipts.size > 1).length;
    latencies.sort((a, b) => a - b);
    const stored = await count(parts, `SELECT count(*) AS n FROM reports`);
    reportFigures('submission-load', {
      tasks,
      rate,
      seconds_asked: duration,
      requests: total,
      achieved_rate: Math.round((total / loadSeconds) * 10) / 10,
      answered: latencies.length,
      accepted: accepted.size,
      refused: answers.get(422) ?? 0,
      unavailable: answers.get(503) ?? 0,
      server_errors: answers.get(500) ?? 0,
      gave_up: [...gaveUp].map(([k, n]) => `${k}:${n}`).join('+') || 0,
      lost: lost.length,
      tasks_with_two_reports: moreThanOne,
      reports_stored: stored,
      p50_ms: percentile(latencies, 0.5),
      p95_ms: percentile(latencies, 0.95),
      max_ms: latencies.at(-1) ?? 0,
      start_tasks_seconds: startSeconds,
    });
    // What the web app logged of its failures, kept for whoever reads the figures.
    writeFileSync(
      path.join(__dirname, '..', '..', 'test-results', 'submission-load-web.log'),
      webProcess.stdout() + webProcess.stderr(),
    );
    // Every answer is an acceptance (303), the workflow's refusal of a second report (422) or a clear 503.
    expect([...answers.keys()].filter((s) => s !== 303 && s !== 422 && s !== 503)).toEqual([]);
    expect(twice).toBe(0);
    expect(lost).toEqual([]);
    expect(moreThanOne).toBe(0);
    expect(
      await count(
        parts,
        `SELECT count(*) AS n FROM (SELECT task_workflow_id FROM reports GROUP BY 1 HAVING count(*) > 1) x`,
      ),
    ).toBe(0);
    expect(latencies.length).toBeGreaterThan(0);
  } finally {
    await stopProcess(web);
    await stopProcess(worker);
    await stopParts(p);
  }
});
