// `dondoc import PACKAGE.edxml`, as the office uses it on a package received over the national
// document exchange: the header fills the draft, the attached document gives the tasks, the
// files are kept, and a hostile package is refused in one sentence.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import YAML from 'yaml';
import { buildDocumentPackage, edxmlOriginOfFile, type DocumentPackageInput } from '../../domain/edxml';
import { FileError, parseDirectiveFile } from '../../domain/directive-file';
import { readAttachmentText } from '../../client/edxml/attachment-text';
import { dondoc, json } from './run';

const root = path.join(__dirname, '../..');
const dispatchText = readFileSync(path.join(root, 'test/fixtures/dispatches/ninh-binh-cv-524-UBND-VP9.txt'), 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dondoc-edxml-import-'));
const dataDir = path.join(tmp, 'data');
const env = { DATA_DIR: dataDir };
const units = ['--units', path.join(root, 'examples/units.yaml')];

const header: Omit<DocumentPackageInput, 'attachments'> = {
  from: { organId: '000.00.00.H42', organName: 'Ủy ban nhân dân tỉnh Ninh Bình' },
  to: [
    { organId: '000.00.01.H42', organName: 'Sở Thông tin và Truyền thông' },
    { organId: '000.00.02.H42', organName: 'Công an tỉnh' },
  ],
  code: { number: '524', notation: 'UBND-VP9' },
  promulgation: { place: 'Ninh Bình', date: '2022-12-21' },
  subject: 'V/v triển khai thực hiện Quyết định 1079/QĐ-TTg',
  dueDate: '2023-01-31',
  toPlaces: ['Các sở, ban, ngành tỉnh'],
  documentType: { typeName: 'Công văn' },
  sentAt: Date.UTC(2022, 11, 21, 3, 0, 0),
};

function packageFile(name: string, input: DocumentPackageInput): string {
  const file = path.join(tmp, name);
  writeFileSync(file, buildDocumentPackage(input));
  return file;
}

async function docxOf(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('dondoc import PACKAGE.edxml', () => {
  it('drafts the directive from the header and the attached .txt, sets the due date as every deadline, and keeps the file', async () => {
    const file = packageFile('cv-524.edxml', {
      ...header,
      attachments: [{ name: 'cv-524.txt', bytes: new TextEncoder().encode(dispatchText) }],
    });
    const draftFile = path.join(tmp, 'cv-524.draft.yaml');
    const run = await dondoc(['import', file, '-o', draftFile, ...units], env);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^Wrote .*cv-524\.draft\.yaml: 524\/UBND-VP9, \d+ tasks for \d+ units, .*Tasks read from cv-524\.txt; kept 1 file in /,
    );
    const draft = YAML.parse(readFileSync(draftFile, 'utf8'));
    expect(draft).toMatchObject({
      number: '524/UBND-VP9',
      issuedOn: '2022-12-21',
      issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
      title: 'Triển khai thực hiện Quyết định 1079/QĐ-TTg',
    });
    const stttt = draft.tasks.find((t: { unit: string }) => t.unit === 'NB-STTTT');
    expect(stttt.deadline).toEqual({ date: '2023-01-31' });
    expect(draft.tasks.every((t: { deadline: { date?: string } }) => t.deadline.date !== 'YYYY-MM-DD')).toBe(true);
    expect(draft.questions.filter((q: { path: string }) => /deadline$/.test(q.path))).toEqual([]);
    // Where it came from, for the launch to record; the file itself, kept by its SHA-256.
    expect(edxmlOriginOfFile(draft)).toEqual({
      documentId: '000.00.00.H42,2022/12/21,524/UBND-VP9',
      from: { organId: '000.00.00.H42', organName: 'Ủy ban nhân dân tỉnh Ninh Bình' },
      code: '524/UBND-VP9',
      promulgationDate: '2022-12-21',
    });
    const sha256 = createHash('sha256').update(dispatchText).digest('hex');
    expect(draft.edxml.attachments).toEqual([
      { name: 'cv-524.txt', mimeType: 'text/plain', bytes: Buffer.byteLength(dispatchText), sha256 },
    ]);
    expect(readFileSync(path.join(dataDir, 'attachments', sha256), 'utf8')).toBe(dispatchText);
    // The draft is still a directive file: only its questions keep it from launching, not the edxml block.
    try {
      parseDirectiveFile(readFileSync(draftFile, 'utf8'), draftFile);
    } catch (err) {
      expect(err).toBeInstanceOf(FileError);
      expect((err as FileError).problems.map((p) => p.path)).not.toContain('edxml');
    }
  });

  it('reads the document from a .docx attachment into the same tasks', async () => {
    const fromTxt = json(
      await dondoc(
        [
          'import',
          packageFile('txt.edxml', {
            ...header,
            attachments: [{ name: 'cv.txt', bytes: new TextEncoder().encode(dispatchText) }],
          }),
          '-o',
          '-',
          '--json',
          ...units,
        ],
        env,
      ),
    );
    const docxFile = packageFile('docx.edxml', {
      ...header,
      attachments: [{ name: 'Công văn 524.docx', bytes: await docxOf(dispatchText) }],
    });
    const run = await dondoc(['import', docxFile, '-o', path.join(tmp, 'docx.draft.yaml'), ...units], env);
    expect(run.code).toBe(0);
    const draft = YAML.parse(readFileSync(path.join(tmp, 'docx.draft.yaml'), 'utf8'));
    expect(draft.tasks.map((t: { unit: string }) => t.unit)).toHaveLength(fromTxt.tasks);
    expect(draft.edxml.textFrom).toBe('Công văn 524.docx');
    expect(draft.tasks[0].deadline).toEqual({ date: '2023-01-31' });
  });

  it('drafts one task per recipient from the header alone when no text can be read, and says why', async () => {
    const file = packageFile('scan.edxml', {
      ...header,
      content: 'Triển khai Đề án truyền thông về quyền con người.',
      attachments: [{ name: 'cv-524.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }],
    });
    const run = await dondoc(['import', file, '-o', '-', ...units], env);
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'No text read (cv-524.doc (application/msword) is not a text, .docx or .pdf file): one task per recipient; kept 1 file in',
    );
    const draft = YAML.parse(run.out);
    // To by organisation code, then "Các sở, ban, ngành tỉnh" by name: every department, and not the sender.
    expect(draft.tasks.slice(0, 2).map((t: { unit: string }) => t.unit)).toEqual(['NB-STTTT', 'NB-CATINH']);
    expect(draft.tasks.map((t: { unit: string }) => t.unit)).not.toContain('NB-UBND');
    expect(draft.tasks.length).toBeGreaterThan(5);
    expect(draft.tasks[0]).toMatchObject({
      title: 'Triển khai thực hiện Quyết định 1079/QĐ-TTg',
      body: 'Triển khai Đề án truyền thông về quyền con người.',
      deadline: { date: '2023-01-31' },
    });
    expect(draft.questions[0].path).toBe('tasks');
  });

  it('imports the public Government Office package: "UBND các tỉnh, TP" gives each province of the directory a task, other names are asked about', async () => {
    const run = await dondoc(
      ['import', path.join(root, 'test/fixtures/edxml/vpcp-7816-three-provinces.edxml'), '-o', '-', '--json', ...units],
      env,
    );
    const summary = json(run);
    expect(summary).toMatchObject({ number: '7816/VPCP-TTĐT', tasks: 2, units: 2 });
    expect(summary.questions.map((q: { path: string; message: string }) => `${q.path}: ${q.message}`)).toEqual(
      expect.arrayContaining([
        // A name that only resembles units of the directory is asked about, never assigned.
        'recipients.0: "UBND Tỉnh Nghệ An" (a recipient of the package) matched no unit for certain (NB-UBND, KT-UBND?)',
        'recipients.3: "Cac bo va co quan ngang bo" (a recipient of the package) matched no unit',
      ]),
    );
    expect(summary.edxml.origin.from).toEqual({ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' });
  });

  it('refuses a hostile package in one sentence, exit code 2, and writes nothing', async () => {
    const good = new TextDecoder().decode(buildDocumentPackage({ ...header, attachments: [] }));
    const file = path.join(tmp, 'xxe.edxml');
    writeFileSync(
      file,
      good
        .replace('<edXML ', '<!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<edXML ')
        .replace('V/v', '&x;'),
    );
    const run = await dondoc(['import', file, ...units], env);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `${file}: refused an external entity: x SYSTEM "file:///etc/passwd" (a package may not make the reader fetch or open anything)\n`,
    );
    expect(existsSync(path.join(process.cwd(), 'xxe.draft.yaml'))).toBe(false);
  });
});

describe('the text of an attached file', () => {
  const pdf = (text: string) => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    let out = '%PDF-1.4\n';
    const offsets = objects.map((o, i) => {
      const at = out.length;
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
      return at;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(out);
  };

  it("reads a PDF's text layer, and says when a PDF has none", async () => {
    const withText = pdf('BT /F1 12 Tf 72 770 Td (1. So Thong tin va Truyen thong) Tj ET');
    expect(await readAttachmentText({ name: 'cv.pdf', mimeType: 'application/pdf', bytes: withText })).toEqual({
      text: '1. So Thong tin va Truyen thong',
    });
    const scan = pdf('0 0 1 rg 72 700 100 50 re f');
    expect(await readAttachmentText({ name: 'scan.pdf', mimeType: 'application/pdf', bytes: scan })).toEqual({
      unread: 'scan.pdf has no text layer (a scan?)',
    });
  }, 30_000);

  it('says a .txt that is not UTF-8 could not be read', async () => {
    expect(
      await readAttachmentText({ name: 'a.txt', mimeType: 'text/plain', bytes: new Uint8Array([0xff, 0xfe, 0x41]) }),
    ).toEqual({
      unread: expect.stringMatching(/^a\.txt could not be read/) as string,
    });
  });
});
