// What the office reviews a report with: everything the unit sent (every report, its text,
// indicators and files to download), the date a return would ask the report back by, said before
// the coordinator confirms, and the state a report waiting for review is in, in every view.
import JSZip from 'jszip';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { addDays, vietnamCalendar } from '../../domain/calendar';
import { overdueCutoff } from '../../domain/board';
import { revisionDue } from '../../domain/chase';
import { formatDateShortVi, localDateAt } from '../../domain/format';
import { DEFAULT_CHASE_POLICY } from '../../domain/schemas';
import { createLinks } from '../../db/links';
import { exampleUnits, seedDirective, taskRecord } from '../helpers/seed';
import { addUser, csvLines, login, startStaffApp, type StaffApp } from '../helpers/staff';

const NUMBER = '31/UBND-VP9';
const cal = vietnamCalendar();
const now = Date.now();
const today = localDateAt(now);
const pastDeadline = addDays(overdueCutoff(now), -2);
const file = (s: StaffApp, name: string, body: string) => {
  const sha256 = createHash('sha256').update(body).digest('hex');
  const dir = path.join(s.config.dataDir, 'attachments');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, sha256), body);
  return { name, sha256, bytes: Buffer.byteLength(body) };
};

let s: StaffApp;
let office: string;
let supervisor: string;
let first: ReturnType<typeof file>;
let second: ReturnType<typeof file>;
let foreign: ReturnType<typeof file>;
const id = (unit: string) => `task:${NUMBER}:${unit}`;

beforeAll(async () => {
  s = await startStaffApp();
  await s.readModel.upsertUnits(exampleUnits());
  await seedDirective(s.readModel, {
    number: NUMBER,
    title: 'Tuyên truyền về quyền con người',
    issuedOn: '2026-06-01',
  });
  first = file(s, 'Báo cáo lần 1.pdf', 'bản thứ nhất');
  second = file(s, 'Phụ lục số liệu.xlsx', 'bản thứ hai, đủ số liệu');
  foreign = file(s, 'Của đơn vị khác.pdf', 'không thuộc nhiệm vụ này');

  // NB-STTTT: a first report returned with a comment, a second one waiting for review.
  const waiting = taskRecord({
    directive: NUMBER,
    unit: 'NB-STTTT',
    deadline: pastDeadline,
    phase: 'submitted',
    submittedAt: now - 3_600_000,
    indicators: { articles: 218 },
  });
  waiting.spec.indicators = [{ code: 'articles', name: 'Tin, bài', unit: 'bài' }];
  const [report] = waiting.state.reports;
  waiting.state.reports = [
    {
      ...report,
      receipt: 'R-1',
      submissionId: 'sub-1-0001',
      submittedAt: now - 86_400_000 * 3,
      text: 'Báo cáo sơ bộ',
      attachments: [first],
      review: 'returned',
      reviewComment: 'Thiếu số liệu tờ gấp',
    },
    { ...report, receipt: 'R-2', text: 'Báo cáo đầy đủ', attachments: [second] },
  ];
  await s.readModel.upsertTask(waiting);
  // NB-CATINH: its report was returned; it is due back on a day in a year not yet announced.
  const returned = taskRecord({
    directive: NUMBER,
    unit: 'NB-CATINH',
    deadline: '2027-01-15',
    phase: 'returned',
    submittedAt: now - 86_400_000,
    review: 'returned',
  });
  returned.state.revisionDue = '2027-01-20';
  returned.state.reports[0].attachments = [foreign];
  await s.readModel.upsertTask(returned);

  office = (await login(s.app, (await addUser(s, 'coordinator')).email)).cookie;
  supervisor = (await login(s.app, (await addUser(s, 'supervisor')).email)).cookie;
}, 60_000);
afterAll(async () => {
  await s?.stop();
});

const page = (unit: string, cookie = office) =>
  s.app.inject({ url: `/nhiem-vu?id=${encodeURIComponent(id(unit))}`, headers: { cookie } });

test('the return form says, before the coordinator confirms, the date the report would be due back', async () => {
  const res = await page('NB-STTTT');
  expect(res.statusCode).toBe(200);
  const due = revisionDue(today, pastDeadline, DEFAULT_CHASE_POLICY, cal);
  expect(due > pastDeadline).toBe(true); // the deadline has passed: the revision window gives the date
  expect(res.body).toMatch(
    new RegExp(
      `id="if-returned">Nếu trả lại hôm nay, đơn vị phải gửi lại báo cáo trước 17 giờ ngày ${formatDateShortVi(due)}`,
    ),
  );
  // A returned report shows the date it is due back by, provisional in a year not yet announced.
  const returned = await page('NB-CATINH');
  expect(returned.body).toContain('Hạn gửi lại báo cáo: <span id="revision-due">20/01/2027 (dự kiến)</span>');
  expect(returned.body).toContain('<span id="deadline">15/01/2027 (dự kiến)</span>');
});

