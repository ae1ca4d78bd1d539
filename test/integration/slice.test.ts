// One thin slice through every real part: the CLI's launch call starts a directive on the
// Temporal dev server, each unit's assignment mail reaches the SMTP sink with its own link, the
// mail outbox page lists it to the office's coordinator, and the link opens the unit's task page.
import nodemailer from 'nodemailer';
import { DirectiveSchema } from '../../domain/schemas';
import { formatDateTime } from '../../domain/format';
import { launchDirective } from '../../client/temporal';
import { directiveStatusQuery } from '../../workflows/messages';
import { createUsers } from '../../db/users';
import { startTestStack, type TestStack } from '../helpers/stack';
import { login, PASSWORD } from '../helpers/staff';
import { eventually } from '../helpers/wait';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 180_000);
afterAll(async () => {
  await t?.stop();
}, 60_000);

test('each real part starts and answers', async () => {
  const info = await t.client.connection.workflowService.getSystemInfo({});
  expect(info.serverVersion).toMatch(/^\d+\.\d+/);
  const { rows } = await t.stack.pool.query(
    `SELECT current_setting('server_encoding') AS enc, count(*)::int AS units FROM units`,
  );
  expect(rows[0]).toEqual({ enc: 'UTF8', units: expect.any(Number) });
  expect(rows[0].units).toBeGreaterThan(10); // the demo directory was loaded on first start
  const mailer = nodemailer.createTransport(t.stack.smtpUrl);
  await mailer.sendMail({
    from: 'a@example.vn',
    to: 'b@example.vn',
    subject: 'Kiểm tra hộp thư — tiếng Việt',
    text: 'Xin chào',
  });
  mailer.close();
  const got = await t.stack.pool.query(`SELECT subject FROM mailbox WHERE rcpt_to @> ARRAY['b@example.vn']`);
  expect(got.rows.map((r) => r.subject)).toEqual(['Kiểm tra hộp thư — tiếng Việt']);
  expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
});

test('launching a two-unit directive mails each unit a link that opens its task', async () => {
  const directive = DirectiveSchema.parse({
    number: '77/UBND-VP9',
    title: 'Triển khai thí điểm theo dõi nhiệm vụ',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-20',
    tasks: [
      {
        unit: 'NB-STTTT',
        title: 'Tuyên truyền trên báo chí',
        deadline: { workingDays: 10 },
        indicators: [{ code: 'articles', name: 'Tin, bài', unit: 'bài' }],
      },
      { unit: 'NB-CATINH', title: 'Cung cấp thông tin cho báo chí', deadline: { workingDays: 10 } },
    ],
  });
  const launched = await launchDirective(t.client, t.config, directive, t.stack.pool);
  expect(launched).toEqual({ launched: true, workflowId: 'directive:77/UBND-VP9' });
  // Launching again starts nothing new.
  expect(await launchDirective(t.client, t.config, directive, t.stack.pool)).toMatchObject({ launched: false });

  const mails = await eventually(
    'two assignment mails',
    async () => {
      const { rows } = await t.stack.pool.query(
        `SELECT * FROM mailbox WHERE subject LIKE '[77/UBND-VP9]%' ORDER BY id`,
      );
      return rows.length >= 2 ? rows : undefined;
    },
    60_000,
  );
  expect(mails.map((m) => m.rcpt_to[0]).sort()).toEqual([
    'vanthu@congan.ninhbinh.example.vn',
    'vanthu@stttt.ninhbinh.example.vn',
  ]);
  const stttt = mails.find((m) => m.rcpt_to[0] === 'vanthu@stttt.ninhbinh.example.vn')!;
  expect(stttt.subject).toContain('Tuyên truyền trên báo chí');
  const link = stttt.body_text.match(new RegExp(`${t.config.publicUrl}/t/([A-Za-z0-9_-]{43})`));
  expect(link).not.toBeNull();

  // The outbox shows every link sent: an anonymous visitor is sent to log in, a coordinator reads it.
  expect((await t.app.inject({ url: '/outbox' })).statusCode).toBe(303);
  const email = 'vanphong@ubnd.ninhbinh.example.vn';
  await createUsers(t.stack.pool).add({ email, name: 'Văn phòng', role: 'coordinator', password: PASSWORD });
  const { cookie } = await login(t.app, email);
  const outbox = await t.app.inject({ url: '/outbox', headers: { cookie } });
  expect(outbox.statusCode).toBe(200);
  expect(outbox.body).toContain('[77/UBND-VP9]');
  // Its times on Vietnam's clock, as the office reads every other time of the app.
  const at = formatDateTime(stttt.received_at.getTime(), 'vi');
  expect(outbox.body).toContain(at);
  // One message as the unit got it: its text, with the link to the task page made clickable.
  const message = await t.app.inject({ url: `/outbox/${stttt.id}`, headers: { cookie } });
  expect(message.statusCode).toBe(200);
  expect(message.body).toContain(`<a href="${link![0]}">${link![0]}</a>`);
  expect(message.body).toContain('Tuyên truyền trên báo chí');
  expect(message.body).toContain(`Lúc: ${at}`);

  const page = await t.app.inject({ url: `/t/${link![1]}` });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Tuyên truyền trên báo chí');
  expect(page.body).toContain('77/UBND-VP9');
  expect(page.body).not.toContain('Cung cấp thông tin cho báo chí'); // the other unit's task
  expect(page.headers['referrer-policy']).toBe('no-referrer');

  const tampered = link![1].slice(0, -1) + (link![1].endsWith('A') ? 'B' : 'A');
  const refused = await t.app.inject({ url: `/t/${tampered}` });
  expect(refused.statusCode).toBe(403);
  expect(refused.body).not.toContain('Tuyên truyền');

  const view = await t.client.workflow.getHandle('directive:77/UBND-VP9').query(directiveStatusQuery);
  expect(view.total).toBe(2);
  const sent = await t.stack.pool.query(
    `SELECT count(*)::int AS n FROM outbox WHERE directive_number = '77/UBND-VP9' AND status = 'sent'`,
  );
  expect(sent.rows[0].n).toBe(2);
}, 120_000);
