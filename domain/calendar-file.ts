// Calendar files (calendar/2026.yaml): the days off the government announced for one year, each
// break with the notice that fixed it. `dondoc calendar import` reads them, and the shipped ones
// are compiled into calendar/announcements.json. Every problem names its line and field.
import { z } from 'zod';
import { OCCASIONS, type HolidayAnnouncement, type Notice, type Occasion } from './announcements';
import { parseYamlFile } from './directive-file';
import { HOLIDAY_NAMES, lunarHolidays } from './holiday-rules';
import { daysBetween, isWeekend, localDate } from './local-date';
import { DocumentNumberSchema, LocalDateSchema } from './schemas';

/** An announcement as a file states it: the notice is required there. */
export type AnnouncedBreak = HolidayAnnouncement & { notice: Notice };

/** A break longer than this is a typing mistake: the longest Tết break so far was 9 days. */
const MAX_BREAK_DAYS = 31;

const NoticeSchema = z
  .object({
    number: DocumentNumberSchema,
    date: LocalDateSchema,
    issuer: z.string().trim().min(1),
    source: z.url({ protocol: /^https?$/, error: 'expected the address (http or https) where the notice can be read' }),
  })
  .strict();

const BreakSchema = z
  .object({
    occasions: z.array(z.enum(OCCASIONS as [Occasion, ...Occasion[]])).min(1),
    off: z.object({ from: LocalDateSchema, to: LocalDateSchema }).strict(),
    makeUpDays: z.array(LocalDateSchema).default([]),
    notice: NoticeSchema,
  })
  .strict();

/** The day of an occasion in a year, by the Labour Code (its first day for Tết: mùng 1). */
function occasionDay(o: Occasion, year: number): string {
  switch (o) {
    case 'new-year':
      return localDate(year, 1, 1);
    case 'tet':
      return lunarHolidays(year).tet;
    case 'hung-kings':
      return lunarHolidays(year).hungKings;
    case 'reunification':
      return localDate(year, 4, 30);
    case 'labour-day':
      return localDate(year, 5, 1);
    case 'national-day':
      return localDate(year, 9, 2);
    case 'culture-day':
      return localDate(year, 11, 24);
  }
}

const CalendarFileSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    announcements: z.array(BreakSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<Occasion>();
    file.announcements.forEach((a, i) => {
      const at = (...path: (string | number)[]) => ['announcements', i, ...path];
      const { from, to } = a.off;
      if (to < from) ctx.addIssue({ code: 'custom', path: at('off', 'to'), message: `the break ends before ${from}` });
      else if (daysBetween(from, to) >= MAX_BREAK_DAYS)
        ctx.addIssue({ code: 'custom', path: at('off', 'to'), message: `a break of more than ${MAX_BREAK_DAYS} days` });
      a.occasions.forEach((o, j) => {
        if (seen.has(o))
          ctx.addIssue({
            code: 'custom',
            path: at('occasions', j),
            message: `${o} is in another announcement of ${file.year} too`,
          });
        seen.add(o);
        const day = occasionDay(o, file.year);
        if (to >= from && (day < from || day > to))
          ctx.addIssue({
            code: 'custom',
            path: at('occasions', j),
            message: `${HOLIDAY_NAMES[o]} ${file.year} (${day}) is not in the break ${from}..${to}`,
          });
      });
      a.makeUpDays.forEach((d, k) => {
        const problem = !isWeekend(d)
          ? 'a make-up day is a Saturday or Sunday worked in exchange'
          : d >= from && d <= to
            ? 'a make-up day cannot be inside the break'
            : a.makeUpDays.indexOf(d) < k
              ? 'given twice'
              : undefined;
        if (problem) ctx.addIssue({ code: 'custom', path: at('makeUpDays', k), message: `${d}: ${problem}` });
      });
    });
  });

/** The announcements of one calendar file, checked. */
export function parseCalendarFile(text: string, fileName = 'calendar.yaml'): AnnouncedBreak[] {
  const file = parseYamlFile(CalendarFileSchema, text, fileName, 'year, announcements');
  return file.announcements.map((a) => ({
    year: file.year,
    occasions: OCCASIONS.filter((o) => a.occasions.includes(o)),
    off: a.off,
    ...(a.makeUpDays.length ? { makeUpDays: [...a.makeUpDays].sort() } : {}),
    notice: a.notice,
  }));
}
