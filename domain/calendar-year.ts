// One year of the working calendar as a person checks it: the breaks, the make-up days, and
// whether the year is announced (with the notices) or still provisional (dự kiến).
import type { HolidayAnnouncement } from './announcements';
import { createVietnamCalendar } from './calendar';
import { addDays, isWeekend, localDate, type LocalDate } from './local-date';

export interface YearBreak {
  from: LocalDate;
  to: LocalDate;
  name: string;
  /** Weekdays off in the break. */
  workingDaysOff: number;
  /** The notice that fixed it; none for a break by the Labour Code alone. */
  notice?: string;
}

export interface YearSchedule {
  year: number;
  provisional: boolean;
  /** The year's announcements, with their notices. */
  announcements: HolidayAnnouncement[];
  breaks: YearBreak[];
  makeUpDays: LocalDate[];
}

/**
 * The name of a run of days off: its holidays, without the names of the days around them
 * ("Nghỉ bù Giỗ Tổ Hùng Vương" next to Giỗ Tổ, "Kỳ nghỉ Quốc khánh" next to Quốc khánh).
 */
function runName(names: string[]): string {
  const unique = [...new Set(names)];
  const around = (n: string) =>
    n.startsWith('Kỳ nghỉ ') || (n.startsWith('Nghỉ bù ') && unique.includes(n.slice('Nghỉ bù '.length)));
  const main = unique.filter((n) => !around(n));
  return (main.length ? main : unique).join(', ');
}

export function yearSchedule(announcements: readonly HolidayAnnouncement[], year: number): YearSchedule {
  const calendar = createVietnamCalendar(announcements);
  const own = announcements.filter((a) => a.year === year);
  const breaks: YearBreak[] = [];
  const makeUpDays: LocalDate[] = [];
  let run: { from: LocalDate; to: LocalDate; names: string[]; weekdays: number } | undefined;
  const close = () => {
    if (!run) return;
    const notice = own.find((a) => a.off.from <= run!.to && a.off.to >= run!.from)?.notice?.number;
    breaks.push({
      from: run.from,
      to: run.to,
      name: runName(run.names),
      workingDaysOff: run.weekdays,
      ...(notice ? { notice } : {}),
    });
    run = undefined;
  };
  for (let d = localDate(year, 1, 1); d <= localDate(year, 12, 31); d = addDays(d, 1)) {
    const name = calendar.holidayName(d);
    if (calendar.isWorkingDay(d) && isWeekend(d)) makeUpDays.push(d);
    if (name === undefined || calendar.isWorkingDay(d)) {
      close();
      continue;
    }
    run ??= { from: d, to: d, names: [], weekdays: 0 };
    run.to = d;
    run.names.push(name);
    if (!isWeekend(d)) run.weekdays++;
  }
  close();
  return { year, provisional: calendar.isProvisional(localDate(year, 1, 1)), announcements: own, breaks, makeUpDays };
}
