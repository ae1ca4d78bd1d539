// The coordinator's launch page given an edXML package received over the national document
// exchange, on the real stack with edXML delivery to a folder: the header fills the draft, the
// attached document (when it reads) gives the tasks, the files are kept, the page says where the
// package came from; the launch records its origin so each task's assignment answers the sender
// with a status package 03. An origin altered in the form, and a hostile package, are refused.
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDocumentPackage, parseEdxmlStatus } from '../../domain/edxml';
import { startTestStack, type TestStack } from '../helpers/stack';
import { eventually } from '../helpers/wait';
import { logInCoordinator } from '../helpers/staff';
import { allInDays, decode, formFields, LaunchClient, rowsOf, valueIn, withValues } from './launch-helpers';

const root = path.resolve(__dirname, '..', '..');
const VPCP = readFileSync(path.join(root, 'test/fixtures/edxml/vpcp-7816-three-provinces.edxml'));
const NINH_BINH = readFileSync(path.join(root, 'test/fixtures/dispatches/ninh-binh-cv-524-UBND-VP9.txt'), 'utf8');
const VPCP_DOCUMENT = '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT';
jest.setTimeout(30_000);

let t: TestStack;
let office: LaunchClient;
const outbox = mkdtempSync(path.join(os.tmpdir(), 'dondoc-edxml-launch-'));

const stored = () => {
  const dir = path.join(t.config.dataDir, 'attachments');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^[0-9a-f]{64}$/.test(f)) : [];
};
const statusPackages = () =>
  readdirSync(outbox)
    .filter((f) => f.startsWith('status-'))
    .map((f) => parseEdxmlStatus(readFileSync(path.join(outbox, f))).status);

beforeAll(async () => {
  t = await startTestStack({
    EDXML_OUTBOX_DIR: outbox,
    EDXML_ORGAN_ID: '000.00.99.H42',
    EDXML_ORGAN_NAME: 'Văn phòng UBND tỉnh Ninh Bình',
  });
  office = new LaunchClient(t.app, await logInCoordinator(t.app, t.stack.pool));
}, 180_000);
afterAll(async () => {
  await t?.stop();
  rmSync(outbox, { recursive: true, force: true });
}, 60_000);

