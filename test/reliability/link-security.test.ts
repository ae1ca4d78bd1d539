// Findings of the security test by hand (issue 17) about department links, their uploads and the
// staff login, each checked from the attacker's side: the real web app on the real stack, a
// directive running, links taken from its mail. One test per finding, named by its number.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, watch } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { CLOSED_TASK_GRACE_DAYS, hashToken } from '../../db/links';
import { createUsers } from '../../db/users';
import { taskStateQuery } from '../../workflows/messages';
import { csrfIn, login, PASSWORD, postForm } from '../helpers/staff';
import { eventually } from '../helpers/wait';
import { directiveFor, inputValue, launchWithLinks, taskIdOf, Visitor } from '../web/department-helpers';
import { reportFigures, startWebStack, type WebStack } from './parts';

const directive = directiveFor('77/UBND-LINK', ['NB-STTTT', 'NB-CATINH', 'NB-UBND-HOALU']);
const cancelled = directiveFor('78/UBND-HUY', ['NB-STTTT']);
const repeated = directiveFor('79/UBND-LAP', ['NB-STTTT']);
let t: WebStack;
let links: Record<string, string>;
const figures: Record<string, number | string> = {};

beforeAll(async () => {
  t = await startWebStack();
  links = await launchWithLinks(t, directive);
}, 300_000);
afterAll(async () => {
  reportFigures('link-security', figures);
  await t?.stop();
}, 60_000);

const stateOf = async (unit: string) =>
  (await t.client.workflow.getHandle(taskIdOf(directive, unit)).query(taskStateQuery)).state;