test('the reviewer sees every report the unit sent, and downloads its files behind login', async () => {
  const res = await page('NB-STTTT');
  expect(res.body).toMatch(/id="status">Đang chờ xem xét</);
  const reports = res.body.slice(res.body.indexOf('id="reports"'));
  expect(reports.indexOf('R-2')).toBeLessThan(reports.indexOf('R-1')); // newest first
  expect(reports).toContain('Báo cáo sơ bộ');
  expect(reports).toContain('Thiếu số liệu tờ gấp');
  expect(reports).toContain('Tin, bài: 218 bài');
  const link = (sha: string, unit = 'NB-STTTT') => `/nhiem-vu/tep?id=${encodeURIComponent(id(unit))}&amp;sha=${sha}`;
  expect(reports).toContain(`href="${link(first.sha256)}">Báo cáo lần 1.pdf</a>`);
  expect(res.body.slice(res.body.indexOf('id="review"'))).toContain(`href="${link(second.sha256)}"`);

  const get = (sha: string, cookie: string, unit = 'NB-STTTT') =>
    s.app.inject({ url: link(sha, unit).replace('&amp;', '&'), headers: { cookie } });
  for (const cookie of [office, supervisor]) {
    const got = await get(second.sha256, cookie);
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe('bản thứ hai, đủ số liệu');
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c");
  }
  // Only a file of this task's reports, whatever hash is asked for; and only behind login.
  expect((await get(foreign.sha256, office)).statusCode).toBe(404);
  expect((await get(foreign.sha256, office, 'NB-CATINH')).statusCode).toBe(200);
  const anonymous = await s.app.inject({ url: link(second.sha256).replace('&amp;', '&') });
  expect(anonymous.statusCode).toBe(303);
  expect(anonymous.headers.location).toMatch(/^\/dang-nhap\?next=/);
});

test('the matrix names a report waiting for review in the page language, and marks a provisional deadline', async () => {
  const vi = await s.app.inject({
    url: `/van-ban/ma-tran?so=${encodeURIComponent(NUMBER)}`,
    headers: { cookie: office },
  });
  expect(vi.body).toContain('R-2: Đang chờ xem xét');
  expect(vi.body).toContain('<span class="status pending_review">Đang chờ xem xét</span>');
  expect(vi.body).toContain('15/01/2027 (dự kiến)');
  expect(vi.body).not.toMatch(/: (pending|returned|accepted)</);
  const en = await s.app.inject({
    url: `/van-ban/ma-tran?so=${encodeURIComponent(NUMBER)}&lang=en`,
    headers: { cookie: office },
  });
  expect(en.body).toContain('R-2: Awaiting review');
  expect(en.body).toContain('15 January 2027 (provisional)');
});

test("the lead unit's page shows what its support units sent: text, indicators and files it can open", async () => {
  const lead = taskRecord({ directive: '32/UBND-VP9', unit: 'NB-STTTT', deadline: '2026-12-28' });
  await s.readModel.upsertTask(lead);
  const support = taskRecord({
    directive: '32/UBND-VP9',
    unit: 'NB-CATINH',
    deadline: '2026-12-24',
    phase: 'submitted',
    submittedAt: now - 7_200_000,
    indicators: { cases: 12 },
  });
  support.spec = { ...support.spec, role: 'support', supports: 'NB-STTTT' };
  support.spec.indicators = [{ code: 'cases', name: 'Vụ việc đã xử lý', unit: 'vụ' }];
  support.state.reports[0] = { ...support.state.reports[0], text: 'Số liệu của Công an tỉnh', attachments: [foreign] };
  await s.readModel.upsertTask(support);
  const token = await createLinks(s.pool).issue({
    taskWorkflowId: lead.workflowId,
    recipient: 'vanthu@stttt.ninhbinh.example.vn',
    purposeKey: 'test:lead-page',
    expiresAt: new Date(now + 86_400_000),
  });
  const res = await s.app.inject({ url: `/t/${token}` });
  expect(res.statusCode).toBe(200);
  const part = res.body.slice(res.body.indexOf('id="support-reports"'));
  expect(part).toContain('Công an tỉnh: R-NB-CATINH');
  expect(part).toContain('Số liệu của Công an tỉnh');
  expect(part).toContain('Vụ việc đã xử lý: 12 vụ');
  expect(part).toContain(`href="${token}/tep/${foreign.sha256}">Của đơn vị khác.pdf</a>`);
  const got = await s.app.inject({ url: `/t/${token}/tep/${foreign.sha256}` });
  expect(got.statusCode).toBe(200);
  expect(got.body).toBe('không thuộc nhiệm vụ này');
  // A file of no report of this task or its supports stays closed.
  expect((await s.app.inject({ url: `/t/${token}/tep/${second.sha256}` })).statusCode).toBe(403);
});

