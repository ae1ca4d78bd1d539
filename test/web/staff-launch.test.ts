// The coordinator's launch page on the real stack (Temporal dev server, PostgreSQL, SMTP sink):
// the Ninh Bình dispatch pasted, its questions answered, the deadlines previewed and the
// directive launched, with every unit's assignment mail at the sink; the YAML example uploaded
// and launched by a double click that starts it once; bad files refused naming the line; a
// supervisor kept out; and the Kon Tum dispatch taken through the same steps in Chromium. With
// SAVE_SCREENS=1 the browser's screenshot is written to docs/screens/launch-draft-vi.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import YAML from 'yaml';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import { parseDirectiveFile } from '../../domain/directive-file';
import { formatDate, formatDateShortVi } from '../../domain/format';
import { createUsers } from '../../db/users';
import { launchChromium, logInAt, removeScreens, screensFolder } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { COORDINATOR, csrfIn, logInCoordinator, login, PASSWORD } from '../helpers/staff';
import { allInDays, decode, formFields, LaunchClient, rowsOf, valueIn, withValues } from './launch-helpers';

const root = path.resolve(__dirname, '..', '..');
const NINH_BINH = readFileSync(path.join(root, 'test/fixtures/dispatches/ninh-binh-cv-524-UBND-VP9.txt'), 'utf8');
const NINH_BINH_DRAFT = YAML.parse(
  readFileSync(path.join(root, 'test/fixtures/dispatches/ninh-binh-cv-524-UBND-VP9.draft.yaml'), 'utf8'),
) as { tasks: { unit: string }[]; questions: { path: string }[] };
const KON_TUM = readFileSync(path.join(root, 'test/fixtures/dispatches/kon-tum-sttt-dispatch.txt'), 'utf8');
const YAML_EXAMPLE = readFileSync(path.join(root, 'examples/ninh-binh-524.yaml'), 'utf8');
const screens = screensFolder();
const cal = vietnamCalendar();
// Each request goes to the real stack on two shared cores: more room than jest's 5 seconds.
jest.setTimeout(30_000);

let t: TestStack;
let office: LaunchClient;
let browser: Browser;

const assignmentMails = async (number: string) =>
  (
    await t.stack.pool.query(`SELECT rcpt_to FROM mailbox WHERE subject LIKE $1 ORDER BY id`, [
      `[${number}] Giao nhiệm vụ%`,
    ])
  ).rows.map((r) => r.rcpt_to as string[]);
const emailsOf = async (codes: string[]) =>
  new Map(
    (await t.stack.pool.query('SELECT code, emails FROM units WHERE code = ANY($1)', [codes])).rows.map((r) => [
      r.code as string,
      r.emails as string[],
    ]),
  );
const runsOf = async (number: string) => {
  let n = 0;
  for await (const _ of t.client.workflow.list({ query: `WorkflowId = "directive:${number}"` })) n += 1;
  return n;
};

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestStack();
  office = new LaunchClient(t.app, await logInCoordinator(t.app, t.stack.pool));
  await createUsers(t.stack.pool).add({
    email: 'pct.vanxa@ubnd.ninhbinh.example.vn',
    name: 'Phó Chủ tịch',
    role: 'supervisor',
    password: PASSWORD,
  });
  await t.app.listen({ host: '127.0.0.1', port: t.config.WEB_PORT });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
  removeScreens(screens);
}, 60_000);

