// Malformed and unusual dispatch texts: each is either a DispatchError naming its line, or a
// draft with the exact questions a person has to answer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DispatchError, draftToYaml, parseDispatch, type DispatchDraft } from '../../domain/dispatch';
import { UnitDirectorySchema, unitsUnder } from '../../domain/units';
import { plain } from '../helpers/dispatch-questions';

const directory = UnitDirectorySchema.parse(
  YAML.parse(readFileSync(path.join(__dirname, '../../examples/units.yaml'), 'utf8')),
);

const TOP = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH NINH BÌNH',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 12/UBND-VX',
  'Ninh Bình, ngày 05 tháng 3 năm 2024',
  'V/v tuyên truyền về quyền con người năm 2024',
];

interface Parts {
  top: string[];
  recipients: string[];
  preamble: string;
  closing: string;
}

/** A dispatch of Ninh Bình's People's Committee with the given numbered sections (line 14 on). */
function dispatch(sections: string[], parts: Partial<Parts> = {}): string {
  return [
    ...(parts.top ?? TOP),
    '',
    'Kính gửi:',
    ...(parts.recipients ?? ['- Sở Thông tin và Truyền thông;', '- Công an tỉnh.']),
    '',
    parts.preamble ?? 'Thực hiện Kế hoạch số 1297/KH-UBND ngày 05/05/2023 của UBND tỉnh, Ủy ban nhân dân tỉnh yêu cầu:',
    ...sections,
    parts.closing ?? 'Yêu cầu các cơ quan, đơn vị triển khai thực hiện./.',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
  ].join('\n');
}

const parse = (text: string): DispatchDraft => parseDispatch(text, directory);
const fails = (text: unknown) => {
  try {
    parseDispatch(text as string, directory);
  } catch (e) {
    expect(e).toBeInstanceOf(DispatchError);
    return (e as Error).message;
  }
  throw new Error('parsed without error');
};
const tasksOf = (d: DispatchDraft) => d.directive.tasks.map((t) => [t.unit, t.role, t.supports, t.deadline]);

describe('malformed input is a DispatchError naming its line', () => {
  it.each<[string, unknown, string]>([
    ['empty text', '', 'line 1: the text is empty'],
    ['only blank lines, CRLF and tabs', '\r\n  \r\n\t\r\n', 'line 1: the text is empty'],
    ['not a string', null, 'line 1: expected the text of a dispatch'],
    ['a PDF file', '%PDF-1.7\n1 0 obj', 'line 1: this is a PDF or Word file, not text; paste the text of the dispatch'],
    [
      'a Word (docx) file',
      'PK\u0003\u0004[Content_Types].xml',
      'line 1: this is a PDF or Word file, not text; paste the text of the dispatch',
    ],
    [
      'a control character',
      'Số: 1/UBND\nV/v thử\nab\u0000cd',
      'line 3: control character U+0000; is this a binary file?',
    ],
    [
      'more than 512 KB',
      'ả'.repeat(180_000),
      'line 1: the text is larger than 512 KB (528 KB); import one dispatch at a time',
    ],
    [
      'plain prose, not a dispatch',
      '\nHôm nay trời đẹp.\n1. Đi chợ\n2. Nấu cơm',
      'line 2: not a dispatch: found no "Số:" line, no "V/v" subject, no "Kính gửi", no "… ban hành Công văn số …" sentence and no task given to a unit',
    ],
    [
      'a last section with nothing after its number',
      dispatch(['1. Sở Tư pháp', 'Phổ biến pháp luật.', '2.'], { closing: '' }),
      'line 16: section 2 is empty',
    ],
    [
      'two dispatches pasted together',
      [...TOP, '1. Sở Tư pháp', ...TOP].join('\n'),
      'line 13: a second "Số:" line (the first is on line 5); import one dispatch at a time',
    ],
  ])('%s', (_, text, message) => expect(fails(text)).toBe(message));
});

