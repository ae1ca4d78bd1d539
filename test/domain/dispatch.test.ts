// The two real dispatches of the programme, imported against the demo directory.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DirectiveSchema, describeIssues } from '../../domain/schemas';
import { draftToYaml, parseDispatch, type DispatchDraft } from '../../domain/dispatch';
import { UnitDirectorySchema } from '../../domain/units';
import { plain } from '../helpers/dispatch-questions';

const directory = UnitDirectorySchema.parse(
  YAML.parse(readFileSync(path.join(__dirname, '../../examples/units.yaml'), 'utf8')),
);
const fixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures/dispatches', name), 'utf8');
const NB_FILE = 'ninh-binh-cv-524-UBND-VP9.txt';
const KT_FILE = 'kon-tum-sttt-dispatch.txt';

/** The non-empty lines from the one starting with `from` up to (not including) the one starting with `to`. */
function between(text: string, from: string, to: string, skip: (line: string) => boolean = () => false): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(to));
  expect([start, end].every((i) => i >= 0)).toBe(true);
  return lines.slice(start + 1, end).filter((l) => l && !skip(l));
}

const noDeadline = (task: number, section: number, line: number) => ({
  path: `tasks.${task}.deadline`,
  message: `section ${section} sets no deadline; write a date (YYYY-MM-DD) or a number of working days`,
  line,
});

describe('the fixture copies', () => {
  it.each([NB_FILE, KT_FILE])('%s is the shared example, unchanged', (name) => {
    const shared = path.join(__dirname, '../../../shared/examples', name);
    if (existsSync(shared)) expect(fixture(name)).toBe(readFileSync(shared, 'utf8'));
  });
});

