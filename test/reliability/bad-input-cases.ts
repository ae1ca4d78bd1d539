// Malformed directive files (for `dondoc launch`) and dispatch texts (for `dondoc import`), each
// with the one message the CLI must print for it: the file, the line and the field.

const OPENING = [
  'number: 77/UBND-REL',
  'title: Báo cáo kết quả tuyên truyền',
  'issuer: UBND tỉnh Ninh Bình',
  'issuedOn: 2026-11-20',
];
const TASK = ['tasks:', '  - unit: NB-STP', '    title: Phổ biến pháp luật', '    deadline: { workingDays: 5 }'];

/** A valid directive file (lines 1-4 the opening, 5-8 one task), with lines replaced or added. */
export function directiveFile(
  edit: { replace?: Record<number, string>; before?: string[]; after?: string[] } = {},
): string {
  const lines = [...OPENING, ...(edit.before ?? []), ...TASK, ...(edit.after ?? [])];
  for (const [n, text] of Object.entries(edit.replace ?? {})) lines[Number(n) - 1] = text;
  return `${lines.join('\n')}\n`;
}

const HEADER = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH NINH BÌNH',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 12/UBND-VX',
  'Ninh Bình, ngày 05 tháng 3 năm 2024',
  'V/v tuyên truyền về quyền con người năm 2024',
];

