// A department's whole visit in a real browser (Debian's Chromium through playwright-core): the
// link from the assignment mail captured at the SMTP sink, the report with its indicators and an
// attachment, the receipt number on the page, the receipt mail at the sink, then the page in
// English and on a phone. With SAVE_SCREENS=1 the screenshots are written to docs/screens/.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { taskStateQuery } from '../../workflows/messages';
import { launchChromium, removeScreens, screensFolder } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { directiveFor, launchWithLinks, taskIdOf, UNIT_MAILBOX } from './department-helpers';

const screens = screensFolder();
const directive = directiveFor('89/UBND-VP9', ['NB-STTTT']);
let t: TestStack;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestStack();
  await t.app.listen({ host: '127.0.0.1', port: t.config.WEB_PORT });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  removeScreens(screens);
}, 60_000);

test('a unit opens its link from the mail, reports with indicators and a file, and sees its receipt in Vietnamese and English', async () => {
  const links = await launchWithLinks(t, directive);
  const { rows } = await t.stack.pool.query(
    `SELECT body_text FROM mailbox WHERE subject LIKE '[89/UBND-VP9]%' AND $1 = ANY(rcpt_to)`,
    [UNIT_MAILBOX['NB-STTTT']],
  );
  const link = rows[0].body_text.match(/http:\/\/\S+\/t\/[A-Za-z0-9_-]{43}/)![0];
  expect(link).toBe(`${t.config.publicUrl}/t/${links['NB-STTTT']}`);

  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const referers: (string | undefined)[] = [];
  page.on('request', (r) => void referers.push(r.headers().referer));
  await page.goto(link);
  expect(await page.locator('h1').textContent()).toBe('Báo cáo kết quả tuyên truyền của NB-STTTT');
  await page
    .getByLabel('Nội dung báo cáo')
    .fill('Sở đã đăng 218 tin, bài trên Báo Ninh Bình và phát hành 20.000 tờ rơi về quyền con người.');
  await page.getByLabel('Số tin, bài đã đăng (bài), chỉ tiêu 200').fill('218');
  await page.getByLabel('Số tờ rơi đã phát hành (tờ)').fill('20.000');
  await page.getByLabel('Người báo cáo (họ tên, chức vụ)').fill('Phạm Thị Hạnh, Giám đốc Sở');
  await page.locator('#attachments').setInputFiles({
    name: 'bao-cao-quy-IV.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Báo cáo quý IV/2026\n'),
  });
  await page.screenshot({ path: path.join(screens, 'task-page-form-vi.png'), fullPage: true });
  await Promise.all([page.waitForURL(/receipt=/), page.getByRole('button', { name: 'Gửi báo cáo' }).click()]);

  expect(await page.locator('.notice').textContent()).toContain('Số tiếp nhận: 89/UBND-VP9-NB-STTTT-01');
  const report = await page.locator('.report').innerText();
  expect(report).toContain('Số tin, bài đã đăng: 218 bài');
  expect(report).toContain('Số tờ rơi đã phát hành: 20.000 tờ');
  expect(await page.locator('.report a[download]').textContent()).toBe('bao-cao-quy-IV.txt');
  await page.screenshot({ path: path.join(screens, 'task-page-vi.png'), fullPage: true });

  const view = await t.client.workflow.getHandle(taskIdOf(directive, 'NB-STTTT')).query(taskStateQuery);
  expect(view.state.reports.map((r) => [r.receipt, r.indicators, r.submittedBy])).toEqual([
    ['89/UBND-VP9-NB-STTTT-01', { articles: 218, leaflets: 20000 }, 'Phạm Thị Hạnh, Giám đốc Sở'],
  ]);
  const receiptMail = await t.stack.pool.query(
    `SELECT rcpt_to FROM mailbox WHERE body_text LIKE '%89/UBND-VP9-NB-STTTT-01%'`,
  );
  expect(receiptMail.rows).toEqual([{ rcpt_to: [UNIT_MAILBOX['NB-STTTT']] }]);

  await Promise.all([page.waitForURL(/lang=en/), page.getByRole('link', { name: 'English' }).click()]);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.getByRole('heading', { name: 'Reports sent' }).isVisible()).toBe(true);
  const english = await page.locator('.report').innerText();
  expect(english).toContain('Receipt number: 89/UBND-VP9-NB-STTTT-01');
  expect(english).toContain('Số tờ rơi đã phát hành: 20,000 tờ'); // indicator names are the directive's words
  await page.screenshot({ path: path.join(screens, 'task-page-en.png'), fullPage: true });

  // The report's POST, the page after it and the language switch: the link never left as a Referer.
  expect(referers.length).toBeGreaterThanOrEqual(4);
  expect(referers.filter((r) => r !== undefined)).toEqual([]);

  const phone = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const small = await phone.newPage();
  await small.goto(link);
  const width = Number(await small.evaluate('document.documentElement.scrollWidth'));
  expect(width).toBeLessThanOrEqual(390); // nothing sticks out sideways on a phone
  await small.screenshot({ path: path.join(screens, 'task-page-phone-vi.png'), fullPage: true });
  await phone.close();
  await context.close();
}, 120_000);
