// Malformed directive files: each gives a FileError whose message names the file, the line and
// the field, exactly as `dondoc launch` prints it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { FileError, parseDirectiveFile } from '../../domain/directive-file';
import { DirectiveSchema, describeIssues } from '../../domain/schemas';

const OPENING = [
  'number: 12/UBND-VX',
  'title: Tuyên truyền về quyền con người năm 2024',
  'issuer: UBND tỉnh Ninh Bình',
  'issuedOn: 2024-03-05',
];
const TASK = ['tasks:', '  - unit: NB-STP', '    title: Phổ biến pháp luật', '    deadline: { workingDays: 5 }'];
const SUPPORT = [
  '  - unit: NB-CATINH',
  '    role: support',
  '    title: Cung cấp tài liệu',
  '    deadline: { workingDays: 5 }',
];

/** A valid file (lines 1-4 the opening, 5-8 one task) with some lines replaced or added. */
function file(edit: { replace?: Record<number, string>; before?: string[]; after?: string[] } = {}): string {
  const lines = [...OPENING, ...(edit.before ?? []), ...TASK, ...(edit.after ?? [])];
  for (const [n, text] of Object.entries(edit.replace ?? {})) lines[Number(n) - 1] = text;
  return `${lines.join('\n')}\n`;
}

