// A request for explanation (yêu cầu giải trình) from start to end, in a real browser (Debian's
// Chromium through playwright-core) against the real web app, PostgreSQL, outbox and SMTP sink,
// the workflows on the time-skipping server: a supervisor asks from the board; the unit is mailed
// its own link; it is reminded the working day before the deadline and, unanswered, its head's
// substitute is told the working day after, never weekly; the unit answers from its page with a
// file; the answer shows on the task page, the board and the monthly overview, and the request
// is counted nowhere. With SAVE_SCREENS=1 the screenshots are written to docs/screens/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { atLocalTime, localDateOf, vietnamCalendar } from '../../domain/calendar';
import { DirectiveSchema } from '../../domain/schemas';
import { formatDateVi } from '../../domain/format';
import { launchDirective } from '../../client/temporal';
import { createUsers } from '../../db/users';
import { launchChromium, logInAt, removeScreens, screensFolder } from '../helpers/browser';
import { exampleUnits } from '../helpers/seed';
import { PASSWORD } from '../helpers/staff';
import { startSkippingStack, type SkippingStack } from '../helpers/time-skipping-stack';
import { eventually } from '../helpers/wait';

const screens = screensFolder();
const cal = vietnamCalendar();
const today = localDateOf(Date.now());
const TASK = 'task:90/UBND-VP9:NB-STTTT';
const UNIT_MAIL = 'vanthu@stttt.ninhbinh.example.vn';
const HEAD = 'giamdoc@stttt.ninhbinh.example.vn';
const SUBSTITUTE = 'phogiamdoc@stttt.ninhbinh.example.vn';

let t: SkippingStack;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startSkippingStack();
  await t.readModel.upsertUnits(exampleUnits());
  const users = createUsers(t.pool);
  await users.add({
    email: 'pct.vanxa@ubnd.ninhbinh.example.vn',
    name: 'Nguyễn Văn An',
    role: 'supervisor',
    password: PASSWORD,
  });
  await users.add({ email: 'quantri@ubnd.ninhbinh.example.vn', name: 'Quản trị', role: 'admin', password: PASSWORD });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  removeScreens(screens);
}, 60_000);

