// A supervisor ranks the units for the emulation review in a real browser (Debian's Chromium
// through playwright-core): March 2026's scorecards, the chart drawn with the locally served
// Chart.js, the legend of status colours, a group ranked among itself, the CSV and the DOCX
// annex; then the admin changes the scoring and the ranking follows. With SAVE_SCREENS=1 the
// screenshots are written to docs/screens/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { atLocalTime } from '../../domain/calendar';
import type { TaskRecord } from '../../db/read-model';
import { launchChromium, logInAt, removeScreens, screensFolder } from '../helpers/browser';
import { exampleUnits, seedDirective, taskRecord, type SeedTask } from '../helpers/seed';
import { addUser, csvLines, startStaffApp, type StaffApp } from '../helpers/staff';
import { freePort } from '../helpers/stack';

const screens = screensFolder();
const at = (day: string, hour = 9) => atLocalTime(day, hour);

/** A task of March 2026 as its workflow published it, with what the office did to it. */
function task(t: SeedTask & { returns?: number; support?: string; granted?: boolean }): TaskRecord {
  const r = taskRecord(t);
  if (t.support) Object.assign(r.spec, { role: 'support', supports: t.support });
  const returned = Array.from({ length: t.returns ?? 0 }, (_, i) => ({
    ...r.state.reports[0],
    receipt: `R-${t.unit}-${t.directive}-${i}`,
    submissionId: `sub-${t.unit}-${t.directive}-${i}`,
    review: 'returned' as const,
  }));
  r.state.reports = [...returned, ...r.state.reports.map((x) => ({ ...x, receipt: `A-${t.unit}-${t.directive}` }))];
  if (t.granted)
    r.state.extensions = [{ requested: t.deadline, decided: 'approved', deadline: t.deadline, at: at('2026-03-02') }];
  return r;
}

// March 2026. Directive 30: Công an tỉnh leads (due Fri 13/3), Sở Nội vụ supports it (due Wed 11/3).
const TASKS = [
  task({
    directive: '30/UBND-VP9',
    unit: 'NB-STP',
    deadline: '2026-03-13',
    phase: 'done',
    doneAt: at('2026-03-12'),
    granted: true,
  }),
  task({ directive: '31/UBND-VP9', unit: 'NB-STP', deadline: '2026-03-20', phase: 'done', doneAt: at('2026-03-19') }),
  // Two working days late, but its support unit was three days late: excused.
  task({
    directive: '30/UBND-VP9',
    unit: 'NB-CATINH',
    deadline: '2026-03-13',
    phase: 'done',
    doneAt: at('2026-03-17'),
  }),
  task({
    directive: '30/UBND-VP9',
    unit: 'NB-SNV',
    support: 'NB-CATINH',
    deadline: '2026-03-11',
    phase: 'done',
    doneAt: at('2026-03-16'),
  }),
  task({
    directive: '31/UBND-VP9',
    unit: 'NB-CATINH',
    deadline: '2026-03-20',
    phase: 'done',
    doneAt: at('2026-03-20'),
    returns: 1,
  }),
  task({ directive: '31/UBND-VP9', unit: 'NB-SNV', deadline: '2026-03-20', phase: 'done', doneAt: at('2026-03-18') }),
  task({ directive: '30/UBND-VP9', unit: 'NB-STTTT', deadline: '2026-03-20' }),
  task({ directive: '31/UBND-VP9', unit: 'NB-STTTT', deadline: '2026-03-06', phase: 'done', doneAt: at('2026-03-10') }),
  task({ directive: '30/UBND-VP9', unit: 'NB-STC', deadline: '2026-03-27' }),
  task({
    directive: '30/UBND-VP9',
    unit: 'NB-P-HOALU',
    deadline: '2026-03-25',
    phase: 'done',
    doneAt: at('2026-03-24'),
  }),
  // Due in April: not in March's scorecard.
  task({ directive: '31/UBND-VP9', unit: 'NB-STC', deadline: '2026-04-03', phase: 'done', doneAt: at('2026-04-01') }),
];

let s: StaffApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  browser = await launchChromium();
  const port = await freePort();
  s = await startStaffApp({ env: { WEB_PORT: String(port) } });
  await s.readModel.upsertUnits(exampleUnits());
  for (const number of ['30/UBND-VP9', '31/UBND-VP9'])
    await seedDirective(s.readModel, {
      number,
      title: `Kế hoạch ${number}`,
      issuedOn: '2026-02-20',
      tasks: [{ unit: 'NB-STP', title: 'x', deadline: { workingDays: 5 } }],
    });
  for (const t of TASKS) await s.readModel.upsertTask(t);
  await s.app.listen({ host: '127.0.0.1', port });
  base = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
  removeScreens(screens);
}, 60_000);