describe('a dispatch that assigns in prose gives its tasks', () => {
  it('a header and one sentence, no numbered section', () => {
    const d = parse(
      [...TOP, '', 'Kính gửi: Sở Tư pháp.', '', 'Đề nghị Sở Tư pháp phổ biến pháp luật về quyền con người./.'].join(
        '\n',
      ),
    );
    expect(d.directive.tasks.map((t) => [t.unit, t.role, t.title])).toEqual([
      ['NB-STP', 'lead', 'Phổ biến pháp luật về quyền con người'],
    ]);
  });

  it('Roman parts that assign nobody: a draft that asks for the tasks', () => {
    const d = parse(
      [...TOP, '', 'I. MỤC ĐÍCH', 'Nâng cao nhận thức.', 'II. YÊU CẦU', 'Thiết thực, hiệu quả.'].join('\n'),
    );
    expect(d.directive.tasks).toEqual([]);
    expect(d.questions.map((q) => q.code)).toEqual(['tasks.none']);
  });
});

describe('what the text does not say becomes a question', () => {
  it('a blank number and date of a draft', () => {
    const top = [...TOP.slice(0, 4), 'Số:  …/UBND-VX', 'Ninh Bình, ngày    tháng    năm 2024', TOP[6]];
    const d = parse(dispatch(['1. Sở Tư pháp — phổ biến pháp luật, xong trước ngày 30/6/2024'], { top }));
    expect([d.directive.number, d.directive.issuedOn, d.place]).toEqual(['?/UBND-VX', 'YYYY-MM-DD', 'Ninh Bình']);
    expect(plain(d.questions)).toEqual([
      {
        path: 'number',
        message: 'the number is blank ("Số: …/UBND-VX"); write it once the dispatch is issued',
        line: 5,
      },
      {
        path: 'issuedOn',
        message: 'the date is blank ("ngày … tháng … năm …"); write it once the dispatch is issued',
        line: 6,
      },
      { path: 'recipients.0', message: '"Sở Thông tin và Truyền thông": no section gives NB-STTTT a task', line: 10 },
      { path: 'recipients.1', message: '"Công an tỉnh": no section gives NB-CATINH a task', line: 11 },
    ]);
  });

  it('no "Số:" line, an impossible date, no subject', () => {
    const top = [...TOP.slice(0, 4), 'Ninh Bình, ngày 31 tháng 02 năm 2024'];
    const d = parse(
      dispatch(['1. Sở Tư pháp: phổ biến pháp luật trong 05 ngày làm việc'], { top, recipients: ['- Sở Tư pháp.'] }),
    );
    expect([d.directive.number, d.directive.issuedOn, d.directive.title]).toEqual(['?', 'YYYY-MM-DD', '']);
    expect(plain(d.questions)).toEqual([
      { path: 'number', message: 'no "Số:" line; write the number and symbol, e.g. 524/UBND-VP9' },
      { path: 'issuedOn', message: '"31 tháng 02 năm 2024" is not a calendar date', line: 5 },
      { path: 'title', message: 'no "V/v" subject; write a title' },
    ]);
    expect(tasksOf(d)).toEqual([['NB-STP', 'lead', undefined, { workingDays: 5 }]]);
    expect(d.directive.tasks[0].title).toBe('Phổ biến pháp luật trong 05 ngày làm việc');
  });

  it('a number that is not number/symbol, and no issuing body', () => {
    const top = ['Số: 12-UBND', 'Ninh Bình, ngày 05/03/2024', 'V/v thử'];
    const d = parse(
      dispatch(['1. Sở Tư pháp — phổ biến pháp luật trước ngày 30/6/2024'], { top, recipients: ['- Sở Tư pháp.'] }),
    );
    expect([d.directive.number, d.directive.issuer, d.directive.issuedOn]).toEqual(['12-UBND', '', '2024-03-05']);
    expect(plain(d.questions)).toEqual([
      { path: 'number', message: '"12-UBND" is not a number and symbol like 524/UBND-VP9', line: 1 },
      { path: 'issuer', message: 'no issuing body above "Số:"; write the issuer' },
    ]);
  });

  it('a heading that names no unit, or names one and then another it does not know', () => {
    const d = parse(
      dispatch(
        [
          '1. Hội Nông dân tỉnh',
          'Tuyên truyền trước ngày 30/6/2024.',
          '2. Sở Tư pháp; Hội Luật gia tỉnh',
          'Phổ biến pháp luật trước ngày 30/6/2024.',
        ],
        { recipients: ['- Sở Tư pháp.'] },
      ),
    );
    // No task without a unit: each unknown name is one question quoting it.
    expect(tasksOf(d)).toEqual([['NB-STP', 'lead', undefined, { date: '2024-06-30' }]]);
    expect(plain(d.questions)).toEqual([
      {
        path: 'tasks',
        message:
          '"Hội Nông dân tỉnh" matched no unit of the directory; add it to the directory or give the task to another unit',
        line: 13,
      },
      {
        path: 'tasks',
        message:
          '"Hội Luật gia tỉnh" matched no unit of the directory; add it to the directory or give the task to another unit',
        line: 15,
      },
    ]);
    expect(d.questions[0].text.vi).toBe(
      '"Hội Nông dân tỉnh" không khớp đơn vị nào trong danh bạ; thêm đơn vị đó vào danh bạ hoặc giao cho đơn vị khác',
    );
  });

  it('a name two provinces share, when the dispatch names no province', () => {
    const top = ['BAN CHỈ ĐẠO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 5/BCĐ', 'V/v thông tin về nhân quyền'];
    const d = parse(
      dispatch(['1. Công an tỉnh — cung cấp thông tin trước ngày 30/6/2024'], {
        top,
        recipients: ['- Công an tỉnh.'],
        preamble: '',
      }),
    );
    expect(tasksOf(d)).toEqual([]);
    expect(d.directive.issuer).toBe('BAN CHỈ ĐẠO');
    expect(plain(d.questions)).toEqual([
      { path: 'issuedOn', message: 'no issue date ("<place>, ngày … tháng … năm …")' },
      { path: 'tasks', message: '"Công an tỉnh" matches several units: NB-CATINH, KT-CATINH', line: 10 },
      { path: 'tasks', message: 'found no task given to a unit of the directory; add the tasks' },
      { path: 'recipients.0', message: '"Công an tỉnh": no section gives NB-CATINH, KT-CATINH a task', line: 7 },
    ]);
  });

  it('a support task, with its lead named, not named, or without a task of its own', () => {
    const d = parse(
      dispatch([
        '1. Sở Thông tin và Truyền thông — chủ trì tổ chức tập huấn trước ngày 30/6/2024',
        '2. Công an tỉnh',
        '- Phối hợp với Sở Thông tin và Truyền thông cung cấp tài liệu trước ngày 15/6/2024.',
        '3. Sở Tư pháp',
        'Phối hợp với Sở Tài chính thẩm định kinh phí trước ngày 15/6/2024.',
        '4. Sở Nội vụ',
        'Phối hợp thực hiện trước ngày 15/6/2024.',
      ]),
    );
    expect(tasksOf(d)).toEqual([
      ['NB-STTTT', 'lead', undefined, { date: '2024-06-30' }],
      ['NB-CATINH', 'support', 'NB-STTTT', { date: '2024-06-15' }],
      ['NB-STP', 'support', 'NB-STC', { date: '2024-06-15' }],
      ['NB-SNV', 'support', '?', { date: '2024-06-15' }],
    ]);
    expect(plain(d.questions)).toEqual([
      {
        path: 'tasks.2.supports',
        message: 'NB-STC has no task in this dispatch; add one or make this a lead task',
        line: 17,
      },
      {
        path: 'tasks.3.supports',
        message: '"phối hợp" names no lead unit; name the unit this task supports, or make it a lead task',
        line: 19,
      },
    ]);
  });

  it('deadlines without a year, in calendar days, impossible, or several', () => {
    const d = parse(
      dispatch([
        '1. Sở Tư pháp: báo cáo trước ngày 15/12',
        '2. Sở Tài chính: bố trí kinh phí trong 10 ngày',
        '3. Sở Nội vụ: hoàn thành trước ngày 31/02/2024',
        '4. Công an tỉnh: trước ngày 15/6/2024 cung cấp tài liệu; trước ngày 15 tháng 11 năm 2024 báo cáo kết quả',
        '5. Sở Thông tin và Truyền thông: không có hạn',
      ]),
    );
    expect(d.directive.tasks.map((t) => t.deadline)).toEqual([
      { date: '2024-12-15' },
      { date: 'YYYY-MM-DD' },
      { date: 'YYYY-MM-DD' },
      { date: '2024-11-15' },
      { date: 'YYYY-MM-DD' },
    ]);
    expect(plain(d.questions)).toEqual([
      { path: 'tasks.0.deadline', message: '"trước ngày 15/12" gives no year; read as 2024-12-15', line: 14 },
      {
        path: 'tasks.1.deadline',
        message: '"trong 10 ngày" counts calendar days; write a date or a number of working days',
        line: 15,
      },
      { path: 'tasks.2.deadline', message: '"31/02/2024" is not a calendar date', line: 16 },
      { path: 'tasks.3.deadline', message: 'several deadlines (2024-06-15, 2024-11-15); took 2024-11-15', line: 17 },
      {
        path: 'tasks.4.deadline',
        message: 'section 5 sets no deadline; write a date (YYYY-MM-DD) or a number of working days',
        line: 18,
      },
    ]);
  });

  it('a section missing from the numbering, and a first section that is not 1', () => {
    const s = (n: string, unit: string) => `${n}. ${unit} — thực hiện trước ngày 30/6/2024`;
    const gap = parse(
      dispatch([s('1', 'Sở Tư pháp'), s('2', 'Sở Tài chính'), s('4', 'Sở Nội vụ')], { recipients: [] }),
    );
    expect(plain(gap.questions)).toEqual([
      { path: 'tasks', message: 'section "4" follows section "2"; is a section missing?', line: 14 },
    ]);
    expect(draftToYaml(gap)).toContain(
      '\ntasks:\n  # ? section "4" follows section "2"; is a section missing?\n  - unit: NB-STP # Sở Tư pháp\n',
    );
    const cut = parse(dispatch([s('3', 'Sở Tư pháp'), s('4', 'Sở Tài chính')], { recipients: [] }));
    expect(plain(cut.questions)).toEqual([
      { path: 'tasks', message: 'the first section is numbered "3"; is the text cut at the top?', line: 12 },
    ]);
  });

  it('a recipient the directory does not know', () => {
    const d = parse(
      dispatch(['1. Sở Tư pháp — thực hiện trước ngày 30/6/2024'], {
        recipients: ['- Sở Tư pháp;', '- Hội Luật gia tỉnh.'],
      }),
    );
    expect(plain(d.questions)).toEqual([
      { path: 'recipients.1', message: '"Hội Luật gia tỉnh" matched no unit', line: 11 },
    ]);
  });

  it('periodic reports without a period', () => {
    const d = parse(
      dispatch(
        [
          '1. Sở Tư pháp',
          '- Định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh.',
          '- Tuyên truyền trong 05 ngày làm việc.',
        ],
        { recipients: [] },
      ),
    );
    expect(d.directive.schedule).toEqual({ kind: 'once' });
    expect(plain(d.questions)).toEqual([
      {
        path: 'schedule',
        message:
          '"Định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh" asks for periodic reports without the period (monthly, quarterly, half-yearly, yearly), the day reports are due, the last year ("đến năm …"); the schedule is left as once',
        line: 13,
      },
    ]);
  });
});