describe("the Government Office's package 7816/VPCP-TTĐT, uploaded", () => {
  let draft: [string, string][];

  test('drafts number, title, issuer and a task per province from the header, says where it came from, and keeps its file', async () => {
    const res = await office.upload('vpcp-7816-three-provinces.edxml', VPCP);
    expect(res.statusCode).toBe(200);
    draft = formFields(res.body, 'draft');
    expect([
      valueIn(draft, 'number'),
      valueIn(draft, 'title'),
      valueIn(draft, 'issuer'),
      valueIn(draft, 'issuedOn'),
    ]).toEqual(['7816/VPCP-TTĐT', 'Kết nối, liên thông phần mềm quản lý văn bản', 'Văn phòng Chính phủ', '2019-04-11']);
    expect(rowsOf(draft).sort()).toEqual(['KT-UBND', 'NB-UBND']);
    // Where it came from: the sender, the document, the file not read and why, in Vietnamese.
    const origin = decode(/<div class="card" id="edxml-origin">([\s\S]*?)<\/div>/.exec(res.body)?.[1] ?? '');
    expect(origin).toContain('Văn phòng Chính phủ (000.00.00.G22)');
    expect(origin).toContain(VPCP_DOCUMENT);
    expect(origin).toContain('1896_QD-TTg_m_294779.doc (application/zip): không phải tệp văn bản, .docx hay .pdf');
    // The importer's questions, as for a text: the unread document and the recipients not matched.
    expect(res.body).toMatch(/<span id="open-count">[1-9]\d*<\/span>/);
    expect(res.body).toContain('UBND Tỉnh Nghệ An');
    expect(stored()).toHaveLength(1);
    expect(stored()[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(valueIn(draft, 'edxml')).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  test('an origin altered in the form, or signed with another key, is refused by name and launches nothing', async () => {
    const token = valueIn(draft, 'edxml')!;
    const [payload] = token.split('.');
    const origin = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...origin, documentId: 'x' })).toString('base64url');
    const foreign = `${payload}.${createHmac('sha256', 'another office').update(payload).digest('base64url')}`;
    for (const bad of [`${forged}.${token.split('.')[1]}`, foreign, 'garbage']) {
      const res = await office.post('/van-ban/moi/ban-nhap', withValues(draft, { edxml: bad, do: 'launch' }));
      expect([400, 422]).toContain(res.statusCode);
      expect(res.body).toContain('edxml');
    }
    expect((await t.stack.pool.query('SELECT count(*)::int AS n FROM directives')).rows[0].n).toBe(0);
  });

  test('launched, it records the origin and each assignment answers the sender with a status package 03', async () => {
    const answered = Object.fromEntries(
      draft.filter(([k]) => /^q\.\d+\.field$/.test(k)).map(([k]) => [k.replace(/field$/, 'ok'), '1']),
    );
    const res = await office.post(
      '/van-ban/moi/ban-nhap',
      withValues(draft, { ...allInDays(draft, 15), ...answered, do: 'launch' }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/van-ban/ma-tran?so=7816%2FVPCP-TT%C4%90T&ok=launched&so-luong=2');
    const { rows } = await t.stack.pool.query(
      `SELECT document_id, from_organ_id, code FROM edxml_origins WHERE code = '7816/VPCP-TTĐT'`,
    );
    expect(rows).toEqual([{ document_id: VPCP_DOCUMENT, from_organ_id: '000.00.00.G22', code: '7816/VPCP-TTĐT' }]);
    const statuses = await eventually(
      'a status package 03 for each task',
      async () => {
        const got = statusPackages();
        return got.length >= 2 ? got : undefined;
      },
      90_000,
    );
    expect(statuses.map((s) => [s.statusCode, s.responseFor.documentId, s.responseFor.organId])).toEqual([
      ['03', VPCP_DOCUMENT, '000.00.00.G22'],
      ['03', VPCP_DOCUMENT, '000.00.00.G22'],
    ]);
  }, 150_000);
});

test('a package named .xml whose attached .txt is a dispatch gives its tasks, and the page names that file', async () => {
  const pkg = buildDocumentPackage({
    from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
    to: [{ organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' }],
    code: { number: '524', notation: 'UBND-VP9' },
    promulgation: { place: 'Ninh Bình', date: '2022-12-21' },
    subject: 'V/v triển khai thực hiện Quyết định 1079/QĐ-TTg',
    dueDate: '2030-01-31',
    documentType: { typeName: 'Công văn' },
    sentAt: Date.UTC(2022, 11, 21, 3, 0, 0),
    attachments: [{ name: 'cv-524.txt', bytes: new TextEncoder().encode(NINH_BINH) }],
  });
  const res = await office.upload('goi-tin.xml', pkg);
  expect(res.statusCode).toBe(200);
  const draft = formFields(res.body, 'draft');
  expect(valueIn(draft, 'number')).toBe('524/UBND-VP9');
  expect(rowsOf(draft)).toContain('NB-STTTT');
  expect(valueIn(draft, 't.0.date')).toBe('2030-01-31');
  expect(res.body).toContain('Nhiệm vụ đọc từ tệp <b>cv-524.txt</b>');
});

test('a package with a DOCTYPE is refused in one sentence, 422, and nothing is kept', async () => {
  const before = stored();
  const good = new TextDecoder().decode(VPCP);
  const hostile = good.replace(/<edXML(\s|:)/, '<!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<edXML$1');
  const res = await office.upload('xxe.edxml', Buffer.from(hostile));
  expect(res.statusCode).toBe(422);
  expect(decode(/<p class="card err" role="alert" id="error">([^<]*)<\/p>/.exec(res.body)?.[1] ?? '')).toMatch(
    /^xxe\.edxml: .*(DOCTYPE|entity)/,
  );
  expect(stored()).toEqual(before);
});
