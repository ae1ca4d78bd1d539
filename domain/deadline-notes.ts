// What a launch must say about its deadlines before anything starts, so that none is accepted
// silently: a date given on a day off runs to the next working day (Bộ luật Dân sự 2015, Art.
// 148), a deadline already past needs the office's say-so, and a deadline in a year whose days
// off are not announced yet is provisional (dự kiến). The launch preview and `dondoc launch
// --dry-run` both say it with these words.
import { weekday, type LocalDate, type WorkingCalendar } from './calendar';
import { formatDate, formatDateShortVi, type Lang } from './format';
import type { PlannedTask } from './plan';

export type DeadlineNote =
  | { kind: 'day_off'; task: number; unit: string; asked: LocalDate; deadline: LocalDate; holiday?: string }
  | { kind: 'past'; task: number; unit: string; deadline: LocalDate; today: LocalDate }
  | { kind: 'provisional'; task: number; unit: string; deadline: LocalDate };

/**
 * The notes on each planned task, in task order; `task` is the task's index in the directive.
 * Only a date the office wrote can land on a day off: a count of working days never does.
 */
export function deadlineNotes(
  planned: readonly PlannedTask[],
  indexOf: (unit: string) => number,
  today: LocalDate,
  calendar: WorkingCalendar,
): DeadlineNote[] {
  const notes: DeadlineNote[] = [];
  for (const p of planned) {
    const task = indexOf(p.spec.unit);
    const base = { task, unit: p.spec.unit };
    const asked = 'date' in p.spec.deadline && !p.cycle ? p.spec.deadline.date : undefined;
    if (asked && p.spec.role !== 'support' && asked !== p.deadline)
      notes.push({ kind: 'day_off', ...base, asked, deadline: p.deadline, holiday: calendar.holidayName(asked) });
    if (p.deadline < today) notes.push({ kind: 'past', ...base, deadline: p.deadline, today });
    if (calendar.isProvisional(p.deadline)) notes.push({ kind: 'provisional', ...base, deadline: p.deadline });
  }
  return notes;
}

export const hasPast = (notes: readonly DeadlineNote[]): boolean => notes.some((n) => n.kind === 'past');

const WEEKDAYS = {
  vi: ['Chủ nhật', 'thứ Bảy'],
  en: ['a Sunday', 'a Saturday'],
};

/** Why a day is off, in words: the holiday's name, or the weekend day. */
function dayOff(d: LocalDate, holiday: string | undefined, lang: Lang): string {
  const weekend = WEEKDAYS[lang][weekday(d) === 0 ? 0 : 1];
  if (lang === 'vi') return holiday ? `ngày nghỉ ${holiday}` : weekend;
  return holiday ? `a day off (${holiday})` : weekend;
}

/** One note as a sentence, e.g. "15/02/2027 là ngày nghỉ Tết Nguyên đán: hạn chuyển sang 17/02/2027". */
export function describeNote(n: DeadlineNote, lang: Lang): string {
  const d = (x: LocalDate) => (lang === 'vi' ? formatDateShortVi(x) : formatDate(x, 'en'));
  switch (n.kind) {
    case 'day_off':
      return lang === 'vi'
        ? `${d(n.asked)} là ${dayOff(n.asked, n.holiday, lang)}: hạn chuyển sang ${d(n.deadline)}`
        : `${d(n.asked)} is ${dayOff(n.asked, n.holiday, lang)}: the deadline moves to ${d(n.deadline)}`;
    case 'past':
      return lang === 'vi'
        ? `thời hạn ${d(n.deadline)} đã qua (hôm nay là ${d(n.today)})`
        : `the deadline ${d(n.deadline)} has passed (today is ${d(n.today)})`;
    case 'provisional':
      return lang === 'vi'
        ? `thời hạn ${d(n.deadline)} là dự kiến: lịch nghỉ năm ${n.deadline.slice(0, 4)} chưa được công bố`
        : `the deadline ${d(n.deadline)} is provisional: the days off of ${n.deadline.slice(0, 4)} are not announced yet`;
  }
}