describe('odd but readable texts', () => {
  const clean = dispatch([
    '1. Sở Tư pháp — phổ biến pháp luật trước ngày 30/6/2024',
    '2. Công an tỉnh',
    '- Cung cấp thông tin trong 05 ngày làm việc.',
  ]);

  it('CRLF, tabs, double spaces and "1)" numbering read like the clean text', () => {
    const messy = clean
      .replace(/\n/g, '\r\n')
      .replace('1. Sở Tư pháp — ', '1)  Sở  Tư pháp\t—  ')
      .replace('2. Công an tỉnh', '2)\tCông an tỉnh   ')
      .replace('Số: 12', 'Số:   12');
    expect(parse(messy)).toEqual(parse(clean));
  });

  it('a header whose two columns were flattened onto shared lines', () => {
    const top = [
      'ỦY BAN NHÂN DÂN TỈNH NINH BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc',
      'Số: 524/UBND-VP9 Ninh Bình, ngày 21 tháng 12 năm 2022',
      'Về việc triển khai thực hiện',
      'Quyết định số 1079/QĐ-TTg',
    ];
    const d = parse(
      dispatch(['1. Sở Tư pháp — thực hiện trước ngày 30/6/2023'], {
        top,
        recipients: ['- Sở Tư pháp.'],
        preamble: 'Căn cứ Quyết định số 1079/QĐ-TTg ngày 14 tháng 9 năm 2022 của Thủ tướng Chính phủ;',
      }),
    );
    const { tasks: _, ...opening } = d.directive;
    expect(opening).toEqual({
      number: '524/UBND-VP9',
      title: 'Triển khai thực hiện Quyết định số 1079/QĐ-TTg',
      issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
      issuedOn: '2022-12-21',
      legalBases: ['1079/QĐ-TTg'],
      schedule: { kind: 'once' },
    });
    expect([d.place, d.legalBases, plain(d.questions)]).toEqual([
      'Ninh Bình',
      [{ kind: 'Quyết định', number: '1079/QĐ-TTg', date: '2022-09-14' }],
      [],
    ]);
  });

  it('a heading on the line after its number, and en dashes in names and as separators', () => {
    const d = parse(
      dispatch(['1.', 'Sở Lao động – Thương binh và Xã hội – rà soát số liệu trước ngày 30/6/2024'], {
        recipients: [],
      }),
    );
    expect(tasksOf(d)).toEqual([['NB-SLDTBXH', 'lead', undefined, { date: '2024-06-30' }]]);
    expect(d.directive.tasks[0].title).toBe('Rà soát số liệu trước ngày 30/6/2024');
  });

  it('a heading that opens with "Giao" or "Đối với" before the unit', () => {
    const d = parse(
      dispatch([
        '1. Giao Sở Tư pháp chủ trì tổ chức tập huấn trước ngày 30/6/2024',
        '2. Đối với Công an tỉnh: cung cấp thông tin trước ngày 30/6/2024',
      ]),
    );
    expect(d.directive.tasks.map((t) => [t.unit, t.role, t.title])).toEqual([
      ['NB-STP', 'lead', 'Chủ trì tổ chức tập huấn trước ngày 30/6/2024'],
      ['NB-CATINH', 'lead', 'Cung cấp thông tin trước ngày 30/6/2024'],
    ]);
  });

  it('a plan with Roman parts: tasks come from the part whose headings name units, in "a)" sections', () => {
    const d = parse(
      dispatch(
        [
          'I. MỤC ĐÍCH, YÊU CẦU',
          '1. Mục đích',
          'Nâng cao nhận thức về quyền con người.',
          '2. Yêu cầu',
          'Thiết thực, hiệu quả.',
          'II. TỔ CHỨC THỰC HIỆN',
          'a) Sở Thông tin và Truyền thông',
          '- Chủ trì tổ chức 02 hội nghị, in 20.000 tờ rơi, trước ngày 30/11/2024.',
          'b) UBND các huyện, thành phố',
          '- Tuyên truyền trên hệ thống truyền thanh cơ sở trước ngày 30/11/2024.',
        ],
        {
          top: [
            ...TOP.slice(0, 4),
            'Số: 77/KH-UBND',
            'Ninh Bình, ngày 05 tháng 3 năm 2024',
            'KẾ HOẠCH',
            'Tuyên truyền về quyền con người năm 2024',
          ],
          recipients: [],
        },
      ),
    );
    expect(d.directive.title).toBe('Tuyên truyền về quyền con người năm 2024');
    expect(d.directive.tasks.map((t) => t.unit)).toEqual(['NB-STTTT', ...directory.groups['NB-HUYEN'].members]);
    expect(d.directive.tasks[0].indicators).toEqual([
      { code: 'conferences', name: 'Hội nghị', unit: 'hội nghị', target: 2 },
      { code: 'leaflets', name: 'Tờ rơi, tờ gấp', unit: 'tờ', target: 20000 },
    ]);
    expect(plain(d.questions)).toEqual([]);
  });

  it('periodic and ad hoc reporting, and a deadline for everyone in the closing', () => {
    const d = parse(
      dispatch(
        [
          '1. Sở Tư pháp',
          '- Phổ biến pháp luật về quyền con người giai đoạn 2023-2028.',
          '2. Sở Tài chính',
          '- Bố trí kinh phí.',
        ],
        {
          closing:
            'Định kỳ 6 tháng và hằng năm (trước ngày 15/6 và 15/12), các đơn vị báo cáo kết quả về Sở Thông tin và Truyền thông; báo cáo đột xuất khi có yêu cầu. Trong quá trình thực hiện, các đơn vị hoàn thành trước ngày 30/11/2024./.',
          recipients: [],
        },
      ),
    );
    expect(d.directive.schedule).toEqual({
      kind: 'periodic',
      period: 'half-yearly',
      dueDay: 15,
      from: '2024-03-05',
      until: '2028-12-31',
    });
    expect(d.adHocReports).toBe(true);
    expect(d.directive.tasks.map((t) => [t.unit, t.deadline, t.body])).toEqual([
      ['NB-STP', { date: '2024-11-30' }, '- Phổ biến pháp luật về quyền con người giai đoạn 2023-2028.'],
      ['NB-STC', { date: '2024-11-30' }, '- Bố trí kinh phí.'],
    ]);
    expect(plain(d.questions)).toEqual([]);
  });

  it('a dispatch from a department to "các sở, ban, ngành" gives the sender no task', () => {
    const top = [
      'UBND TỈNH NINH BÌNH',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 9/STTTT-TTBCXB',
      'Ninh Bình, ngày 05 tháng 3 năm 2024',
      'V/v tuyên truyền',
    ];
    const d = parse(
      dispatch(['1. Các sở, ban, ngành — cung cấp thông tin trước ngày 30/6/2024'], {
        top,
        recipients: ['- Các sở, ban, ngành tỉnh.'],
      }),
    );
    expect(d.directive.issuer).toBe('Sở Thông tin và Truyền thông tỉnh Ninh Bình');
    expect(d.directive.tasks.map((t) => t.unit)).toEqual(
      directory.groups['NB-SO-NGANH'].members.filter((c) => c !== 'NB-STTTT'),
    );
    expect(plain(d.questions)).toEqual([]);
  });

  it('a confidential dispatch', () => {
    const d = parse(
      dispatch(['1. Sở Tư pháp — thực hiện trước ngày 30/6/2024'], { top: ['MẬT', ...TOP], recipients: [] }),
    );
    expect(d.directive.confidentiality).toBe('confidential');
    expect(d.directive.issuer).toBe('Ủy ban nhân dân tỉnh Ninh Bình');
  });

  it('a news item that carries a plan in one sentence', () => {
    const text = [
      'Tin hoạt động',
      'Ngày 02/4/2024, UBND tỉnh Kon Tum đã ban hành Kế hoạch số 88/KH-UBND về việc tuyên truyền về quyền con người năm 2024, cụ thể như sau:',
      '1. Sở Tư pháp: phổ biến pháp luật trước ngày 30/9/2024',
      '2. Các cơ quan báo chí: đăng tải tin, bài trước ngày 30/9/2024',
    ].join('\n');
    const d = parse(text);
    const { tasks, ...opening } = d.directive;
    expect(opening).toEqual({
      number: '88/KH-UBND',
      title: 'Tuyên truyền về quyền con người năm 2024',
      issuer: 'Ủy ban nhân dân tỉnh Kon Tum',
      issuedOn: '2024-04-02',
      legalBases: [],
      schedule: { kind: 'once' },
    });
    expect(tasks.map((t) => t.unit)).toEqual(['KT-STP', 'KT-BAOKT', 'KT-DAIPTTH']);
    expect(plain(d.questions)).toEqual([]);
  });

  it('the same text reads the same against one province or the whole directory', () => {
    expect(parseDispatch(clean, unitsUnder(directory, 'NB-UBND'))).toEqual(parse(clean));
  });
});
