// The department's page on the real stack: every action is a Temporal update on the task's
// workflow, every answer is read back from the workflow, the read model, the SMTP sink and
// the attachment store; every bad input comes back as a clear page that changes nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, localDateOf } from '../../domain/local-date';
import { formatDateVi } from '../../domain/format';
import { createLinks, hashToken } from '../../db/links';
import { createReadModel } from '../../db/read-model';
import { buildApp } from '../../client/web/app';
import { webSecret } from '../../client/web/secret';
import { keptAttachments } from '../../client/web/routes/attachments';
import { createLogger } from '../../client/log';
import { parseAmount, parseDay, readReport } from '../../client/web/routes/task-actions';
import { reviewReportUpdate, taskStateQuery } from '../../workflows/messages';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { directiveFor, inputValue, launchWithLinks, taskIdOf, UNIT_MAILBOX, Visitor } from './department-helpers';

const directive = directiveFor('88/UBND-VP9', ['NB-STTTT', 'NB-CATINH']);
let t: TestStack;
let links: Record<string, string>;

beforeAll(async () => {
  t = await startTestStack();
  links = await launchWithLinks(t, directive);
}, 180_000);
afterAll(async () => {
  await t?.stop();
}, 60_000);

const stateOf = async (unit: string) =>
  (await t.client.workflow.getHandle(taskIdOf(directive, unit)).query(taskStateQuery)).state;
const receiptMails = async (receipt: string) =>
  (await t.stack.pool.query(`SELECT rcpt_to, body_text FROM mailbox WHERE body_text LIKE $1`, [`%${receipt}%`])).rows;

/** A visitor who opened the unit's page, and the page's hidden form fields. */
async function opened(unit: string, lang = 'vi') {
  const visitor = new Visitor(t.app);
  const page = await visitor.get(`/t/${links[unit]}?lang=${lang}`);
  expect(page.statusCode).toBe(200);
  return { visitor, page, csrf: inputValue(page.body, '_csrf'), url: `/t/${links[unit]}?lang=${lang}` };
}

describe('the page a link opens', () => {
  test('shows the directive, the task, the Vietnamese deadline, working days left and the mail sent to the unit', async () => {
    const { page } = await opened('NB-STTTT');
    const state = await stateOf('NB-STTTT');
    expect(page.body).toContain('88/UBND-VP9');
    expect(page.body).toContain('Báo cáo kết quả tuyên truyền của NB-STTTT');
    expect(page.body).not.toContain('Báo cáo kết quả tuyên truyền của NB-CATINH');
    expect(page.body).toContain(formatDateVi(state.deadline));
    expect(page.body).toMatch(/còn \d+ ngày làm việc/);
    expect(page.body).toContain('Giao nhiệm vụ'); // the assignment mail, listed
    expect(page.body).toContain('Số tin, bài đã đăng (bài), chỉ tiêu 200');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    // Forms post back to a relative URL: the token is never spelled into an action.
    expect(page.body.match(/<form [^>]*>/g)!.every((f) => f.includes('action="?lang=vi"'))).toBe(true);
  });

  test('switches to English with ?lang=en', async () => {
    const { page } = await opened('NB-STTTT', 'en');
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('Deadline');
    expect(page.body).toMatch(/\d+ working days? left/);
    expect(page.body).toContain('Send the report');
  });
});

