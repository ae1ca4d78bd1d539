// `npm run calendar:compile`: checks the calendar files (calendar/<year>.yaml) and writes
// calendar/announcements.json, the copy of them that domain/shipped-announcements.ts imports
// (workflow code reads no files). A bad file stops it with the line and field named.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCalendarFile, type AnnouncedBreak } from '../domain/calendar-file';
import { FileError } from '../domain/directive-file';

export interface CompiledCalendar {
  comment: string;
  announcements: AnnouncedBreak[];
}

/** The announcements of every calendar/<year>.yaml, in order of year. */
export function compileCalendar(dir: string): CompiledCalendar {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const announcements = files.flatMap((f) => {
    const list = parseCalendarFile(readFileSync(path.join(dir, f), 'utf8'), path.join(path.basename(dir), f));
    // One file a year, named for it, so that a year is found and replaced in one place.
    if (path.basename(f, path.extname(f)) !== String(list[0].year))
      throw new FileError(f, [
        { line: 1, path: 'year', message: `the file for ${list[0].year} is named ${list[0].year}.yaml` },
      ]);
    return list;
  });
  return { comment: 'Written by `npm run calendar:compile` from calendar/<year>.yaml: edit those.', announcements };
}

async function main(): Promise<void> {
  const dir = path.join(__dirname, '..', 'calendar');
  const out = path.join(dir, 'announcements.json');
  const text = JSON.stringify(compileCalendar(dir));
  // Loaded here only: prettier imports its plugins dynamically, which the test runner cannot.
  const { format, resolveConfig } = await import('prettier');
  writeFileSync(out, await format(text, { ...(await resolveConfig(out)), filepath: out }));
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof FileError ? err.message : String(err)}\n`);
    process.exit(2);
  });
