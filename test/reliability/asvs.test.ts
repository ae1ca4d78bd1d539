// Department links and staff login checked against OWASP ASVS 5.0, chapter V6 (Authentication),
// with the V3 (web frontend) and V16 (logging) requirements the same doors depend on. One test per
// requirement, named by its id; the real stack, a directive running, links taken from its mail.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../client/web/app';
import { createLogger } from '../../client/log';
import { createLinks, hashToken } from '../../db/links';
import { createReadModel } from '../../db/read-model';
import { ACCOUNT_MAX_FAILURES, createUsers, MAX_FAILURES, totpFor } from '../../db/users';
import { taskStateQuery } from '../../workflows/messages';
import { login, PASSWORD } from '../helpers/staff';
import { directiveFor, inputValue, launchWithLinks, taskIdOf, Visitor } from '../web/department-helpers';
import { reportFigures, startWebStack, type WebStack } from './parts';

const directive = directiveFor('75/UBND-ASVS', ['NB-STTTT', 'NB-CATINH']);
let t: WebStack;
let links: Record<string, string>;
const covered: string[] = [];
const check = (id: string, name: string, fn: () => Promise<void>) =>
  test(`${id} ${name}`, async () => {
    await fn();
    covered.push(id);
  }, 120_000);

/** The same app on the same stack with other settings (small limits, a captured log). */
const appWith = (
  config: Partial<WebStack['config']>,
  logger?: ReturnType<typeof createLogger>,
): Promise<FastifyInstance> =>
  buildApp(
    {
      config: { ...t.config, ...config },
      pool: t.stack.pool,
      readModel: createReadModel(t.stack.pool),
      links: createLinks(t.stack.pool),
      temporal: t.client,
    },
    { logger },
  );

const users = () => createUsers(t.stack.pool);
const stateOf = async (unit: string) =>
  (await t.client.workflow.getHandle(taskIdOf(directive, unit)).query(taskStateQuery)).state;

beforeAll(async () => {
  t = await startWebStack();
  links = await launchWithLinks(t, directive);
}, 300_000);
afterAll(async () => {
  reportFigures('asvs', { requirements: covered.length, ids: covered.sort().join(',') });
  await t?.stop();
}, 60_000);

