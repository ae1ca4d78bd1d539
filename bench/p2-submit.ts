// P2: a department's submission as it happens: the page's form POSTed over HTTP to /t/<token> on
// the real web app, the update accepted by the task's workflow, the report visible in the read
// model the board reads. Against a bare Temporal update round trip on a trivial workflow.
import { performance } from 'node:perf_hooks';
import { Agent, FormData, request } from 'undici';
import { buildApp } from '../client/web/app';
import { createReadModel } from '../db/read-model';
import { createLinks } from '../db/links';
import { launchDirective } from '../client/temporal';
import { taskWorkflowId } from '../workflows/messages';
import { inputValue } from '../test/web/department-helpers';
import { benchDirective } from './p1-launch';
import {
  BARE_QUEUE,
  bareWorker,
  benchStack,
  dondocWorker,
  elapsed,
  fmt,
  note,
  percentile,
  seedUnits,
  size,
  sortNumbers,
  tuningOf,
  unitMailbox,
  until,
} from './parts';
import { inParallel } from '../client/in-parallel';
import { cpuMeter, cpuText } from './processes';
import { inform, record } from './results';
import { updateSpans } from './history';

interface Visit {
  unit: string;
  token: string;
  cookie: string;
  csrf: string;
  submissionId: string;
}

const cookiesOf = (setCookie: string | string[] | undefined): string =>
  [setCookie ?? []]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');

