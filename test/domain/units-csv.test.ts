// Unit directories exported from a spreadsheet: what a good file gives, and for a bad one the
// exact sentence naming its line and column.
import { FileError } from '../../domain/directive-file';
import { parseUnitsCsv } from '../../domain/units-csv';

const HEADER = 'code,name,kind,emails,head_name,head_email,parent';
const STP =
  'NB-STP,Sở Tư pháp,department,vanthu@stp.ninhbinh.example.vn,Lê Văn Bình,giamdoc@stp.ninhbinh.example.vn,NB-UBND';
const csv = (...rows: string[]) => `${rows.join('\n')}\n`;
const stored = new Set(['NB-UBND']);

function fails(text: string, known: ReadonlySet<string> = stored): string {
  try {
    parseUnitsCsv(text, 'u.csv', known);
  } catch (e) {
    expect(e).toBeInstanceOf(FileError);
    return (e as Error).message;
  }
  throw new Error('parsed without error');
}

describe('a good file', () => {
  it('gives one unit a row, with lists split at ";" and the head named', () => {
    const text = csv(
      `${HEADER},supervisor_emails,aliases`,
      `${STP},pct.vanxa@ubnd.ninhbinh.example.vn,Sở TP; Sở Tư pháp tỉnh`,
      'NB-XA-NINHHAI,"Ủy ban nhân dân xã Ninh Hải, huyện Hoa Lư",commune,ubnd@ninhhai.example.vn; vanthu@ninhhai.example.vn,,chutich@ninhhai.example.vn,NB-UBND-HOALU',
      'NB-UBND-HOALU,Ủy ban nhân dân huyện Hoa Lư,district,vanphong@hoalu.example.vn,,,NB-UBND',
    );
    expect(parseUnitsCsv(text, 'u.csv', stored)).toEqual([
      {
        code: 'NB-STP',
        name: 'Sở Tư pháp',
        kind: 'department',
        emails: ['vanthu@stp.ninhbinh.example.vn'],
        head: { name: 'Lê Văn Bình', email: 'giamdoc@stp.ninhbinh.example.vn' },
        parent: 'NB-UBND',
        supervisorEmails: ['pct.vanxa@ubnd.ninhbinh.example.vn'],
        steeringEmails: [],
        aliases: ['Sở TP', 'Sở Tư pháp tỉnh'],
      },
      {
        code: 'NB-XA-NINHHAI',
        name: 'Ủy ban nhân dân xã Ninh Hải, huyện Hoa Lư',
        kind: 'commune',
        emails: ['ubnd@ninhhai.example.vn', 'vanthu@ninhhai.example.vn'],
        head: { name: 'chutich@ninhhai.example.vn', email: 'chutich@ninhhai.example.vn' },
        parent: 'NB-UBND-HOALU',
        supervisorEmails: [],
        steeringEmails: [],
        aliases: [],
      },
      {
        code: 'NB-UBND-HOALU',
        name: 'Ủy ban nhân dân huyện Hoa Lư',
        kind: 'district',
        emails: ['vanphong@hoalu.example.vn'],
        parent: 'NB-UBND',
        supervisorEmails: [],
        steeringEmails: [],
        aliases: [],
      },
    ]);
  });

  it('reads a spreadsheet export: byte order mark, CRLF, blank lines, upper-case header, no kind column', () => {
    const text = '\uFEFFCODE,NAME,EMAILS\r\n\r\nNB-STC,Sở Tài chính,vanthu@stc.example.vn\r\n';
    expect(parseUnitsCsv(text, 'u.csv')).toEqual([
      {
        code: 'NB-STC',
        name: 'Sở Tài chính',
        kind: 'department',
        emails: ['vanthu@stc.example.vn'],
        supervisorEmails: [],
        steeringEmails: [],
        aliases: [],
      },
    ]);
  });

  it('reads the organisation code (mã định danh) from the last column, and files without it still load', () => {
    const text = csv(
      `${HEADER},supervisor_emails,steering_emails,aliases,organ_id`,
      `${STP},,,, 000.00.05.H42 `,
      'NB-UBND,Ủy ban nhân dân tỉnh Ninh Bình,office,vanphong@ubnd.ninhbinh.example.vn,,,,,,,',
    );
    const [stp, ubnd] = parseUnitsCsv(text, 'u.csv', stored);
    expect(stp.organId).toBe('000.00.05.H42');
    expect(ubnd.organId).toBeUndefined();
    expect(parseUnitsCsv(csv(HEADER, STP), 'u.csv', stored)[0].organId).toBeUndefined();
  });

  it('names the line and column of an organisation code in the wrong form', () => {
    expect(fails(csv(`${HEADER},organ_id`, `${STP},H42`))).toBe(
      'u.csv:2: organ_id: an organisation code (mã định danh) looks like 000.00.00.H41',
    );
  });

  it('leaves parents outside the file unchecked when it is not told what is stored', () => {
    expect(parseUnitsCsv(csv(HEADER, STP.replace('NB-UBND', 'NB-NOWHERE')), 'u.csv').map((u) => u.parent)).toEqual([
      'NB-NOWHERE',
    ]);
  });
});

