// Login, sessions, TOTP, lockout, CSRF and roles of the pages behind login, on the real web app
// and a real PostgreSQL, reading the database back after each step.
import { createHash } from 'node:crypto';
import { loadConfig } from '../../config';
import { userAddCommand } from '../../client/cli/user';
import { runCli } from '../../client/cli/program';
import { createLinks } from '../../db/links';
import { ACCOUNT_MAX_FAILURES, MAX_FAILURES } from '../../db/users';
import { addUser, cookieJar, csrfIn, login, PASSWORD, startStaffApp, type StaffApp } from '../helpers/staff';

let s: StaffApp;
beforeAll(async () => {
  s = await startStaffApp();
}, 60_000);
afterAll(async () => {
  await s?.stop();
});

/** Every page and API route behind login, and who may open it. */
const GETS: [string, string[]][] = [
  ['/giam-sat', ['supervisor', 'admin']],
  ['/giam-sat/qua-han.csv', ['supervisor', 'admin']],
  ['/giam-sat/thang', ['supervisor', 'admin']],
  ['/van-ban', ['coordinator', 'admin']],
  ['/van-ban/ma-tran?so=1/UBND-VP9', ['coordinator', 'admin']],
  ['/van-ban/tong-hop?so=1/UBND-VP9', ['coordinator', 'supervisor', 'admin']],
  ['/van-ban/tong-hop.csv?so=1/UBND-VP9', ['coordinator', 'supervisor', 'admin']],
  ['/van-ban/tong-hop.docx?so=1/UBND-VP9', ['coordinator', 'supervisor', 'admin']],
  ['/nhiem-vu?id=task:1/UBND-VP9:NB-STTTT', ['coordinator', 'supervisor', 'admin']],
  ['/quan-tri/nguoi-dung', ['admin']],
  ['/api/v1/session', ['coordinator', 'supervisor', 'admin']],
  ['/api/v1/board', ['supervisor', 'admin']],
  ['/api/v1/directives', ['coordinator', 'admin']],
  ['/api/v1/directives/consolidated?so=1/UBND-VP9', ['coordinator', 'supervisor', 'admin']],
  ['/api/v1/tasks?id=task:1/UBND-VP9:NB-STTTT', ['coordinator', 'supervisor', 'admin']],
  ['/api/v1/openapi.json', ['coordinator', 'supervisor', 'admin']],
];
const POSTS: [string, string[]][] = [
  ['/giam-sat/cong-van-don-doc', ['supervisor', 'admin']],
  ['/van-ban/dieu-chinh', ['coordinator', 'admin']],
  ['/van-ban/huy', ['coordinator', 'admin']],
  ['/nhiem-vu/duyet', ['coordinator', 'admin']],
  ['/nhiem-vu/gia-han', ['coordinator', 'admin']],
  ['/api/v1/tasks/review', ['coordinator', 'admin']],
];
const ROLES = ['coordinator', 'supervisor', 'admin'] as const;

test('the login page is in Vietnamese with a switch to English', async () => {
  const vi = await s.app.inject({ url: '/dang-nhap' });
  expect(vi.statusCode).toBe(200);
  expect(vi.body).toContain('Đăng nhập');
  expect(vi.body).toContain('Mật khẩu');
  expect(vi.body).toContain('href="/dang-nhap?lang=en');
  const en = await s.app.inject({ url: '/dang-nhap?lang=en' });
  expect(en.body).toContain('Password');
  expect(en.body).toContain('<html lang="en">');
});

