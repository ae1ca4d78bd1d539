// A unit directory as a spreadsheet exports it: one unit a row, several addresses in a cell
// separated by ";". Every problem names its line and column, like directive files do.
import { parse } from 'csv-parse/sync';
import { FileError, type FileProblem } from './directive-file';
import { DirectoryUnitSchema, type DirectoryUnit } from './units';

export const UNIT_CSV_COLUMNS = [
  'code',
  'name',
  'kind',
  'emails',
  'head_name',
  'head_email',
  'parent',
  'supervisor_emails',
  'steering_emails',
  'aliases',
  // Added later, so it comes last: files written before it still load.
  'organ_id',
] as const;
type Column = (typeof UNIT_CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['code', 'name', 'emails'];
const LISTS: Column[] = ['emails', 'supervisor_emails', 'steering_emails', 'aliases'];

/** The column a schema path comes from. */
const COLUMN_OF: Record<string, Column> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  emails: 'emails',
  parent: 'parent',
  aliases: 'aliases',
  supervisorEmails: 'supervisor_emails',
  steeringEmails: 'steering_emails',
  'head.email': 'head_email',
  'head.name': 'head_name',
  organId: 'organ_id',
};

interface Row {
  line: number;
  cells: Partial<Record<Column, string>>;
}

const splitList = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

function readRows(text: string, fileName: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    const why =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell is never closed'
        : e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'INVALID_OPENING_QUOTE'
          ? 'a quote inside a cell must be doubled ("")'
          : e.message;
    throw new FileError(fileName, [{ line: e.lines, path: '', message: why }]);
  }
  if (!records.length)
    throw new FileError(fileName, [
      {
        line: 1,
        path: '',
        message: `the file is empty; its first line names the columns: ${UNIT_CSV_COLUMNS.join(',')}`,
      },
    ]);
  // A record ends on info.lines; a quoted cell with line breaks started it earlier.
  const startOf = (r: (typeof records)[number]) =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  const [head, ...body] = records;
  const header = head.record.map((h) => h.toLowerCase());
  const problems: FileProblem[] = [];
  const headerLine = startOf(head);
  header.forEach((h, i) => {
    if (!(UNIT_CSV_COLUMNS as readonly string[]).includes(h))
      problems.push({
        line: headerLine,
        path: '',
        message: `unknown column "${head.record[i]}"; the columns are ${UNIT_CSV_COLUMNS.join(', ')}`,
      });
    else if (header.indexOf(h) !== i)
      problems.push({ line: headerLine, path: '', message: `column "${h}" appears twice` });
  });
  for (const c of REQUIRED)
    if (!header.includes(c)) problems.push({ line: headerLine, path: '', message: `the header has no "${c}" column` });
  if (problems.length) throw new FileError(fileName, problems);
  if (!body.length)
    throw new FileError(fileName, [{ line: headerLine, path: '', message: 'no units after the header line' }]);
  const rows = body.map((r) => {
    const line = startOf(r);
    if (r.record.length > header.length)
      problems.push({
        line,
        path: '',
        message: `the row has ${r.record.length} cells, the header ${header.length}; quote a cell that contains a comma`,
      });
    return { line, cells: Object.fromEntries(header.map((h, i) => [h, r.record[i] ?? ''])) };
  });
  if (problems.length) throw new FileError(fileName, problems);
  return rows;
}

function toUnit(cells: Row['cells']): unknown {
  const present = (c: Column) => (cells[c] ?? '') !== '';
  return {
    code: cells.code ?? '',
    name: cells.name ?? '',
    ...(present('kind') ? { kind: cells.kind } : {}),
    emails: splitList(cells.emails),
    ...(present('head_email') || present('head_name')
      ? { head: { name: cells.head_name || cells.head_email || '', email: cells.head_email ?? '' } }
      : {}),
    ...(present('parent') ? { parent: cells.parent } : {}),
    supervisorEmails: splitList(cells.supervisor_emails),
    steeringEmails: splitList(cells.steering_emails),
    aliases: splitList(cells.aliases),
    ...(present('organ_id') ? { organId: cells.organ_id } : {}),
  };
}

/**
 * The units of a CSV file. A parent must be a unit of the file or one of `known` (the directory
 * already stored), so a district can load its communes on their own; without `known`, parents
 * outside the file are not checked.
 */
export function parseUnitsCsv(text: string, fileName = 'units.csv', known?: ReadonlySet<string>): DirectoryUnit[] {
  if (text.includes('\uFFFD'))
    throw new FileError(fileName, [{ path: '', message: 'the file is not valid UTF-8 text' }]);
  const rows = readRows(text, fileName);
  const problems: FileProblem[] = [];
  const units: { unit: DirectoryUnit; line: number }[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const raw = toUnit(row.cells) as { emails: string[] };
    const parsed = DirectoryUnitSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[issue.path.filter((p) => typeof p === 'string').join('.')] ?? String(issue.path[0]);
        const value = issue.path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k as string], raw);
        const message =
          column === 'emails' && raw.emails.length === 0
            ? 'give at least one address'
            : LISTS.includes(column) && /email/i.test(issue.message)
              ? `"${String(value)}" is not an email address`
              : column === 'head_email'
                ? `"${String(value)}" is not an email address`
                : issue.message;
        problems.push({ line: row.line, path: column, message });
      }
      continue;
    }
    const unit = parsed.data;
    const seen = firstLine.get(unit.code);
    if (seen)
      problems.push({
        line: row.line,
        path: 'code',
        message: `unit ${unit.code} is listed twice (first on line ${seen})`,
      });
    else firstLine.set(unit.code, row.line);
    units.push({ unit, line: row.line });
  }
  for (const { unit, line } of units) {
    if (known && unit.parent && !firstLine.has(unit.parent) && !known.has(unit.parent))
      problems.push({ line, path: 'parent', message: `no unit ${unit.parent} in this file or the directory` });
  }
  if (problems.length)
    throw new FileError(
      fileName,
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    );
  return units.map((u) => u.unit);
}