describe('Ninh Bình, Công văn 524/UBND-VP9 (a news item carrying the dispatch)', () => {
  const text = fixture(NB_FILE);
  const draft = parseDispatch(text, directory);
  const tasks = draft.directive.tasks;
  const section = (n: number, next: string) => between(text, `${n}. `, next);
  const s7 = section(7, 'T.H');
  const s7All = ['7. Các sở, ban, ngành, UBND các huyện, thành phố', ...s7.slice(0, 3)].join('\n');
  const s7Districts = ['7. Các sở, ban, ngành, UBND các huyện, thành phố', ...s7].join('\n');
  const departments = ['NB-SVHTT', 'NB-SGDDT', 'NB-SNV', 'NB-SKHDT'];
  const districts = [
    'NB-UBND-TPNB',
    'NB-UBND-TAMDIEP',
    'NB-UBND-HOALU',
    'NB-UBND-GIAVIEN',
    'NB-UBND-NHOQUAN',
    'NB-UBND-YENKHANH',
    'NB-UBND-YENMO',
    'NB-UBND-KIMSON',
  ];

  it('reads number, subject, issuer and date from the sentence that announces it', () => {
    const { tasks: _, ...opening } = draft.directive;
    expect(opening).toEqual({
      number: '524/UBND-VP9',
      title: 'Triển khai thực hiện Quyết định 1079/QĐ-TTg',
      issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
      issuedOn: '2022-12-21',
      legalBases: ['1079/QĐ-TTg'],
      schedule: { kind: 'once' },
    });
    expect(draft.legalBases).toEqual([{ kind: 'Quyết định', number: '1079/QĐ-TTg', date: '2022-09-14' }]);
    expect(draft.recipients).toEqual([]);
    expect(draft.place).toBeUndefined();
    expect(draft.adHocReports).toBe(false);
  });

  it('gives each unit one task: sections 1-6 by name, section 7 to every department and district', () => {
    expect(tasks.map((t) => [t.unit, t.role, t.supports])).toEqual([
      ['NB-STTTT', 'lead', undefined],
      ['NB-CATINH', 'lead', undefined],
      ['NB-SLDTBXH', 'support', '?'],
      ['NB-STP', 'lead', undefined],
      ['NB-STC', 'lead', undefined],
      ['NB-BAONB', 'lead', undefined],
      ['NB-DAIPTTH', 'lead', undefined],
      ...departments.map((c) => [c, 'lead', undefined]),
      ...districts.map((c) => [c, 'lead', undefined]),
    ]);
    expect(
      tasks.every((t) => JSON.stringify(t.deadline) === '{"date":"YYYY-MM-DD"}' && t.indicators === undefined),
    ).toBe(true);
  });

  it('titles each task with the first clause of its section', () => {
    const s7Title =
      'Chỉ đạo và tổ chức thực hiện nhiệm vụ truyền thông về quyền con người ở Việt Nam trong phạm vi, lĩnh vực quản lý với…';
    expect(tasks.map((t) => t.title)).toEqual([
      'Chỉ đạo, đôn đốc, hướng dẫn các cơ quan báo chí, thông tin tuyên truyền trên địa bàn tỉnh đẩy mạnh thông tin, tuyên…',
      'Cung cấp thông tin cho các cơ quan báo chí trên địa bàn tỉnh về công tác phòng, chống buôn bán người',
      'Phối hợp cung cấp nội dung, phát triển dữ liệu trên địa bàn tỉnh về thực hiện Công ước về Xóa bỏ mọi hình thức phân…',
      'Chủ trì, phối hợp thực hiện công tác giáo dục, phổ biến pháp luật về quyền con người',
      'Căn cứ khả năng cân đối ngân sách tỉnh, tham mưu cho UBND tỉnh bố trí kinh phí chi thường xuyên để thực hiện các nhiệm…',
      'Tăng cường số lượng các tin, bài',
      'Tăng cường số lượng các tin, bài',
      ...Array(12).fill(s7Title),
    ]);
  });

  it('carries each section into the body, and the districts alone get the item addressed to them', () => {
    const own = [section(1, '2. '), section(2, '3. '), section(3, '4. '), section(4, '5. '), section(5, '6. ')].map(
      (s) => s.join('\n'),
    );
    const press = section(6, '7. ').join('\n');
    expect(tasks.map((t) => t.body)).toEqual([
      ...own.map((body) => `${body}\n\n${s7All}`),
      press,
      press,
      ...departments.map(() => s7.slice(0, 3).join('\n')),
      ...districts.map(() => s7.join('\n')),
    ]);
    expect(s7Districts).toContain('- Ủy ban nhân dân các huyện, thành phố Xây dựng Kế hoạch');
  });

  it('asks for the lead of the support task and for every deadline', () => {
    expect(plain(draft.questions)).toEqual([
      noDeadline(0, 1, 11),
      noDeadline(1, 2, 31),
      {
        path: 'tasks.2.supports',
        message: '"phối hợp" names no lead unit; name the unit this task supports, or make it a lead task',
        line: 37,
      },
      noDeadline(2, 3, 37),
      noDeadline(3, 4, 41),
      noDeadline(4, 5, 45),
      noDeadline(5, 6, 49),
      noDeadline(6, 6, 49),
      ...[...departments, ...districts].map((_, i) => noDeadline(7 + i, 7, 61)),
    ]);
  });

  it('writes a directive file that validates once the questions are answered', () => {
    const file = YAML.parse(draftToYaml(draft));
    expect(file.questions).toEqual(
      draft.questions.map((q) => ({ path: q.path, code: q.code, message: q.message, vi: q.text.vi, line: q.line })),
    );
    const placeholder = (i: number) => [
      `tasks.${i}.deadline.date: expected a date as YYYY-MM-DD`,
      `tasks.${i}.deadline.date: not a real calendar date`,
    ];
    expect(describeIssues(DirectiveSchema.safeParse(file).error!)).toEqual([
      ...placeholder(0),
      ...placeholder(1),
      'tasks.2.supports: a unit code is 2-40 characters: A-Z, 0-9, "-" or "_"',
      ...tasks.slice(2).flatMap((_, i) => placeholder(i + 2)),
      'tasks.2.supports: no task for unit ?',
    ]);
    file.tasks.forEach((t: { deadline: unknown }) => (t.deadline = { date: '2023-03-31' }));
    file.tasks[2].supports = 'NB-STTTT';
    const directive = DirectiveSchema.parse(file);
    expect(directive.tasks).toHaveLength(19);
    expect(directive.tasks[2]).toMatchObject({ unit: 'NB-SLDTBXH', role: 'support', supports: 'NB-STTTT' });
  });
});

