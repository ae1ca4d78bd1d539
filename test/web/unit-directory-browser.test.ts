// The office keeps its directory itself, in a real browser (Debian's Chromium through
// playwright-core) against the real web app, PostgreSQL, outbox and SMTP sink, the workflows on
// the time-skipping server: a unit's address changes mid-task and its next reminder goes to the
// new address, "lost your link?" answers the new address and not the removed one; a department
// merged in the 2025 reorganisation hands its open task over with its deadline; a closed unit's
// task is listed until the office moves it; the same changes from the command line, audited.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { atLocalTime, localDateOf, vietnamCalendar } from '../../domain/calendar';
import { DirectiveSchema } from '../../domain/schemas';
import { launchDirective } from '../../client/temporal';
import { createUsers } from '../../db/users';
import { launchChromium, logInAt, removeScreens, screensFolder } from '../helpers/browser';
import { exampleUnits } from '../helpers/seed';
import { PASSWORD } from '../helpers/staff';
import { startSkippingStack, type SkippingStack } from '../helpers/time-skipping-stack';
import { eventually } from '../helpers/wait';
import { dondoc, json } from '../cli/run';

const screens = screensFolder();
const cal = vietnamCalendar();
const today = localDateOf(Date.now());
const OLD = 'vanthu@congan.ninhbinh.example.vn';
const NEW = 'vanthu.moi@congan.ninhbinh.example.vn';
const due = {
  'NB-CATINH': cal.workingDaysAfter(today, 5),
  'NB-SLDTBXH': cal.workingDaysAfter(today, 6),
  'NB-STTTT': cal.workingDaysAfter(today, 8),
};

let t: SkippingStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startSkippingStack();
  await t.readModel.upsertUnits(exampleUnits());
  await createUsers(t.pool).add({
    email: 'quantri@ubnd.ninhbinh.example.vn',
    name: 'Quản trị',
    role: 'admin',
    password: PASSWORD,
  });
  await launchDirective(
    t.env.client,
    t.config,
    DirectiveSchema.parse({
      number: '91/UBND-VP9',
      title: 'Tổng kết công tác tuyên truyền năm 2026',
      issuer: 'UBND tỉnh Ninh Bình',
      issuedOn: '2026-11-20',
      tasks: Object.entries(due).map(([unit, date]) => ({
        unit,
        title: `Báo cáo tổng kết của ${unit}`,
        deadline: { date },
      })),
    }),
    t.pool,
  );
  await t.awaitMails(/^\[91\/UBND-VP9\] Giao nhiệm vụ/, 3);
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await logInAt(page, `${t.base}/quan-tri/don-vi`, 'quantri@ubnd.ninhbinh.example.vn');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  removeScreens(screens);
}, 60_000);

test('a unit’s address changed mid-task: the next reminder goes to the new address, and a fresh link to it but not to the old one', async () => {
  await page.goto(`${t.base}/quan-tri/don-vi/sua?ma=NB-CATINH`);
  await page.getByLabel('Địa chỉ thư (mỗi dòng một địa chỉ)').fill(NEW);
  await Promise.all([page.waitForURL(/ok=1/), page.getByRole('button', { name: 'Lưu thay đổi' }).click()]);
  expect(await page.locator('#notice').innerText()).toBe('Đã lưu.');
  await page.screenshot({ path: path.join(screens, 'unit-directory.png'), fullPage: true });
  const audit = await t.pool.query(
    `SELECT actor, via, detail FROM audit WHERE action = 'unit.addresses' AND subject = 'NB-CATINH'`,
  );
  expect(audit.rows).toEqual([
    {
      actor: 'Quản trị <quantri@ubnd.ninhbinh.example.vn>',
      via: 'login',
      detail: { before: { emails: [OLD] }, after: { emails: [NEW] } },
    },
  ]);

  // Three working days before the deadline, on the workflows' clock.
  await t.skipTo(atLocalTime(cal.workingDaysBefore(due['NB-CATINH'], 3), 8, 5));
  const [reminder] = await t.awaitMails(/^\[91\/UBND-VP9\] Nhắc hạn: Báo cáo tổng kết của NB-CATINH/, 1);
  expect(reminder.to).toEqual([NEW]);

  // "Lost your link?", asked from the removed address and from the new one.
  const visitor = await browser.newContext({ locale: 'vi-VN' });
  const lost = await visitor.newPage();
  for (const address of [OLD, NEW]) {
    await lost.goto(`${t.base}/lien-ket`);
    await lost.locator('input[name="email"]').fill(address);
    await Promise.all([lost.waitForNavigation(), lost.locator('form button').click()]);
  }
  const [fresh] = await t.awaitMails(/^\[91\/UBND-VP9\] Đường liên kết mới/, 1);
  expect(fresh.to).toEqual([NEW]);
  const link = fresh.text.match(/http:\/\/\S+\/t\/[A-Za-z0-9_-]{43}/)![0];
  await lost.goto(link);
  expect(await lost.locator('h1').innerText()).toBe('Báo cáo tổng kết của NB-CATINH');
  await visitor.close();
  expect((await t.mails(/./)).filter((m) => m.to.includes(OLD) && !/Giao nhiệm vụ/.test(m.subject))).toEqual([]);
}, 180_000);

