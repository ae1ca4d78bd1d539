import path from 'node:path';
import compiled from '../../calendar/announcements.json';
import { parseCalendarFile } from '../../domain/calendar-file';
import { FileError } from '../../domain/directive-file';
import { compileCalendar } from '../../scripts/compile-calendar';

const GOOD = `# Bính Ngọ
year: 2026
announcements:
  - occasions: [tet]
    off: { from: 2026-02-14, to: 2026-02-22 }
    notice:
      number: 9441/TB-BNV
      date: 2025-10-16
      issuer: Bộ Nội vụ
      source: https://example.org/9441
  - occasions: [national-day]
    off: { from: 2026-08-29, to: 2026-09-02 }
    makeUpDays: [2026-08-22]
    notice:
      number: 9441/TB-BNV
      date: 2025-10-16
      issuer: Bộ Nội vụ
      source: https://example.org/9441
`;

/** GOOD with one line replaced. */
const withLine = (n: number, text: string) =>
  GOOD.split('\n')
    .map((l, i) => (i + 1 === n ? text : l))
    .join('\n');

function problem(text: string): string {
  try {
    parseCalendarFile(text, '2026.yaml');
  } catch (err) {
    if (err instanceof FileError) return err.message;
    throw err;
  }
  throw new Error('the file was accepted');
}

describe('calendar files', () => {
  it('refuses a control character written as an escape, naming its line and field', () => {
    expect(problem(withLine(9, '      issuer: "Bộ\\0 Nội vụ"'))).toBe(
      '2026.yaml:9: announcements.0.notice.issuer: control character U+0000 (written as an escape)',
    );
  });

  it('reads a year of announced breaks with their notices', () => {
    expect(parseCalendarFile(GOOD, '2026.yaml')).toEqual([
      {
        year: 2026,
        occasions: ['tet'],
        off: { from: '2026-02-14', to: '2026-02-22' },
        notice: { number: '9441/TB-BNV', date: '2025-10-16', issuer: 'Bộ Nội vụ', source: 'https://example.org/9441' },
      },
      {
        year: 2026,
        occasions: ['national-day'],
        off: { from: '2026-08-29', to: '2026-09-02' },
        makeUpDays: ['2026-08-22'],
        notice: { number: '9441/TB-BNV', date: '2025-10-16', issuer: 'Bộ Nội vụ', source: 'https://example.org/9441' },
      },
    ]);
  });

  it('writes the occasions of a break in the order of the year', () => {
    const text = withLine(4, '  - occasions: [labour-day, reunification]').replace(
      '{ from: 2026-02-14, to: 2026-02-22 }',
      '{ from: 2026-04-30, to: 2026-05-03 }',
    );
    expect(parseCalendarFile(text)[0].occasions).toEqual(['reunification', 'labour-day']);
  });

  it.each([
    ['a list, not a mapping', '- 2026\n', '2026.yaml:1: expected a mapping of fields (year, announcements)'],
    [
      'no year',
      GOOD.replace('year: 2026\n', ''),
      '2026.yaml:2: year: Invalid input: expected number, received undefined',
    ],
    [
      'an unknown occasion',
      withLine(4, '  - occasions: [teacher-day]'),
      '2026.yaml:4: announcements.0.occasions.0: Invalid option',
    ],
    [
      'a date that does not exist',
      withLine(5, '    off: { from: 2026-02-30, to: 2026-02-22 }'),
      '2026.yaml:5: announcements.0.off.from: not a real calendar date',
    ],
    [
      'a break that ends before it starts',
      withLine(5, '    off: { from: 2026-02-22, to: 2026-02-14 }'),
      '2026.yaml:5: announcements.0.off.to: the break ends before 2026-02-22',
    ],
    [
      'a break far too long',
      withLine(5, '    off: { from: 2026-02-01, to: 2026-03-14 }'),
      '2026.yaml:5: announcements.0.off.to: a break of more than 31 days',
    ],
    [
      'a break that misses its holiday',
      withLine(5, '    off: { from: 2026-01-14, to: 2026-01-22 }'),
      '2026.yaml:4: announcements.0.occasions.0: Tết Nguyên đán 2026 (2026-02-17) is not in the break 2026-01-14..2026-01-22',
    ],
    [
      'a weekday to be worked',
      withLine(13, '    makeUpDays: [2026-08-21]'),
      '2026.yaml:13: announcements.1.makeUpDays.0: 2026-08-21: a make-up day is a Saturday or Sunday worked in exchange',
    ],
    [
      'a make-up day inside the break',
      withLine(13, '    makeUpDays: [2026-08-29]'),
      '2026.yaml:13: announcements.1.makeUpDays.0: 2026-08-29: a make-up day cannot be inside the break',
    ],
    [
      'an occasion announced twice',
      withLine(11, '  - occasions: [tet, national-day]'),
      '2026.yaml:11: announcements.1.occasions.0: tet is in another announcement of 2026 too',
    ],
    [
      'a notice without its number',
      withLine(7, '      number: công văn'),
      '2026.yaml:7: announcements.0.notice.number: expected number/symbol, e.g. 524/UBND-VP9',
    ],
    [
      'a source that is not a web address',
      withLine(10, '      source: trang 3 báo Nhân Dân'),
      '2026.yaml:10: announcements.0.notice.source: expected the address (http or https) where the notice can be read',
    ],
    [
      'a field it does not know',
      withLine(13, '    workOn: [2026-08-22]'),
      '2026.yaml:11: announcements.1: Unrecognized key: "workOn"',
    ],
    ['a tab for indentation', withLine(5, '\toff: { from: 2026-02-14, to: 2026-02-22 }'), '2026.yaml:5:'],
  ])('refuses %s, naming the line and the field', (_what, text, message) => {
    expect(problem(text)).toContain(message);
  });
});

describe('the calendar files dondoc ships', () => {
  it('are the ones calendar/announcements.json was compiled from (npm run calendar:compile)', () => {
    expect(compiled).toEqual(compileCalendar(path.join(__dirname, '..', '..', 'calendar')));
  });

  it('cover 2023 to 2026, every break with its notice and source', () => {
    expect([...new Set(compiled.announcements.map((a) => a.year))]).toEqual([2023, 2024, 2025, 2026]);
    for (const a of compiled.announcements) expect(a.notice.source).toMatch(/^https:\/\//);
  });
});