test('a supervisor asks for an explanation from the board; the unit is chased, answers with a file, and the answer shows everywhere but is counted nowhere', async () => {
  // The department's task was due three working days ago and has no report.
  const overdueSince = cal.workingDaysBefore(today, 3);
  await launchDirective(
    t.env.client,
    t.config,
    DirectiveSchema.parse({
      number: '90/UBND-VP9',
      title: 'Tuyên truyền Chương trình truyền thông về quyền con người',
      issuer: 'UBND tỉnh Ninh Bình',
      issuedOn: '2026-11-02',
      tasks: [{ unit: 'NB-STTTT', title: 'Báo cáo kết quả tuyên truyền năm 2026', deadline: { date: overdueSince } }],
    }),
    t.pool,
  );
  await t.awaitMails(/^\[90\/UBND-VP9\] Giao nhiệm vụ/, 1);
  await eventually('the task overdue on the board', async () => (await t.readModel.task(TASK))?.state === 'open');

  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const leader = await context.newPage();
  await logInAt(leader, `${t.base}/giam-sat`, 'pct.vanxa@ubnd.ninhbinh.example.vn');
  const row = leader.locator('#overdue tbody tr', { hasText: 'Báo cáo kết quả tuyên truyền năm 2026' });
  await Promise.all([
    leader.waitForURL(/\/giai-trinh\/moi\?id=/),
    row.getByRole('link', { name: 'Yêu cầu giải trình' }).click(),
  ]);
  const byDefault = cal.workingDaysAfter(today, 2);
  expect(await leader.locator('label[for="deadline"]').innerText()).toContain('mặc định 2 ngày làm việc');
  await leader
    .getByLabel('Nội dung yêu cầu giải trình')
    .fill('Đề nghị Sở giải trình lý do chậm báo cáo và cho biết thời điểm hoàn thành.');
  await leader.screenshot({ path: path.join(screens, 'explanation-ask.png'), fullPage: true });
  await Promise.all([
    leader.waitForURL(/giai-trinh=1/),
    leader.getByRole('button', { name: 'Gửi yêu cầu giải trình' }).click(),
  ]);
  expect(await leader.locator('#explanation-sent').innerText()).toBe(
    `Đã gửi yêu cầu giải trình; hạn giải trình: ${formatDateVi(byDefault)}.`,
  );
  expect(await leader.locator('#explanations .explanation').getAttribute('data-state')).toBe('awaited');

  // The unit's mail reads as a request for explanation and carries its own link.
  const [request] = await t.awaitMails(/Yêu cầu giải trình/, 1);
  expect(request.to).toEqual([UNIT_MAIL]);
  expect(request.subject).toBe('[90/UBND-VP9] Yêu cầu giải trình: Báo cáo kết quả tuyên truyền năm 2026');
  expect(request.text).toContain('Nguyễn Văn An yêu cầu Quý cơ quan giải trình');
  expect(request.text).toContain('Đề nghị Sở giải trình lý do chậm báo cáo');
  const link = request.text.match(/http:\/\/\S+\/t\/[A-Za-z0-9_-]{43}/)![0];

  // The head is away: the office names the substitute in the directory (audited).
  const office = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const admin = await office.newPage();
  await logInAt(admin, `${t.base}/quan-tri/don-vi/sua?ma=NB-STTTT`, 'quantri@ubnd.ninhbinh.example.vn');
  await admin.locator('input[name="sub_name"]').fill('Lê Văn Minh');
  await admin.locator('input[name="sub_email"]').fill(SUBSTITUTE);
  await admin.locator('input[name="sub_from"]').fill(cal.workingDaysBefore(today, 1));
  await admin.locator('input[name="sub_to"]').fill(cal.workingDaysAfter(today, 20));
  await Promise.all([admin.waitForURL(/ok=1/), admin.getByRole('button', { name: 'Lưu thay đổi' }).click()]);
  expect(await admin.locator('#history').innerText()).toContain('substitute');
  await office.close();

  // Chased on the workflows' clock: the reminder the working day before, the substitute the working day after.
  const due = (
    await eventually('the request’s row', () =>
      t.pool.query(`SELECT deadline FROM explanations`).then((r) => r.rows[0]),
    )
  ).deadline as string;
  expect(due).toBe(byDefault);
  await t.skipTo(atLocalTime(cal.workingDaysBefore(due, 1), 8, 5));
  const [reminder] = await t.awaitMails(/Nhắc hạn giải trình/, 1);
  expect([reminder.to, reminder.subject]).toEqual([
    [UNIT_MAIL],
    '[90/UBND-VP9] Nhắc hạn giải trình: Báo cáo kết quả tuyên truyền năm 2026 (còn 2 ngày làm việc)',
  ]);
  await t.skipTo(atLocalTime(cal.workingDaysAfter(due, 1), 8, 5));
  const [escalation] = await t.awaitMails(/Đôn đốc giải trình/, 1);
  expect(escalation.to).toEqual([SUBSTITUTE]);
  expect(escalation.text).toContain(
    'Kính gửi: Lê Văn Minh, người được giao thay Thủ trưởng Sở Thông tin và Truyền thông',
  );
  expect(escalation.text).toContain('Xem và gửi giải trình');
  await t.skipTo(atLocalTime(cal.workingDaysAfter(due, 12), 9));
  // The main task's ladder goes on; the request's does not go weekly.
  await t.awaitMails(/Đôn đốc cấp 3/, 1);
  expect((await t.mails(/giải trình/i)).map((m) => m.subject.replace(/:.*$/, ''))).toEqual([
    '[90/UBND-VP9] Yêu cầu giải trình',
    '[90/UBND-VP9] Nhắc hạn giải trình',
    '[90/UBND-VP9] Đôn đốc giải trình',
  ]);
  expect((await t.mails(/./)).filter((m) => m.to.includes(HEAD) && /giải trình/.test(m.subject))).toEqual([]);

  // The unit answers from its own page, with a file.
  const unit = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1000, height: 900 } });
  const page = await unit.newPage();
  await page.goto(link);
  expect(await page.locator('h1').innerText()).toBe('Yêu cầu giải trình');
  expect(await page.locator('#request').innerText()).toContain('Đề nghị Sở giải trình lý do chậm báo cáo');
  expect(await page.locator('#about').innerText()).toContain('Báo cáo kết quả tuyên truyền năm 2026');
  await page
    .getByLabel('Nội dung giải trình')
    .fill('Sở chậm do chờ số liệu của các huyện; sẽ gửi báo cáo trước ngày 20.');
  await page.getByLabel('Người giải trình (họ tên, chức vụ)').fill('Lê Văn Minh, Phó Giám đốc Sở');
  await page
    .locator('#attachments')
    .setInputFiles({ name: 'giai-trinh.txt', mimeType: 'text/plain', buffer: Buffer.from('Giải trình\n') });
  await page.screenshot({ path: path.join(screens, 'explanation-unit.png'), fullPage: true });
  await Promise.all([page.waitForURL(/receipt=/), page.getByRole('button', { name: 'Gửi giải trình' }).click()]);
  expect(await page.locator('.notice').innerText()).toMatch(
    /^Đã nhận giải trình\. Số tiếp nhận: explanation-90\/UBND-VP9-NB-STTTT-1-01 /,
  );
  expect(await page.locator('#answer a[download]').innerText()).toBe('giai-trinh.txt');
  expect(await page.locator('#giai-trinh').count()).toBe(0); // answered: no form any more
  const [receipt] = await t.awaitMails(/Đã nhận giải trình/, 1);
  expect(receipt.to).toEqual([UNIT_MAIL]);
  await unit.close();

  // The supervisor reads the answer on the task page, the board and the monthly overview.
  await eventually(
    'the answer recorded',
    async () => (await t.pool.query(`SELECT state FROM explanations WHERE state = 'done'`)).rowCount === 1 || undefined,
  );
  await leader.goto(`${t.base}/nhiem-vu?id=${encodeURIComponent(TASK)}`);
  const section = leader.locator('#explanations');
  expect(await section.locator('.explanation').getAttribute('data-state')).toBe('explained');
  expect(await section.locator('.answer').innerText()).toBe(
    'Sở chậm do chờ số liệu của các huyện; sẽ gửi báo cáo trước ngày 20.',
  );
  const [file] = await Promise.all([
    leader.waitForEvent('download'),
    section.getByRole('link', { name: 'giai-trinh.txt' }).click(),
  ]);
  expect(readFileSync(await file.path(), 'utf8')).toBe('Giải trình\n');
  await leader.screenshot({ path: path.join(screens, 'explanation-answered.png'), fullPage: true });

  await leader.goto(`${t.base}/giam-sat`);
  expect(await row.locator('.explained').innerText()).toBe(
    'Đã giải trình: Sở chậm do chờ số liệu của các huyện; sẽ gửi báo cáo trước ngày 20.',
  );
  // Counted nowhere: one task on the board, not two.
  const tiles = await leader.locator('#buckets .tile b').allInnerTexts();
  expect(tiles.at(-1)).toBe('1');
  await leader.goto(`${t.base}/giam-sat/thang`);
  expect(await leader.locator('#overdue-items li').innerText()).toContain('Đã giải trình');
  expect(
    (await t.pool.query(`SELECT count(*)::int AS n FROM tasks WHERE workflow_id LIKE 'explanation:%'`)).rows[0].n,
  ).toBe(0);
  const directive = await t.env.client.workflow.getHandle('directive:90/UBND-VP9').query('directiveStatus');
  expect(directive).toMatchObject({ started: 1, open: 1 });
  await context.close();
}, 300_000);