describe('Kon Tum, a department dispatch drafted with its number and date left blank', () => {
  const text = fixture(KT_FILE);
  const draft = parseDispatch(text, directory);
  const tasks = draft.directive.tasks;
  const press = ['KT-BAOKT', 'KT-DAIPTTH', 'KT-TTXVN', 'KT-NHANDAN', 'KT-VOV'];
  const departments = ['KT-CATINH', 'KT-STP', 'KT-SLDTBXH', 'KT-STC', 'KT-SVHTTDL', 'KT-SGDDT', 'KT-SNV', 'KT-BDT'];
  const districts = [
    'TPKT',
    'DAKHA',
    'DAKTO',
    'DAKGLEI',
    'NGOCHOI',
    'SATHAY',
    'KONRAY',
    'KONPLONG',
    'TUMORONG',
    'IAHDRAI',
  ];

  it('reads the header: blank number and date, subject over two lines, issuer, legal bases in the footnote', () => {
    const { tasks: _, ...opening } = draft.directive;
    expect(opening).toEqual({
      number: '?/STTTT-TTBCXB',
      title: 'Đẩy mạnh truyền thông về Quyền con người trên địa bàn tỉnh',
      issuer: 'Sở Thông tin và Truyền thông tỉnh Kon Tum',
      issuedOn: 'YYYY-MM-DD',
      legalBases: ['05/BCĐNQ', '1531/BTTTT-TTĐN', '1297/KH-UBND', '1079/QĐ-TTg'],
      schedule: { kind: 'once' },
    });
    expect(draft.place).toBe('Kon Tum');
    expect(draft.legalBases).toEqual([
      { kind: 'Công văn', number: '05/BCĐNQ', date: '2024-05-02' },
      { kind: 'Văn bản', number: '1531/BTTTT-TTĐN', date: '2024-04-22' },
      { kind: 'Kế hoạch', number: '1297/KH-UBND', date: '2023-05-05' },
      { kind: 'Quyết định', number: '1079/QĐ-TTg', date: '2022-09-14' },
    ]);
  });

  it('reads every "Kính gửi" recipient', () => {
    expect(draft.recipients).toEqual([
      'Các Sở, ban, ngành',
      'Ủy ban nhân dân các huyện, thành phố',
      'Các cơ quan báo chí tỉnh',
      'Các cơ quan báo chí thường trú tại địa phương',
      'Cổng thông tin điện tử tỉnh',
      'Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông các huyện, thành phố',
    ]);
  });

  it('assigns section 1 to the press, 2 to the departments (not the sender) and districts, 3 to the district centres', () => {
    expect(tasks.map((t) => [t.unit, t.role])).toEqual([
      ...press.map((c) => [c, 'lead']),
      ...departments.map((c) => [c, 'lead']),
      ...districts.map((d) => [`KT-UBND-${d}`, 'lead']),
      ...districts.map((d) => [`KT-TTVH-${d}`, 'lead']),
    ]);
  });

  it('takes titles from the first clause or the rest of the heading, bodies from the section without its footnote', () => {
    const s1 = between(text, '1. Các cơ quan báo chí', '2. Các sở', (l) => l.startsWith('¹')).join('\n');
    const s2 = between(text, '2. Các sở', '3. Trung tâm').join('\n');
    const s3 = between(text, '3. Trung tâm', '**Các đơn vị quét').join('\n');
    const t1 =
      'Trên cơ sở chức năng, nhiệm vụ tổ chức thông tin, tuyên truyền, nâng cao hơn nữa hiệu quả “phủ xanh” thông tin tích…';
    const t2 =
      'Chủ động cung cấp thông tin về đảm bảo quyền con người thuộc lĩnh vực phụ trách cho các cơ quan báo chí, truyền thông…';
    const t3 = 'Triển khai tuyên truyền trên hệ thống Truyền thanh của huyện, thành phố';
    expect(tasks.map((t) => [t.title, t.body])).toEqual([
      ...Array(5).fill([t1, s1]),
      ...Array(18).fill([t2, s2]),
      ...Array(10).fill([t3, s3]),
    ]);
    expect(s1).not.toContain('¹');
  });

  it('asks for the number, the date, the unnamed portals, every deadline, and the portal with no task', () => {
    expect(plain(draft.questions)).toEqual([
      {
        path: 'number',
        message: 'the number is blank ("Số: /STTTT-TTBCXB"); write it once the dispatch is issued',
        line: 9,
      },
      {
        path: 'issuedOn',
        message: 'the date is blank ("ngày … tháng … năm …"); write it once the dispatch is issued',
        line: 11,
      },
      ...press.map((_, i) => noDeadline(i, 1, 27)),
      ...Array.from({ length: 18 }, (_, i) => noDeadline(5 + i, 2, 47)),
      ...Array.from({ length: 10 }, (_, i) => noDeadline(23 + i, 3, 51)),
      {
        path: 'tasks',
        message:
          '"Cổng/Trang thông tin điện tử các cơ quan hành chính Nhà nước" matched no unit of the directory; add it to the directory or give the task to another unit',
        line: 27,
      },
      { path: 'recipients.4', message: '"Cổng thông tin điện tử tỉnh": no section gives KT-CONGTTDT a task', line: 22 },
    ]);
  });

  it('writes "# ?" comments beside the fields in question, and validates once they are answered', () => {
    const yaml = draftToYaml(draft);
    expect(yaml).toContain(
      'number: ?/STTTT-TTBCXB # ? the number is blank ("Số: /STTTT-TTBCXB"); write it once the dispatch is issued\n',
    );
    expect(yaml).not.toContain('unit: "?"');
    expect(yaml).toContain('  - 1079/QĐ-TTg # Quyết định, 2022-09-14\n');
    expect(yaml).toContain(
      '  - unit: KT-TTVH-DAKHA # Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông huyện Đắk Hà\n',
    );
    expect(yaml).toContain(
      '      date: YYYY-MM-DD # ? section 3 sets no deadline; write a date (YYYY-MM-DD) or a number of working days\n',
    );
    expect(yaml).toContain('# Place: Kon Tum\n# Kính gửi:\n# - Các Sở, ban, ngành\n');
    const file = YAML.parse(yaml);
    expect(DirectiveSchema.safeParse(file).success).toBe(false);
    Object.assign(file, { number: '215/STTTT-TTBCXB', issuedOn: '2024-05-20' });
    file.tasks.forEach((t: { deadline: unknown }) => (t.deadline = { workingDays: 10 }));
    expect(DirectiveSchema.parse(file).tasks.map((t) => t.unit)).toEqual(tasks.map((t) => t.unit));
  });
});

describe('the directive files drafted from the examples', () => {
  it.each([NB_FILE, KT_FILE])('%s drafts as the reviewed file beside it', (name) => {
    const reviewed = fixture(name.replace(/\.txt$/, '.draft.yaml'));
    expect(draftToYaml(parseDispatch(fixture(name), directory))).toBe(reviewed);
  });
});

describe('one directory, two provinces', () => {
  it('reads each dispatch against its own province', () => {
    const units = (d: DispatchDraft) => new Set(d.directive.tasks.map((t) => t.unit.slice(0, 3)));
    expect(units(parseDispatch(fixture(NB_FILE), directory))).toEqual(new Set(['NB-']));
    expect(units(parseDispatch(fixture(KT_FILE), directory))).toEqual(new Set(['KT-']));
  });
});
