// The header of a received package is the registered record of the document: it fills the
// draft, says so where the text disagrees, and matches recipients by organisation code first.
import { say } from '../../domain/dispatch';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PLACEHOLDER, type DispatchDraft } from '../../domain/dispatch';
import {
  draftFromPackage,
  MessageHeaderSchema,
  matchRecipient,
  titleOf,
  type MessageHeaderInput,
} from '../../domain/edxml';
import { UnitDirectorySchema } from '../../domain/units';

const directory = UnitDirectorySchema.parse(
  YAML.parse(readFileSync(path.join(__dirname, '../../examples/units.yaml'), 'utf8')),
);
const header = (h: Partial<MessageHeaderInput> = {}) =>
  MessageHeaderSchema.parse({
    from: { organId: '000.00.00.H42', organName: 'Ủy ban nhân dân tỉnh Ninh Bình' },
    code: { number: '525', notation: 'UBND-VP9' },
    promulgation: { date: '2022-12-21' },
    subject: 'V/v triển khai Quyết định 1079/QĐ-TTg',
    ...h,
  });
const textDraft = (d: Partial<DispatchDraft['directive']> = {}): DispatchDraft => ({
  directive: {
    number: '524/UBND-VP9',
    title: 'Khác',
    issuer: 'UBND tỉnh',
    issuedOn: '2022-12-20',
    tasks: [
      { unit: 'NB-STTTT', title: 'Tuyên truyền', deadline: { date: PLACEHOLDER.date } },
      { unit: 'NB-CATINH', title: 'Cung cấp thông tin', deadline: { date: '2023-02-15' } },
    ],
    ...d,
  },
  recipients: ['Sở Thông tin và Truyền thông'],
  legalBases: [],
  adHocReports: false,
  reportCycles: [],
  unitNames: {},
  questions: [
    { path: 'tasks.0.deadline', ...say('deadline.none', { whereVi: 'mục 1', whereEn: 'section 1' }) },
    { path: 'title', ...say('title.missing') },
  ],
});
const asked = (d: DispatchDraft) => d.questions.map((q) => `${q.path}: ${q.message}`);

describe('draftFromPackage', () => {
  it("takes the package's number, date, issuer and subject, and says where the text said otherwise", () => {
    const d = draftFromPackage(header({ dueDate: '2023-01-31' }), directory, {
      read: { name: 'cv.txt', draft: textDraft() },
    });
    expect(d.directive).toMatchObject({
      number: '525/UBND-VP9',
      issuedOn: '2022-12-21',
      issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
      title: 'Triển khai Quyết định 1079/QĐ-TTg',
    });
    // The due date fills the deadline the text left open; a deadline the text gives stays.
    expect(d.directive.tasks.map((t) => t.deadline)).toEqual([{ date: '2023-01-31' }, { date: '2023-02-15' }]);
    expect(asked(d)).toEqual([
      "number: the text says 524/UBND-VP9, the package's Code 525/UBND-VP9: took the package's",
      "issuedOn: the text says 2022-12-20, the package 2022-12-21: took the package's",
    ]);
  });

  it("keeps the text's number when the package's Code is not a number and symbol", () => {
    const d = draftFromPackage(header({ code: { number: '74fass22', notation: 'VPCP-TTĐT' } }), directory, {
      read: { name: 'cv.txt', draft: textDraft() },
    });
    expect(d.directive.number).toBe('524/UBND-VP9');
    expect(asked(d)).toContain(
      'number: the package\'s Code "74fass22/VPCP-TTĐT" is not a number and symbol; took the text\'s',
    );
    // No due date in the package: the open deadline is still asked about.
    expect(asked(d)).toContain(
      'tasks.0.deadline: section 1 sets no deadline; write a date (YYYY-MM-DD) or a number of working days',
    );
  });

  it('asks about a recipient the text gives no task', () => {
    const d = draftFromPackage(header({ to: [{ organId: '000.00.03.H42', organName: 'Sở LĐ-TB&XH' }] }), directory, {
      read: { name: 'cv.txt', draft: textDraft() },
    });
    expect(d.recipients).toEqual(['Sở Thông tin và Truyền thông', 'Sở LĐ-TB&XH']);
    expect(asked(d)).toContain(
      'recipients.1: "Sở LĐ-TB&XH" receives the package, but no section gives NB-SLDTBXH a task',
    );
  });

  it('without a text, gives each recipient a task and asks for the deadlines the package does not give', () => {
    const d = draftFromPackage(header({ to: [{ organId: '000.00.02.H42' }] }), directory, {
      unread: 'only a scan is attached',
    });
    expect(d.directive.tasks).toEqual([
      {
        unit: 'NB-CATINH',
        role: 'lead',
        title: 'Triển khai Quyết định 1079/QĐ-TTg',
        body: '',
        deadline: { date: PLACEHOLDER.date },
      },
    ]);
    expect(asked(d)).toEqual([
      'tasks: only a scan is attached: one task for each recipient of the package, titled with its subject; check them against the document',
      'tasks.0.deadline: the package gives no due date',
    ]);
  });
});

describe('matchRecipient', () => {
  it('finds a unit by its organisation code before its name, and by an exact name otherwise', () => {
    expect(matchRecipient({ organId: '000.00.02.H42', name: 'Sở Tư pháp' }, directory)).toMatchObject({
      via: 'organisation code',
      units: [{ code: 'NB-CATINH' }],
    });
    const byName = matchRecipient(
      { organId: '000.00.99.H42', name: 'Đài Phát thanh và Truyền hình Ninh Bình' },
      directory,
    );
    expect(byName).toMatchObject({ via: 'name', units: [{ code: 'NB-DAIPTTH' }] });
  });

  it.each([
    ['V/v kết nối, liên thông phần mềm', 'Kết nối, liên thông phần mềm'],
    ['Về việc đôn đốc thực hiện', 'Đôn đốc thực hiện'],
    ['Kế hoạch truyền thông', 'Kế hoạch truyền thông'],
  ])('titleOf(%j) is %j', (subject, title) => expect(titleOf(subject)).toBe(title));
});