function fails(text: string): string {
  try {
    parseDirectiveFile(text, 'd.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(FileError);
    return (e as Error).message;
  }
  throw new Error('parsed without error');
}

it('the file the cases are made from is valid', () => {
  expect(parseDirectiveFile(file(), 'd.yaml').tasks.map((t) => [t.unit, t.deadline])).toEqual([
    ['NB-STP', { workingDays: 5 }],
  ]);
});

it('reads the same directive written as JSON, commas inside quoted values and all', () => {
  const json = JSON.stringify({
    ...parseDirectiveFile(file()),
    title: 'Tuyên truyền, phổ biến pháp luật',
    legalBases: null,
  });
  expect(() => parseDirectiveFile(json, 'd.json')).toThrow(
    'd.json:1: legalBases: Invalid input: expected array, received null',
  );
  const d = parseDirectiveFile(json.replace('"legalBases":null', '"legalBases":[]'), 'd.json');
  expect([d.title, d.tasks[0].title]).toEqual(['Tuyên truyền, phổ biến pháp luật', 'Phổ biến pháp luật']);
});

describe('a file that is not a directive at all', () => {
  it.each<[string, string, string]>([
    ['an empty file', '', 'd.yaml:1: expected a mapping of fields (number, title, tasks, …)'],
    [
      'a list instead of a mapping',
      '- number: 12/UBND-VX\n',
      'd.yaml:1: expected a mapping of fields (number, title, tasks, …)',
    ],
    ['a bare sentence', 'Công văn số 12/UBND-VX\n', 'd.yaml:1: expected a mapping of fields (number, title, tasks, …)'],
    ['bytes that are not UTF-8', file() + '\uFFFD', 'd.yaml: the file is not valid UTF-8 text'],
    [
      'JSON cut off before its closing brace',
      '{"number": "12/UBND-VX", "title": "Thử"\n',
      'd.yaml:2: Flow map must end with a }',
    ],
    [
      'a list left open',
      file({ after: ['    indicators: ['] }),
      'd.yaml:10: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    ['a field given twice', file({ before: ['title: Lại lần nữa'] }), 'd.yaml:5: Map keys must be unique'],
    [
      'tabs as indentation',
      file({ replace: { 6: '\t- unit: NB-STP' } }),
      'd.yaml:6: Tabs are not allowed as indentation',
    ],
    [
      'aliases that expand without end',
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
      'd.yaml: the file repeats its anchors (*name) too often: at most 50 expansions',
    ],
    [
      'an unquoted comma inside { … } that would cut a name short',
      file({ after: ['    indicators:', '      - { code: articles, name: Tin, bài đã đăng, unit: bài }'] }),
      'd.yaml:10: "bài đã đăng" has no value: a comma inside { … } ends a value, so put the whole value in quotes',
    ],
  ])('%s', (_, text, message) => expect(fails(text)).toBe(message));
});

describe('the opening fields', () => {
  it.each<[string, string, string]>([
    [
      'no number',
      file({ replace: { 1: '# số chưa có' } }),
      'd.yaml:2: number: Invalid input: expected string, received undefined',
    ],
    [
      'a number without its symbol',
      file({ replace: { 1: 'number: "524"' } }),
      'd.yaml:1: number: expected number/symbol, e.g. 524/UBND-VP9',
    ],
    [
      'an empty title',
      file({ replace: { 2: 'title: ""' } }),
      'd.yaml:2: title: Too small: expected string to have >=1 characters',
    ],
    [
      'a date written the Vietnamese way',
      file({ replace: { 4: 'issuedOn: 05/03/2024' } }),
      'd.yaml:4: issuedOn: expected a date as YYYY-MM-DD\nd.yaml:4: issuedOn: not a real calendar date',
    ],
    [
      '29 February of a common year',
      file({ replace: { 4: 'issuedOn: 2023-02-29' } }),
      'd.yaml:4: issuedOn: not a real calendar date',
    ],
    [
      'an unknown confidentiality',
      file({ before: ['confidentiality: secret'] }),
      'd.yaml:5: confidentiality: Invalid option: expected one of "normal"|"confidential"',
    ],
    [
      'a send hour in the evening',
      file({ before: ['policy: { sendHour: 22 }'] }),
      'd.yaml:5: policy.sendHour: Too big: expected number to be <=16',
    ],
  ])('%s', (_, text, message) => expect(fails(text)).toBe(message));
});

describe('the reporting schedule', () => {
  it.each<[string, string, string]>([
    [
      'an unknown kind',
      'schedule: { kind: sometimes }',
      "d.yaml:5: schedule.kind: Invalid discriminator value. Expected 'once' | 'periodic'",
    ],
    [
      'a weekly period',
      'schedule: { kind: periodic, period: weekly, dueDay: 5, from: 2024-01-01, until: 2028-12-31 }',
      'd.yaml:5: schedule.period: Invalid option: expected one of "monthly"|"quarterly"|"half-yearly"|"yearly"',
    ],
    [
      'periodic without a due day',
      'schedule: { kind: periodic, period: quarterly, from: 2024-01-01, until: 2028-12-31 }',
      'd.yaml:5: schedule.dueDay: Invalid input: expected number, received undefined',
    ],
    [
      'a due day past the 28th',
      'schedule: { kind: periodic, period: monthly, dueDay: 31, from: 2024-01-01, until: 2028-12-31 }',
      'd.yaml:5: schedule.dueDay: Too big: expected number to be <=28',
    ],
  ])('%s', (_, line, message) => expect(fails(file({ before: [line] }))).toBe(message));
});

describe('the tasks', () => {
  it.each<[string, string, string]>([
    [
      'no task at all',
      `${OPENING.join('\n')}\ntasks: []\n`,
      'd.yaml:5: tasks: Too small: expected array to have >=1 items',
    ],
    [
      'a task with no deadline',
      file({ replace: { 8: '    body: Không hạn' } }),
      'd.yaml:6: tasks.0.deadline: Invalid input',
    ],
    [
      'zero working days',
      file({ replace: { 8: '    deadline: { workingDays: 0 }' } }),
      'd.yaml:8: tasks.0.deadline.workingDays: Too small: expected number to be >=1',
    ],
    [
      'a deadline in calendar days',
      file({ replace: { 8: '    deadline: { days: 5 }' } }),
      'd.yaml:8: tasks.0.deadline: Invalid input',
    ],
    [
      'a lower-case unit code',
      file({ replace: { 6: '  - unit: nb-stp' } }),
      'd.yaml:6: tasks.0.unit: a unit code is 2-40 characters: A-Z, 0-9, "-" or "_"',
    ],
    [
      'a role that is neither lead nor support',
      file({ after: ['    role: chair'] }),
      'd.yaml:9: tasks.0.role: Invalid option: expected one of "lead"|"support"',
    ],
    [
      'an unknown way to complete',
      file({ after: ['    completion: done'] }),
      'd.yaml:9: tasks.0.completion: Invalid option: expected one of "report"|"acknowledgement"',
    ],
    [
      'two tasks for one unit',
      file({ after: ['  - unit: NB-STP', '    title: Lại', '    deadline: { workingDays: 5 }'] }),
      'd.yaml:9: tasks.1.unit: unit NB-STP has two tasks',
    ],
    [
      'a support task that names no lead',
      file({ after: SUPPORT }),
      'd.yaml:9: tasks.1.supports: a support task names the lead unit it supports',
    ],
    [
      'a support task for a unit with no task',
      file({ after: [...SUPPORT, '    supports: NB-STC'] }),
      'd.yaml:13: tasks.1.supports: no task for unit NB-STC',
    ],
    [
      'an upper-case indicator code',
      file({ after: ['    indicators: [{ code: Articles, name: Tin bài, unit: bài }]'] }),
      'd.yaml:9: tasks.0.indicators.0.code: an indicator code is lower case, e.g. articles',
    ],
    [
      'a negative target',
      file({ after: ['    indicators: [{ code: articles, name: Tin bài, unit: bài, target: -3 }]'] }),
      'd.yaml:9: tasks.0.indicators.0.target: Too small: expected number to be >=0',
    ],
  ])('%s', (_, text, message) => expect(fails(text)).toBe(message));
});

describe('the example directive files', () => {
  it.each(['ninh-binh-524.yaml', 'kon-tum-sttt.yaml', 'quarterly-2023-2028.yaml'])(
    '%s is valid and keeps every name whole',
    (name) => {
      const d = parseDirectiveFile(readFileSync(path.join(__dirname, '../../examples', name), 'utf8'), name);
      const names = d.tasks.flatMap((t) => t.indicators.map((i) => i.name));
      expect(names.length).toBeGreaterThan(0);
      // "Tin, bài …" survives whole: the comma did not split it.
      expect(names.filter((n) => n.startsWith('Tin')).every((n) => n.startsWith('Tin, bài'))).toBe(true);
    },
  );
});

test('a field of the wrong type is named the same way whatever realm its value was made in', () => {
  const here = DirectiveSchema.safeParse({
    number: '1/UBND',
    title: 'T',
    issuer: 'I',
    issuedOn: '2024-03-05',
    tasks: {},
  });
  const there = DirectiveSchema.safeParse(
    runInNewContext(`({ number: '1/UBND', title: 'T', issuer: 'I', issuedOn: '2024-03-05', tasks: {} })`),
  );
  expect(here.success || there.success).toBe(false);
  const messages = [describeIssues(here.error!), describeIssues(there.error!)];
  expect(messages[0]).toEqual(['tasks: Invalid input: expected array, received object']);
  expect(messages[1]).toEqual(messages[0]);
});

describe('control characters written as YAML or JSON escapes', () => {
  it.each<[string, string, string]>([
    [
      'a NUL written as "\\0" in a title',
      file({ replace: { 7: '    title: "Phổ biến\\0pháp luật"' } }),
      'd.yaml:7: tasks.0.title: control character U+0000 (written as an escape)',
    ],
    [
      'an escape character written as "\\e" in the issuer',
      file({ replace: { 3: 'issuer: "UBND tỉnh\\e[31m Ninh Bình"' } }),
      'd.yaml:3: issuer: control character U+001B (written as an escape)',
    ],
    [
      'a JSON "\\u0007" in a key',
      '{"number": "12/UBND-VX", "ti\\u0007tle": "Thử"}\n',
      'd.yaml:1: control character U+0007 in a field name (written as an escape)',
    ],
    [
      'a "\\x7f" in a list item',
      file({ after: ['    indicators: [{ code: articles, name: "Tin\\x7fbài", unit: bài }]'] }),
      'd.yaml:9: tasks.0.indicators.0.name: control character U+007F (written as an escape)',
    ],
  ])('%s', (_, text, message) => expect(fails(text)).toBe(message));

  it('a tab or a line break written as an escape is still text', () => {
    const d = parseDirectiveFile(file({ replace: { 7: '    title: "Phổ biến\\tpháp luật\\nnăm 2024"' } }), 'd.yaml');
    expect(d.tasks[0].title).toBe('Phổ biến\tpháp luật\nnăm 2024');
  });
});