const rowsOf = async (page: Page) =>
  page
    .locator('#scores tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) =>
          (td as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim(),
        ),
      ),
    );

test('a supervisor reads March’s scorecards, ranked by the policy, with the chart, the legend, CSV and the DOCX annex', async () => {
  const u = await addUser(s, 'supervisor', { email: 'pct.vanxa@ubnd.ninhbinh.example.vn' });
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (r) => void failed.push(r.url()));
  page.on('pageerror', (e) => void failed.push(e.message));
  await logInAt(page, `${base}/giam-sat/xep-hang?ky=2026-03`, u.email);

  await page.waitForSelector('body[data-charts="drawn"]');
  expect(await page.locator('h1').innerText()).toBe(
    'Xếp hạng thực hiện nhiệm vụ của các cơ quan, đơn vị — Tháng 3/2026',
  );
  const rows = await rowsOf(page);
  // Rank, unit, score: Sở Tư pháp and phường Hoa Lư share the first place (ties go to more tasks on time).
  expect(rows.map((r) => [r[0], r[1].replace(/ \d+ miễn trừ.*$/, ''), r[11].replace(/ Tiến độ.*$/, '')])).toEqual([
    ['1', 'Sở Tư pháp (Ninh Bình)', '100'],
    ['1', 'Ủy ban nhân dân phường Hoa Lư', '100'],
    ['3', 'Công an tỉnh (Ninh Bình)', '96,3'],
    ['4', 'Sở Nội vụ (Ninh Bình)', '91,3'],
    ['5', 'Sở Thông tin và Truyền thông (Ninh Bình)', '56,3'],
    ['6', 'Sở Tài chính (Ninh Bình)', '0'],
  ]);
  const police = rows[2];
  expect(police[1]).toContain('1 miễn trừ do đơn vị phối hợp chậm');
  // Due, on time, done late, in progress, awaiting review, overdue, returned, extensions, mean days late.
  expect(police.slice(2, 11)).toEqual(['2', '2', '0', '0', '0', '0', '1', '0 / 0', '—']);
  expect(rows[0].slice(2, 11)).toEqual(['2', '2', '0', '0', '0', '0', '0', '1 / 1', '—']);
  expect(rows[4].slice(2, 10)).toEqual(['2', '0', '1', '0', '0', '1', '0', '0 / 0']);
  expect(rows[4][12]).toBe('Hoàn thành nhiệm vụ');
  expect(rows[5][12]).toBe('Không hoàn thành nhiệm vụ');
  expect(await page.locator('#formula').innerText()).toContain('Điểm (thang 100) = 70 × tiến độ + 30 × chất lượng.');

  // The one legend, in the palette the badges use.
  const legend = await page.locator('.legend li').allInnerTexts();
  expect(legend).toEqual([
    'Quá hạn',
    'Sắp đến hạn',
    'Đang thực hiện trong hạn',
    'Chờ xem xét báo cáo',
    'Hoàn thành đúng hạn',
    'Hoàn thành quá hạn',
    'Chưa bắt đầu (đang giao, chưa đến hạn)',
  ]);
  const swatch = (cls: string) =>
    page
      .locator(`.legend .swatch.${cls}`)
      .evaluate(
        (e) =>
          (globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string } }).getComputedStyle(e)
            .backgroundColor,
      );
  expect(await swatch('overdue')).toBe('rgb(253, 226, 225)');
  expect(await swatch('done_on_time')).toBe('rgb(216, 242, 224)');
  expect(
    new Set(
      await Promise.all(
        ['overdue', 'due_soon', 'in_progress', 'pending_review', 'done_on_time', 'done_late', 'not_started'].map(
          swatch,
        ),
      ),
    ).size,
  ).toBe(7);

  // Both charts carry ink.
  const painted = await page.evaluate<number[]>(`[...document.querySelectorAll('canvas')].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink += 1;
    return ink;
  })`);
  expect(painted).toHaveLength(2);
  for (const ink of painted) expect(ink).toBeGreaterThan(1000);
  await page.screenshot({ path: path.join(screens, 'scorecard.png'), fullPage: true });
  expect(failed).toEqual([]);

  // CSV of what the page shows.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
  const lines = csvLines(readFileSync(await csv.path(), 'utf8'));
  expect(lines[0]).toBe(
    'rank,unit_code,unit_name,due,on_time,done_late,in_progress,pending_review,overdue,excused_by_support,returned,extensions_asked,extensions_granted,avg_working_days_late,progress_pct,quality_pct,score,grade,merged_units',
  );
  expect(lines[3]).toBe(
    '3,NB-CATINH,Công an tỉnh (Ninh Bình),2,2,0,0,0,0,1,1,0,0,,100,87.5,96.3,Hoàn thành xuất sắc nhiệm vụ,',
  );

  // The DOCX annex to a report, in the administrative layout.
  await page.getByLabel('Kèm theo báo cáo số').fill('45/BC-UBND');
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải phụ lục (DOCX)' }).click(),
  ]);
  expect(docx.suggestedFilename()).toBe('phu-luc-xep-hang-2026-03.docx');
  const xml = await (await JSZip.loadAsync(readFileSync(await docx.path()))).file('word/document.xml')!.async('string');
  const words = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(words).toContain('Phụ lục');
  expect(words).toContain('KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO VÀ XẾP HẠNG CÁC CƠ QUAN, ĐƠN VỊ');
  expect(words).toContain('THÁNG 3/2026');
  expect(words).toMatch(/\(Kèm theo Báo cáo số 45\/BC-UBND ngày \d\d tháng \d\d năm \d{4} của Ủy ban nhân dân tỉnh\)/);
  expect(words).toContain('Sở Thông tin và Truyền thông');
  expect(xml).toContain('w:orient="landscape"');

  // A group (khối thi đua) ranked among itself: the communes and wards.
  await page.locator('select[name="khoi"]').selectOption('commune');
  await Promise.all([page.waitForURL(/khoi=commune/), page.getByRole('button', { name: 'Xem', exact: true }).click()]);
  expect((await rowsOf(page)).map((r) => [r[0], r[1]])).toEqual([['1', 'Ủy ban nhân dân phường Hoa Lư']]);

  // The first quarter holds March's tasks too.
  await page.locator('select[name="khoi"]').selectOption('');
  await page.locator('select[name="ky"]').selectOption('2026-Q1');
  await Promise.all([page.waitForURL(/ky=2026-Q1/), page.getByRole('button', { name: 'Xem', exact: true }).click()]);
  expect(await rowsOf(page)).toHaveLength(6);
  await context.close();
}, 120_000);

