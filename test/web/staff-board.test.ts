// The supervisor board on the real web app and PostgreSQL: bucket counts that agree with the
// domain's status rules, filters, CSV, drill-down, the monthly overview, the formal reminder
// dispatch (DOCX + mail through the outbox to the SMTP sink), and the indexes the queries use.
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { vietnamCalendar, addDays } from '../../domain/calendar';
import { bucketOfRow, overdueCutoff, BUCKETS, emptyCounts, overdueShare } from '../../domain/board';
import { formatDateVi, localDateAt } from '../../domain/format';
import { workingDaysOverdue } from '../../domain/status';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSmtpSink } from '../../client/stack/smtp-sink';
import {
  countsQuery,
  overdueByUnitQuery,
  overdueCountQuery,
  overdueListQuery,
  weeklyTrendQuery,
  type Query,
} from '../../db/board-sql';
import { createPool } from '../../db/pool';
import { createLinks } from '../../db/links';
import { migrate } from '../../db/migrate';
import { seedBoard } from '../../bench/board-seed';
import { exampleUnits, seedDirective, taskRecord, type SeedTask } from '../helpers/seed';
import { addUser, cookieJar, login, postForm, startStaffApp, type StaffApp } from '../helpers/staff';
import { freePort, freshDatabase } from '../helpers/stack';

const cal = vietnamCalendar();
const now = Date.now();
const cut = overdueCutoff(now);
const hours = (h: number) => h * 3_600_000;

let s: StaffApp;
let sink: { stop(): Promise<void> };
let cookie: string;
// Seeded relative to today: two directives, units from the demo directory.
const TASKS: SeedTask[] = [
  { directive: '11/UBND-VP9', unit: 'NB-STTTT', deadline: addDays(cut, -20), level: 2 }, // overdue, escalated
  { directive: '11/UBND-VP9', unit: 'NB-CATINH', deadline: addDays(cut, -3), level: 1 }, // overdue
  { directive: '11/UBND-VP9', unit: 'NB-SLDTBXH', deadline: addDays(cut, 10) }, // in progress
  { directive: '11/UBND-VP9', unit: 'NB-STP', deadline: addDays(cut, -5), phase: 'done', doneAt: now - hours(24 * 30) }, // on time
  {
    directive: '12/UBND-VP9',
    unit: 'NB-STTTT',
    deadline: addDays(cut, -40),
    phase: 'done',
    doneAt: now - hours(24 * 2),
  }, // late
  {
    directive: '12/UBND-VP9',
    unit: 'NB-CATINH',
    deadline: addDays(cut, -8),
    phase: 'submitted',
    submittedAt: now - hours(24 * 20),
  }, // on time, awaiting review
  {
    directive: '12/UBND-VP9',
    unit: 'NB-SLDTBXH',
    deadline: addDays(cut, -1),
    phase: 'returned',
    submittedAt: now - hours(24 * 15),
  }, // overdue after return
  { directive: '12/UBND-VP9', unit: 'NB-STP', deadline: addDays(cut, -30), phase: 'cancelled' },
];

async function seed(app: StaffApp, tasks: SeedTask[]) {
  for (const number of ['11/UBND-VP9', '12/UBND-VP9'])
    await seedDirective(app.readModel, {
      number,
      title: 'Triển khai Đề án truyền thông về quyền con người',
      issuedOn: '2026-01-05',
    });
  for (const t of tasks) await app.readModel.upsertTask(taskRecord(t));
}

beforeAll(async () => {
  const port = await freePort();
  s = await startStaffApp({ env: { SMTP_SINK_PORT: String(port) } });
  sink = await startSmtpSink(s.pool, port);
  await s.readModel.upsertUnits(exampleUnits());
  await seed(s, TASKS);
  const u = await addUser(s, 'supervisor');
  cookie = (await login(s.app, u.email)).cookie;
}, 60_000);
afterAll(async () => {
  await sink?.stop();
  await s?.stop();
});