export async function p2(): Promise<void> {
  const n = size('P2_SUBMISSIONS', 200, 30);
  const concurrency = size('P2_CONCURRENCY', 4, 2);
  const b = await benchStack({ LINK_RATE_LIMIT: '1000000' });
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: concurrency * 2 });
  try {
    const units = await seedUnits(b.stack.pool, 'S', n);
    const worker = await dondocWorker(b);
    const bare = await bareWorker(b);
    const app = await buildApp(
      {
        config: b.config,
        pool: b.stack.pool,
        readModel: createReadModel(b.stack.pool),
        links: createLinks(b.stack.pool),
        temporal: b.client,
      },
      { logger: false },
    );
    await app.listen({ host: '127.0.0.1', port: b.config.WEB_PORT });
    const base = `http://127.0.0.1:${b.config.WEB_PORT}`;
    try {
      const directive = benchDirective('21/BENCH-P2', units, 'report');
      note(`P2: launching ${n} report tasks; worker ${JSON.stringify(tuningOf(b.config))}`);
      await launchDirective(b.client, b.config, directive, b.stack.pool);
      const mails = await until(
        `${n} assignment mails at the sink`,
        async () => {
          const { rows } = await b.stack.pool.query(`SELECT rcpt_to, body_text FROM mailbox WHERE subject LIKE $1`, [
            `[${directive.number}]%`,
          ]);
          return rows.length >= n ? rows : undefined;
        },
        1_200_000,
        500,
      );

      // Each unit opens its page first (not timed): the form token, its cookie and a submission id.
      const visits: Visit[] = [];
      await inParallel(units, concurrency, async (unit) => {
        const token = mails
          .find((m) => m.rcpt_to.includes(unitMailbox(unit)))
          ?.body_text.match(/\/t\/([A-Za-z0-9_-]{43})/)?.[1];
        if (!token) throw new Error(`no link for ${unit} in its assignment mail`);
        const page = await request(`${base}/t/${token}?lang=vi`, { dispatcher });
        const html = await page.body.text();
        if (page.statusCode !== 200) throw new Error(`GET /t/… answered ${page.statusCode}`);
        visits.push({
          unit,
          token,
          cookie: cookiesOf(page.headers['set-cookie']),
          csrf: inputValue(html, '_csrf'),
          submissionId: inputValue(html, 'submissionId'),
        });
      });

      const bareIds = Array.from({ length: n }, (_, i) => `bare-p2:${i}`);
      await inParallel(bareIds, 20, (id) =>
        b.client.workflow.start('bareWaiter', { workflowId: id, taskQueue: BARE_QUEUE }),
      );
      const bareTimes: number[] = [];
      const bareRound = (ids: string[]) =>
        inParallel(ids, concurrency, async (id, i) => {
          const t0 = performance.now();
          await b.client.workflow.getHandle(id).executeUpdate('echo', { args: [i] });
          bareTimes.push(elapsed(t0));
        });
      await bareRound(bareIds.slice(0, 20)); // warm-up, not kept
      bareTimes.length = 0;
      await bareRound(bareIds.slice(0, Math.ceil(n / 2)));

      const post: number[] = [];
      const visible: number[] = [];
      const cpu = cpuMeter(b);
      const tAll = performance.now();
      await inParallel(visits, concurrency, async (v, i) => {
        const form = new FormData();
        form.append('_csrf', v.csrf);
        form.append('do', 'report');
        form.append('submissionId', v.submissionId);
        form.append('text', `Đã đăng ${10 + i} tin, bài về quyền con người trên cổng thông tin điện tử.`);
        form.append('ind.articles', String(10 + i));
        form.append('submittedBy', `Văn thư ${v.unit}`);
        const t0 = performance.now();
        const res = await request(`${base}/t/${v.token}?lang=vi`, {
          method: 'POST',
          body: form,
          headers: { cookie: v.cookie },
          dispatcher,
        });
        await res.body.dump();
        if (res.statusCode !== 303) throw new Error(`POST /t/… answered ${res.statusCode} for ${v.unit}`);
        post.push(elapsed(t0));
        const id = taskWorkflowId(directive.number, v.unit);
        await until(
          `${v.unit}'s report on the board`,
          async () => {
            const { rows } = await b.stack.pool.query(
              `SELECT 1 FROM tasks WHERE workflow_id = $1 AND state = 'submitted'`,
              [id],
            );
            return rows.length > 0 || undefined;
          },
          60_000,
          5,
        );
        visible.push(elapsed(t0));
      });
      const wall = elapsed(tAll);
      note(`P2: ${cpuText(cpu(), wall)}`);
      await bareRound(bareIds.slice(Math.ceil(n / 2)));

      // Where an update's time went, from the history of a sample of the tasks.
      const spans = (
        await Promise.all(
          visits.slice(0, 20).map((v) => updateSpans(b.client, taskWorkflowId(directive.number, v.unit))),
        )
      ).filter((x) => x !== undefined);
      const median = (xs: number[]) => percentile(sortNumbers(xs), 50);
      const inside = {
        update: median(spans.map((x) => x.total)),
        signal: median(spans.map((x) => x.signals)),
        ...Object.fromEntries(['recordTask', 'notify'].map((a) => [a, median(spans.map((x) => x.activities[a] ?? 0))])),
      };
      const d = sortNumbers(visible);
      const bt = sortNumbers(bareTimes);
      const ratio = percentile(d, 95) / percentile(bt, 95);
      const pcts = (xs: number[]) => ({
        p50: fmt(percentile(xs, 50)),
        p95: fmt(percentile(xs, 95)),
        p99: fmt(percentile(xs, 99)),
        max: fmt(xs.at(-1)!),
      });
      record({
        id: 'P2',
        name: 'submission p95 (POST → board)',
        unit: 'ms',
        dondoc: percentile(d, 95),
        baseline: percentile(bt, 95),
        ratio,
        goal: '≤ 2×',
        pass: ratio <= 2,
        note: `inside the update (median): ${Object.entries(inside)
          .map(([k, v]) => `${k} ${fmt(v)} ms`)
          .join(', ')}`,
        details: {
          submissions: n,
          concurrency,
          insideUpdate: inside,
          dondoc: pcts(d),
          httpPost: pcts(sortNumbers(post)),
          bareUpdate: pcts(bt),
          perSecond: n / (wall / 1000),
          tuning: tuningOf(b.config),
        },
      });
      inform({
        id: 'P2',
        name: 'submission p50',
        unit: 'ms',
        dondoc: percentile(d, 50),
        baseline: percentile(bt, 50),
        ratio: percentile(d, 50) / percentile(bt, 50),
      });
    } finally {
      await app.close();
      await worker.stop();
      await bare.stop();
    }
  } finally {
    await dispatcher.close();
    await b.stop();
  }
}