describe('actions', () => {
  test('acknowledging the task records it once and the page says so', async () => {
    const { visitor, csrf, url } = await opened('NB-CATINH');
    const first = await visitor.post(url, { _csrf: csrf, do: 'acknowledge' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('?lang=vi&done=ack');
    const at = (await stateOf('NB-CATINH')).acknowledgedAt;
    expect(at).toEqual(expect.any(Number));
    const again = await visitor.post(url, { _csrf: csrf, do: 'acknowledge' });
    expect(again.statusCode).toBe(303);
    expect((await stateOf('NB-CATINH')).acknowledgedAt).toBe(at);
    const shown = await visitor.get(`/t/${links['NB-CATINH']}?lang=vi&done=ack`);
    expect(shown.body).toContain('Đã ghi nhận: đơn vị đã nhận nhiệm vụ.');
    expect(shown.body).not.toContain('value="acknowledge"');
  });

  test('a non-numeric indicator comes back with the field named and everything typed kept', async () => {
    const { visitor, page, csrf, url } = await opened('NB-STTTT');
    const res = await visitor.postMultipart(url, {
      _csrf: csrf,
      do: 'report',
      submissionId: inputValue(page.body, 'submissionId'),
      text: 'Đã đăng 20 tin bài & phát tờ rơi',
      'ind.articles': 'hai mươi',
      'ind.leaflets': '1.500',
      submittedBy: 'Nguyễn Văn Bình',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="field-error" id="ind-articles-error">Hãy nhập một số không âm');
    expect(res.body).toContain('Đã đăng 20 tin bài &amp; phát tờ rơi</textarea>');
    expect(inputValue(res.body, 'ind.articles')).toBe('hai mươi');
    expect(inputValue(res.body, 'ind.leaflets')).toBe('1.500');
    expect(inputValue(res.body, 'submittedBy')).toBe('Nguyễn Văn Bình');
    expect(inputValue(res.body, 'submissionId')).toBe(inputValue(page.body, 'submissionId'));
    expect((await stateOf('NB-STTTT')).reports).toHaveLength(0);
  });

  test('a post without its form token is refused with 403 and changes nothing', async () => {
    const { visitor, page, url } = await opened('NB-STTTT');
    const res = await visitor.postMultipart(url, {
      do: 'report',
      submissionId: inputValue(page.body, 'submissionId'),
      text: 'Không có mã',
      'ind.articles': '1',
      'ind.leaflets': '1',
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('thiếu mã bảo vệ (CSRF)');
    expect((await stateOf('NB-STTTT')).reports).toHaveLength(0);
  });

  test("a form token from another task's page does not act on this task", async () => {
    const other = await opened('NB-CATINH');
    const res = await other.visitor.post(`/t/${links['NB-STTTT']}?lang=vi`, { _csrf: other.csrf, do: 'acknowledge' });
    expect(res.statusCode).toBe(403);
    expect((await stateOf('NB-STTTT')).acknowledgedAt).toBeUndefined();
  });

  test('a report sent twice at once and again after gets one receipt, one report and one receipt mail; a new one then waits for review', async () => {
    const { visitor, page, csrf, url } = await opened('NB-STTTT');
    const content = Buffer.from('Danh sách 20 tin, bài đã đăng trên Báo Ninh Bình\n', 'utf8');
    const send = () =>
      visitor.postMultipart(
        url,
        {
          _csrf: csrf,
          do: 'report',
          submissionId: inputValue(page.body, 'submissionId'),
          text: 'Đã đăng 20.000 tin, bài',
          'ind.articles': '20.000',
          'ind.leaflets': '1.250',
        },
        [{ field: 'attachments', name: 'danh-sách tin bài.txt', content }],
      );
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([303, 303, 303]);
    expect(new Set([a.headers.location, b.headers.location, c.headers.location]).size).toBe(1);
    const receipt = decodeURIComponent(String(a.headers.location).match(/receipt=([^&]+)/)![1]);
    expect(receipt).toBe('88/UBND-VP9-NB-STTTT-01');

    const state = await stateOf('NB-STTTT');
    expect(state.reports).toHaveLength(1);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(state.reports[0]).toMatchObject({
      receipt,
      indicators: { articles: 20000, leaflets: 1250 },
      submittedBy: UNIT_MAILBOX['NB-STTTT'],
      attachments: [{ name: 'danh-sách tin bài.txt', sha256, bytes: content.length }],
    });
    expect(readFileSync(path.join(t.config.dataDir, 'attachments', sha256))).toEqual(content);
    const { rows } = await t.stack.pool.query('SELECT receipt FROM reports WHERE task_workflow_id = $1', [
      taskIdOf(directive, 'NB-STTTT'),
    ]);
    expect(rows).toEqual([{ receipt }]);
    // The receipt mail follows the answer: the page does not wait for the relay.
    const mails = await eventually('the receipt mail at the sink', async () => {
      const rows = await receiptMails(receipt);
      return rows.length > 0 ? rows : undefined;
    });
    expect(mails.map((m) => m.rcpt_to)).toEqual([[UNIT_MAILBOX['NB-STTTT']]]);

    const shown = await visitor.get(`/t/${links['NB-STTTT']}?lang=vi&receipt=${receipt}`);
    expect(shown.body).toContain(`Đã nhận báo cáo. Số tiếp nhận: ${receipt}`);
    expect(shown.body).not.toContain('value="report"'); // nothing more to send while it waits for review
    const href = shown.body.match(/href="([^"]+\/tep\/[0-9a-f]{64})"/)![1];
    const file = await visitor.get(`/t/${href}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(content);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('danh-sách tin bài.txt')}`,
    );

    // The same form left open in another tab, sent as a new report: the workflow refuses it.
    const stale = await visitor.postMultipart(url, {
      _csrf: csrf,
      do: 'report',
      submissionId: 'another-tab-0001',
      text: 'Báo cáo bổ sung',
      'ind.articles': '1',
      'ind.leaflets': '1',
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Báo cáo trước đang chờ văn phòng xem xét');
    expect((await stateOf('NB-STTTT')).reports).toHaveLength(1);
  });

  test('a returned report is revised and sent again with the comment shown', async () => {
    const handle = t.client.workflow.getHandle(taskIdOf(directive, 'NB-STTTT'));
    await handle.executeUpdate(reviewReportUpdate, {
      args: [
        {
          accept: false,
          receipt: '88/UBND-VP9-NB-STTTT-01',
          comment: 'Bổ sung số liệu tờ rơi theo từng huyện',
          by: 'vanphong@ubnd.ninhbinh.example.vn',
        },
      ],
    });
    const { visitor, page, csrf, url } = await opened('NB-STTTT');
    expect(page.body).toContain('Gửi lại báo cáo đã hoàn thiện');
    expect(page.body).toContain('Bổ sung số liệu tờ rơi theo từng huyện');
    const res = await visitor.postMultipart(url, {
      _csrf: csrf,
      do: 'report',
      submissionId: inputValue(page.body, 'submissionId'),
      text: 'Đã bổ sung số liệu theo huyện',
      'ind.articles': '21',
      'ind.leaflets': '1.500',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`?lang=vi&receipt=${encodeURIComponent('88/UBND-VP9-NB-STTTT-02')}`);
    const state = await stateOf('NB-STTTT');
    expect(state.reports.map((r) => [r.receipt, r.review])).toEqual([
      ['88/UBND-VP9-NB-STTTT-01', 'returned'],
      ['88/UBND-VP9-NB-STTTT-02', 'pending'],
    ]);
    expect(state.reports[1].indicators).toEqual({ articles: 21, leaflets: 1500 });
  });

  test('an extension date in the past, not after the deadline, or without a reason comes back with the field named', async () => {
    const { visitor, csrf, url } = await opened('NB-CATINH');
    const today = localDateOf(Date.now());
    const past = await visitor.post(url, {
      _csrf: csrf,
      do: 'extension',
      until: addDays(today, -1),
      reason: 'Chờ số liệu từ công an huyện',
    });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Ngày này đã qua');
    expect(past.body).toContain('Chờ số liệu từ công an huyện</textarea>');

    const deadline = (await stateOf('NB-CATINH')).deadline;
    const early = await visitor.post(url, {
      _csrf: csrf,
      do: 'extension',
      until: addDays(today, 1),
      reason: 'Chờ số liệu từ công an huyện',
    });
    expect(early.statusCode).toBe(422); // refused by the workflow's validator, not by the page
    expect(early.body).toContain(`Ngày gia hạn phải sau thời hạn hiện tại (${formatDateVi(deadline)}).`);
    expect(inputValue(early.body, 'until')).toBe(addDays(today, 1));

    const noReason = await visitor.post(url, { _csrf: csrf, do: 'extension', until: addDays(deadline, 7), reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Hãy nêu lý do đề nghị gia hạn');
    expect((await stateOf('NB-CATINH')).extension).toBeUndefined();
  });

  test('an extension request is sent once, a double click included, and a different one then waits', async () => {
    const { visitor, csrf, url } = await opened('NB-CATINH');
    const deadline = (await stateOf('NB-CATINH')).deadline;
    const ask = {
      _csrf: csrf,
      do: 'extension',
      until: addDays(deadline, 7),
      reason: 'Chờ số liệu từ công an các huyện',
    };
    const [a, b] = await Promise.all([visitor.post(url, ask), visitor.post(url, ask)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(a.headers.location).toBe('?lang=vi&done=ext');
    expect((await stateOf('NB-CATINH')).extension).toMatchObject({
      requested: addDays(deadline, 7),
      reason: 'Chờ số liệu từ công an các huyện',
      by: UNIT_MAILBOX['NB-CATINH'],
    });
    const other = await visitor.post(url, { ...ask, until: addDays(deadline, 9) });
    expect(other.statusCode).toBe(422);
    expect(other.body).toContain('Đề nghị gia hạn trước đang chờ quyết định.');
  });
});

describe('links that do not open the page', () => {
  test('tampered, expired, revoked, unknown and foreign links get one 403 page that tells nothing', async () => {
    const token = links['NB-CATINH'];
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const unknown = 'x'.repeat(43);
    const answers = [
      await t.app.inject({ url: `/t/${tampered}` }),
      await t.app.inject({ url: `/t/${unknown}` }),
      await t.app.inject({ url: '/t/short' }),
    ];
    await t.stack.pool.query(`UPDATE links SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [
      hashToken(token),
    ]);
    answers.push(await t.app.inject({ url: `/t/${token}` }));
    await t.stack.pool.query(
      `UPDATE links SET expires_at = now() + interval '1 day', revoked_at = now() WHERE token_hash = $1`,
      [hashToken(token)],
    );
    answers.push(await t.app.inject({ url: `/t/${token}` }));
    await t.stack.pool.query(`UPDATE links SET revoked_at = NULL WHERE token_hash = $1`, [hashToken(token)]);
    // A good link asking for another task's attachment.
    const report = (await stateOf('NB-STTTT')).reports[0];
    const foreign = await t.app.inject({ url: `/t/${token}/tep/${report.attachments[0].sha256}` });
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(foreign.statusCode).toBe(403);
    expect(new Set([...answers, foreign].map((a) => a.body)).size).toBe(1);
    expect(foreign.body).not.toMatch(/88\/UBND-VP9|NB-|revoked|tuyên truyền/i);
    expect(foreign.body).toContain('Đường liên kết không hợp lệ hoặc đã hết hạn.');
  });
});

/** The same app on the same stack, with small limits to reach them in a test. */
const appWith = (limits: Partial<TestStack['config']>) =>
  buildApp({
    config: { ...t.config, ...limits },
    pool: t.stack.pool,
    readModel: createReadModel(t.stack.pool),
    links: createLinks(t.stack.pool),
    temporal: t.client,
  });

describe('limits', () => {
  test('an oversized attachment comes back with the field named, the files already received kept and then sent', async () => {
    const app = await appWith({ ATTACHMENT_MAX_MB: 0.01 }); // 10,486 bytes
    try {
      const visitor = new Visitor(app);
      const url = `/t/${links['NB-CATINH']}?lang=vi`;
      const page = await visitor.get(url);
      const small = Buffer.from('Kế hoạch tuyên truyền của Công an tỉnh\n');
      const big = Buffer.alloc(20_000, 'a');
      const fields = {
        _csrf: inputValue(page.body, '_csrf'),
        do: 'report',
        submissionId: inputValue(page.body, 'submissionId'),
        text: 'Báo cáo của Công an tỉnh',
        'ind.articles': '5',
        'ind.leaflets': '0',
      };
      const refused = await visitor.postMultipart(url, fields, [
        { field: 'attachments', name: 'ke-hoach.txt', content: small },
        { field: 'attachments', name: 'anh-hoi-nghi.jpg', content: big },
      ]);
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('Tệp quá lớn (tối đa 0,01 MB mỗi tệp), chưa được nhận: anh-hoi-nghi.jpg.');
      expect(refused.body).toContain('Báo cáo của Công an tỉnh</textarea>');
      expect(refused.body).toContain('Đã nhận các tệp: ke-hoach.txt');
      expect((await stateOf('NB-CATINH')).reports).toHaveLength(0);

      // Sent again with the kept file and nothing new: the report carries the file received before.
      const sent = await visitor.postMultipart(url, { ...fields, kept: inputValue(refused.body, 'kept') });
      expect(sent.statusCode).toBe(303);
      const state = await stateOf('NB-CATINH');
      expect(state.reports.map((r) => r.attachments.map((a) => [a.name, a.bytes]))).toEqual([
        [['ke-hoach.txt', small.length]],
      ]);

      // A kept field is signed for its link: behind another link, or altered, it claims nothing.
      const secret = webSecret(t.config);
      const token = inputValue(refused.body, 'kept');
      const dir = t.config.dataDir;
      expect(
        await keptAttachments(dir, secret, `link:${hashToken(links['NB-CATINH']).toString('hex')}`, [token]),
      ).toEqual([
        { sha256: createHash('sha256').update(small).digest('hex'), bytes: small.length, name: 'ke-hoach.txt' },
      ]);
      expect(
        await keptAttachments(dir, secret, `link:${hashToken(links['NB-STTTT']).toString('hex')}`, [token]),
      ).toEqual([]);
      expect(
        await keptAttachments(dir, secret, `link:${hashToken(links['NB-CATINH']).toString('hex')}`, [`x${token}`]),
      ).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('pages behind a link are rate-limited per address', async () => {
    const app = await appWith({ LINK_RATE_LIMIT: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) codes.push((await app.inject({ url: `/t/${links['NB-STTTT']}` })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const refused = await app.inject({ url: `/t/${'y'.repeat(43)}` });
      expect(refused.statusCode).toBe(429); // guessing tokens gets no further
      expect(refused.body).toContain('Quá nhiều yêu cầu từ địa chỉ này');
    } finally {
      await app.close();
    }
  });
});

describe('asking for a new link', () => {
  test('answers the same for a known and an unknown address, and mails a working link only to the known one', async () => {
    const app = await appWith({ NEW_LINK_RATE_LIMIT: 5 });
    const head = 'giamdoc@stttt.ninhbinh.example.vn';
    const visitor = new Visitor(app);
    const form = await visitor.get('/lien-ket');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Đề nghị cấp liên kết mới');
    const csrf = inputValue(form.body, '_csrf');

    const noToken = await visitor.post('/lien-ket', { email: head, requestId: 'request-0001' });
    expect(noToken.statusCode).toBe(403);
    const bad = await visitor.post('/lien-ket', { _csrf: csrf, email: 'giamdoc-at-stttt', requestId: 'request-0001' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Hãy nhập một địa chỉ thư điện tử');
    expect(inputValue(bad.body, 'email')).toBe('giamdoc-at-stttt');

    const known = await visitor.post('/lien-ket', {
      _csrf: csrf,
      email: 'GiamDoc@stttt.ninhbinh.example.vn',
      requestId: 'request-0001',
    });
    const unknown = await visitor.post('/lien-ket', {
      _csrf: csrf,
      email: 'nobody@example.vn',
      requestId: 'request-0002',
    });
    const again = await visitor.post('/lien-ket', { _csrf: csrf, email: head, requestId: 'request-0001' }); // a double click
    expect([known.statusCode, unknown.statusCode, again.statusCode]).toEqual([200, 200, 200]);
    expect(unknown.body).toBe(known.body);
    const limited = await visitor.post('/lien-ket', { _csrf: csrf, email: head, requestId: 'request-0003' });
    expect(limited.statusCode).toBe(429);
    await app.close(); // waits for the mail sent after the answers

    const { rows } = await t.stack.pool.query(
      `SELECT rcpt_to, subject, body_text FROM mailbox WHERE subject LIKE '%Đường liên kết mới%'`,
    );
    // NB-STTTT's task is still open (its revised report awaits review); NB-CATINH's head asked nothing.
    expect(rows.map((r) => [r.rcpt_to, r.subject])).toEqual([
      [[head], '[88/UBND-VP9] Đường liên kết mới: Báo cáo kết quả tuyên truyền của NB-STTTT'],
    ]);
    const outbox = await t.stack.pool.query(`SELECT recipients FROM outbox WHERE purpose = 'new_link'`);
    expect(outbox.rows).toEqual([{ recipients: [head] }]);
    const token = rows[0].body_text.match(/\/t\/([A-Za-z0-9_-]{43})/)![1];
    const opened = await t.app.inject({ url: `/t/${token}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Báo cáo kết quả tuyên truyền của NB-STTTT');
  });
});

describe('logs', () => {
  test('a link token never reaches the log, whatever the request does', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { LOG_LEVEL: 'trace' },
      { destination: { write: (line: string) => void lines.push(line) } },
    );
    const app = await buildApp(
      {
        config: t.config,
        pool: t.stack.pool,
        readModel: createReadModel(t.stack.pool),
        links: createLinks(t.stack.pool),
        temporal: t.client,
      },
      { logger },
    );
    try {
      const token = links['NB-STTTT'];
      const visitor = new Visitor(app);
      const page = await visitor.get(`/t/${token}?lang=vi`);
      expect(page.statusCode).toBe(200);
      expect((await visitor.post(`/t/${token}`, { do: 'acknowledge' })).statusCode).toBe(403); // no form token: a warning is logged
      expect((await visitor.get(`/t/${token}/tep/${'0'.repeat(64)}`)).statusCode).toBe(403);
      expect((await visitor.get(`/t/${token.slice(0, -2)}zz`)).statusCode).toBe(403);
      const log = lines.join('');
      expect(log).toContain('/t/…'); // requests were logged, with the token cut out
      expect(log).not.toContain(token.slice(0, 20));
    } finally {
      await app.close();
    }
  });
});

describe('numbers and dates as people type them', () => {
  test.each([
    ['20.000', 'vi', 20000],
    ['20000', 'vi', 20000],
    ['12,5', 'vi', 12.5],
    ['1.234.567,25', 'vi', 1234567.25],
    ['12.5', 'vi', 12.5],
    [' 7 ', 'vi', 7],
    ['20,000', 'en', 20000],
    ['12.5', 'en', 12.5],
    ['12,5', 'en', 12.5],
    ['0', 'en', 0],
    ['hai mươi', 'vi', undefined],
    ['-3', 'vi', undefined],
    ['1e3', 'en', undefined],
    ['', 'vi', undefined],
    ['1.2.3', 'en', undefined],
  ] as const)('%j in %s reads as %p', (raw, lang, expected) => {
    expect(parseAmount(raw, lang)).toBe(expected);
  });

  test('a count is a whole number, named when it is not; a decimal takes "12,5" as 12.5', () => {
    const indicators = [
      { code: 'leaflets', name: 'Số tờ rơi đã phát hành', unit: 'tờ' },
      { code: 'coverage', name: 'Tỷ lệ hộ dân được tuyên truyền', unit: '%', type: 'decimal' as const },
    ];
    const read = (leaflets: string, lang: 'vi' | 'en') =>
      readReport(
        {
          text: 'Báo cáo',
          'ind.leaflets': leaflets,
          'ind.coverage': lang === 'vi' ? '12,5' : '12.5',
          submissionId: 'abcdefgh-1',
        },
        { indicators, uploads: [], kept: [], by: 'vanthu', lang, maxMb: 10 },
      );
    const refused = read('12,5', 'vi');
    expect(refused.submission).toBeUndefined();
    expect(refused.errors).toEqual({
      'ind.leaflets': '"Số tờ rơi đã phát hành" là số đếm: hãy nhập một số nguyên, ví dụ 12 hoặc 20.000.',
    });
    expect(read('12.5', 'en').errors['ind.leaflets']).toBe(
      '"Số tờ rơi đã phát hành" is a count: enter a whole number, e.g. 12 or 20,000.',
    );
    expect(read('1.250', 'vi').submission?.indicators).toEqual({ leaflets: 1250, coverage: 12.5 });
  });

  test.each([
    ['2026-12-21', '2026-12-21'],
    ['21/12/2026', '2026-12-21'],
    ['5/1/2027', '2027-01-05'],
    ['31/02/2027', undefined],
    ['ngày mai', undefined],
  ])('the date %j reads as %p', (raw, expected) => {
    expect(parseDay(raw)).toBe(expected);
  });
});