test('the admin sets the scoring policy; a mistake is named by its line, and the ranking follows the new weights', async () => {
  const a = await addUser(s, 'admin', { email: 'quantri@ubnd.ninhbinh.example.vn' });
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await logInAt(page, `${base}/quan-tri/xep-hang`, a.email);
  const source = await page.locator('#source').inputValue();
  expect(source).toContain('late: 0.75     # hoàn thành quá hạn: trừ 25% (Nghị định 335/2025/NĐ-CP)');

  await page.locator('#source').fill(source.replace('progress: 70', 'progress: 60'));
  await page.getByRole('button', { name: 'Lưu cách tính' }).click();
  expect(await page.locator('#error').innerText()).toBe(
    'policy.yaml:4: weights: progress and quality add up to 100 (now 90)',
  );

  await page
    .locator('#source')
    .fill(source.replace('progress: 70', 'progress: 50').replace('quality: 30 ', 'quality: 50 '));
  await Promise.all([page.waitForURL(/ok=1/), page.getByRole('button', { name: 'Lưu cách tính' }).click()]);
  expect(await page.locator('#notice').innerText()).toBe('Đã lưu cách tính điểm mới.');

  await page.goto(`${base}/giam-sat/xep-hang?ky=2026-03`);
  const rows = await rowsOf(page);
  // Sở TT&TT: progress 37.5%, quality 100% → 50 × 0.375 + 50 × 1.
  expect(rows.find((r) => r[1] === 'Sở Thông tin và Truyền thông (Ninh Bình)')?.[11]).toMatch(/^68,8 /);
  expect(await page.locator('#formula').innerText()).toContain('Cách tính do quantri@ubnd.ninhbinh.example.vn đặt lúc');
  const audit = await s.pool.query(`SELECT actor, action FROM audit WHERE action = 'scorecard.policy'`);
  expect(audit.rows).toEqual([{ actor: a.email, action: 'scorecard.policy' }]);
  await context.close();
}, 90_000);
