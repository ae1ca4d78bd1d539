// The office changes a running directive from its matrix, on the real stack: a deadline moved
// later with its reason (the unit mailed), earlier only when confirmed, never to a day past; a
// unit added and removed. Each answer says what happened to which unit.
import { DirectiveSchema } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { createReadModel } from '../../db/read-model';
import { addDays, vietnamCalendar } from '../../domain/calendar';
import { formatDateShortVi, formatDateVi, localDateAt } from '../../domain/format';
import path from 'node:path';
import { taskStateQuery } from '../../workflows/messages';
import { launchChromium, removeScreens, screensFolder } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { logInCoordinator, postForm } from '../helpers/staff';

const NUMBER = '91/UBND-VP9';
const id = (unit: string) => `task:${NUMBER}:${unit}`;
const matrix = `/van-ban/ma-tran?so=${encodeURIComponent(NUMBER)}`;
const cal = vietnamCalendar();
const today = localDateAt(Date.now());
let t: TestStack;
let cookie: string;
const screens = screensFolder();

beforeAll(async () => {
  t = await startTestStack();
  cookie = await logInCoordinator(t.app, t.stack.pool);
  const directive = DirectiveSchema.parse({
    number: NUMBER,
    title: 'Triển khai Đề án truyền thông về quyền con người',
    issuer: 'UBND tỉnh Ninh Bình',
    issuedOn: '2026-11-02',
    tasks: [
      { unit: 'NB-STTTT', title: 'Tuyên truyền trên báo chí', deadline: { workingDays: 10 } },
      { unit: 'NB-CATINH', title: 'Cung cấp thông tin cho báo chí', deadline: { workingDays: 10 } },
    ],
  });
  await launchDirective(t.client, t.config, directive, t.stack.pool);
  await eventually(
    'both tasks assigned',
    async () =>
      (await createReadModel(t.stack.pool).tasksOfDirective(NUMBER)).filter((r) => r.state === 'open').length === 2,
    60_000,
  );
}, 240_000);
afterAll(async () => {
  await t?.stop();
  removeScreens(screens);
}, 60_000);

const amend = (fields: Record<string, string>) =>
  postForm(t.app, cookie, matrix, '/van-ban/dieu-chinh', { so: NUMBER, ...fields });
const deadlineOf = async (unit: string) =>
  (await t.client.workflow.getHandle(id(unit)).query(taskStateQuery)).state.deadline;

test('a deadline moves later with its reason; the answer names the unit and the date; the unit is mailed', async () => {
  const before = await deadlineOf('NB-CATINH');
  const later = cal.workingDaysAfter(before, 5);
  const noReason = await amend({ kind: 'move', unit: 'NB-CATINH', deadline: later, reason: '' });
  expect(noReason.statusCode).toBe(422);
  // Said in the page's language, field first; the English words stay for an English page.
  expect(noReason.body).toContain('reason: hãy nêu lý do đổi hạn (ít nhất 3 ký tự); đơn vị sẽ nhận được lý do này');
  const english = await postForm(t.app, cookie, `${matrix}&lang=en`, '/van-ban/dieu-chinh', {
    so: NUMBER,
    kind: 'move',
    unit: 'NB-CATINH',
    deadline: later,
    reason: '',
  });
  expect(english.body).toContain('reason: say why the deadline moves');
  await t.app.inject({ url: `${matrix}&lang=vi`, headers: { cookie } });
  const res = await amend({ kind: 'move', unit: 'NB-CATINH', deadline: later, reason: 'Chờ số liệu quý IV' });
  expect(res.statusCode).toBe(303);
  const shown = await t.app.inject({ url: res.headers.location as string, headers: { cookie } });
  expect(shown.body).toContain(
    `Công an tỉnh (Ninh Bình): Đã đổi hạn; đơn vị được báo qua thư. Thời hạn: ${formatDateShortVi(later)}.`,
  );
  const mail = await eventually('the deadline mail', async () => {
    const { rows } = await t.stack.pool.query(
      `SELECT rcpt_to, subject, body_text, body_html FROM mailbox WHERE subject LIKE '%Điều chỉnh hạn đến%' AND 'vanthu@congan.ninhbinh.example.vn' = ANY(rcpt_to)`,
    );
    return rows[0];
  });
  expect(mail.body_text).toContain('Chờ số liệu quý IV');
  expect(mail.body_text).toContain(`Hạn trước đây: ${formatDateVi(before)}`);
  // The mail as the unit's mail program shows it (docs/screens/deadline-moved-mail-vi.png with SAVE_SCREENS=1).
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 760, height: 900 } });
    await page.setContent(mail.body_html);
    expect(await page.locator('body').innerText()).toContain('THÔNG BÁO ĐIỀU CHỈNH THỜI HẠN');
    const shot = await page.screenshot({ path: path.join(screens, 'deadline-moved-mail-vi.png'), fullPage: true });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
  } finally {
    await browser.close();
  }
}, 30_000);