describe('a bad file names its line and column', () => {
  const columns =
    'code,name,kind,emails,head_name,head_email,parent,supervisor_emails,steering_emails,aliases,organ_id';
  it.each<[string, string, string]>([
    ['an empty file', '', `u.csv:1: the file is empty; its first line names the columns: ${columns}`],
    ['a header and nothing else', csv(HEADER), 'u.csv:1: no units after the header line'],
    [
      'a misspelt column, so the required one is missing',
      csv('code,name,email', 'NB-STC,Sở Tài chính,vanthu@stc.example.vn'),
      `u.csv:1: unknown column "email"; the columns are ${columns.replace(/,/g, ', ')}\nu.csv:1: the header has no "emails" column`,
    ],
    [
      'a column given twice',
      csv('code,name,emails,name', 'NB-STC,Sở Tài chính,vanthu@stc.example.vn,Sở TC'),
      'u.csv:1: column "name" appears twice',
    ],
    [
      'a name with an unquoted comma',
      csv(
        HEADER,
        STP,
        'NB-XA-NINHHAI,Ủy ban nhân dân xã Ninh Hải, huyện Hoa Lư,commune,ubnd@ninhhai.example.vn,,,NB-STP',
      ),
      'u.csv:3: the row has 8 cells, the header 7; quote a cell that contains a comma',
    ],
    [
      'a quote never closed',
      csv(HEADER, STP, 'NB-STC,"Sở Tài chính,department,vanthu@stc.example.vn,,,NB-UBND'),
      'u.csv:3: a quoted cell is never closed',
    ],
    [
      'a quote inside a cell',
      csv(HEADER, 'NB-STC,Sở "Tài" chính,department,vanthu@stc.example.vn,,,NB-UBND'),
      'u.csv:2: a quote inside a cell must be doubled ("")',
    ],
    [
      'a bad address among several',
      csv(HEADER, STP, 'NB-STC,Sở Tài chính,department,vanthu@stc.example.vn; ketoan@,,,NB-UBND'),
      'u.csv:3: emails: "ketoan@" is not an email address',
    ],
    [
      'no address',
      csv(HEADER, 'NB-STC,Sở Tài chính,department,,,,NB-UBND'),
      'u.csv:2: emails: give at least one address',
    ],
    [
      'a bad head address',
      csv(HEADER, 'NB-STC,Sở Tài chính,department,vanthu@stc.example.vn,Hoàng Minh Đức,giamdoc at stc,NB-UBND'),
      'u.csv:2: head_email: "giamdoc at stc" is not an email address',
    ],
    [
      'a lower-case code',
      csv(HEADER, 'nb-stc,Sở Tài chính,department,vanthu@stc.example.vn,,,NB-UBND'),
      'u.csv:2: code: a unit code is 2-40 characters: A-Z, 0-9, "-" or "_"',
    ],
    [
      'an unknown kind',
      csv(HEADER, 'NB-STC,Sở Tài chính,ministry,vanthu@stc.example.vn,,,NB-UBND'),
      'u.csv:2: kind: Invalid option: expected one of "department"|"district"|"press"|"commune"|"office"|"other"',
    ],
    [
      'a unit listed twice',
      csv(HEADER, STP, 'NB-STC,Sở Tài chính,department,vanthu@stc.example.vn,,,NB-UBND', STP),
      'u.csv:4: code: unit NB-STP is listed twice (first on line 2)',
    ],
    [
      'a parent neither in the file nor stored',
      csv(HEADER, STP, 'NB-STC,Sở Tài chính,department,vanthu@stc.example.vn,,,NB-UBND-TINH'),
      'u.csv:3: parent: no unit NB-UBND-TINH in this file or the directory',
    ],
    [
      'a line break inside a quoted name does not shift the lines after it',
      csv(
        HEADER,
        'NB-STC,"Sở Tài chính\ntỉnh Ninh Bình",department,vanthu@stc.example.vn,,,NB-UBND',
        'NB-SNV,Sở Nội vụ,department,vanthu@,,,NB-UBND',
      ),
      'u.csv:4: emails: "vanthu@" is not an email address',
    ],
    ['bytes that are not UTF-8', csv(HEADER, STP) + '\uFFFD', 'u.csv: the file is not valid UTF-8 text'],
  ])('%s', (_, text, message) => expect(fails(text)).toBe(message));

  it('lists every bad row, in line order', () => {
    const text = csv(
      HEADER,
      'NB-STC,Sở Tài chính,department,,,,NB-UBND',
      STP,
      'NB-SNV,,department,vanthu@snv.example.vn,,,NB-UBND',
    );
    expect(fails(text)).toBe(
      'u.csv:2: emails: give at least one address\nu.csv:4: name: Too small: expected string to have >=1 characters',
    );
  });
});
