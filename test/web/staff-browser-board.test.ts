// A supervisor's visit in a real browser (Debian's Chromium through playwright-core): log in with
// a TOTP code, open the board, see the charts drawn by the locally served Chart.js, filter by
// unit, drill down to a task's history, export the CSV. The board's screenshot is checked for
// its key elements; with SAVE_SCREENS=1 it is written to docs/screens/board.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { addDays } from '../../domain/calendar';
import { overdueCutoff } from '../../domain/board';
import { launchChromium, removeScreens, screensFolder, submitLogin } from '../helpers/browser';
import { exampleUnits, seedDirective, taskRecord, type SeedTask } from '../helpers/seed';
import { addUser, csvLines, startStaffApp, type StaffApp } from '../helpers/staff';
import { freePort } from '../helpers/stack';

const screens = screensFolder();
const cut = overdueCutoff(Date.now());
const UNITS = ['NB-STTTT', 'NB-CATINH', 'NB-SLDTBXH', 'NB-STP', 'NB-STC', 'NB-SVHTT', 'NB-SGDDT', 'NB-SNV'];
// Three directives over eight units: overdue, in progress and done tasks over the last weeks.
const TASKS: SeedTask[] = ['21/UBND-VP9', '22/UBND-VP9', '23/UBND-VP9']
  .flatMap((directive, d) =>
    UNITS.map((unit, u): SeedTask => {
      const deadline = addDays(cut, -7 * (d * 2 + (u % 3)) + (u % 2 ? 3 : -1));
      const k = (d * UNITS.length + u) % 5;
      if (k === 0 || k === 3)
        return { directive, unit, deadline, level: (u % 3) + 1, title: `Báo cáo kết quả tuyên truyền đợt ${d + 1}` };
      if (k === 1) return { directive, unit, deadline: addDays(cut, 5 + u), title: `Tổ chức hội nghị đợt ${d + 1}` };
      return {
        directive,
        unit,
        deadline,
        phase: 'done',
        doneAt: Date.parse(`${deadline}T02:00:00Z`) + (k === 4 ? 5 * 86_400_000 : 0),
        title: `In tờ gấp đợt ${d + 1}`,
      };
    }),
  )
  .concat({
    // A report that came in on time and waits for the office's review: in progress, counted apart.
    directive: '23/UBND-VP9',
    unit: 'NB-SKHDT',
    deadline: addDays(cut, 2),
    phase: 'submitted',
    submittedAt: Date.now() - 3_600_000,
    title: 'Báo cáo kết quả tuyên truyền đợt 3',
  });

let s: StaffApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  browser = await launchChromium();
  const port = await freePort();
  s = await startStaffApp({ env: { REQUIRE_TOTP: 'true', WEB_PORT: String(port) } });
  await s.readModel.upsertUnits(exampleUnits());
  for (const number of ['21/UBND-VP9', '22/UBND-VP9', '23/UBND-VP9'])
    await seedDirective(s.readModel, {
      number,
      title: `Tuyên truyền về quyền con người, đợt ${number.split('/')[0]}`,
      issuedOn: '2026-06-01',
    });
  for (const t of TASKS) await s.readModel.upsertTask(taskRecord(t));
  await s.app.listen({ host: '127.0.0.1', port });
  base = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
  removeScreens(screens);
}, 60_000);

test('a supervisor logs in with TOTP, reads the board and its charts, filters, drills down and exports CSV', async () => {
  const u = await addUser(s, 'supervisor', { totp: true, email: 'pct.vanxa@ubnd.ninhbinh.example.vn' });
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (r) => void failed.push(r.url()));
  page.on('pageerror', (e) => void failed.push(e.message));

  await page.goto(`${base}/giam-sat`);
  expect(page.url()).toBe(`${base}/dang-nhap?next=%2Fgiam-sat`);
  await submitLogin(page, u.email, `${base}/giam-sat`, { totp: u.code() });

  // The board: four buckets, the overdue share, two charts drawn by the library we serve ourselves.
  await page.waitForSelector('body[data-charts="drawn"]');
  const tiles = await page.locator('#buckets .tile').allInnerTexts();
  expect(tiles.map((x) => x.replace(/\s+/g, ' ').trim().replace(/^\S+ /, ''))).toEqual([
    'Đã hoàn thành đúng hạn',
    'Đã hoàn thành quá hạn',
    'Đang thực hiện trong hạn',
    'Quá hạn chưa hoàn thành',
    'Đang chờ xem xét',
    'Tỷ lệ quá hạn',
    'Tổng số nhiệm vụ',
  ]);
  const overdueCount = Number(await page.locator('[data-bucket="overdue"] b').innerText());
  expect(overdueCount).toBe(TASKS.filter((t) => !t.phase && t.deadline <= cut).length);
  expect(await page.locator('[data-bucket="pending_review"] b').innerText()).toBe('1');
  // How many pixels of each chart's canvas carry ink (evaluated in the page, so written as its script).
  const painted = await page.evaluate<number[]>(`[...document.querySelectorAll('canvas')].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink += 1;
    return ink;
  })`);
  expect(painted).toHaveLength(2);
  for (const ink of painted) expect(ink).toBeGreaterThan(1000);
  const shot = await page.screenshot({ path: path.join(screens, 'board.png'), fullPage: true });
  expect(shot.subarray(1, 4).toString()).toBe('PNG');
  expect(shot.readUInt32BE(16)).toBe(1280); // width from the PNG header
  expect(readFileSync(path.join(screens, 'board.png')).length).toBe(shot.length);
  expect(failed).toEqual([]);

  // Filter by one unit: only its overdue tasks remain.
  await page.locator('select[name="unit"]').selectOption('NB-STTTT');
  await Promise.all([page.waitForURL(/unit=NB-STTTT/), page.getByRole('button', { name: 'Lọc' }).click()]);
  const units = await page.locator('#overdue tbody tr td:nth-child(2)').allInnerTexts();
  expect(units.length).toBe(TASKS.filter((t) => !t.phase && t.deadline <= cut && t.unit === 'NB-STTTT').length);
  expect(units.length).toBeGreaterThan(1);
  expect(new Set(units)).toEqual(new Set(['Sở Thông tin và Truyền thông (Ninh Bình)']));

  // Drill down to the first item and read its history.
  await Promise.all([page.waitForURL(/\/nhiem-vu\?id=/), page.locator('#overdue tbody tr a').first().click()]);
  const history = await page.locator('#history').innerText();
  expect(history).toContain('Giao nhiệm vụ, thời hạn');
  expect(history).toMatch(/Báo cáo vượt cấp 1: thủ trưởng đơn vị/);
  await page.goBack();

  // Export what the filter shows.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
  const csv = csvLines(readFileSync(await download.path(), 'utf8'));
  expect(csv[0]).toBe(
    'Văn bản,Mã đơn vị,Tên đơn vị,Nhiệm vụ,Thời hạn,Thời hạn ban đầu,Số ngày làm việc quá hạn,Cấp đôn đốc,Đôn đốc gần nhất (giờ Việt Nam),Tình trạng,Đang xin gia hạn,Mã nhiệm vụ',
  );
  expect(csv.slice(1).map((l) => l.split(',')[1])).toEqual(units.map(() => 'NB-STTTT'));
  await context.close();
}, 90_000);
