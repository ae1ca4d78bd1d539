// Mail needing the office: refused and in-doubt messages are listed for coordinators only, and
// "send again" delivers one once, however often it is clicked. Real PostgreSQL and SMTP sink.
import { queueMessage } from '../../activities/outbox';
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { freePort } from '../helpers/stack';
import { addUser, login, postForm, startStaffApp, type StaffApp } from '../helpers/staff';

let s: StaffApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const port = freePort();

beforeAll(async () => {
  s = await startStaffApp({ env: { SMTP_URL: `smtp://127.0.0.1:${await port}` } });
  sink = await startSmtpSink(s.pool, await port);
  const rows = [
    {
      key: 'task:1/A:NB-STTTT:reminder:x:vanthu@a.example.vn',
      status: 'in_doubt',
      subject: 'Nhắc hạn báo cáo (chưa rõ)',
    },
    {
      key: 'task:1/A:NB-SVHTT:reminder:x:vanthu@b.example.vn',
      status: 'failed',
      subject: 'Nhắc hạn báo cáo (bị từ chối)',
    },
    { key: 'task:1/A:NB-BAONB:reminder:x:toasoan@c.example.vn', status: 'sent', subject: 'Nhắc hạn báo cáo (đã gửi)' },
  ];
  for (const r of rows) {
    await queueMessage(s.pool, {
      key: r.key,
      purpose: 'reminder',
      recipients: [r.key.split(':').at(-1)!],
      subject: r.subject,
      text: 'Kính gửi đơn vị.',
    });
    await s.pool.query(`UPDATE outbox SET status = $2, last_error = 'mất kết nối' WHERE key = $1`, [r.key, r.status]);
  }
}, 60_000);
afterAll(async () => {
  await s?.stop();
  await sink?.stop();
});

test("the page is the office's: anonymous visitors are sent to log in and supervisors refused", async () => {
  const anonymous = await s.app.inject({ url: '/thu-can-xem' });
  expect([302, 303]).toContain(anonymous.statusCode);
  expect(anonymous.headers.location).toContain('/dang-nhap');
  const supervisor = await addUser(s, 'supervisor', { email: 'giamsat@ubnd.example.vn' });
  const { cookie } = await login(s.app, supervisor.email);
  expect((await s.app.inject({ url: '/thu-can-xem', headers: { cookie } })).statusCode).toBe(403);
});

test('lists refused and in-doubt mail, and sends one again exactly once however often it is asked', async () => {
  const coordinator = await addUser(s, 'coordinator', { email: 'vanphong@ubnd.example.vn' });
  const { cookie } = await login(s.app, coordinator.email);
  const page = await s.app.inject({ url: '/thu-can-xem', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Nhắc hạn báo cáo (chưa rõ)');
  expect(page.body).toContain('Nhắc hạn báo cáo (bị từ chối)');
  expect(page.body).not.toContain('Nhắc hạn báo cáo (đã gửi)');

  const key = 'task:1/A:NB-STTTT:reminder:x:vanthu@a.example.vn';
  const first = await postForm(s.app, cookie, '/thu-can-xem', '/thu-can-xem/gui-lai', { key });
  expect(first.headers.location).toBe('/thu-can-xem?sent=1');
  const again = await postForm(s.app, cookie, '/thu-can-xem', '/thu-can-xem/gui-lai', { key });
  expect(again.headers.location).toBe('/thu-can-xem?sent=0');
  const { rows } = await s.pool.query(`SELECT subject FROM mailbox`);
  expect(rows.map((r) => r.subject)).toEqual(['Nhắc hạn báo cáo (chưa rõ)']);
  expect((await s.pool.query(`SELECT status FROM outbox WHERE key = $1`, [key])).rows[0].status).toBe('sent');
  expect((await s.pool.query(`SELECT count(*)::int AS n FROM audit WHERE action = 'resend_mail'`)).rows[0].n).toBe(1);
});

test('a form without its token is refused and sends nothing', async () => {
  const { cookie } = await login(s.app, 'vanphong@ubnd.example.vn');
  const res = await s.app.inject({
    method: 'POST',
    url: '/thu-can-xem/gui-lai',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'key=task%3A1%2FA%3ANB-SVHTT%3Areminder%3Ax%3Avanthu%40b.example.vn',
  });
  expect(res.statusCode).toBe(403);
  expect((await s.pool.query(`SELECT status FROM outbox WHERE key LIKE '%NB-SVHTT%'`)).rows[0].status).toBe('failed');
});
