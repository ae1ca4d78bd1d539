// `dondoc calendar import FILE` and `dondoc calendar show [YEAR]`: the days off the government
// announced, kept in the database (calendar/<year>.yaml, see calendar/README.md). A year with no
// announcement is provisional (dự kiến): its days off follow the Labour Code until one is imported.
import type { Config } from '../../config';
import { parseCalendarFile } from '../../domain/calendar-file';
import { yearSchedule, type YearSchedule } from '../../domain/calendar-year';
import { formatDateEn, formatDateShortVi, localDateAt, type Lang } from '../../domain/format';
import { weekday } from '../../domain/local-date';
import {
  importAnnouncements,
  loadAnnouncements,
  loadShippedAnnouncements,
  type CalendarImport,
} from '../../db/calendar';
import { defaultActor } from './amend';
import { tellRunningWorkflows } from '../calendar-change';
import { printJson, readText, UsageError, withReadModelPool, withTemporal, type CliIo } from './io';

interface Options {
  json?: boolean;
  lang?: string;
  by?: string;
}

function langOf(config: Config, o: Options): Lang {
  const lang = o.lang ?? config.DEFAULT_LANG;
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang: expected vi or en, got ${JSON.stringify(lang)}`);
  return lang;
}

const WEEKDAYS: Record<Lang, string[]> = {
  vi: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const day = (d: string, lang: Lang) => `${WEEKDAYS[lang][weekday(d)]} ${formatDateShortVi(d)}`;
const days = (list: string[], lang: Lang) => list.map((d) => day(d, lang)).join(', ');

export async function calendarImportCommand(io: CliIo, config: Config, file: string, o: Options): Promise<void> {
  const lang = langOf(config, o);
  // The file is checked before the database is touched.
  const announcements = parseCalendarFile(readText(file), file);
  const by = o.by ?? defaultActor();
  const { result, told } = await withReadModelPool(config, async (pool) => {
    await loadShippedAnnouncements(pool);
    const result = await importAnnouncements(pool, announcements, by);
    // Every open task counts its deadline again on the calendar now in force; a task whose
    // deadline moves tells its unit. Telling twice changes nothing, so an import can be repeated.
    // With no Temporal running there is no running task to tell: the import stands, said once.
    const told = await withTemporal(config, (client) => tellRunningWorkflows(client, pool, by)).catch(
      (err: unknown) => {
        if (err instanceof UsageError) return err.message;
        throw err;
      },
    );
    return { result, told };
  });
  if (o.json) return printJson(io, { ...result, told });
  io.out(importText(result, [...new Set(announcements.map((a) => a.year))], file, lang));
  if (typeof told === 'string')
    io.err(
      lang === 'vi'
        ? `Chưa báo được cho các nhiệm vụ đang chạy (${told}); nhập lại tệp khi Temporal hoạt động.\n`
        : `Running tasks were not told (${told}); import the file again once Temporal is up.\n`,
    );
  else
    io.out(
      lang === 'vi'
        ? `Đã báo lịch mới cho ${told.tasks} nhiệm vụ đang theo dõi và ${told.directives} văn bản; đơn vị nào bị đổi hạn sẽ nhận thư báo.\n`
        : `Told ${told.tasks} open tasks and ${told.directives} directives; a unit whose deadline moves is mailed.\n`,
    );
}

function importText(r: CalendarImport, years: number[], file: string, lang: Lang): string {
  const vi = lang === 'vi';
  const which = years.join(', ');
  if (!r.years.length)
    return vi
      ? `Lịch nghỉ năm ${which} đã đúng như ${file}: không có gì thay đổi.\n`
      : `The days off of ${which} already match ${file}: nothing changed.\n`;
  const lines = [
    vi
      ? `Đã nhập lịch nghỉ năm ${r.years.join(', ')} từ ${file}.`
      : `Imported the days off of ${r.years.join(', ')} from ${file}.`,
  ];
  if (r.becameOff.length) lines.push(`${vi ? 'Thành ngày nghỉ' : 'Now days off'}: ${days(r.becameOff, lang)}`);
  if (r.becameWorking.length)
    lines.push(`${vi ? 'Thành ngày làm việc' : 'Now working days'}: ${days(r.becameWorking, lang)}`);
  if (!r.becameOff.length && !r.becameWorking.length)
    lines.push(
      vi
        ? 'Không ngày làm việc nào thay đổi (chỉ văn bản, nguồn).'
        : 'No working day changed (only the notice or its source).',
    );
  return `${lines.join('\n')}\n`;
}

export async function calendarShowCommand(
  io: CliIo,
  config: Config,
  yearText: string | undefined,
  o: Options,
): Promise<void> {
  const lang = langOf(config, o);
  const year = yearText === undefined ? Number(localDateAt(Date.now()).slice(0, 4)) : Number(yearText);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`YEAR: expected a year from 2000 to 2100, got ${JSON.stringify(yearText)}`);
  const announcements = await withReadModelPool(config, async (pool) => {
    await loadShippedAnnouncements(pool);
    return loadAnnouncements(pool);
  });
  const schedule = yearSchedule(announcements, year);
  if (o.json) return printJson(io, schedule);
  io.out(showText(schedule, lang));
}

function showText(s: YearSchedule, lang: Lang): string {
  const vi = lang === 'vi';
  const lines: string[] = [];
  if (s.provisional)
    lines.push(
      vi
        ? `Năm ${s.year}: dự kiến. Chưa có thông báo nghỉ lễ, Tết; các ngày nghỉ tính theo Bộ luật Lao động 2019 và có thể thay đổi khi Chính phủ công bố.`
        : `${s.year}: provisional. No announcement yet; the days off follow the Labour Code 2019 and may move when the government announces them.`,
    );
  else {
    lines.push(vi ? `Năm ${s.year}: đã công bố.` : `${s.year}: announced.`);
    const notices = new Map<string, { text: string; occasions: string[] }>();
    for (const a of s.announcements) {
      const n = a.notice;
      if (!n) continue;
      const text = vi
        ? `${n.number} ngày ${formatDateShortVi(n.date)} của ${n.issuer} (${n.source})`
        : `${n.number} of ${formatDateEn(n.date)}, ${n.issuer} (${n.source})`;
      const entry = notices.get(n.number) ?? { text, occasions: [] };
      entry.occasions.push(...s.breaks.filter((b) => b.from <= a.off.to && b.to >= a.off.from).map((b) => b.name));
      notices.set(n.number, entry);
    }
    for (const { text, occasions } of notices.values()) lines.push(`  ${text}: ${[...new Set(occasions)].join('; ')}`);
  }
  const total = s.breaks.reduce((n, b) => n + b.workingDaysOff, 0);
  lines.push(vi ? `Ngày nghỉ (${total} ngày làm việc):` : `Days off (${total} working days):`);
  for (const b of s.breaks) {
    const when = b.from === b.to ? day(b.from, lang) : `${day(b.from, lang)} – ${day(b.to, lang)}`;
    const basis =
      b.notice ??
      (s.provisional ? (vi ? 'dự kiến' : 'provisional') : vi ? 'theo Bộ luật Lao động' : 'by the Labour Code');
    const count = vi
      ? `${b.workingDaysOff} ngày làm việc`
      : `${b.workingDaysOff} working day${b.workingDaysOff === 1 ? '' : 's'}`;
    lines.push(`  ${when}  ${b.name} (${count}; ${basis})`);
  }
  lines.push(
    `${vi ? 'Ngày làm bù' : 'Make-up working days'}: ${s.makeUpDays.length ? days(s.makeUpDays, lang) : vi ? 'không có' : 'none'}`,
  );
  return `${lines.join('\n')}\n`;
}
