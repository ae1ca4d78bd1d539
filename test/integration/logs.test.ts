// The worker's and the web app's JSON logs, captured on the real stack: request ids and workflow
// ids are there; a department's link token, a password, a bearer token or a cookie never are.
import { Runtime } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { DirectiveSchema } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { buildApp } from '../../client/web/app';
import { createLogger, temporalLogger } from '../../client/log';
import { createReadModel } from '../../db/read-model';
import { createLinks } from '../../db/links';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';

const captured: string[] = [];
const log = createLogger(
  { LOG_LEVEL: 'debug' },
  { name: 'dondoc', destination: { write: (line: string) => void captured.push(line) } },
);
const records = () => captured.map((l) => JSON.parse(l) as Record<string, any>);

const PASSWORD = 'Mat-khau-Bi-mat-789';
const BEARER = 'bearer-secret-123456';
const COOKIE = 'session-secret-456789';

let t: TestStack;
let app: FastifyInstance;
beforeAll(async () => {
  // Before the stack's worker connects: its SDK logs go to the captured logger.
  Runtime.install({ logger: temporalLogger(log) });
  t = await startTestStack();
  app = await buildApp(
    {
      config: t.config,
      pool: t.stack.pool,
      readModel: createReadModel(t.stack.pool),
      links: createLinks(t.stack.pool),
      temporal: t.client,
    },
    { logger: log },
  );
}, 180_000);
afterAll(async () => {
  await app?.close();
  await t?.stop();
}, 60_000);

test('logs carry request and workflow ids but never a link token, a password, a bearer token or a cookie', async () => {
  const directive = DirectiveSchema.parse({
    number: '9/CV-STTTT',
    title: 'Cung cấp số liệu tuyên truyền quý IV',
    issuer: 'Sở Thông tin và Truyền thông',
    issuedOn: '2026-11-20',
    tasks: [{ unit: 'NB-BAONB', title: 'Thống kê tin, bài đã đăng', deadline: { workingDays: 5 } }],
  });
  await launchDirective(t.client, t.config, directive, t.stack.pool);
  const mail = await eventually(
    'the assignment mail',
    async () => (await t.stack.pool.query(`SELECT body_text FROM mailbox WHERE subject LIKE '[9/CV-STTTT]%'`)).rows[0],
    60_000,
  );
  const token = new RegExp(`/t/([A-Za-z0-9_-]{43})`).exec(mail.body_text)![1];

  const page = await app.inject({
    url: `/t/${token}?lang=en`,
    headers: { authorization: `Bearer ${BEARER}`, cookie: `dondoc_session=${COOKIE}`, 'x-request-id': 'req-9-cv' },
  });
  expect(page.statusCode).toBe(200);
  expect(page.headers['x-request-id']).toBe('req-9-cv');
  await app.inject({
    method: 'POST',
    url: `/t/${token}/acknowledge?token=${token}`,
    payload: { password: PASSWORD, token },
  });
  // What code elsewhere might log by mistake: secrets in fields, in an error, in a message.
  log.info(
    {
      user: { email: 'vanthu@stttt.ninhbinh.example.vn', password: PASSWORD },
      token,
      authorization: `Bearer ${BEARER}`,
    },
    'sign-in attempt',
  );
  log.error({ err: new Error(`cannot open ${t.config.publicUrl}/t/${token}`) }, 'link failed');
  log.warn(`mail for ${t.config.publicUrl}/t/${token} bounced; relay smtp://dondoc:${PASSWORD}@relay.example.vn:587`);

  const mailed = (r: Record<string, any>) => r.msg === 'Activity completed' && r.activityType === 'notify';
  await eventually('the activity that mailed the unit in the logs', () => records().find(mailed), 30_000);
  const text = captured.join('');
  for (const secret of [token, PASSWORD, BEARER, COOKIE]) expect(text).not.toContain(secret);

  const all = records();
  const request = all.filter((r) => r.reqId === 'req-9-cv');
  expect(request.map((r) => r.msg)).toEqual(['incoming request', 'request completed']);
  expect(request[0].req).toEqual({ id: 'req-9-cv', method: 'GET', url: '/t/…?lang=en' });
  expect(request[1].res).toEqual({ statusCode: 200 });
  const activity = all.find(mailed)!;
  expect(activity.workflowId).toBe('task:9/CV-STTTT:NB-BAONB');
  expect(activity.namespace).toBe(t.config.TEMPORAL_NAMESPACE);
  expect(all.find((r) => r.msg === 'sign-in attempt')).toMatchObject({
    user: { password: '[redacted]' },
    token: '[redacted]',
    authorization: '[redacted]',
  });
  expect(all.find((r) => r.msg === 'link failed')!.err.message).toBe(`cannot open ${t.config.publicUrl}/t/…`);
}, 120_000);