export interface BadFile {
  name: string;
  command: 'launch' | 'import';
  /** The file's name in the temporary folder (it appears in the message). */
  file: string;
  content: string | Buffer;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

export const BAD_FILES: BadFile[] = [
  // Directive files that are not a directive at all.
  { name: 'an empty file', command: 'launch', file: 'empty.yaml', content: '' },
  { name: 'a list instead of a mapping', command: 'launch', file: 'list.yaml', content: '- number: 77/UBND-REL\n' },
  { name: 'a bare sentence', command: 'launch', file: 'sentence.yaml', content: 'Công văn số 77/UBND-REL\n' },
  {
    name: 'a directive file in Latin-1, not UTF-8',
    command: 'launch',
    file: 'latin.yaml',
    content: latin1(directiveFile().replace('Ninh Bình', 'Ninh B\u00ecnh')),
  },
  {
    name: 'UTF-16 text',
    command: 'launch',
    file: 'utf16.yaml',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(directiveFile(), 'utf16le')]),
  },
  {
    name: 'a PNG image',
    command: 'launch',
    file: 'scan.yaml',
    content: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
  },
  { name: 'JSON cut off', command: 'launch', file: 'cut.json', content: '{"number": "77/UBND-REL", "title": "Thử"\n' },
  {
    name: 'JSON with a number for the title',
    command: 'launch',
    file: 'title.json',
    content: JSON.stringify({
      number: '77/UBND-REL',
      title: 5,
      issuer: 'UBND',
      issuedOn: '2026-11-20',
      tasks: [{ unit: 'NB-STP', title: 'A', deadline: { workingDays: 5 } }],
    }),
  },
  {
    name: 'JSON nested 5,000 deep',
    command: 'launch',
    file: 'deep.json',
    content: `${'['.repeat(5000)}${']'.repeat(5000)}`,
  },
  {
    name: 'YAML nested 5,000 deep',
    command: 'launch',
    file: 'deep.yaml',
    content: `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  },
  {
    name: 'tabs as indentation',
    command: 'launch',
    file: 'tabs.yaml',
    content: directiveFile({ replace: { 6: '\t- unit: NB-STP' } }),
  },
  {
    name: 'a field given twice',
    command: 'launch',
    file: 'twice.yaml',
    content: directiveFile({ before: ['title: Lại lần nữa'] }),
  },
  {
    name: 'aliases that expand without end',
    command: 'launch',
    file: 'bomb.yaml',
    content:
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
  },
  {
    name: 'a list left open',
    command: 'launch',
    file: 'open.yaml',
    content: directiveFile({ after: ['    indicators: ['] }),
  },
  // The opening fields.
  {
    name: 'no number',
    command: 'launch',
    file: 'nonumber.yaml',
    content: directiveFile({ replace: { 1: '# số chưa có' } }),
  },
  {
    name: 'a number without its symbol',
    command: 'launch',
    file: 'symbol.yaml',
    content: directiveFile({ replace: { 1: 'number: "524"' } }),
  },
  {
    name: 'an empty title',
    command: 'launch',
    file: 'notitle.yaml',
    content: directiveFile({ replace: { 2: 'title: ""' } }),
  },
  {
    name: 'a date written the Vietnamese way',
    command: 'launch',
    file: 'date.yaml',
    content: directiveFile({ replace: { 4: 'issuedOn: 05/03/2024' } }),
  },
  {
    name: '30 February',
    command: 'launch',
    file: 'feb.yaml',
    content: directiveFile({ replace: { 4: 'issuedOn: 2026-02-30' } }),
  },
  {
    name: 'an unknown confidentiality',
    command: 'launch',
    file: 'secret.yaml',
    content: directiveFile({ before: ['confidentiality: secret'] }),
  },
  {
    name: 'legal bases that are not a list',
    command: 'launch',
    file: 'bases.yaml',
    content: directiveFile({ before: ['legalBases: 1079/QĐ-TTg'] }),
  },
  {
    name: 'a send hour at night',
    command: 'launch',
    file: 'hour.yaml',
    content: directiveFile({ before: ['policy: { sendHour: 22 }'] }),
  },
  {
    name: 'an escalation after 0 days',
    command: 'launch',
    file: 'ladder.yaml',
    content: directiveFile({ before: ['policy: { escalations: [{ level: 1, afterWorkingDays: 0, to: head }] }'] }),
  },
  {
    name: 'an unknown schedule',
    command: 'launch',
    file: 'schedule.yaml',
    content: directiveFile({ before: ['schedule: { kind: sometimes }'] }),
  },
  {
    name: 'a due day past the 28th',
    command: 'launch',
    file: 'dueday.yaml',
    content: directiveFile({
      before: ['schedule: { kind: periodic, period: monthly, dueDay: 31, from: 2027-01-01, until: 2027-12-31 }'],
    }),
  },
  // The tasks.
  { name: 'no task at all', command: 'launch', file: 'notask.yaml', content: `${OPENING.join('\n')}\ntasks: []\n` },
  {
    name: 'tasks as a mapping',
    command: 'launch',
    file: 'taskmap.yaml',
    content: `${OPENING.join('\n')}\ntasks: { unit: NB-STP }\n`,
  },
  {
    name: 'a task with no deadline',
    command: 'launch',
    file: 'nodeadline.yaml',
    content: directiveFile({ replace: { 8: '    body: Không hạn' } }),
  },
  {
    name: 'zero working days',
    command: 'launch',
    file: 'zero.yaml',
    content: directiveFile({ replace: { 8: '    deadline: { workingDays: 0 }' } }),
  },
  {
    name: 'a year and a day',
    command: 'launch',
    file: 'year.yaml',
    content: directiveFile({ replace: { 8: '    deadline: { workingDays: 366 }' } }),
  },
  {
    name: 'a deadline in calendar days',
    command: 'launch',
    file: 'days.yaml',
    content: directiveFile({ replace: { 8: '    deadline: { days: 5 }' } }),
  },
  {
    name: 'a lower-case unit code',
    command: 'launch',
    file: 'lower.yaml',
    content: directiveFile({ replace: { 6: '  - unit: nb-stp' } }),
  },
  {
    name: 'an empty task title',
    command: 'launch',
    file: 'tasktitle.yaml',
    content: directiveFile({ replace: { 7: '    title: "   "' } }),
  },
  {
    name: 'a role that is neither lead nor support',
    command: 'launch',
    file: 'role.yaml',
    content: directiveFile({ after: ['    role: chair'] }),
  },
  {
    name: 'an unknown way to complete',
    command: 'launch',
    file: 'completion.yaml',
    content: directiveFile({ after: ['    completion: done'] }),
  },
  {
    name: 'two tasks for one unit',
    command: 'launch',
    file: 'dup.yaml',
    content: directiveFile({ after: ['  - unit: NB-STP', '    title: Lại', '    deadline: { workingDays: 5 }'] }),
  },
  {
    name: 'a support task that names no lead',
    command: 'launch',
    file: 'support.yaml',
    content: directiveFile({
      after: [
        '  - unit: NB-CATINH',
        '    role: support',
        '    title: Cung cấp tài liệu',
        '    deadline: { workingDays: 5 }',
      ],
    }),
  },
  {
    name: 'an upper-case indicator code',
    command: 'launch',
    file: 'indicator.yaml',
    content: directiveFile({ after: ['    indicators: [{ code: Articles, name: Tin bài, unit: bài }]'] }),
  },
  {
    name: 'a negative target',
    command: 'launch',
    file: 'target.yaml',
    content: directiveFile({ after: ['    indicators: [{ code: articles, name: Tin bài, unit: bài, target: -3 }]'] }),
  },
  {
    name: 'a control character in a title',
    command: 'launch',
    file: 'control.yaml',
    content: directiveFile({ replace: { 7: '    title: "Phổ biến\u0000pháp luật"' } }),
  },
  {
    name: 'a control character written as an escape',
    command: 'launch',
    file: 'escape.yaml',
    content: directiveFile({ replace: { 7: '    title: "Phổ biến\\epháp luật"' } }),
  },
  {
    name: 'more tasks than a directive may have',
    command: 'launch',
    file: 'many.yaml',
    content: `${OPENING.join('\n')}\ntasks:\n${Array.from({ length: 20_001 }, (_, i) => `  - { unit: U${i}, title: T, deadline: { workingDays: 5 } }`).join('\n')}\n`,
  },
  // Dispatch texts for `dondoc import`.
  { name: 'an empty dispatch', command: 'import', file: 'empty.txt', content: '' },
  { name: 'only blank lines, CRLF and tabs', command: 'import', file: 'blank.txt', content: '\r\n  \r\n\t\r\n' },
  { name: 'a PDF file', command: 'import', file: 'cv.pdf.txt', content: '%PDF-1.7\n1 0 obj' },
  { name: 'a Word (docx) file', command: 'import', file: 'cv.docx.txt', content: 'PK\u0003\u0004[Content_Types].xml' },
  { name: 'a NUL byte on line 3', command: 'import', file: 'nul.txt', content: 'Số: 1/UBND\nV/v thử\nab\u0000cd' },
  { name: 'more than 512 KB', command: 'import', file: 'long.txt', content: 'ả'.repeat(180_000) },
  {
    name: 'a dispatch in Latin-1, not UTF-8',
    command: 'import',
    file: 'latin.txt',
    content: latin1(
      [
        ...HEADER,
        '',
        'K\u00ednh g\u00fdi: S\u00f4 T\u00f9 ph\u00e1p.',
        '1. S\u00f4 T\u00f9 ph\u00e1p: tuy\u00ean truy\u00ean.',
      ]
        .join('\n')
        .replace(/[^\u0000-\u00ff]/g, '?'),
    ),
  },
  { name: 'plain prose', command: 'import', file: 'prose.txt', content: '\nHôm nay trời đẹp.\n1. Đi chợ\n2. Nấu cơm' },
  {
    name: 'two dispatches pasted together',
    command: 'import',
    file: 'two.txt',
    content: [...HEADER, '1. Sở Tư pháp', ...HEADER].join('\n'),
  },
];