const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const attachmentDir = () => path.join(t.config.dataDir, 'attachments');
/** Every entry of the attachment store, finished files and files being received alike. */
const stored = () => (existsSync(attachmentDir()) ? readdirSync(attachmentDir()).sort() : []);

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}
/** A multipart body part by part, each with the content type the sender chooses. */
function multipart(parts: Part[]): { payload: Buffer; type: string } {
  const boundary = `dondoc-${randomBytes(8).toString('hex')}`;
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
        `${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
    ),
    Buffer.from(p.value),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A visitor who opened the unit's page: its form token and the hidden fields of the report form. */
async function opened(unit: string, token = links[unit]) {
  const visitor = new Visitor(t.app);
  const url = `/t/${token}?lang=vi`;
  const page = await visitor.get(url);
  expect(page.statusCode).toBe(200);
  const report = (text: string): Part[] => [
    { name: '_csrf', value: inputValue(page.body, '_csrf') },
    { name: 'do', value: 'report' },
    { name: 'submissionId', value: inputValue(page.body, 'submissionId') },
    { name: 'text', value: text },
    { name: 'ind.articles', value: '3' },
    { name: 'ind.leaflets', value: '0' },
  ];
  const send = (parts: Part[], to = url) => {
    const m = multipart(parts);
    return visitor.postBody(to, m.payload, m.type);
  };
  return { visitor, page, csrf: inputValue(page.body, '_csrf'), report, send };
}

test("2 one unit cannot attach another unit's file: not as a JSON part, not with the other unit's kept token", async () => {
  // Unit B sends two files; its form comes back (no text yet) with them kept, then goes with them.
  const secret = Buffer.from(`Biên bản mật của Công an tỉnh ${randomBytes(8).toString('hex')}\n`);
  const plan = Buffer.from('Kế hoạch tuyên truyền\n');
  const b = await opened('NB-CATINH');
  const files = [
    { name: 'attachments', value: secret, filename: 'bien-ban-mat.txt', type: 'text/plain' },
    { name: 'attachments', value: plan, filename: 'ke-hoach.txt', type: 'text/plain' },
  ];
  const again = await b.send([...b.report(''), ...files]);
  expect(again.statusCode).toBe(422);
  const kept = [...again.body.matchAll(/name="kept" value="([^"]+)"/g)].map((m) => m[1]);
  expect(kept).toHaveLength(2);
  // `kept` is a list the form repeats on purpose: both files go with the report.
  const sent = await b.send([
    ...b.report('Báo cáo của Công an tỉnh'),
    ...kept.map((k) => ({ name: 'kept', value: k })),
  ]);
  expect(sent.statusCode).toBe(303);
  const sha = sha256Of(secret);
  expect((await stateOf('NB-CATINH')).reports[0].attachments.map((a) => a.sha256).sort()).toEqual(
    [sha, sha256Of(plan)].sort(),
  );
  expect((await b.visitor.get(`/t/${links['NB-CATINH']}/tep/${sha}`)).statusCode).toBe(200);

  // Unit A claims B's file by its hash in a part typed JSON: refused, nothing sent.
  const a = await opened('NB-STTTT');
  const forged = JSON.stringify({ name: 'lay-cua-don-vi-khac.txt', sha256: sha, bytes: secret.length });
  const claim = await a.send([
    ...a.report('Báo cáo của Sở TT&TT'),
    { name: 'attachments', value: forged, type: 'application/json' },
  ]);
  expect(claim.statusCode).toBe(400);
  expect(claim.body).toContain('attachments');
  // A file that does not exist is refused the same way: the answer tells nothing of the store.
  const probe = await a.send([
    ...a.report('Báo cáo của Sở TT&TT'),
    {
      name: 'attachments',
      value: JSON.stringify({ name: 'x', sha256: '0'.repeat(64), bytes: 1 }),
      type: 'application/json',
    },
  ]);
  expect([probe.statusCode, probe.body.replace(/0{64}/, sha)]).toEqual([400, claim.body]);
  expect((await stateOf('NB-STTTT')).reports).toHaveLength(0);

  // B's kept tokens behind A's link claim nothing: A's report goes without them.
  const withKept = await a.send([
    ...a.report('Báo cáo của Sở TT&TT'),
    ...kept.map((k) => ({ name: 'kept', value: k })),
  ]);
  expect(withKept.statusCode).toBe(303);
  expect((await stateOf('NB-STTTT')).reports.map((r) => r.attachments)).toEqual([[]]);
  expect((await a.visitor.get(`/t/${links['NB-STTTT']}/tep/${sha}`)).statusCode).toBe(403);
  figures.foreign_attachments = (await stateOf('NB-STTTT')).reports
    .flatMap((r) => r.attachments)
    .filter((x) => x.sha256 === sha).length;
}, 120_000);

test('7 uploads are written only after the link and the form token are checked, and a refused request leaves no file', async () => {
  const u = await opened('NB-UBND-HOALU');
  mkdirSync(attachmentDir(), { recursive: true });
  const before = stored();
  const written: string[] = [];
  const watcher = watch(attachmentDir(), (_event, name) => void written.push(String(name)));
  const file = (n: number): Part => ({
    name: 'attachments',
    value: Buffer.from(`Tệp thử ${n} ${randomBytes(8).toString('hex')}\n`),
    filename: `tep-${n}.txt`,
    type: 'text/plain',
  });
  const settle = () => new Promise((r) => setTimeout(r, 200));
  try {
    const fields = u.report('Báo cáo của huyện Hoa Lư');
    const badToken = fields.map((p) => (p.name === '_csrf' ? { ...p, value: `${p.value}x` } : p));
    const noToken = fields.filter((p) => p.name !== '_csrf');
    const badLink = `/t/${links['NB-UBND-HOALU'].slice(0, -2)}xx?lang=vi`;
    const refusedBeforeWriting = [
      await u.send([...badToken, file(1)]),
      await u.send([...noToken, file(2)]),
      await u.send([...fields, file(4)], badLink),
    ];
    await settle();
    expect(refusedBeforeWriting.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(written).toEqual([]);
    figures.written_before_check = written.length;

    // Refused after the files arrived (a field that is not text, a twelfth file): none of them stays.
    const nul = [...fields.map((p) => (p.name === 'text' ? { ...p, value: 'Báo\u0000cáo' } : p))];
    const refusedAfter = [
      await u.send([...fields, file(5), file(6), { name: 'submittedBy', value: 'Văn\u0000phòng' }]),
      await u.send([...nul, file(7)]),
      await u.send([...fields, ...Array.from({ length: 11 }, (_, i) => file(10 + i))]),
    ];
    await settle();
    expect(refusedAfter.map((r) => r.statusCode)).toEqual([422, 422, 413]);
    expect(stored()).toEqual(before);
    expect((await stateOf('NB-UBND-HOALU')).reports).toHaveLength(0);
    figures.refused_uploads = refusedBeforeWriting.length + refusedAfter.length;
    figures.left_on_disk = stored().length - before.length;

    // The same form, sent as it should be, keeps its file.
    const good = file(30);
    const ok = await u.send([...fields, good]);
    expect(ok.statusCode).toBe(303);
    expect(stored()).toEqual([...before, sha256Of(good.value as Buffer)].sort());
  } finally {
    watcher.close();
  }
}, 120_000);

test('10 a right password without its code answers exactly as a wrong password does', async () => {
  const email = 'lanhdao-totp@ubnd.ninhbinh.example.vn';
  await createUsers(t.stack.pool).add(
    { email, name: 'Lãnh đạo', role: 'supervisor', password: PASSWORD },
    { totp: true },
  );
  const form = await t.app.inject({ url: '/dang-nhap' });
  // Every login form offers the code field: nobody learns from the form who has one.
  expect(form.body).toContain('name="totp"');
  const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/, '');
  const wrong = await login(t.app, email, { password: 'không phải mật khẩu này', ip: '10.17.10.1' });
  const noCode = await login(t.app, email, { ip: '10.17.10.2' });
  expect([noCode.res.statusCode, wrong.res.statusCode]).toEqual([401, 401]);
  expect(strip(noCode.res.body)).toBe(strip(wrong.res.body));
  expect(noCode.res.body).toContain('Sai địa chỉ thư, mật khẩu hoặc mã xác thực.');
  expect(noCode.cookie).not.toContain('dondoc_session=');
}, 60_000);

test('12 after login only a path of this site is followed: tab, slashes, backslashes, schemes and line breaks go home', async () => {
  const email = 'vanphong-next@ubnd.ninhbinh.example.vn';
  await createUsers(t.stack.pool).add({ email, name: 'Văn phòng', role: 'coordinator', password: PASSWORD });
  const bypasses = [
    '/\t/evil.example',
    '/%09/evil.example',
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    'https://evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/\r\nLocation: https://evil.example',
    '/%0d%0aLocation:%20https://evil.example',
    ' //evil.example',
    '/ /evil.example',
    'javascript:alert(1)',
    '/.//evil.example',
  ];
  // The login page given the link, then the login itself: all at once, each from its own address.
  const answers = await Promise.all(
    bypasses.map(async (next, i) => {
      const page = await t.app.inject({ url: `/dang-nhap?next=${encodeURIComponent(next)}` });
      const { res } = await login(t.app, email, { next, ip: `10.17.12.${i}` });
      return `${inputValue(page.body, 'next')} ${res.statusCode} ${res.headers.location}`;
    }),
  );
  expect(Object.fromEntries(bypasses.map((b, i) => [b, answers[i]]))).toEqual(
    Object.fromEntries(bypasses.map((b) => [b, '/ 303 /van-ban'])),
  );
  // A path of this site, with its query, is still followed.
  const here = '/van-ban/ma-tran?so=77%2FUBND-LINK&lang=en';
  expect((await login(t.app, email, { next: here, ip: '10.17.12.99' })).res.headers.location).toBe(here);
  figures.redirect_bypasses = bypasses.length;
}, 60_000);

test("13 a cancelled task's links, the fresh one in the cancellation mail too, live 30 days, not 400", async () => {
  const mine = await launchWithLinks(t, cancelled);
  const email = 'vanphong-huy@ubnd.ninhbinh.example.vn';
  await createUsers(t.stack.pool).add({ email, name: 'Văn phòng', role: 'coordinator', password: PASSWORD });
  const { cookie } = await login(t.app, email, { ip: '10.17.13.1' });
  const matrix = `/van-ban/ma-tran?so=${encodeURIComponent(cancelled.number)}`;
  const cancel = await postForm(t.app, cookie, matrix, '/van-ban/huy', {
    so: cancelled.number,
    reason: 'Văn bản bị thay thế',
  });
  expect(cancel.statusCode).toBe(303);
  const taskId = taskIdOf(cancelled, 'NB-STTTT');
  const days = await eventually(
    'the cancellation mail and its link',
    async () => {
      const { rows } = await t.stack.pool.query(
        `SELECT extract(epoch FROM expires_at - now()) / 86400 AS days, token_hash FROM links WHERE task_workflow_id = $1`,
        [taskId],
      );
      const mailed = await t.stack.pool.query(`SELECT count(*)::int AS n FROM mailbox WHERE subject LIKE $1`, [
        `[${cancelled.number}]%`,
      ]);
      return rows.length >= 2 && mailed.rows[0].n >= 2 ? rows : undefined;
    },
    60_000,
  );
  const longest = Math.max(...days.map((r) => Number(r.days)));
  expect(longest).toBeLessThanOrEqual(CLOSED_TASK_GRACE_DAYS);
  expect(longest).toBeGreaterThan(CLOSED_TASK_GRACE_DAYS - 1);
  // The assignment link still opens the page during the grace, to read the outcome.
  expect(days.some((r) => Buffer.compare(r.token_hash, hashToken(mine['NB-STTTT'])) === 0)).toBe(true);
  expect((await t.app.inject({ url: `/t/${mine['NB-STTTT']}` })).statusCode).toBe(200);
  figures.cancelled_link_days = Math.round(longest * 10) / 10;
}, 120_000);

test('18 a field sent twice where the form has it once, and /assets/__proto__, get a clear 400 or 404, never a 500', async () => {
  const answers: Record<string, string> = {};
  const say = (name: string, res: { statusCode: number; body: string }) =>
    void (answers[name] =
      `${res.statusCode}${/Something went wrong|Đã có lỗi xảy ra/.test(res.body) ? ' (server error page)' : ''}`);
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    say(`/assets/${name}`, await t.app.inject({ url: `/assets/${name}` }));

  // A department's extension request with two reasons, urlencoded and as multipart.
  const mine = await launchWithLinks(t, repeated);
  const u = await opened('NB-STTTT', mine['NB-STTTT']);
  const url = `/t/${mine['NB-STTTT']}?lang=vi`;
  const extension = { _csrf: u.csrf, do: 'extension', until: '2099-01-01' };
  say(
    'extension, reason twice (urlencoded)',
    await u.visitor.post(url, { ...extension, reason: ['Thiếu số liệu', 'Chờ ý kiến'] }),
  );
  say(
    'extension, reason twice (multipart)',
    await u.send([
      ...Object.entries(extension).map(([name, value]) => ({ name, value })),
      { name: 'reason', value: 'Thiếu số liệu' },
      { name: 'reason', value: 'Chờ ý kiến' },
    ]),
  );
  say('report, do twice', await u.visitor.post(url, { _csrf: u.csrf, do: ['report', 'extension'] }));

  // Staff forms: a directive's changes and its cancellation with a field twice.
  const email = 'vanphong-lap@ubnd.ninhbinh.example.vn';
  await createUsers(t.stack.pool).add({ email, name: 'Văn phòng', role: 'coordinator', password: PASSWORD });
  const { cookie } = await login(t.app, email, { ip: '10.17.18.1' });
  const matrix = `/van-ban/ma-tran?so=${encodeURIComponent(directive.number)}`;
  const staffPost = async (url: string, body: string) => {
    const page = await t.app.inject({ url: matrix, headers: { cookie } });
    const jar = [cookie, ...page.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`)].join(
      '; ',
    );
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrfIn(page.body))}&${body}`,
    });
  };
  const so = `so=${encodeURIComponent(directive.number)}`;
  say(
    'move a deadline, reason twice',
    await staffPost('/van-ban/dieu-chinh', `${so}&kind=move&unit=NB-STTTT&deadline=2099-01-01&reason=abc&reason=def`),
  );
  say(
    'move a deadline, unit twice',
    await staffPost(
      '/van-ban/dieu-chinh',
      `${so}&kind=move&unit=NB-STTTT&unit=NB-CATINH&deadline=2099-01-01&reason=abcd`,
    ),
  );
  say('cancel, reason twice', await staffPost('/van-ban/huy', `${so}&reason=a&reason=b`));
  say('cancel, so twice', await staffPost('/van-ban/huy', `${so}&${so}&reason=Thay%20th%E1%BA%BF`));

  // The login form and "lost your link?" with the address twice.
  const loginPage = await t.app.inject({ url: '/dang-nhap' });
  const loginJar = loginPage.cookies.map((c: { name: string; value: string }) => `${c.name}=${c.value}`).join('; ');
  say(
    'login, email twice',
    await t.app.inject({
      method: 'POST',
      url: '/dang-nhap',
      remoteAddress: '10.17.18.2',
      headers: { cookie: loginJar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrfIn(loginPage.body))}&email=${encodeURIComponent(email)}&email=x%40example.vn&password=${encodeURIComponent(PASSWORD)}`,
    }),
  );
  const linkVisitor = new Visitor(t.app);
  const linkForm = await linkVisitor.get('/lien-ket');
  say(
    'new link, email twice',
    await linkVisitor.post('/lien-ket', {
      _csrf: inputValue(linkForm.body, '_csrf'),
      email: ['vanthu@stttt.ninhbinh.example.vn', 'x@example.vn'],
    }),
  );

  expect(answers).toEqual({
    'login, email twice': '400',
    'new link, email twice': '400',
    '/assets/__proto__': '404',
    '/assets/constructor': '404',
    '/assets/toString': '404',
    '/assets/hasOwnProperty': '404',
    'extension, reason twice (urlencoded)': '400',
    'extension, reason twice (multipart)': '400',
    'report, do twice': '400',
    'move a deadline, reason twice': '400',
    'move a deadline, unit twice': '400',
    'cancel, reason twice': '400',
    'cancel, so twice': '400',
  });
  const state = await t.client.workflow.getHandle(taskIdOf(repeated, 'NB-STTTT')).query(taskStateQuery);
  expect(state.state.extension).toBeUndefined();
  figures.repeated_fields_refused = Object.keys(answers).length;
}, 120_000);