test('right after a launch the matrix shows every task, being assigned, before the workflow has written it', async () => {
  await seedDirective(
    s.readModel,
    {
      number: '33/UBND-VP9',
      title: 'Vừa giao',
      issuedOn: '2026-06-01',
      tasks: [
        { unit: 'NB-STTTT', title: 'Một', deadline: { date: '2027-02-15' } },
        { unit: 'NB-CATINH', title: 'Hai', deadline: { workingDays: 5 } },
      ],
    },
    { launchedAt: now, version: 0 },
  );
  const res = await s.app.inject({
    url: `/van-ban/ma-tran?so=${encodeURIComponent('33/UBND-VP9')}`,
    headers: { cookie: office },
  });
  const rows = /<tbody>([\s\S]*?)<\/tbody>/
    .exec(res.body)![1]
    .split('</tr>')
    .filter((r) => r.includes('<td>'));
  expect(rows).toHaveLength(2);
  for (const r of rows) expect(r).toContain('<span class="status assigning">Đang giao</span>');
  expect(rows[0]).toContain('Công an tỉnh');
  expect(rows[0]).toContain(formatDateShortVi(cal.workingDaysAfter(today, 5)));
  // 15/02/2027 falls in Tết 2027 (not yet announced): moved to the next working day, provisional.
  expect(rows[1]).toMatch(/\d\d\/02\/2027 \(dự kiến\)/);
});

test('the consolidated report names the units not reported, apart from a 0 reported, and a supervisor reads it', async () => {
  const number = '34/UBND-VP9';
  const directive = await seedDirective(
    s.readModel,
    {
      number,
      title: 'Tuyên truyền pháp luật',
      issuedOn: '2026-06-01',
      tasks: ['NB-STTTT', 'NB-CATINH', 'NB-STP'].map((unit) => ({
        unit,
        title: 'Báo cáo',
        deadline: { workingDays: 5 },
        indicators: [{ code: 'events', name: 'Hội nghị', unit: 'cuộc' }],
      })),
    },
    { launchedAt: now },
  );
  const done = (unit: string, events: number) => {
    const r = taskRecord({
      directive: number,
      unit,
      deadline: pastDeadline,
      phase: 'done',
      doneAt: now - 3_600_000,
      indicators: { events },
    });
    r.spec.indicators = directive.tasks[0].indicators;
    r.state.reports[0].receipt = `${number}-${unit}-01`;
    return r;
  };
  await s.readModel.upsertTask(done('NB-STTTT', 4));
  await s.readModel.upsertTask(done('NB-CATINH', 0)); // reported: none held
  await s.readModel.upsertTask(taskRecord({ directive: number, unit: 'NB-STP', deadline: pastDeadline })); // silent
  const so = encodeURIComponent(number);
  const page = await s.app.inject({ url: `/van-ban/tong-hop?so=${so}`, headers: { cookie: supervisor } });
  expect(page.statusCode).toBe(200);
  expect(page.body).toMatch(
    /<tr data-unit="NB-CATINH"><td>Công an tỉnh \(Ninh Bình\)<\/td><td class="num">0<\/td><\/tr>/,
  );
  expect(page.body).toMatch(
    /<tr data-unit="NB-STP" class="not-reported"><td>Sở Tư pháp \(Ninh Bình\)<\/td><td colspan="1"><em>Chưa báo cáo<\/em>/,
  );
  expect(page.body).toContain('id="not-reported">Chưa báo cáo (1): Sở Tư pháp (Ninh Bình)</p>');
  const csv = await s.app.inject({ url: `/van-ban/tong-hop.csv?so=${so}&lang=en`, headers: { cookie: supervisor } });
  expect(csvLines(csv.body)).toEqual([
    'Unit code,Unit name,Reported,Hội nghị (cuộc)',
    'NB-CATINH,Công an tỉnh (Ninh Bình),yes,0',
    'NB-STTTT,Sở Thông tin và Truyền thông (Ninh Bình),yes,4',
    'NB-STP,Sở Tư pháp (Ninh Bình),not reported,',
    'Total,,,4',
  ]);
  const docx = await s.app.inject({ url: `/van-ban/tong-hop.docx?so=${so}`, headers: { cookie: supervisor } });
  const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
  expect(xml).toContain('Các cơ quan, đơn vị chưa báo cáo (1): Sở Tư pháp (Ninh Bình).');
  const api = await s.app.inject({ url: `/api/v1/directives/consolidated?so=${so}`, headers: { cookie: supervisor } });
  expect(api.json().notReported).toEqual([{ unit: 'NB-STP', unitName: 'Sở Tư pháp (Ninh Bình)' }]);
});