test('a department merged into another hands its open task over with its deadline, and its history stays under the new unit', async () => {
  await page.goto(`${t.base}/quan-tri/don-vi/sua?ma=NB-STTTT`);
  await page.locator('#merge select[name="into"]').selectOption('NB-SKHCN');
  await page.locator('#merge input[name="reason"]').fill('Quyết định hợp nhất sở năm 2025');
  await page.locator('#merge button').click();
  await page.waitForSelector('#moves');
  expect(await page.locator('#moves li').innerText()).toMatch(
    /^91\/UBND-VP9: Sở Khoa học và Công nghệ — đã chuyển, hạn ngày/,
  );
  expect(await page.locator('h1 + p').innerText()).toBe('Đã sáp nhập vào Sở Khoa học và Công nghệ');

  // The unit that took the task over hears of it, its focal point (đầu mối) too.
  const assignments = await t.awaitMails(/^\[91\/UBND-VP9\] Giao nhiệm vụ: Báo cáo tổng kết của NB-STTTT/, 3);
  expect(assignments.flatMap((m) => m.to).sort()).toEqual([
    'trang.nt@skhcn.ninhbinh.example.vn',
    'vanthu@skhcn.ninhbinh.example.vn',
    'vanthu@stttt.ninhbinh.example.vn',
  ]);
  await t.awaitMails(/^\[91\/UBND-VP9\] Dừng thực hiện nhiệm vụ/, 1);
  const moved = await eventually('the task under the new unit', () => t.readModel.task('task:91/UBND-VP9:NB-SKHCN'));
  expect([moved.deadline, moved.unit_code]).toEqual([due['NB-STTTT'], 'NB-SKHCN']);
  expect(
    (
      await eventually('the old task cancelled', async () => {
        const old = await t.readModel.task('task:91/UBND-VP9:NB-STTTT');
        return old?.state === 'cancelled' ? old : undefined;
      })
    ).unit_code,
  ).toBe('NB-STTTT');

  await page.goto(`${t.base}/quan-tri/don-vi/sua?ma=NB-SKHCN`);
  expect(await page.locator('#merged').innerText()).toContain('Sở Thông tin và Truyền thông (NB-STTTT)');
  // A unit closed already takes nothing more.
  const cli = await dondoc(['units', 'merge', 'NB-STP', '--into', 'NB-STTTT'], t.cliEnv);
  expect([cli.code, cli.err]).toEqual([2, 'into: NB-STTTT is closed (merged into NB-SKHCN)\n']);
}, 180_000);