describe('the Ninh Bình dispatch, pasted', () => {
  let draft: [string, string][];

  test('drafts its number, date, legal basis and one row per unit, with each question marked at its field', async () => {
    const directives = await office.get('/van-ban');
    expect(directives.body).toContain('<a href="/van-ban/moi" id="nav-launch">Giao nhiệm vụ mới</a>');
    const res = await office.paste(NINH_BINH);
    expect(res.statusCode).toBe(200);
    draft = formFields(res.body, 'draft');
    expect([
      valueIn(draft, 'number'),
      valueIn(draft, 'issuer'),
      valueIn(draft, 'issuedOn'),
      valueIn(draft, 'legalBases'),
    ]).toEqual(['524/UBND-VP9', 'Ủy ban nhân dân tỉnh Ninh Bình', '2022-12-21', '1079/QĐ-TTg']);
    // Every unit the dispatch gives a task to, in the order of its sections, with its name.
    expect(rowsOf(draft)).toEqual(NINH_BINH_DRAFT.tasks.map((task) => task.unit));
    for (const name of [
      'Sở Thông tin và Truyền thông',
      'Công an tỉnh',
      'Sở Lao động - Thương binh và Xã hội',
      'Ủy ban nhân dân huyện Kim Sơn',
    ])
      expect(res.body).toContain(`. ${name}</legend>`);
    // The questions of `dondoc import`, each marked at its field and listed on top.
    const fields = NINH_BINH_DRAFT.questions.map((q) => q.path.replace(/^tasks\.(\d+)\.(\w+).*$/, 't.$1.$2'));
    expect([...res.body.matchAll(/<li class="q-open" data-field="([^"]+)"/g)].map((m) => m[1])).toEqual(fields);
    expect(res.body).toContain(`<span id="open-count">${fields.length}</span>`);
    for (const f of new Set(fields)) expect(res.body).toContain(`<p class="question" data-field="${f}">❓`);
    expect(res.body).toContain('section 1 sets no deadline; write a date (YYYY-MM-DD) or a number of working days');
    expect(valueIn(draft, 't.2.role')).toBe('support');
    expect(valueIn(draft, 't.2.supports')).toBe('?');
  });

  test('refuses a preview with questions unanswered, naming each field and keeping what was typed', async () => {
    const typed = withValues(draft, { title: 'Triển khai Đề án truyền thông về quyền con người', do: 'preview' });
    const res = await office.post('/van-ban/moi/ban-nhap', typed);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(
      '<a href="#f-t.0.deadline">Nhiệm vụ 1 (Sở Thông tin và Truyền thông) — Thời hạn</a>: Hãy chọn một ngày có thật.',
    );
    expect(res.body).toContain(
      '<a href="#f-t.2.supports">Nhiệm vụ 3 (Sở Lao động - Thương binh và Xã hội) — Phối hợp với đơn vị chủ trì</a>: Nhiệm vụ phối hợp phải chọn đơn vị chủ trì',
    );
    expect(valueIn(formFields(res.body, 'draft'), 'title')).toBe('Triển khai Đề án truyền thông về quyền con người');
    // Adding a row and dropping it again leaves the draft as it was.
    const added = formFields(
      (await office.post('/van-ban/moi/ban-nhap', withValues(draft, { do: 'add' }))).body,
      'draft',
    );
    expect(rowsOf(added)).toEqual([...rowsOf(draft), '?']);
    const dropped = formFields(
      (
        await office.post(
          '/van-ban/moi/ban-nhap',
          withValues(added, { [`t.${rowsOf(draft).length}.remove`]: '1', do: 'preview' }),
        )
      ).body,
      'draft',
    );
    expect(rowsOf(dropped)).toEqual(rowsOf(draft));
    expect(dropped.filter(([k]) => /^q\.\d+\.field$/.test(k))).toEqual(
      draft.filter(([k]) => /^q\.\d+\.field$/.test(k)),
    );
  });

  test("with the questions answered, the preview shows each unit's deadline, reminders and escalations in Vietnamese dates", async () => {
    draft = withValues(draft, { ...allInDays(draft, 15), 't.2.supports': 'NB-STTTT' });
    const res = await office.post('/van-ban/moi/ban-nhap', withValues(draft, { do: 'preview' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<span id="open-count">0</span>');
    const lead = cal.workingDaysAfter(localDateOf(Date.now()), 15);
    const support = cal.workingDaysBefore(lead, 2);
    const rows = [
      ...res.body.matchAll(
        /<tr data-unit="([^"]+)">\s*<td>[^<]*<\/td>\s*<td>([^<]*)<\/td>\s*<td class="deadline">([^<]*)<\/td>\s*<td>(.*?)<\/td>\s*<td>(.*?)<\/td>\s*<\/tr>/g,
      ),
    ];
    expect(rows.map((r) => r[1])).toEqual(NINH_BINH_DRAFT.tasks.map((task) => task.unit));
    for (const r of rows) expect(r[3]).toBe(formatDate(r[1] === 'NB-SLDTBXH' ? support : lead, 'vi'));
    const stttt = rows.find((r) => r[1] === 'NB-STTTT')!;
    expect(stttt[3]).toMatch(/^ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    expect(res.body).toContain('Nhắc hạn và báo cáo vượt cấp được gửi lúc 08:00 các ngày làm việc.');
    expect(stttt[4].split('<br>')).toEqual(
      [3, 1, 0].map((k) => `${formatDateShortVi(cal.workingDaysBefore(lead, k))} (T-${k})`),
    );
    expect(stttt[5].split('<br>')).toEqual([
      `${formatDateShortVi(cal.workingDaysAfter(lead, 1))}: cấp 1 — thủ trưởng đơn vị`,
      `${formatDateShortVi(cal.workingDaysAfter(lead, 3))}: cấp 2 — lãnh đạo phụ trách`,
      `${formatDateShortVi(cal.workingDaysAfter(lead, 7))}: cấp 3 — Ban Chỉ đạo`,
      `${formatDateShortVi(cal.workingDaysAfter(lead, 12))}: hằng tuần đến khi xong — Ban Chỉ đạo`,
    ]);
    expect(rows.find((r) => r[1] === 'NB-SLDTBXH')![2]).toBe('Phối hợp — Sở Thông tin và Truyền thông');
    expect(await runsOf('524/UBND-VP9')).toBe(0); // a preview starts nothing
  });

  test('launching sends every unit its assignment mail and puts the directive on the coordinator board', async () => {
    const res = await office.post('/van-ban/moi/ban-nhap', withValues(draft, { do: 'launch' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/van-ban/ma-tran?so=524%2FUBND-VP9&ok=launched&so-luong=${NINH_BINH_DRAFT.tasks.length}`,
    );
    const units = NINH_BINH_DRAFT.tasks.map((task) => task.unit);
    const emails = await emailsOf(units);
    const mails = await eventually(
      'an assignment mail to each unit',
      async () => {
        const got = await assignmentMails('524/UBND-VP9');
        return got.length >= units.length ? got : undefined;
      },
      90_000,
    );
    expect(mails.map((to) => to.join()).sort()).toEqual(units.map((u) => emails.get(u)!.join()).sort());
    const matrix = await eventually(
      "every task on the directive's page",
      async () => {
        const page = await office.get(res.headers.location as string);
        return units.every((u) => page.body.includes(`task%3A524%2FUBND-VP9%3A${u}`)) ? page : undefined;
      },
      60_000,
    );
    expect(matrix.body).toContain(`Đã giao việc: thư giao nhiệm vụ đang được gửi đến các đơn vị (${units.length})`);
    expect((await office.get('/van-ban')).body).toContain(
      '<a href="/van-ban/ma-tran?so=524%2FUBND-VP9">524/UBND-VP9</a>',
    );
    expect(
      (
        await t.stack.pool.query(
          `SELECT actor, action, detail->>'tasks' AS tasks FROM audit WHERE subject = '524/UBND-VP9'`,
        )
      ).rows,
    ).toEqual([{ actor: COORDINATOR, action: 'launch', tasks: String(units.length) }]);
  }, 150_000);

  test('launching the same draft again (a refresh, a second click) starts nothing and says it was launched before', async () => {
    const again = await office.post('/van-ban/moi/ban-nhap', withValues(draft, { do: 'launch' }));
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/van-ban/ma-tran?so=524%2FUBND-VP9&ok=already');
    expect((await office.get(again.headers.location as string)).body).toContain(
      'Văn bản này đã giao trước đó; không giao lại.',
    );
    expect(await runsOf('524/UBND-VP9')).toBe(1);
    expect(
      (await t.stack.pool.query(`SELECT count(*)::int AS n FROM audit WHERE subject = '524/UBND-VP9'`)).rows[0].n,
    ).toBe(1);
  });
});

test('the YAML example, uploaded, keeps its roles and indicators, and a double click on "Giao việc" launches it once', async () => {
  // The dispatch above launched 524/UBND-VP9; the example file goes out under a number of its own.
  const file = YAML_EXAMPLE.replace('number: 524/UBND-VP9', 'number: 525/UBND-VP9');
  const res = await office.upload('ninh-binh-525.yaml', Buffer.from(file));
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('Đọc từ tệp ninh-binh-525.yaml');
  expect(res.body).not.toContain('id="questions"');
  const fields = formFields(res.body, 'draft');
  // Each row as the file wrote it: unit, role, the lead a support task feeds, deadline, cascade.
  const example = parseDirectiveFile(file, 'ninh-binh-525.yaml');
  expect(
    example.tasks.map((_, i) =>
      ['unit', 'role', 'supports', 'kind', 'days', 'cascade'].map((f) => valueIn(fields, `t.${i}.${f}`)),
    ),
  ).toEqual(
    example.tasks.map((task) => [
      task.unit,
      task.role,
      task.supports ?? '',
      'days',
      String((task.deadline as { workingDays: number }).workingDays),
      task.cascade ? '1' : '',
    ]),
  );
  expect(valueIn(fields, 't.1.supports')).toBe('NB-STTTT');
  expect(valueIn(fields, 't.0.indicators')).toBe(
    'articles | Tin, bài đã đăng | bài\nbroadcasts | Chương trình phát thanh, truyền hình | chương trình',
  );

  const launch = withValues(fields, { do: 'launch' });
  const [a, b] = await Promise.all([
    office.post('/van-ban/moi/ban-nhap', launch),
    office.post('/van-ban/moi/ban-nhap', launch),
  ]);
  // A response that is not a redirect says what it was instead.
  const where = (r: typeof a) => r.headers.location ?? `${r.statusCode} ${r.body.slice(0, 300)}`;
  expect([where(a), where(b)].sort()).toEqual([
    '/van-ban/ma-tran?so=525%2FUBND-VP9&ok=already',
    '/van-ban/ma-tran?so=525%2FUBND-VP9&ok=launched&so-luong=5',
  ]);
  expect(await runsOf('525/UBND-VP9')).toBe(1);
  const emails = await emailsOf(rowsOf(fields));
  const mails = await eventually(
    'five assignment mails',
    async () => ((await assignmentMails('525/UBND-VP9')).length >= 5 ? assignmentMails('525/UBND-VP9') : undefined),
    60_000,
  );
  expect(mails.map((to) => to.join()).sort()).toEqual([...emails.values()].map((e) => e.join()).sort());
  const stored = await t.stack.pool.query(`SELECT spec FROM directives WHERE number = '525/UBND-VP9'`);
  // What was launched is the file's directive, field for field.
  expect(stored.rows[0].spec).toMatchObject(JSON.parse(JSON.stringify(example)));
}, 120_000);

describe('bad input', () => {
  const badDate = YAML_EXAMPLE.replace('number: 524/UBND-VP9', 'number: 526/UBND-VP9').replace(
    'deadline: { workingDays: 20 }',
    'deadline: { date: 2026-02-30 }',
  );
  const badDateLine = badDate.split('\n').findIndex((l) => l.includes('2026-02-30')) + 1;

  test.each([
    [
      'a YAML file with a field written twice',
      'hong.yaml',
      Buffer.from('number: 1/UBND\ntitle: Tuyên truyền\ntitle: Tập huấn\n'),
      /^hong\.yaml:3: Map keys must be unique/,
    ],
    [
      'a file in a legacy Vietnamese encoding',
      'cong-van.txt',
      Buffer.from([0x53, 0xd1, 0x3a, 0x20, 0x35, 0x32, 0x34, 0x0a]),
      /cong-van\.txt: tệp không phải văn bản UTF-8/,
    ],
    [
      'a Word document',
      'cong-van.docx',
      Buffer.from('PK\u0003\u0004'),
      /cong-van\.docx: chỉ nhận tệp \.yaml, \.yml, \.json/,
    ],
    ['a file over the size limit', 'lon.txt', Buffer.alloc(600 * 1024, 'a'), /lon\.txt: tệp lớn hơn 512 KB/],
    [
      'a text that is not a dispatch',
      'ghi-chu.txt',
      Buffer.from('\nDanh sách việc cần làm tuần này\n'),
      /ghi-chu\.txt: dòng 2: not a dispatch/,
    ],
  ])('%s is refused in one sentence naming the file', async (_what, name, content, message) => {
    const res = await office.upload(name, content);
    expect(res.statusCode).toBe(422);
    expect(decode(/<p class="card err" role="alert" id="error">([^<]*)<\/p>/.exec(res.body)?.[1] ?? '')).toMatch(
      message,
    );
    expect(res.body).toContain('id="upload"');
  });

  test('a directive file that reads but does not validate comes back as a draft with the line and field of each error', async () => {
    const res = await office.upload('sai-han.yaml', Buffer.from(badDate));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(`sai-han.yaml:${badDateLine}: tasks.2.deadline.date: not a real calendar date`);
    expect(res.body).toContain(
      `<p class="field-error" data-field="t.2.deadline">dòng ${badDateLine}: not a real calendar date</p>`,
    );
    const fields = formFields(res.body, 'draft');
    expect([valueIn(fields, 'number'), valueIn(fields, 't.2.title'), valueIn(fields, 't.2.date')]).toEqual([
      '526/UBND-VP9',
      'Giáo dục, phổ biến pháp luật về quyền con người',
      '2026-02-30',
    ]);
  });

  test('an empty paste asks for a file or a text; a unit outside the directory is named at its field', async () => {
    const empty = await office.paste('   ');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Hãy chọn một tệp hoặc dán nội dung công văn.');
    const fields = formFields(
      (
        await office.upload(
          'ok.yaml',
          Buffer.from(YAML_EXAMPLE.replace('number: 524/UBND-VP9', 'number: 527/UBND-VP9')),
        )
      ).body,
      'draft',
    );
    const res = await office.post(
      '/van-ban/moi/ban-nhap',
      withValues(fields, { 't.3.unit': 'NB-KHONGCO', do: 'launch' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(
      '<p class="field-error" data-field="t.3.unit">Không có đơn vị NB-KHONGCO trong danh mục đơn vị.</p>',
    );
    expect(await runsOf('527/UBND-VP9')).toBe(0);
  });

  test('a supervisor is refused the page and its forms; a form without its token is refused', async () => {
    const supervisor = new LaunchClient(t.app, (await login(t.app, 'pct.vanxa@ubnd.ninhbinh.example.vn')).cookie);
    expect((await supervisor.get('/van-ban/moi')).statusCode).toBe(403);
    const board = await supervisor.get('/giam-sat');
    expect(board.body).not.toContain('nav-launch');
    expect(
      (
        await supervisor.post('/van-ban/moi', [
          ['_csrf', csrfIn(board.body)],
          ['text', NINH_BINH],
        ])
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await office.post('/van-ban/moi/ban-nhap', [
          ['number', '528/UBND-VP9'],
          ['do', 'launch'],
        ])
      ).statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({ url: '/van-ban/moi' });
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/dang-nhap?next=%2Fvan-ban%2Fmoi']);
  });

  test("a quarterly plan's preview names its reporting cycles and the next one", async () => {
    const file = readFileSync(path.join(root, 'examples/quarterly-2023-2028.yaml'));
    const fields = formFields((await office.upload('quarterly-2023-2028.yaml', file)).body, 'draft');
    expect(fields.some(([k, v]) => k === 'schedule' && JSON.parse(v).period === 'quarterly')).toBe(true);
    const res = await office.post('/van-ban/moi/ban-nhap', withValues(fields, { do: 'preview' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/Báo cáo định kỳ: 24 kỳ; các nhiệm vụ dưới đây thuộc kỳ tới, Quý I{1,3}V?\/20\d\d\./);
  });

  test('a date on a day off and a date already past are said in the preview; a past one is launched only when ticked', async () => {
    const file = [
      'number: 527/UBND-VP9',
      'title: Thử thời hạn',
      'issuer: UBND tỉnh Ninh Bình',
      'issuedOn: 2026-11-02',
      'tasks:',
      '  - { unit: NB-STTTT, title: Hạn vào Chủ nhật, deadline: { date: 2027-12-12 }, indicators: [{ code: rate, name: Tỷ lệ, unit: "%", type: decimal }] }',
      '  - { unit: NB-CATINH, title: Hạn đã qua, deadline: { date: 2026-01-05 } }',
    ].join('\n');
    const fields = formFields((await office.upload('han.yaml', Buffer.from(file))).body, 'draft');
    expect(valueIn(fields, 't.0.indicators')).toBe('rate | Tỷ lệ | % | decimal');
    const preview = await office.post('/van-ban/moi/ban-nhap', withValues(fields, { do: 'preview' }));
    const notes = /<ul id="deadline-notes">([\s\S]*?)<\/ul>/.exec(preview.body)![1];
    expect(notes).toContain(
      'Nhiệm vụ 1 (Sở Thông tin và Truyền thông): 12/12/2027 là Chủ nhật: hạn chuyển sang 13/12/2027',
    );
    expect(notes).toContain('Nhiệm vụ 1 (Sở Thông tin và Truyền thông): thời hạn 13/12/2027 là dự kiến');
    expect(notes).toMatch(/Nhiệm vụ 2 \(Công an tỉnh\): thời hạn 05\/01\/2026 đã qua/);
    expect(preview.body).toContain('<td class="deadline">ngày 13 tháng 12 năm 2027 (dự kiến)</td>');
    const refused = await office.post('/van-ban/moi/ban-nhap', withValues(fields, { do: 'launch' }));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('đánh dấu &quot;Vẫn giao khi có thời hạn đã qua&quot;');
    expect(await runsOf('527/UBND-VP9')).toBe(0);
    const launched = await office.post('/van-ban/moi/ban-nhap', withValues(fields, { do: 'launch', allowPast: '1' }));
    expect(launched.statusCode).toBe(303);
    expect(await runsOf('527/UBND-VP9')).toBe(1);
    // The indicator's type went out with the directive.
    const stored = await t.stack.pool.query(`SELECT spec FROM directives WHERE number = '527/UBND-VP9'`);
    expect(stored.rows[0].spec.tasks[0].indicators).toEqual([
      { code: 'rate', name: 'Tỷ lệ', unit: '%', type: 'decimal' },
    ]);
  });

  test('the page and its preview speak English with ?lang=en', async () => {
    const res = await office.paste(NINH_BINH, '?lang=en');
    expect(res.body).toContain('<h1>New directive — Draft</h1>');
    // The importer's questions in English too, not only the labels around them.
    const asked = [...res.body.matchAll(/name="q\.\d+\.(vi|en)" value="([^"]*)"/g)];
    expect(asked.length).toBeGreaterThan(0);
    const listed = /<fieldset id="questions">([\s\S]*?)<\/fieldset>/.exec(res.body)![1];
    for (const [, lang, text] of asked) expect([lang, listed.includes(text)]).toEqual([lang, lang === 'en']);
    const fields = withValues(formFields(res.body, 'draft'), {
      ...allInDays(formFields(res.body, 'draft'), 10),
      't.2.supports': 'NB-STTTT',
      do: 'preview',
    });
    const preview = await office.post('/van-ban/moi/ban-nhap', fields);
    expect(preview.body).toContain(
      `<td class="deadline">${formatDate(cal.workingDaysAfter(localDateOf(Date.now()), 10), 'en')}</td>`,
    );
    await office.get('/van-ban/moi?lang=vi');
  });
});

test('in Chromium, the Kon Tum dispatch is pasted, its questions answered, its deadlines previewed and the directive launched', async () => {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 1400 } });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('pageerror', (e) => void failed.push(e.message));
  const base = `http://127.0.0.1:${t.config.WEB_PORT}`;
  await logInAt(page, `${base}/van-ban/moi`, COORDINATOR);

  await page.locator('#f-text').fill(KON_TUM);
  await Promise.all([page.waitForSelector('#draft'), page.getByRole('button', { name: 'Đọc công văn' }).click()]);
  const tasks = await page.locator('fieldset.task').count();
  expect(tasks).toBe(33);
  expect(Number(await page.locator('#open-count').innerText())).toBe(tasks + 4);
  const shot = await page.screenshot({ path: path.join(screens, 'launch-draft-vi.png') });
  expect(shot.subarray(1, 4).toString()).toBe('PNG');
  expect(shot.readUInt32BE(16)).toBe(1280);

  // The dispatch is a draft with a blank number and date; one section also names portals the
  // directory does not hold: a question, kept as it is, and no task.
  await page.locator('#f-number').fill('412/STTTT-TTBCXB');
  await page.locator('#f-issuedOn').fill('2024-05-20');
  await page.locator('li[data-field="tasks"] input[type=checkbox]').check();
  for (let i = 0; i < tasks; i += 1) {
    await page.locator(`[name="t.${i}.kind"]`).selectOption('days');
    await page.locator(`[name="t.${i}.days"]`).fill('15');
  }
  await page.locator('li[data-field="recipients.4"] input[type=checkbox]').check();
  await Promise.all([page.waitForSelector('#xem-han'), page.getByRole('button', { name: 'Xem hạn' }).click()]);
  expect(await page.locator('#open-count').innerText()).toBe('0');
  const deadlines = await page.locator('#preview td.deadline').allInnerTexts();
  expect(deadlines).toEqual(Array(tasks).fill(formatDate(cal.workingDaysAfter(localDateOf(Date.now()), 15), 'vi')));

  await Promise.all([
    page.waitForURL(/\/van-ban\/ma-tran\?so=412%2FSTTTT-TTBCXB&ok=launched/, { timeout: 30_000 }),
    page.getByRole('button', { name: 'Giao việc' }).click(),
  ]);
  expect(await page.locator('#notice').innerText()).toContain('Đã giao việc');
  const mails = await eventually(
    '33 assignment mails',
    async () =>
      (await assignmentMails('412/STTTT-TTBCXB')).length >= tasks ? assignmentMails('412/STTTT-TTBCXB') : undefined,
    90_000,
  );
  expect(mails).toHaveLength(tasks);
  expect(mails.flat()).not.toContain('bientap@congttdt.kontum.example.vn');
  expect(failed).toEqual([]);
  await context.close();
}, 180_000);