const expectedCounts = (tasks: SeedTask[]) => {
  const c = { ...emptyCounts(), pending_review: tasks.filter((t) => t.phase === 'submitted').length };
  for (const t of tasks) {
    const r = taskRecord(t);
    const b = bucketOfRow(
      {
        state: r.state.phase,
        deadline: r.state.deadline,
        originalDeadline: r.state.originalDeadline,
        doneAt: r.state.doneAt,
        submittedAt: r.state.reports.at(-1)?.submittedAt,
      },
      now,
      cal,
    );
    if (b !== 'cancelled') c[b] += 1;
  }
  return c;
};

test('the board counts every task in the official buckets exactly as the domain status rules place them', async () => {
  const expected = expectedCounts(TASKS);
  expect(expected.overdue).toBeGreaterThan(0);
  expect(expected.done_late).toBeGreaterThan(0);
  const res = await s.app.inject({ url: '/api/v1/board', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.json().counts).toEqual(expected);
  expect(res.json().overdueShare).toBe(overdueShare(expected));

  const page = await s.app.inject({ url: '/giam-sat', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  for (const key of BUCKETS) expect(page.body).toMatch(new RegExp(`data-bucket="${key}"><b>${expected[key]}</b>`));
  expect(page.body).toContain('<script src="/assets/chart.umd.min.js"></script>');

  // A directive's or a unit's counts come from its rows; they agree with the same rules.
  const one = await s.app.inject({ url: '/api/v1/board?directive=12/UBND-VP9', headers: { cookie } });
  expect(one.json().counts).toEqual(expectedCounts(TASKS.filter((t) => t.directive === '12/UBND-VP9')));
  const unit = await s.app.inject({ url: '/api/v1/board?unit=NB-STTTT', headers: { cookie } });
  expect(unit.json().counts).toEqual(expectedCounts(TASKS.filter((t) => t.unit === 'NB-STTTT')));
});

test('the unit filter tells apart the units two provinces name alike', async () => {
  const page = await s.app.inject({ url: '/giam-sat', headers: { cookie } });
  const filter = /<select name="unit">([\s\S]*?)<\/select>/.exec(page.body)![1];
  const labels = [...filter.matchAll(/<option value="[^"]*"[^>]*>([^<]*)<\/option>/g)].map((m) => m[1]);
  expect(filter).toContain('<option value="NB-CATINH">Công an tỉnh (Ninh Bình)</option>');
  expect(filter).toContain('<option value="KT-CATINH">Công an tỉnh (Kon Tum)</option>');
  expect(labels.length).toBe(exampleUnits().length + 1);
  expect(new Set(labels).size).toBe(labels.length);
});

test('a report waiting for review is not done on time: its own tile on the board, its own column in the monthly overview', async () => {
  // NB-CATINH's report of 12/UBND-VP9 came in on time but the office has not accepted it yet.
  const res = await s.app.inject({ url: '/api/v1/board?directive=12/UBND-VP9', headers: { cookie } });
  expect(res.json().counts).toMatchObject({ done_on_time: 0, pending_review: 1 });
  const page = await s.app.inject({ url: '/giam-sat?directive=12/UBND-VP9', headers: { cookie } });
  expect(page.body).toMatch(/data-bucket="done_on_time"><b>0<\/b>/);
  expect(page.body).toMatch(/data-bucket="pending_review"><b>1<\/b>Đang chờ xem xét/);
  const month = await s.app.inject({
    url: `/giam-sat/thang?month=${localDateAt(now).slice(0, 7)}&directive=12/UBND-VP9`,
    headers: { cookie },
  });
  expect(month.body).toContain('trong đó: đang chờ xem xét');
  expect(month.body).toMatch(
    /<td>Công an tỉnh \(Ninh Bình\)<\/td>\s*<td class="num">1<\/td>\s*<td class="num">0<\/td>\s*<td class="num">0<\/td>\s*<td class="num">1<\/td>\s*<td class="num" data-col="pending">1<\/td>/,
  );
  expect(month.body).toMatch(/id="sum-pending">1</);
});

test('the board switches to English and stays in it on the next page', async () => {
  const en = await s.app.inject({ url: '/giam-sat?lang=en', headers: { cookie } });
  expect(en.body).toContain('<h1>Overdue task board</h1>');
  expect(en.body).toContain('Done on time');
  const next = await s.app.inject({ url: '/giam-sat/thang', headers: { cookie: cookieJar(en, cookie) } });
  expect(next.body).toContain('Monthly overview of task performance');
  expect((await s.app.inject({ url: '/giam-sat/thang', headers: { cookie } })).body).toContain(
    'Tổng hợp tình hình thực hiện nhiệm vụ tháng',
  );
});

test('the tally behind the counts follows every change of a task and matches a recount', async () => {
  // The open task in progress is reported and accepted: a newer version of its record.
  const record = taskRecord({ ...TASKS[2], phase: 'done', doneAt: now - hours(1) });
  record.state.version = 2;
  await s.readModel.upsertTask(record);
  const live = await s.pool.query(
    `SELECT kind, deadline, sum(n)::int AS n FROM task_tally GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
  );
  await s.pool.query('SELECT task_tally_rebuild()');
  const rebuilt = await s.pool.query(
    `SELECT kind, deadline, sum(n)::int AS n FROM task_tally GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const liveUnits = await s.pool.query(
    `SELECT unit_code, week, n::int FROM task_open_by_unit WHERE n <> 0 ORDER BY 1, 2`,
  );
  await s.pool.query('SELECT task_tally_rebuild()');
  expect(live.rows).toEqual(rebuilt.rows);
  expect(liveUnits.rows).toEqual(
    (await s.pool.query(`SELECT unit_code, week, n::int FROM task_open_by_unit ORDER BY 1, 2`)).rows,
  );
  const res = await s.app.inject({ url: '/api/v1/board', headers: { cookie } });
  expect(res.json().counts).toEqual(
    expectedCounts([...TASKS.filter((t) => t !== TASKS[2]), { ...TASKS[2], phase: 'done', doneAt: now - hours(1) }]),
  );
  await s.readModel.upsertTask(
    Object.assign(taskRecord(TASKS[2]), { state: { ...taskRecord(TASKS[2]).state, version: 3 } }),
  );
});

test('the chart of overdue tasks by unit counts what the list shows', async () => {
  const page = await s.app.inject({ url: '/giam-sat', headers: { cookie } });
  const chart = JSON.parse(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(page.body)![1]);
  const list = (await s.app.inject({ url: '/api/v1/board', headers: { cookie } })).json().items as {
    unitName: string;
  }[];
  const expected = new Map<string, number>();
  for (const i of list) expected.set(i.unitName, (expected.get(i.unitName) ?? 0) + 1);
  expect(Object.fromEntries(chart.units.labels.map((l: string, i: number) => [l, chart.units.values[i]]))).toEqual(
    Object.fromEntries(expected),
  );
  expect(chart.trend.series.map((x: { key: string }) => x.key)).toEqual(BUCKETS);
});

test('the overdue list filters by directive, unit, escalation level and working days overdue', async () => {
  const overdue = TASKS.filter((t) => (t.phase ?? 'open') === 'open' || t.phase === 'returned').filter(
    (t) => t.deadline <= cut,
  );
  const ids = async (q: string) =>
    (await s.app.inject({ url: `/api/v1/board${q}`, headers: { cookie } }))
      .json()
      .items.map((i: { workflowId: string }) => i.workflowId);
  const idOf = (t: SeedTask) => `task:${t.directive}:${t.unit}`;
  const byAge = [...overdue].sort((a, b) => a.deadline.localeCompare(b.deadline));
  expect(await ids('')).toEqual(byAge.map(idOf));
  expect(await ids('?directive=11/UBND-VP9')).toEqual(byAge.filter((t) => t.directive === '11/UBND-VP9').map(idOf));
  expect(await ids('?unit=NB-CATINH')).toEqual(byAge.filter((t) => t.unit === 'NB-CATINH').map(idOf));
  expect(await ids('?level=2')).toEqual(['task:11/UBND-VP9:NB-STTTT']);
  const days = workingDaysOverdue(TASKS[1].deadline, now, cal) + 1;
  expect(await ids(`?days=${days}`)).toEqual(
    byAge.filter((t) => workingDaysOverdue(t.deadline, now, cal) >= days).map(idOf),
  );
  const bad = await s.app.inject({ url: '/api/v1/board?days=zero&unit=nb', headers: { cookie } });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().fields).toEqual(
    expect.arrayContaining([expect.stringMatching(/^unit: /), expect.stringMatching(/^days: /)]),
  );
});

test('the overdue list exports as CSV with the same rows and a drill-down shows a task history', async () => {
  const csv = await s.app.inject({ url: '/giam-sat/qua-han.csv?directive=11/UBND-VP9&lang=en', headers: { cookie } });
  expect(csv.statusCode).toBe(200);
  expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  const rows = parse<Record<string, string>>(csv.body.replace(/^\ufeff/, ''), { columns: true });
  expect(rows.map((r) => [r['Unit code'], r['Working days overdue'], r['Escalation level'], r.State])).toEqual([
    ['NB-STTTT', String(workingDaysOverdue(TASKS[0].deadline, now, cal)), '2', 'Overdue'],
    ['NB-CATINH', String(workingDaysOverdue(TASKS[1].deadline, now, cal)), '1', 'Overdue'],
  ]);
  expect(rows[0]['Unit name']).toBe('Sở Thông tin và Truyền thông (Ninh Bình)');
  // A name both provinces of the directory use says whose unit it is.
  expect(rows.map((r: Record<string, string>) => r['Unit name'])).toContain('Công an tỉnh (Ninh Bình)');
  // The last chase as Vietnam's clock showed it: 08:00 in the seed, never a UTC instant.
  expect(rows[0]['Last chase (Vietnam time)']).toMatch(/^\d{4}-\d{2}-\d{2} 08:00$/);
  // The same export from a Vietnamese page speaks Vietnamese.
  const vi = await s.app.inject({ url: '/giam-sat/qua-han.csv?directive=11/UBND-VP9&lang=vi', headers: { cookie } });
  expect(vi.body.replace(/^\ufeff/, '').split('\n')[0]).toBe(
    'Văn bản,Mã đơn vị,Tên đơn vị,Nhiệm vụ,Thời hạn,Thời hạn ban đầu,Số ngày làm việc quá hạn,Cấp đôn đốc,Đôn đốc gần nhất (giờ Việt Nam),Tình trạng,Đang xin gia hạn,Mã nhiệm vụ',
  );

  const page = await s.app.inject({
    url: `/nhiem-vu?id=${encodeURIComponent('task:11/UBND-VP9:NB-STTTT')}`,
    headers: { cookie },
  });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Giao nhiệm vụ, thời hạn');
  expect(page.body).toContain('Báo cáo vượt cấp 1: thủ trưởng đơn vị');
  expect(page.body).toContain('Báo cáo vượt cấp 2: lãnh đạo phụ trách');
  expect(page.body).not.toContain('id="review"'); // a supervisor reads; the office acts
});

test('a task id with markup in it is named as text on the error page, not run as markup', async () => {
  const id = 'task:<img/src="x"/onerror="alert(1)">&';
  const res = await s.app.inject({ url: `/nhiem-vu?id=${encodeURIComponent(id)}`, headers: { cookie } });
  expect(res.statusCode).toBe(404);
  expect(res.body).not.toContain('<img');
  const text = /<p>([^<]*)<\/p>/.exec(res.body.slice(res.body.indexOf('<main>')))![1];
  const decoded = text.replace(
    /&(lt|gt|quot|amp|#39);/g,
    (_e, n: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'" })[n]!,
  );
  expect(decoded).toBe(`id: no task ${id}`);
});

test('the monthly overview gives each unit its buckets, the overdue share and its change, and names the overdue tasks', async () => {
  const month = localDateAt(now).slice(0, 7);
  const res = await s.app.inject({ url: `/giam-sat/thang?month=${month}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('Tổng hợp tình hình thực hiện nhiệm vụ tháng');
  expect(res.body).toMatch(/<td>Sở Thông tin và Truyền thông \(Ninh Bình\)<\/td>\s*<td class="num">2<\/td>/);
  expect(res.body).toMatch(/id="share-change">[+-]\d/);
  const items = /<ol id="overdue-items">([\s\S]*?)<\/ol>/.exec(res.body)![1];
  expect(items).toContain('Nhiệm vụ của NB-STTTT');
  expect(items).toContain('Nhiệm vụ của NB-CATINH');
  expect((await s.app.inject({ url: '/giam-sat/thang?month=2026-13', headers: { cookie } })).statusCode).toBe(422);
});

test('a formal reminder dispatch comes as a DOCX in the administrative layout and is mailed once to each overdue unit', async () => {
  // Sở Tài chính's report was returned with time to revise it: past the deadline, but not late.
  const revising = taskRecord({
    directive: '11/UBND-VP9',
    unit: 'NB-STC',
    deadline: addDays(cut, -6),
    phase: 'returned',
    submittedAt: now - hours(24 * 8),
    review: 'returned',
  });
  revising.state.revisionDue = addDays(cut, 4);
  await s.readModel.upsertTask(revising);
  const send = () =>
    postForm(s.app, cookie, '/giam-sat?directive=11/UBND-VP9', '/giam-sat/cong-van-don-doc', {
      directive: '11/UBND-VP9',
      number: '45/UBND-VP9',
      signer: 'Nguyễn Văn An',
      signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      send: '1',
    });
  const res = await send();
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
  for (const part of [
    'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 45/UBND-VP9',
    `Ninh Bình, ${formatDateVi(localDateAt(now))}`,
    'V/v đôn đốc thực hiện nhiệm vụ được giao tại Văn bản số 11/UBND-VP9',
    'Kính gửi:',
    'Sở Thông tin và Truyền thông',
    'Công an tỉnh',
    'Nhiệm vụ của NB-STTTT',
    'Nơi nhận:',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Văn An',
  ])
    expect([part, text.includes(part)]).toEqual([part, true]);
  expect(text).not.toContain('Sở Lao động'); // its task is not overdue
  expect(text).not.toContain('Sở Tài chính'); // its revised report is not due yet
  expect(res.headers['x-dondoc-mailed']).toBe('2');

  const mails = await s.pool.query(
    `SELECT rcpt_to, subject, body_text FROM mailbox WHERE subject LIKE '%Công văn đôn đốc số 45/UBND-VP9' ORDER BY rcpt_to`,
  );
  expect(mails.rows.map((m) => m.rcpt_to[0])).toEqual([
    'vanthu@congan.ninhbinh.example.vn',
    'vanthu@stttt.ninhbinh.example.vn',
  ]);
  expect(mails.rows[0].body_text).toContain('Kính gửi:');
  // Each unit's mail carries its own link, which opens its own task.
  for (const [i, unit] of ['NB-CATINH', 'NB-STTTT'].entries()) {
    const token = /\/t\/([A-Za-z0-9_-]{43})/.exec(mails.rows[i].body_text)?.[1];
    const opened = await createLinks(s.pool).check(token ?? '');
    expect(opened.ok && opened.grant.taskWorkflowId).toBe(`task:11/UBND-VP9:${unit}`);
  }
  // The same number again: nobody is mailed twice.
  const again = await send();
  expect(again.headers['x-dondoc-mailed']).toBe('0');
  expect(
    (await s.pool.query(`SELECT count(*)::int AS n FROM mailbox WHERE subject LIKE '%số 45/UBND-VP9'`)).rows[0].n,
  ).toBe(2);
  expect(
    (await s.pool.query(`SELECT actor, action FROM audit WHERE key = 'formal-reminder:45/UBND-VP9'`)).rows,
  ).toEqual([{ actor: 'supervisor@ubnd.ninhbinh.example.vn', action: 'formal_reminder' }]);

  const bad = await postForm(s.app, cookie, '/giam-sat', '/giam-sat/cong-van-don-doc', {
    directive: '11/UBND-VP9',
    number: 'bốn lăm',
    signer: '',
    signerTitle: 'x',
  });
  expect(bad.statusCode).toBe(422);
  expect(bad.body).toContain('number: expected number/symbol');
  expect(bad.body).toContain('signer: name the signer');
});

test('with edXML delivery set, the formal reminder also goes out as one edXML package to the overdue units', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'dondoc-edxml-'));
  const port = await freePort();
  const e = await startStaffApp({
    env: {
      SMTP_SINK_PORT: String(port),
      EDXML_OUTBOX_DIR: out,
      EDXML_ORGAN_ID: '000.00.99.H42',
      EDXML_ORGAN_NAME: 'Văn phòng UBND tỉnh Ninh Bình',
    },
  });
  const eSink = await startSmtpSink(e.pool, port);
  try {
    await e.readModel.upsertUnits(exampleUnits());
    await seed(e, TASKS);
    const c = (await login(e.app, (await addUser(e, 'supervisor')).email)).cookie;
    const res = await postForm(e.app, c, '/giam-sat?directive=11/UBND-VP9', '/giam-sat/cong-van-don-doc', {
      directive: '11/UBND-VP9',
      number: '46/UBND-VP9',
      signer: 'Nguyễn Văn An',
      signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      send: '1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-dondoc-edxml']).toBe('sent');
    const files = readdirSync(out).filter((f) => f.endsWith('.edxml'));
    expect(files).toHaveLength(1);
    const xml = readFileSync(path.join(out, files[0]), 'utf8');
    expect(xml).toContain('000.00.01.H42'); // Sở Thông tin và Truyền thông
    expect(xml).toContain('V/v đôn đốc thực hiện nhiệm vụ được giao tại Văn bản số 11/UBND-VP9');
  } finally {
    await eSink.stop();
    await e.stop();
    rmSync(out, { recursive: true, force: true });
  }
});

describe('on tens of thousands of tasks', () => {
  let pool: ReturnType<typeof createPool>;
  beforeAll(async () => {
    const url = await freshDatabase();
    await migrate(url);
    pool = createPool(url, 2);
    await seedBoard(pool, { tasks: 60_000, units: 120, now });
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
  });

  const scans = (plan: unknown): string[] => {
    const out: string[] = [];
    const walk = (n: Record<string, unknown>) => {
      if (n['Node Type'] === 'Seq Scan') out.push(String(n['Relation Name']));
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
    };
    walk((plan as { Plan: Record<string, unknown> }[])[0].Plan);
    return out;
  };

  test('no board query reads the tasks table sequentially', async () => {
    const page = { limit: 50, offset: 0 };
    const queries: [string, Query][] = [
      ['counts, all', countsQuery({}, now)],
      ['counts, directive', countsQuery({ directive: '7/BENCH' }, now)],
      ['counts, unit', countsQuery({ unit: 'U0007' }, now)],
      ['list', overdueListQuery({}, now, cal, page)],
      ['list, directive', overdueListQuery({ directive: '7/BENCH' }, now, cal, page)],
      ['list, unit', overdueListQuery({ unit: 'U0007' }, now, cal, page)],
      ['list, level', overdueListQuery({ level: 3 }, now, cal, page)],
      ['list, 20 days', overdueListQuery({ minDaysOverdue: 20 }, now, cal, page)],
      ['count', overdueCountQuery({}, now, cal)],
      ['by unit', overdueByUnitQuery({}, now)],
      ['trend', weeklyTrendQuery({}, now)],
      ['trend, unit', weeklyTrendQuery({ unit: 'U0007' }, now)],
    ];
    const found: [string, string[]][] = [];
    for (const [name, q] of queries) {
      const { rows } = await pool.query({ text: `EXPLAIN (FORMAT JSON) ${q.text}`, values: q.values });
      found.push([name, scans(rows[0]['QUERY PLAN']).filter((r) => r === 'tasks')]);
    }
    expect(found).toEqual(queries.map(([name]) => [name, []]));
    // And the seeded board is what the seed meant: a tenth of the tasks overdue.
    const { rows } = await pool.query(countsQuery({}, now));
    expect(rows[0].overdue).toBe(6_000);
  }, 60_000);
});