test('a closed unit’s open task is listed until the office moves it; the same directory changes from the command line, audited', async () => {
  await page.goto(`${t.base}/quan-tri/don-vi/sua?ma=NB-SLDTBXH`);
  await page.locator('#close input[name="reason"]').fill('Sáp nhập vào Sở Nội vụ từ 01/3/2025');
  await Promise.all([page.waitForURL(/ok=1/), page.locator('#close button').click()]);
  await page.goto(`${t.base}/quan-tri/don-vi`);
  expect(await page.locator('#attention').innerText()).toContain('Sở Lao động - Thương binh và Xã hội: 1');
  await Promise.all([page.waitForURL(/ma=NB-SLDTBXH/), page.locator('#attention a').click()]);
  const row = page.locator('#open-tasks tr[data-task="task:91/UBND-VP9:NB-SLDTBXH"]');
  await row.locator('select[name="to"]').selectOption('NB-SNV');
  await row.getByRole('button', { name: 'Chuyển' }).click();
  await page.waitForSelector('#moves li[data-outcome="moved"]');
  await eventually('the task under Sở Nội vụ', () => t.readModel.task('task:91/UBND-VP9:NB-SNV'));
  await eventually('nothing left to move', async () => {
    await page.goto(`${t.base}/quan-tri/don-vi`);
    return (await page.locator('#attention').count()) === 0;
  });

  const set = await dondoc(
    [
      'units',
      'set',
      'NB-STP',
      '--focal',
      'Nguyễn Thị Hoa <hoa.nt@stp.ninhbinh.example.vn>',
      '--by',
      'Văn phòng UBND tỉnh',
      '--json',
    ],
    t.cliEnv,
  );
  expect(json(set).unit.focalPoint).toEqual({ name: 'Nguyễn Thị Hoa', email: 'hoa.nt@stp.ninhbinh.example.vn' });
  const renamed = await dondoc(
    ['units', 'rename', 'NB-P-HOALU', 'Ủy ban nhân dân phường Hoa Lư (Ninh Bình)'],
    t.cliEnv,
  );
  expect(renamed.out).toBe('NB-P-HOALU (Ủy ban nhân dân phường Hoa Lư (Ninh Bình)): rename recorded.\n');
  const bad = await dondoc(['units', 'set', 'NB-STP', '--head', 'giamdoc@stp'], t.cliEnv);
  expect([bad.code, bad.err]).toEqual([2, '--head "giamdoc@stp": expected "Name <address>", or none\n']);
  // Only what went wrong is explained.
  const explain = await dondoc(['explain', 'task:91/UBND-VP9:NB-SNV', '--question', 'Vì sao?'], t.cliEnv);
  expect([explain.code, explain.err]).toEqual([
    2,
    'id: the task is not yet due; only an overdue, returned or late task is explained\n',
  ]);
  const tasks = json(await dondoc(['units', 'tasks', 'NB-SNV', '--json'], t.cliEnv));
  expect(tasks.map((x: { id: string }) => x.id)).toEqual(['task:91/UBND-VP9:NB-SNV']);
  const audit = await t.pool.query(`SELECT actor, via, action, subject FROM audit WHERE via = 'cli' ORDER BY id`);
  expect(audit.rows).toEqual([
    { actor: 'Văn phòng UBND tỉnh', via: 'cli', action: 'unit.focal', subject: 'NB-STP' },
    { actor: expect.stringMatching(/^dondoc CLI/), via: 'cli', action: 'unit.rename', subject: 'NB-P-HOALU' },
  ]);
}, 180_000);

test('a provincial task passes straight on to communes and wards under the province, with no district between (two-level government since 1 July 2025)', async () => {
  await launchDirective(
    t.env.client,
    t.config,
    DirectiveSchema.parse({
      number: '93/BTTTT-VP',
      title: 'Triển khai chuyển đổi số cấp xã',
      issuer: 'Bộ Thông tin và Truyền thông',
      issuedOn: '2026-11-25',
      tasks: [
        {
          unit: 'NB-UBND',
          title: 'Triển khai chuyển đổi số đến cấp xã',
          deadline: { date: cal.workingDaysAfter(today, 15) },
          cascade: true,
        },
      ],
    }),
    t.pool,
  );
  await t.awaitMails(/^\[93\/BTTTT-VP\] Giao nhiệm vụ/, 1);
  await eventually(
    'the province’s task',
    async () => (await t.readModel.task('task:93/BTTTT-VP:NB-UBND'))?.state === 'open',
  );
  const passed = json(
    await dondoc(
      [
        'cascade',
        '93/BTTTT-VP',
        '--unit',
        'NB-UBND',
        '--number',
        '15/KH-UBND',
        '--deadline',
        '5',
        '--units',
        'NB-P-HOALU,NB-X-BINHLUC',
        '--json',
      ],
      t.cliEnv,
    ),
  );
  expect(passed.units).toEqual(['NB-P-HOALU', 'NB-X-BINHLUC']);
  const mailed = await t.awaitMails(/^\[15\/KH-UBND\] Giao nhiệm vụ/, 2);
  expect(mailed.flatMap((m) => m.to).sort()).toEqual([
    'vanphong@phuonghoalu.ninhbinh.example.vn',
    'vanphong@xabinhluc.ninhbinh.example.vn',
  ]);
  // A unit closed in the reorganisation is no longer under the province for a cascade.
  const closed = await dondoc(
    [
      'cascade',
      '93/BTTTT-VP',
      '--unit',
      'NB-UBND',
      '--number',
      '16/KH-UBND',
      '--deadline',
      '5',
      '--units',
      'NB-SLDTBXH',
    ],
    t.cliEnv,
  );
  expect([closed.code, closed.err]).toEqual([2, '--units: NB-SLDTBXH is not a unit under NB-UBND in the directory\n']);
}, 180_000);