test('a coordinator logs in with a password and gets a hashed, http-only, same-site session', async () => {
  const { email } = await addUser(s, 'coordinator');
  const { rows: users } = await s.pool.query('SELECT password_hash FROM users WHERE email = $1', [email]);
  expect(users[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  expect(users[0].password_hash).not.toContain(PASSWORD);

  const { res, cookie } = await login(s.app, email.toUpperCase());
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe('/van-ban');
  const session = (
    res.cookies as { name: string; value: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[]
  ).find((c) => c.name === 'dondoc_session')!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(session.secure).toBeFalsy(); // PUBLIC_URL is http here
  const stored = await s.pool.query(
    'SELECT id_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
    [email],
  );
  expect(stored.rows.map((r) => r.id_hash.toString('hex'))).toEqual([
    createHash('sha256').update(session.value).digest('hex'),
  ]);

  const page = await s.app.inject({ url: '/van-ban', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Văn bản đang theo dõi');

  // Logging out ends the session in the database, not only in the browser.
  const logout = await s.app.inject({
    method: 'POST',
    url: '/dang-xuat',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrfIn(page.body))}`,
  });
  expect(logout.statusCode).toBe(303);
  expect(
    (
      await s.pool.query(
        'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
        [email],
      )
    ).rows[0].n,
  ).toBe(0);
  expect((await s.app.inject({ url: '/van-ban', headers: { cookie } })).headers.location).toBe(
    '/dang-nhap?next=%2Fvan-ban',
  );
});

test('a supervisor with TOTP needs the code, and a code works only once', async () => {
  const u = await addUser(s, 'supervisor', { totp: true, email: 'lanhdao@ubnd.ninhbinh.example.vn' });
  const without = await login(s.app, u.email, { ip: '10.0.0.2' });
  expect(without.res.statusCode).toBe(401);
  // Answered as a wrong password is: the form always offers the code field.
  expect(without.res.body).toContain('Sai địa chỉ thư, mật khẩu hoặc mã xác thực.');
  expect(without.res.body).toContain('name="totp"');
  const code = u.code();
  const ok = await login(s.app, u.email, { totp: code, ip: '10.0.0.2' });
  expect(ok.res.statusCode).toBe(303);
  expect(ok.res.headers.location).toBe('/giam-sat');
  const replay = await login(s.app, u.email, { totp: code, ip: '10.0.0.2' });
  expect(replay.res.statusCode).toBe(401);
  expect(replay.res.cookies.find((c: { name: string }) => c.name === 'dondoc_session')).toBeUndefined();
});

test('repeated wrong passwords from one address lock that address out of the account, even with the right password; the owner elsewhere still logs in', async () => {
  const { email } = await addUser(s, 'coordinator', { email: 'khoa@ubnd.ninhbinh.example.vn' });
  for (let i = 0; i < MAX_FAILURES; i++)
    expect((await login(s.app, email, { password: 'sai mật khẩu rồi', ip: '10.0.0.3' })).res.statusCode).toBe(401);
  const right = await login(s.app, email, { ip: '10.0.0.3' });
  expect(right.res.statusCode).toBe(429);
  expect(right.res.body).toContain('tạm khóa');
  // The owner, at the office's address, is not locked out by someone else's guesses.
  expect((await login(s.app, email, { ip: '10.0.0.4' })).res.statusCode).toBe(303);
  // An IPv6 attacker gets one count for their whole /64, however many addresses they hold in it.
  const { email: other } = await addUser(s, 'coordinator', { email: 'khoa-v6@ubnd.ninhbinh.example.vn' });
  for (let i = 0; i < MAX_FAILURES; i++)
    await s.users.login({ email: other, password: 'sai mật khẩu rồi', address: `2001:db8:7:1::${i + 1}` });
  expect(await s.users.login({ email: other, password: PASSWORD, address: '2001:db8:7:1:ffff::1' })).toEqual({
    ok: false,
    why: 'locked',
  });
  expect((await s.users.login({ email: other, password: PASSWORD, address: '2001:db8:7:2::1' })).ok).toBe(true);
});

test('wrong passwords from many addresses lock the account for everyone, at a much higher count', async () => {
  const { email } = await addUser(s, 'coordinator', { email: 'khoa-het@ubnd.ninhbinh.example.vn' });
  const addresses = Math.ceil(ACCOUNT_MAX_FAILURES / MAX_FAILURES);
  for (let a = 0; a < addresses; a++)
    for (let i = 0; i < MAX_FAILURES; i++)
      await s.users.login({ email, password: 'sai mật khẩu rồi', address: `10.7.${a}.1` });
  expect(await s.users.login({ email, password: PASSWORD, address: '10.7.200.1' })).toEqual({
    ok: false,
    why: 'locked',
  });
  // A new password from the administrator lifts every lock.
  await s.users.add({ email, name: 'Khóa hết', role: 'coordinator', password: 'mật khẩu mới của văn phòng' });
  expect((await s.users.login({ email, password: 'mật khẩu mới của văn phòng', address: '10.7.0.1' })).ok).toBe(true);
}, 60_000);

test('more than ten login attempts a minute from one address are refused', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 12; i++)
    codes.push((await login(s.app, `ai-do-${i}@example.vn`, { ip: '10.0.0.9' })).res.statusCode);
  expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
  expect(codes.slice(10)).toEqual([429, 429]);
  // Each refused attempt still hashes a password on purpose (no timing oracle): slow on a busy machine.
}, 60_000);

test('a login form without its CSRF token is refused', async () => {
  const { email } = await addUser(s, 'admin');
  const res = await s.app.inject({
    method: 'POST',
    url: '/dang-nhap',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password: PASSWORD }).toString(),
  });
  expect(res.statusCode).toBe(403);
  expect(res.cookies.find((c: { name: string }) => c.name === 'dondoc_session')).toBeUndefined();
});

test('an off-site address after login is replaced by the home page', async () => {
  const { email } = await addUser(s, 'admin');
  const { res } = await login(s.app, email, { next: '//evil.example.com/x', ip: '10.0.0.5' });
  expect(res.headers.location).toBe('/giam-sat');
});

test('every staff page and API route refuses anonymous users and the wrong role', async () => {
  const cookies: Record<string, string> = {};
  for (const role of ROLES) {
    const { email } = await addUser(s, role, { email: `vai-tro-${role}@example.vn` });
    cookies[role] = (await login(s.app, email, { ip: `10.1.0.${ROLES.indexOf(role)}` })).cookie;
  }
  for (const [url, allowed] of GETS) {
    const anon = await s.app.inject({ url });
    if (url.startsWith('/api/')) expect([url, anon.statusCode]).toEqual([url, 401]);
    else
      expect([url, anon.statusCode, anon.headers.location]).toEqual([
        url,
        303,
        `/dang-nhap?next=${encodeURIComponent(url)}`,
      ]);
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      expect([url, role, (await s.app.inject({ url, headers: { cookie: cookies[role] } })).statusCode]).toEqual([
        url,
        role,
        403,
      ]);
    }
    for (const role of allowed) {
      // Allowed through the guard: the page answers (404 for the directive these tests never made).
      expect([
        url,
        role,
        [200, 404].includes((await s.app.inject({ url, headers: { cookie: cookies[role] } })).statusCode),
      ]).toEqual([url, role, true]);
    }
  }
  // POSTs: with a valid form token, still no entry without a session or with the wrong role.
  const form = await s.app.inject({ url: '/dang-nhap' });
  const anonJar = cookieJar(form);
  for (const [url, allowed] of POSTS) {
    const post = (cookie: string, token: string) =>
      s.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(token)}`,
      });
    const anon = await post(anonJar, csrfIn(form.body));
    expect([url, anon.statusCode]).toEqual([url, url.startsWith('/api/') ? 401 : 303]);
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      const pageRes = await s.app.inject({ url: '/dang-nhap', headers: { cookie: cookies[role] } });
      const res = await post(cookieJar(pageRes, cookies[role]), csrfIn(pageRes.body));
      expect([url, role, res.statusCode]).toEqual([url, role, 403]);
    }
  }
});

test('a department link never opens a staff page', async () => {
  const token = await createLinks(s.pool).issue({
    taskWorkflowId: 'task:1/UBND-VP9:NB-STTTT',
    recipient: 'vanthu@stttt.ninhbinh.example.vn',
    purposeKey: 'test-link-1',
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const opened = await s.app.inject({ url: `/t/${token}` });
  const jar = cookieJar(opened);
  for (const url of ['/giam-sat', '/van-ban', `/giam-sat?token=${token}`]) {
    const res = await s.app.inject({ url, headers: { cookie: jar } });
    expect([url, res.statusCode]).toEqual([url, 303]);
    expect(res.headers.location).toMatch(/^\/dang-nhap/);
  }
  expect(
    (await s.app.inject({ url: '/api/v1/board', headers: { cookie: jar, authorization: `Bearer ${token}` } }))
      .statusCode,
  ).toBe(401);
});

test('with REQUIRE_TOTP a supervisor without a second factor cannot log in, and https makes the cookie Secure', async () => {
  const strict = await startStaffApp({
    databaseUrl: s.config.DATABASE_URL!,
    env: { REQUIRE_TOTP: 'true', PUBLIC_URL: 'https://dondoc.ninhbinh.example.vn' },
  });
  try {
    const plain = await addUser(strict, 'supervisor', { email: 'khong-totp@example.vn' });
    const refused = await login(strict.app, plain.email, { ip: '10.2.0.1' });
    expect(refused.res.statusCode).toBe(401);
    expect(refused.res.body).toContain('dondoc user add --totp');
    const coordinator = await addUser(strict, 'coordinator', { email: 'dieu-phoi-https@example.vn' });
    const ok = await login(strict.app, coordinator.email, { ip: '10.2.0.2' });
    expect(ok.res.statusCode).toBe(303);
    expect(ok.res.cookies.find((c: { name: string }) => c.name === 'dondoc_session')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
  } finally {
    await strict.stop();
  }
});

test('dondoc user add creates the account and prints the TOTP URI; REQUIRE_TOTP insists on it', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
  const config = loadConfig({ DATABASE_URL: s.config.DATABASE_URL, DATA_DIR: s.config.dataDir });
  await userAddCommand(
    io,
    config,
    {
      email: 'Chanh.VP@ubnd.ninhbinh.example.vn',
      name: 'Chánh Văn phòng',
      role: 'supervisor',
      totp: true,
      passwordStdin: true,
    },
    async () => 'một mật khẩu rất dài',
  );
  const text = out.join('');
  expect(text).toContain('User chanh.vp@ubnd.ninhbinh.example.vn (supervisor) is ready.');
  expect(text).toMatch(
    /otpauth:\/\/totp\/dondoc:chanh\.vp%40ubnd\.ninhbinh\.example\.vn\?issuer=dondoc&secret=[A-Z2-7]{32}/,
  );
  const { rows } = await s.pool.query(
    `SELECT role, totp_secret IS NOT NULL AS totp FROM users WHERE email = 'chanh.vp@ubnd.ninhbinh.example.vn'`,
  );
  expect(rows).toEqual([{ role: 'supervisor', totp: true }]);

  const strict = loadConfig({ DATABASE_URL: s.config.DATABASE_URL, DATA_DIR: s.config.dataDir, REQUIRE_TOTP: 'true' });
  await expect(userAddCommand(io, strict, { email: 'x@example.vn', name: 'X', role: 'admin' })).rejects.toThrow(
    '--totp: REQUIRE_TOTP is on',
  );
  await expect(userAddCommand(io, config, { email: 'x@example.vn', name: 'X', role: 'boss' })).rejects.toThrow(
    '--role: expected one of coordinator, supervisor, admin, got "boss"',
  );
  await expect(userAddCommand(io, config, { email: 'not-an-email', name: 'X', role: 'admin' })).rejects.toThrow(
    /--email: /,
  );

  // Through the command line: a made-up password, shown once, that logs in.
  out.length = 0;
  const code = await runCli(
    [
      'user',
      'add',
      '--email',
      'vanthu.vp@ubnd.ninhbinh.example.vn',
      '--name',
      'Văn thư',
      '--role',
      'coordinator',
      '--json',
    ],
    io,
    { DATABASE_URL: s.config.DATABASE_URL, DATA_DIR: s.config.dataDir },
  );
  expect(code).toBe(0);
  const printed = JSON.parse(out.join(''));
  expect(printed).toMatchObject({
    email: 'vanthu.vp@ubnd.ninhbinh.example.vn',
    role: 'coordinator',
    password: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/),
  });
  expect((await login(s.app, printed.email, { password: printed.password, ip: '10.4.0.1' })).res.statusCode).toBe(303);
  expect(
    await runCli(['user', 'add', '--email', 'x@example.vn', '--name', 'X', '--role', 'chief'], io, {
      DATABASE_URL: s.config.DATABASE_URL,
    }),
  ).toBe(2);
  expect(err.join('')).toContain('--role: expected one of coordinator, supervisor, admin, got "chief"');
});

test('dondoc user add refuses a common password or one made of the address, naming the password', async () => {
  const io = { out: () => undefined, err: () => undefined };
  const config = loadConfig({ DATABASE_URL: s.config.DATABASE_URL, DATA_DIR: s.config.dataDir });
  const add = (password: string) =>
    userAddCommand(
      io,
      config,
      {
        email: 'tran.thi.binh@ubnd.ninhbinh.example.vn',
        name: 'Trần Thị Bình',
        role: 'coordinator',
        passwordStdin: true,
      },
      async () => password,
    );
  await expect(add('Password1234')).rejects.toThrow('password: one of the most common passwords; choose another');
  await expect(add('tran.thi.binh@2026')).rejects.toThrow(
    'password: must not contain your email address or its name part',
  );
  await expect(add('ngắn quá')).rejects.toThrow('password: at least 12 characters');
  expect(
    (await s.pool.query(`SELECT count(*)::int AS n FROM users WHERE email = 'tran.thi.binh@ubnd.ninhbinh.example.vn'`))
      .rows[0].n,
  ).toBe(0);
  await add('sông Đáy chảy qua Ninh Bình');
  expect(
    (await s.pool.query(`SELECT count(*)::int AS n FROM users WHERE email = 'tran.thi.binh@ubnd.ninhbinh.example.vn'`))
      .rows[0].n,
  ).toBe(1);
});

describe('a session ends when its account changes', () => {
  const env = () => ({ DATABASE_URL: s.config.DATABASE_URL!, DATA_DIR: s.config.dataDir });
  const sessions = async (email: string) =>
    (
      await s.pool.query(
        'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
        [email],
      )
    ).rows[0].n;
  const opens = async (cookie: string) =>
    (await s.app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode;
  const loggedIn = async (email: string, ip: string) => {
    const { res, cookie } = await login(s.app, email, { ip });
    expect(res.statusCode).toBe(303);
    expect(await opens(cookie)).toBe(200);
    return cookie;
  };
  const cli = async (args: string[], password?: string) => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t) };
    const code = password
      ? await userAddCommand(
          io,
          loadConfig(env()),
          { ...parseAdd(args), passwordStdin: true },
          async () => password,
        ).then(
          () => 0,
          (e: Error) => (err.push(e.message), 2),
        )
      : await runCli(args, io, env());
    return { code, err: err.join('') };
  };
  const parseAdd = (args: string[]) => ({
    email: args[args.indexOf('--email') + 1],
    name: args[args.indexOf('--name') + 1],
    role: args[args.indexOf('--role') + 1],
  });

  test('a new password ends every session of the account: the old cookie no longer opens a page', async () => {
    const { email } = await addUser(s, 'coordinator', { email: 'doi-mat-khau@ubnd.ninhbinh.example.vn' });
    const first = await loggedIn(email, '10.6.0.1');
    const second = await loggedIn(email, '10.6.0.2');
    const changed = await cli(
      ['user', 'add', '--email', email, '--name', 'Đổi mật khẩu', '--role', 'coordinator'],
      'một mật khẩu mới hẳn 2027',
    );
    expect(changed).toEqual({ code: 0, err: '' });
    expect(await sessions(email)).toBe(0);
    expect([await opens(first), await opens(second)]).toEqual([401, 401]);
    expect((await login(s.app, email, { password: 'một mật khẩu mới hẳn 2027', ip: '10.6.0.3' })).res.statusCode).toBe(
      303,
    );
  });

  test('a change of role ends the sessions held under the old role', async () => {
    const { email } = await addUser(s, 'supervisor', { email: 'doi-vai-tro@ubnd.ninhbinh.example.vn' });
    const cookie = await loggedIn(email, '10.6.1.1');
    await s.pool.query(`UPDATE users SET role = 'coordinator' WHERE email = $1`, [email]);
    expect(await sessions(email)).toBe(0);
    expect(await s.users.sessionUser(/dondoc_session=([^;]+)/.exec(cookie)![1])).toBeUndefined();
    expect(await opens(cookie)).toBe(401);
  });

  test('dondoc user disable ends the sessions and refuses the login; enable lets the person in again', async () => {
    const { email } = await addUser(s, 'admin', { email: 'nghi-viec@ubnd.ninhbinh.example.vn' });
    const cookie = await loggedIn(email, '10.6.2.1');
    expect(await cli(['user', 'disable', '--email', email.toUpperCase()])).toEqual({ code: 0, err: '' });
    expect(await sessions(email)).toBe(0);
    expect(await opens(cookie)).toBe(401);
    const refused = await login(s.app, email, { ip: '10.6.2.2' });
    expect(refused.res.statusCode).toBe(401);
    expect(refused.cookie).not.toContain('dondoc_session=');
    expect(await cli(['user', 'enable', '--email', email])).toEqual({ code: 0, err: '' });
    await loggedIn(email, '10.6.2.3');
    expect(await cli(['user', 'disable', '--email', 'khong-co@example.vn'])).toEqual({
      code: 2,
      err: '--email: no staff account khong-co@example.vn\n',
    });
  });
});