check(
  'V6.6.2',
  'a link opens only the task it was issued for: tampered, unknown, expired, revoked and foreign links get one 403 that tells nothing',
  async () => {
    const token = links['NB-CATINH'];
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const answers = [
      await t.app.inject({ url: `/t/${tampered}` }),
      await t.app.inject({ url: `/t/${'x'.repeat(43)}` }),
    ];
    await t.stack.pool.query(`UPDATE links SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    answers.push(await t.app.inject({ url: `/t/${token}` }));
    await t.stack.pool.query(
      `UPDATE links SET expires_at = now() + interval '400 days', revoked_at = now() WHERE token_hash = $1`,
      [hashToken(token)],
    );
    answers.push(await t.app.inject({ url: `/t/${token}` }));
    await t.stack.pool.query(`UPDATE links SET revoked_at = NULL WHERE token_hash = $1`, [hashToken(token)]);
    // A good link's form token used on another task's page.
    const other = new Visitor(t.app);
    const page = await other.get(`/t/${links['NB-STTTT']}`);
    answers.push(await other.post(`/t/${token}`, { _csrf: inputValue(page.body, '_csrf'), do: 'acknowledge' }));
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(new Set(answers.slice(0, 4).map((a) => a.body)).size).toBe(1);
    expect(answers[0].body).toContain('Đường liên kết không hợp lệ hoặc đã hết hạn.');
    expect(answers[0].body).not.toMatch(/75\/UBND-ASVS|NB-|expired|revoked/);
    expect((await stateOf('NB-CATINH')).acknowledgedAt).toBeUndefined();
    expect((await t.app.inject({ url: `/t/${token}` })).statusCode).toBe(200);
  },
);

check(
  'V3.5.3',
  'a GET never spends or changes anything: a page opened again and again, as a mail scanner would, leaves task, links and mail as they were',
  async () => {
    const picture = async () =>
      JSON.stringify([
        (await t.stack.pool.query(`SELECT * FROM links ORDER BY token_hash`)).rows,
        (await t.stack.pool.query(`SELECT count(*) FROM outbox`)).rows,
        (await stateOf('NB-STTTT')).version,
      ]);
    const before = await picture();
    const token = links['NB-STTTT'];
    for (const url of [
      `/t/${token}`,
      `/t/${token}?lang=en`,
      `/t/${token}?do=acknowledge`,
      `/t/${token}?do=report&text=x`,
      `/t/${token}/tep/${'0'.repeat(64)}`,
    ]) {
      for (let i = 0; i < 3; i++) expect([200, 403]).toContain((await t.app.inject({ url })).statusCode);
    }
    expect((await t.app.inject({ method: 'HEAD', url: `/t/${token}` })).statusCode).toBe(200);
    expect(await picture()).toBe(before);
  },
);

check('V6.3.8', 'known and unknown addresses get the same answer for a new link and for a wrong password', async () => {
  await users().add({
    email: 'vanphong@ubnd.ninhbinh.example.vn',
    name: 'Văn phòng',
    role: 'coordinator',
    password: PASSWORD,
  });
  const app = await appWith({ NEW_LINK_RATE_LIMIT: 10 });
  try {
    const ask = async (email: string, requestId: string) => {
      const v = new Visitor(app);
      const form = await v.get('/lien-ket');
      return v.post('/lien-ket', { _csrf: inputValue(form.body, '_csrf'), email, requestId });
    };
    const known = await ask('vanthu@stttt.ninhbinh.example.vn', 'asvs-request-0001');
    const unknown = await ask('ai-do@example.vn', 'asvs-request-0002');
    expect([known.statusCode, unknown.statusCode]).toEqual([200, 200]);
    expect(unknown.body).toBe(known.body);
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/, '');
    const wrong = await login(app, 'vanphong@ubnd.ninhbinh.example.vn', {
      password: 'không đúng mật khẩu',
      ip: '10.9.0.1',
    });
    const nobody = await login(app, 'khong-co-ai@ubnd.ninhbinh.example.vn', {
      password: 'không đúng mật khẩu',
      ip: '10.9.0.2',
    });
    expect([wrong.res.statusCode, nobody.res.statusCode]).toEqual([401, 401]);
    expect(strip(nobody.res.body).replace('khong-co-ai@', 'vanphong@')).toBe(strip(wrong.res.body));

    // The lockout tells nothing either: wrong passwords lock an unknown address as they lock an account.
    await users().add({
      email: 'khoa-thu@ubnd.ninhbinh.example.vn',
      name: 'Khóa thử',
      role: 'coordinator',
      password: PASSWORD,
    });
    const answers = async (email: string, net: number) => {
      const codes: number[] = [];
      let last = '';
      for (let i = 0; i < 6; i++) {
        const { res } = await login(app, email, { password: `sai-${i}-mat-khau`, ip: `10.9.${net}.1` });
        codes.push(res.statusCode);
        last = strip(res.body);
      }
      return { codes, last };
    };
    const lockedKnown = await answers('khoa-thu@ubnd.ninhbinh.example.vn', 7);
    const lockedUnknown = await answers('khong-ai-ca@ubnd.ninhbinh.example.vn', 8);
    expect(lockedKnown.codes).toEqual([401, 401, 401, 401, 401, 429]);
    expect(lockedUnknown.codes).toEqual(lockedKnown.codes);
    expect(lockedUnknown.last.replace('khong-ai-ca@', 'khoa-thu@')).toBe(lockedKnown.last);
  } finally {
    await app.close();
  }
});

check(
  'V6.3.1',
  'brute force on login is stopped: an address is locked out of an account after five wrong passwords, the account for everyone after fifty, an address after ten attempts a minute',
  async () => {
    await users().add({
      email: 'khoa@ubnd.ninhbinh.example.vn',
      name: 'Khóa',
      role: 'coordinator',
      password: PASSWORD,
    });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await login(t.app, 'khoa@ubnd.ninhbinh.example.vn', { password: `sai-${i}-mat-khau`, ip: '10.9.1.1' })).res
          .statusCode,
      );
    codes.push((await login(t.app, 'khoa@ubnd.ninhbinh.example.vn', { ip: '10.9.1.1' })).res.statusCode); // the right password, too late
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    // Guesses spread over many addresses lock the account for everyone, the owner too.
    for (let a = 0; a < ACCOUNT_MAX_FAILURES / MAX_FAILURES; a++)
      for (let i = 0; i < MAX_FAILURES; i++)
        await users().login({ email: 'khoa@ubnd.ninhbinh.example.vn', password: `sai-${i}`, address: `10.9.100.${a}` });
    expect((await login(t.app, 'khoa@ubnd.ninhbinh.example.vn', { ip: '10.9.1.2' })).res.statusCode).toBe(429);
    const perAddress: number[] = [];
    for (let i = 0; i < 12; i++)
      perAddress.push((await login(t.app, `doan-${i}@example.vn`, { ip: '10.9.1.3' })).res.statusCode);
    expect(perAddress.slice(10)).toEqual([429, 429]);
  },
);

check('V6.6.3', 'guessing link tokens is rate-limited per address, and a token holds 256 random bits', async () => {
  const app = await appWith({ LINK_RATE_LIMIT: 5 });
  try {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await app.inject({ url: `/t/${'g'.repeat(42)}${i}`, remoteAddress: '10.9.2.1' })).statusCode);
    expect(codes).toEqual([403, 403, 403, 403, 403, 429, 429]);
    // Even the right token is refused to that address until the minute is over.
    expect((await app.inject({ url: `/t/${links['NB-STTTT']}`, remoteAddress: '10.9.2.1' })).statusCode).toBe(429);
    expect((await app.inject({ url: `/t/${links['NB-STTTT']}`, remoteAddress: '10.9.2.2' })).statusCode).toBe(200);
  } finally {
    await app.close();
  }
  expect(Buffer.from(links['NB-STTTT'], 'base64url')).toHaveLength(32);
});

check('V6.5.3', 'link tokens and TOTP seeds come from the CSPRNG, and only a hash of a token is stored', async () => {
  const issued = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      createLinks(t.stack.pool).issue({
        taskWorkflowId: taskIdOf(directive, 'NB-STTTT'),
        recipient: 'kiem-tra@example.vn',
        purposeKey: `asvs-entropy-${i}`,
        expiresAt: new Date(Date.now() + 60_000),
      }),
    ),
  );
  expect(new Set(issued).size).toBe(200);
  expect(issued.every((token) => /^[A-Za-z0-9_-]{43}$/.test(token))).toBe(true);
  // Every bit position varies across the tokens: nothing fixed or counted.
  const bits = issued.map((tk) => Buffer.from(tk, 'base64url'));
  for (let b = 0; b < 256; b++) expect(new Set(bits.map((buf) => (buf[b >> 3] >> (b & 7)) & 1)).size).toBe(2);
  const stored = JSON.stringify((await t.stack.pool.query(`SELECT * FROM links`)).rows);
  expect(issued.some((tk) => stored.includes(tk))).toBe(false);
  await t.stack.pool.query(`DELETE FROM links WHERE purpose_key LIKE 'asvs-entropy-%'`);
  const a = await users().add(
    { email: 'seed-a@example.vn', name: 'A', role: 'supervisor', password: PASSWORD },
    { totp: true },
  );
  const b = await users().add(
    { email: 'seed-b@example.vn', name: 'B', role: 'supervisor', password: PASSWORD },
    { totp: true },
  );
  const seed = (uri?: string) => new URL(uri!).searchParams.get('secret')!;
  expect(seed(a.otpauthUri)).toMatch(/^[A-Z2-7]{32}$/);
  expect(seed(a.otpauthUri)).not.toBe(seed(b.otpauthUri));
});

check('V6.5.1', 'a TOTP code lets in once: the same code again is refused', async () => {
  const added = await users().add(
    { email: 'lanhdao@ubnd.ninhbinh.example.vn', name: 'Lãnh đạo', role: 'supervisor', password: PASSWORD },
    { totp: true },
  );
  const code = totpFor(
    'lanhdao@ubnd.ninhbinh.example.vn',
    new URL(added.otpauthUri!).searchParams.get('secret')!,
  ).generate();
  expect((await login(t.app, 'lanhdao@ubnd.ninhbinh.example.vn', { totp: code, ip: '10.9.3.1' })).res.statusCode).toBe(
    303,
  );
  expect((await login(t.app, 'lanhdao@ubnd.ninhbinh.example.vn', { totp: code, ip: '10.9.3.2' })).res.statusCode).toBe(
    401,
  );
});

check(
  'V6.3.3',
  'TOTP is enforced where configured: with REQUIRE_TOTP a supervisor without a second factor, or without the code, is not let in',
  async () => {
    const app = await appWith({ REQUIRE_TOTP: 'true' });
    try {
      await users().add({
        email: 'khong-totp@ubnd.ninhbinh.example.vn',
        name: 'Không TOTP',
        role: 'supervisor',
        password: PASSWORD,
      });
      await users().add(
        { email: 'co-totp@ubnd.ninhbinh.example.vn', name: 'Có TOTP', role: 'admin', password: PASSWORD },
        { totp: true },
      );
      const without = await login(app, 'khong-totp@ubnd.ninhbinh.example.vn', { ip: '10.9.4.1' });
      const noCode = await login(app, 'co-totp@ubnd.ninhbinh.example.vn', { ip: '10.9.4.2' });
      expect([without.res.statusCode, noCode.res.statusCode]).toEqual([401, 401]);
      expect(without.res.body).toContain('dondoc user add --totp');
      expect([without.cookie, noCode.cookie].some((c) => c.includes('dondoc_session='))).toBe(false);
    } finally {
      await app.close();
    }
  },
);

check('V6.3.2', 'no default account exists: admin/admin and the like let no one in', async () => {
  for (const [email, password] of [
    ['admin', 'admin'],
    ['admin@localhost', 'admin'],
    ['root@localhost', 'root'],
    ['dondoc@localhost', 'dondoc'],
  ]) {
    expect((await login(t.app, email, { password, ip: '10.9.5.1' })).res.statusCode).toBe(401);
  }
  expect(
    (await t.stack.pool.query(`SELECT count(*)::int AS n FROM users WHERE email ~ '^(admin|root|dondoc)@'`)).rows[0].n,
  ).toBe(0);
});

check('V6.2.9', 'a passphrase of 64 characters and more is accepted', async () => {
  const long = 'Mật khẩu dài: ' + 'ngày mai trời lại sáng '.repeat(5);
  expect(long.length).toBeGreaterThanOrEqual(64);
  await users().add({ email: 'dai@ubnd.ninhbinh.example.vn', name: 'Dài', role: 'coordinator', password: long });
  expect((await login(t.app, 'dai@ubnd.ninhbinh.example.vn', { password: long, ip: '10.9.6.1' })).res.statusCode).toBe(
    303,
  );
});

check(
  'V6.2.8',
  'the password is checked exactly as typed: case changed, cut short or trimmed, it is refused',
  async () => {
    const password = '  Hoa Sen nở giữa Đầm  ';
    await users().add({ email: 'dung-nguyen@ubnd.ninhbinh.example.vn', name: 'Nguyên', role: 'coordinator', password });
    for (const wrong of [password.toUpperCase(), password.slice(0, -3), password.trim()]) {
      expect(
        (await login(t.app, 'dung-nguyen@ubnd.ninhbinh.example.vn', { password: wrong, ip: '10.9.7.1' })).res
          .statusCode,
      ).toBe(401);
    }
    expect(
      (await login(t.app, 'dung-nguyen@ubnd.ninhbinh.example.vn', { password, ip: '10.9.7.2' })).res.statusCode,
    ).toBe(303);
  },
);

check(
  'V3.5.1',
  "a form or API call without its CSRF token, or with another form's, is refused and changes nothing",
  async () => {
    const visitor = new Visitor(t.app);
    const page = await visitor.get(`/t/${links['NB-STTTT']}`);
    expect((await visitor.post(`/t/${links['NB-STTTT']}`, { do: 'acknowledge' })).statusCode).toBe(403);
    expect(
      (
        await visitor.post(`/t/${links['NB-STTTT']}`, {
          _csrf: `${inputValue(page.body, '_csrf')}x`,
          do: 'acknowledge',
        })
      ).statusCode,
    ).toBe(403);
    expect((await stateOf('NB-STTTT')).acknowledgedAt).toBeUndefined();
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/dang-nhap',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=vanphong%40ubnd.ninhbinh.example.vn&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.cookies.find((c: { name: string }) => c.name === 'dondoc_session')).toBeUndefined();
    const { cookie } = await login(t.app, 'vanphong@ubnd.ninhbinh.example.vn', { ip: '10.9.8.1' });
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tasks/review',
      headers: { cookie },
      payload: { id: taskIdOf(directive, 'NB-STTTT'), receipt: 'R-1', accept: true },
    });
    expect(api.statusCode).toBe(403);
    expect(api.json().error).toBe('CSRF_INVALID');
  },
);

const headersOf = async () => {
  const pages = await Promise.all([
    t.app.inject({ url: `/t/${links['NB-STTTT']}` }),
    t.app.inject({ url: '/dang-nhap' }),
    t.app.inject({ url: '/lien-ket' }),
    t.app.inject({ url: '/t/nope' }),
  ]);
  return pages.map((p) => p.headers);
};
check('V3.4.1', 'every answer carries Strict-Transport-Security for a year and all subdomains', async () => {
  for (const h of await headersOf())
    expect(h['strict-transport-security']).toMatch(/max-age=(3153600\d|[4-9]\d{7,}); includeSubDomains/);
});
check('V3.4.4', 'every answer carries X-Content-Type-Options: nosniff', async () => {
  for (const h of await headersOf()) expect(h['x-content-type-options']).toBe('nosniff');
});
check('V3.4.5', 'every answer sets a referrer policy that sends no link token on: no-referrer', async () => {
  for (const h of await headersOf()) expect(h['referrer-policy']).toBe('no-referrer');
});
check('V3.4.6', 'every answer forbids framing with CSP frame-ancestors', async () => {
  for (const h of await headersOf()) expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
});
check('V3.4.8', 'every page is isolated from other windows: Cross-Origin-Opener-Policy same-origin', async () => {
  for (const h of await headersOf()) expect(h['cross-origin-opener-policy']).toBe('same-origin');
});

check('V16.2.5', 'link tokens and passwords never reach the logs, whatever the request does', async () => {
  const lines: string[] = [];
  const log = createLogger({ LOG_LEVEL: 'trace' }, { destination: { write: (line: string) => void lines.push(line) } });
  const app = await appWith({}, log);
  try {
    const token = links['NB-CATINH'];
    const v = new Visitor(app);
    await v.get(`/t/${token}?lang=vi`);
    await v.post(`/t/${token}`, { do: 'report', text: token, password: PASSWORD });
    await v.get(`/t/${token}/tep/${'0'.repeat(64)}?token=${token}`);
    await app.inject({ url: `/t/${token.slice(0, -1)}Z` });
    await login(app, 'vanphong@ubnd.ninhbinh.example.vn', { password: `sai ${PASSWORD}`, ip: '10.9.9.1' });
    await login(app, 'vanphong@ubnd.ninhbinh.example.vn', { ip: '10.9.9.2' });
    await app.inject({
      method: 'POST',
      url: '/api/v1/tasks/review',
      headers: { authorization: `Bearer ${token}` },
      payload: { password: PASSWORD, token },
    });
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [token, token.slice(0, 20), PASSWORD]) expect(text).not.toContain(secret);
    expect(text).toContain('/t/…');
  } finally {
    await app.close();
  }
});
