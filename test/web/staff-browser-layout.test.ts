// The office's pages in Debian's Chromium at a desktop width (1280 px) and a phone's (390 px):
// nothing overflows its card (the board's directive filter, the launch preview's table, the
// matrix), measured as scrollWidth against clientWidth. With SAVE_SCREENS=1 the review page is
// written to docs/screens/review-vi.png.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../domain/calendar';
import { overdueCutoff } from '../../domain/board';
import { launchChromium, removeScreens, screensFolder, submitLogin } from '../helpers/browser';
import { exampleUnits, seedDirective, taskRecord } from '../helpers/seed';
import { addUser, startStaffApp, type StaffApp } from '../helpers/staff';
import { freePort } from '../helpers/stack';

const root = path.resolve(__dirname, '..', '..');
const screens = screensFolder();
const NUMBER = '41/UBND-VP9';
const TITLE =
  'Triển khai Chương trình truyền thông về quyền con người giai đoạn 2023-2028 trên địa bàn tỉnh Ninh Bình, gắn với cải cách hành chính và chuyển đổi số';
const cut = overdueCutoff(Date.now());
const UNITS = ['NB-STTTT', 'NB-CATINH', 'NB-SLDTBXH', 'NB-STP', 'NB-STC', 'NB-SVHTT'];

let s: StaffApp;
let browser: Browser;
let base: string;
let office: string;
let supervisor: string;

beforeAll(async () => {
  browser = await launchChromium();
  const port = await freePort();
  s = await startStaffApp({ env: { WEB_PORT: String(port) } });
  await s.readModel.upsertUnits(exampleUnits());
  await seedDirective(
    s.readModel,
    {
      number: NUMBER,
      title: TITLE,
      issuedOn: '2026-06-01',
      tasks: UNITS.map((unit) => ({ unit, title: `Nhiệm vụ của ${unit}`, deadline: { workingDays: 5 } })),
    },
    { launchedAt: Date.now() },
  );
  // A report waiting for review, with its file; an earlier one returned; the rest overdue or open.
  const body = 'Danh sách 218 tin, bài đã đăng trên Báo Ninh Bình và Cổng thông tin điện tử tỉnh\n';
  const sha256 = createHash('sha256').update(body).digest('hex');
  mkdirSync(path.join(s.config.dataDir, 'attachments'), { recursive: true });
  writeFileSync(path.join(s.config.dataDir, 'attachments', sha256), body);
  const waiting = taskRecord({
    directive: NUMBER,
    unit: 'NB-STTTT',
    deadline: addDays(cut, 3),
    phase: 'submitted',
    submittedAt: Date.now() - 3_600_000,
    indicators: { articles: 218, leaflets: 20_000 },
    title: 'Tuyên truyền trên báo chí, phát thanh, truyền hình về quyền con người',
  });
  waiting.spec.indicators = [
    { code: 'articles', name: 'Tin, bài đã đăng', unit: 'bài' },
    { code: 'leaflets', name: 'Tờ gấp đã phát hành', unit: 'tờ' },
  ];
  const [first] = waiting.state.reports;
  waiting.state.reports = [
    {
      ...first,
      receipt: `${NUMBER}-NB-STTTT-01`,
      submissionId: 'sub-layout-0001',
      submittedAt: Date.now() - 86_400_000 * 4,
      text: 'Đã đăng 150 tin, bài.',
      indicators: { articles: 150 },
      review: 'returned',
      reviewComment: 'Bổ sung số tờ gấp đã phát hành và danh sách tin, bài kèm theo.',
    },
    {
      ...first,
      receipt: `${NUMBER}-NB-STTTT-02`,
      submissionId: 'sub-layout-0002',
      text: 'Sở Thông tin và Truyền thông báo cáo: đã đăng 218 tin, bài; phát hành 20.000 tờ gấp; danh sách kèm theo.',
      attachments: [{ name: 'danh-sach-tin-bai.txt', sha256, bytes: Buffer.byteLength(body) }],
    },
  ];
  await s.readModel.upsertTask(waiting);
  for (const [i, unit] of UNITS.slice(1).entries())
    await s.readModel.upsertTask(
      taskRecord({ directive: NUMBER, unit, deadline: addDays(cut, i % 2 ? -4 : 6), level: i % 2 ? 1 : 0 }),
    );
  await s.app.listen({ host: '127.0.0.1', port });
  base = `http://127.0.0.1:${port}`;
  office = (await addUser(s, 'coordinator')).email;
  supervisor = (await addUser(s, 'supervisor')).email;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
  removeScreens(screens);
}, 60_000);

async function loggedIn(email: string, width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/dang-nhap`);
  await submitLogin(page, email, (u) => !u.pathname.startsWith('/dang-nhap'));
  return page;
}

/** Every card, form and the page itself whose content is wider than its box, as "selector: scroll/client". */
const overflowing = (page: Page) =>
  page.evaluate<string[]>(`[document.documentElement, ...document.querySelectorAll('main, .card, form, .tiles')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => (e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')) + ': ' + e.scrollWidth + '/' + e.clientWidth)`);

describe.each([1280, 390])('at %i px wide', (width) => {
  test('the board, its directive filter and its forms fit their cards', async () => {
    const page = await loggedIn(supervisor, width);
    await page.goto(`${base}/giam-sat?directive=${encodeURIComponent(NUMBER)}`);
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });

  test('the matrix and the review page fit their cards', async () => {
    const page = await loggedIn(office, width);
    await page.goto(`${base}/van-ban/ma-tran?so=${encodeURIComponent(NUMBER)}`);
    expect(await page.locator('#matrix tbody tr').count()).toBe(UNITS.length);
    expect(await overflowing(page)).toEqual([]);
    await page.goto(`${base}/nhiem-vu?id=${encodeURIComponent(`task:${NUMBER}:NB-STTTT`)}`);
    expect(await page.locator('#status').innerText()).toBe('Đang chờ xem xét');
    expect(await overflowing(page)).toEqual([]);
    if (width === 1280) {
      const shot = await page.screenshot({ path: path.join(screens, 'review-vi.png'), fullPage: true });
      expect(shot.readUInt32BE(16)).toBe(1280);
    }
    await page.context().close();
  });

  test("the launch preview's table fits its card", async () => {
    const page = await loggedIn(office, width);
    await page.goto(`${base}/van-ban/moi`);
    const file = readFileSync(path.join(root, 'examples', 'ninh-binh-524.yaml'), 'utf8').replace(
      '524/UBND-VP9',
      '529/UBND-VP9',
    );
    await page
      .locator('#f-file')
      .setInputFiles({ name: 'ninh-binh-529.yaml', mimeType: 'text/yaml', buffer: Buffer.from(file) });
    await Promise.all([page.waitForSelector('#draft'), page.locator('#upload button').click()]);
    await Promise.all([page.waitForSelector('#xem-han'), page.locator('#do-preview').click()]);
    expect(await page.locator('#preview tbody tr').count()).toBeGreaterThan(3);
    expect(await overflowing(page)).toEqual([]);
    await page.context().close();
  });
});