test('7 an upload to a staff form is refused before its body is read, unless a coordinator or admin sends it', async () => {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const boundary = `dondoc-${randomBytes(8).toString('hex')}`;
  /** Sends the head of a 40 MB upload and waits for an answer before sending the rest. */
  const answerBeforeBody = (url: string, cookie = '') =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${address}${url}`, {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(40 * 1024 * 1024),
          ...(cookie ? { cookie } : {}),
        },
      });
      req.on('response', (res) => {
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.edxml"\r\n\r\n`);
      req.write(Buffer.alloc(64 * 1024, 'A'));
    });
  const email = 'giamsat.upload@ubnd.ninhbinh.example.vn';
  await createUsers(t.stack.pool).add({ email, name: 'Giám sát', role: 'supervisor', password: PASSWORD });
  const { cookie } = await login(t.app, email, { ip: '10.17.7.1' });
  const answers = {
    launchAnonymous: await answerBeforeBody('/van-ban/moi'),
    draftAnonymous: await answerBeforeBody('/van-ban/moi/ban-nhap'),
    calendarAnonymous: await answerBeforeBody('/quan-tri/lich-nghi'),
    launchSupervisor: await answerBeforeBody('/van-ban/moi', cookie),
  };
  expect(answers).toEqual({ launchAnonymous: 303, draftAnonymous: 303, calendarAnonymous: 303, launchSupervisor: 403 });
  figures.staff_uploads_refused_before_body = Object.keys(answers).length;
});
