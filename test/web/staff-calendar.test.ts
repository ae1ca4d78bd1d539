// The admin imports a year's days off from the web: the same parser and import as `dondoc
// calendar import`; the page says which days changed; a bad file is named by its line; only an
// admin may, and only with the form's token.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addUser, cookieJar, csrfIn, login, startStaffApp, type StaffApp } from '../helpers/staff';

/** Tết 2027 as a notice might fix it: 4-14/2, with Saturday 30/1 worked in exchange. */
const TET_2027 = readFileSync(path.join(__dirname, '..', 'fixtures', 'calendar', 'tet-2027.yaml'), 'utf8');

let s: StaffApp;
let admin: string;

beforeAll(async () => {
  s = await startStaffApp();
  admin = (await login(s.app, (await addUser(s, 'admin')).email)).cookie;
}, 60_000);
afterAll(async () => {
  await s?.stop();
});

/** Posts the page's form as a browser would: multipart, with the file and the form token. */
async function importFile(cookie: string, file: { name: string; text: string }, token?: string) {
  const page = await s.app.inject({ url: '/quan-tri/lich-nghi', headers: { cookie } });
  const jar = cookieJar(page, cookie);
  const form = new FormData();
  form.append('_csrf', token ?? csrfIn(page.body));
  form.append('file', new Blob([file.text]), file.name);
  const request = new Request('http://dondoc.test/', { method: 'POST', body: form });
  return s.app.inject({
    method: 'POST',
    url: '/quan-tri/lich-nghi',
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { cookie: jar, 'content-type': request.headers.get('content-type')! },
  });
}

test("an admin imports 2027's Tết from its file; the page says which days changed, then that nothing did", async () => {
  const before = await s.app.inject({ url: '/quan-tri/lich-nghi', headers: { cookie: admin } });
  expect(before.statusCode).toBe(200);
  expect(before.body).toContain('Năm 2027: dự kiến');
  const res = await importFile(admin, { name: '2027.yaml', text: TET_2027 });
  expect(res.statusCode).toBe(200);
  const notice = /id="notice">([\s\S]*?)<\/div>/.exec(res.body)![1];
  expect(notice).toContain('Đã nhập lịch nghỉ năm 2027.');
  expect(notice).toContain('Thành ngày nghỉ: T5 11/02/2027, T6 12/02/2027');
  expect(notice).toContain('Thành ngày làm việc: T7 30/01/2027');
  expect(notice).toContain('Chưa báo được cho các nhiệm vụ đang chạy');
  expect(res.body).not.toContain('Năm 2027: dự kiến');
  const stored = await s.pool.query(`SELECT imported_by FROM holiday_announcements WHERE year = 2027`);
  expect(stored.rows).toEqual([{ imported_by: 'Cán bộ admin <admin@ubnd.ninhbinh.example.vn>' }]);
  const again = await importFile(admin, { name: '2027.yaml', text: TET_2027 });
  expect(again.body).toContain('Lịch nghỉ năm 2027 đã đúng như tệp: không có gì thay đổi.');
});

test('a bad file is named by its line and field; nothing is stored', async () => {
  const res = await importFile(admin, { name: 'sai.yaml', text: TET_2027.replace('[tet]', '[tết]') });
  expect(res.statusCode).toBe(422);
  expect(res.body).toMatch(/sai\.yaml:3: announcements\.0\.occasions\.0: /);
  expect(
    (await s.pool.query(`SELECT 1 FROM holiday_announcements WHERE year = 2027 AND imported_by LIKE 'Cán bộ%'`))
      .rowCount,
  ).toBe(1);
});

test('only an admin opens the page, and a form without its token changes nothing', async () => {
  for (const role of ['coordinator', 'supervisor'] as const) {
    const cookie = (await login(s.app, (await addUser(s, role)).email)).cookie;
    expect((await s.app.inject({ url: '/quan-tri/lich-nghi', headers: { cookie } })).statusCode).toBe(403);
  }
  const forged = await importFile(admin, { name: '2028.yaml', text: TET_2027.replace(/2027/g, '2028') }, 'forged');
  expect(forged.statusCode).toBe(403);
  expect((await s.pool.query(`SELECT 1 FROM holiday_announcements WHERE year = 2028`)).rowCount).toBe(0);
});
