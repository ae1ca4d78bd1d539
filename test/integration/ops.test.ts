// What operators ask the web app, on the real stack: /healthz, /readyz naming the part that does
// not answer, and /metrics with the board's buckets, the mail sent and failed, link refusals and
// the time updates take.
import Fastify from 'fastify';
import { DirectiveSchema } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { buildApp } from '../../client/web/app';
import { createAppMetrics } from '../../client/metrics';
import { observeRequests } from '../../client/web/routes/ops';
import { serveMetrics } from '../../client/web/serve';
import { createPool } from '../../db/pool';
import { createReadModel } from '../../db/read-model';
import { createLinks } from '../../db/links';
import { createSmtpMailer } from '../../activities/mailer';
import { sendFromOutbox } from '../../activities/outbox';
import { startTestStack, freePort, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';

let t: TestStack;
let metricsUrl: string;
let metricsServer: Awaited<ReturnType<typeof serveMetrics>>;
beforeAll(async () => {
  t = await startTestStack();
  const port = await freePort();
  metricsServer = await serveMetrics(t.metrics, { METRICS_HOST: '127.0.0.1', METRICS_PORT: port });
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
}, 180_000);
afterAll(async () => {
  await metricsServer?.close();
  await t?.stop();
}, 60_000);

/** The value of one sample in Prometheus text, e.g. sample(text, 'dondoc_tasks{bucket="overdue"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A scrape as Prometheus makes it: over HTTP, on the metrics port (the web port has no /metrics). */
const scrape = async (): Promise<string> => {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

test('healthz answers while the process lives and readyz when Temporal, PostgreSQL and SMTP answer', async () => {
  expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
  const ready = await t.app.inject({ url: '/readyz' });
  expect(ready.statusCode).toBe(200);
  expect(ready.json()).toEqual({ ok: true, failing: [], checks: { temporal: 'ok', postgres: 'ok', smtp: 'ok' } });
  expect(ready.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('readyz answers 503 and names the SMTP relay when it does not answer', async () => {
  const app = await buildApp({
    config: t.config,
    pool: t.stack.pool,
    readModel: createReadModel(t.stack.pool),
    links: createLinks(t.stack.pool),
    temporal: t.client,
    smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
  });
  try {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      ok: false,
      failing: ['smtp'],
      checks: { temporal: 'ok', postgres: 'ok', smtp: expect.stringContaining('ECONNREFUSED') },
    });
  } finally {
    await app.close();
  }
});

test('readyz names PostgreSQL and Temporal when neither answers', async () => {
  const deadPool = createPool(`postgres://dondoc:dondoc@127.0.0.1:${await freePort()}/dondoc`);
  const app = await buildApp({
    config: t.config,
    pool: deadPool,
    readModel: createReadModel(deadPool),
    links: createLinks(deadPool),
    smtpUrl: t.stack.smtpUrl,
  });
  try {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ ok: false, failing: ['temporal', 'postgres'], checks: { smtp: 'ok' } });
  } finally {
    await app.close();
    await deadPool.end();
  }
});

test('metrics count tasks by board bucket, assignment mails sent and refused links', async () => {
  const directive = DirectiveSchema.parse({
    number: '31/UBND-VP9',
    title: 'Báo cáo kết quả tuyên truyền',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-20',
    tasks: [
      { unit: 'NB-STTTT', title: 'Báo cáo số tin, bài', deadline: { workingDays: 15 } },
      { unit: 'NB-CATINH', title: 'Báo cáo số buổi tuyên truyền', deadline: { workingDays: 15 } },
      { unit: 'NB-STP', title: 'Báo cáo số điểm trợ giúp pháp lý', deadline: { workingDays: 15 } },
    ],
  });
  const before = await scrape();
  expect(sample(before, 'dondoc_tasks{bucket="in_progress"}')).toBe(0);
  expect(sample(before, 'dondoc_messages_sent{kind="reminder"}')).toBe(0);
  expect(sample(before, 'dondoc_messages_sent{kind="escalation"}')).toBe(0);
  await launchDirective(t.client, t.config, directive, t.stack.pool);
  const after = await eventually(
    'three tasks and three assignment mails',
    async () => {
      const text = await scrape();
      return sample(text, 'dondoc_tasks{bucket="in_progress"}') === 3 &&
        sample(text, 'dondoc_messages_sent{kind="assignment"}') === 3
        ? text
        : undefined;
    },
    60_000,
  );
  expect(sample(after, 'dondoc_tasks{bucket="overdue"}')).toBe(0);
  expect(sample(after, 'dondoc_tasks{bucket="done_on_time"}')).toBe(0);
  const { rows } = await t.stack.pool.query(
    `SELECT count(*)::int AS n FROM mailbox WHERE subject LIKE '[31/UBND-VP9]%'`,
  );
  expect(rows[0].n).toBe(3);

  const refusedBefore = sample(after, 'dondoc_link_refusals_total{reason="unknown"}')!;
  expect((await t.app.inject({ url: `/t/${'A'.repeat(43)}` })).statusCode).toBe(403);
  expect((await t.app.inject({ url: '/t/not-a-token' })).statusCode).toBe(403);
  expect(sample(await scrape(), 'dondoc_link_refusals_total{reason="unknown"}')).toBe(refusedBefore + 2);
}, 120_000);

test('metrics count mail the relay did not take', async () => {
  await t.stack.pool.query(
    `INSERT INTO outbox (key, message_id, purpose, recipients, subject, body_text) VALUES ('ops-test:1', '<ops-test-1@dondoc>', 'reminder', ARRAY['vanthu@stttt.ninhbinh.example.vn'], 'Nhắc hạn', 'Nhắc hạn báo cáo')`,
  );
  const deadRelay = createSmtpMailer(`smtp://127.0.0.1:${await freePort()}`);
  try {
    await expect(
      sendFromOutbox({ pool: t.stack.pool, mailer: deadRelay, from: t.config.MAIL_FROM }, 'ops-test:1'),
    ).rejects.toThrow();
  } finally {
    deadRelay.close();
  }
  const text = await scrape();
  expect(sample(text, 'dondoc_mail_failures{state="retrying"}')).toBe(1);
  expect(sample(text, 'dondoc_mail_failures{state="failed"}')).toBe(0);
});

test('the time of every request that changes something is observed by route, without the token', async () => {
  const metrics = createAppMetrics(t.stack.pool);
  const app = Fastify();
  observeRequests(app, metrics);
  app.post<{ Params: { token: string } }>('/t/:token/acknowledge', async () => ({ ok: true }));
  app.get('/t/:token', async () => 'page');
  await app.ready();
  const token = 'Z'.repeat(43);
  expect((await app.inject({ method: 'POST', url: `/t/${token}/acknowledge` })).statusCode).toBe(200);
  expect((await app.inject({ method: 'POST', url: `/t/${token}/acknowledge` })).statusCode).toBe(200);
  await app.inject({ url: `/t/${token}` });
  const text = await metrics.registry.metrics();
  expect(sample(text, 'dondoc_update_duration_seconds_count{route="POST /t/:token/acknowledge",status="200"}')).toBe(2);
  expect(text).not.toContain('route="GET');
  expect(text).not.toContain(token);
  await app.close();
});