test('moving a deadline earlier asks for confirmation; a day already past is refused', async () => {
  const current = await deadlineOf('NB-STTTT');
  const earlier = cal.workingDaysBefore(current, 2);
  const unconfirmed = await amend({ kind: 'move', unit: 'NB-STTTT', deadline: earlier, reason: 'Cần sớm hơn' });
  expect(unconfirmed.statusCode).toBe(422);
  expect(unconfirmed.body).toContain('confirm: hạn mới');
  expect(unconfirmed.body).toContain('sớm hơn thời hạn hiện tại');
  expect(unconfirmed.body).toContain('Cần sớm hơn'); // what was typed is kept
  expect(await deadlineOf('NB-STTTT')).toBe(current);
  const past = await amend({
    kind: 'move',
    unit: 'NB-STTTT',
    deadline: addDays(today, -1),
    reason: 'Nhầm ngày',
    confirm: '1',
  });
  expect(past.statusCode).toBe(422);
  expect(past.body).toContain('đã qua; hạn mới phải từ hôm nay');
  const confirmed = await amend({
    kind: 'move',
    unit: 'NB-STTTT',
    deadline: earlier,
    reason: 'Cần sớm hơn',
    confirm: '1',
  });
  expect(confirmed.statusCode).toBe(303);
  await eventually('the earlier deadline', async () => (await deadlineOf('NB-STTTT')) === earlier);
}, 30_000);

test('a unit is added to the running directive and mailed its assignment, then removed', async () => {
  const due = cal.workingDaysAfter(today, 8);
  const added = await amend({ kind: 'add', unit: 'NB-STP', title: 'Trợ giúp pháp lý', deadline: due });
  expect(added.statusCode).toBe(303);
  const shown = await t.app.inject({ url: added.headers.location as string, headers: { cookie } });
  expect(shown.body).toContain('Sở Tư pháp (Ninh Bình): Đã thêm nhiệm vụ; thư giao nhiệm vụ đang được gửi đến đơn vị.');
  await eventually('the added task assigned', async () => (await deadlineOf('NB-STP').catch(() => undefined)) === due);
  const removed = await amend({ kind: 'remove', unit: 'NB-STP', reason: 'Giao nhầm đơn vị' });
  expect(removed.statusCode).toBe(303);
  const after = await t.app.inject({ url: removed.headers.location as string, headers: { cookie } });
  expect(after.body).toContain('Sở Tư pháp (Ninh Bình): Đã bỏ nhiệm vụ của đơn vị; đơn vị được báo qua thư.');
  await eventually(
    'the removed task cancelled',
    async () =>
      (await t.stack.pool.query(`SELECT state FROM tasks WHERE workflow_id = $1`, [id('NB-STP')])).rows[0]?.state ===
      'cancelled',
  );
}, 30_000);
