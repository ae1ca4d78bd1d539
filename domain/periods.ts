// Periodic reporting cycles under Nghị định 09/2019/NĐ-CP (Art. 12): data are cut off from the
// 15th of the month before the period to the 14th of the period's last month, so that the report
// can be written and sent while the period is still fresh.
//
// Due date: the first day numbered `dueDay` after the cut-off. A due day of 15-28 therefore falls
// in the cut-off month itself (the usual "gửi trước ngày 20 của tháng cuối kỳ"), a due day of
// 1-14 in the month after it. This is the nominal date; a due date on a day off moves to the next
// working day like any deadline (resolveDeadline).
import { MONTHS_EN } from './format';
import { localDate, type LocalDate } from './local-date';
import type { Period, ReportingSchedule } from './schemas';

export interface Cycle {
  /** '2023-M01', '2023-Q1', '2023-H1' or '2023-Y': stable, part of workflow ids. */
  key: string;
  label: { vi: string; en: string };
  /** First and last day of the data the report covers. */
  from: LocalDate;
  to: LocalDate;
  due: LocalDate;
}

type Periodic = Extract<ReportingSchedule, { kind: 'periodic' }>;

const MONTHS_IN: Record<Period, number> = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 };
const KEY_LETTER: Record<Period, string> = { monthly: 'M', quarterly: 'Q', 'half-yearly': 'H', yearly: 'Y' };
const ROMAN = ['I', 'II', 'III', 'IV'];

/** A day of a month counted from January of `year`; month 0 is December of the year before. */
function dayOfMonth(year: number, month: number, day: number): LocalDate {
  const index = year * 12 + (month - 1);
  return localDate(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, day);
}

function keyOf(period: Period, year: number, n: number): string {
  if (period === 'yearly') return `${year}-Y`;
  return `${year}-${KEY_LETTER[period]}${period === 'monthly' ? String(n).padStart(2, '0') : n}`;
}

function labelOf(period: Period, year: number, n: number): Cycle['label'] {
  switch (period) {
    case 'monthly':
      return { vi: `Tháng ${n}/${year}`, en: `${MONTHS_EN[n - 1]} ${year}` };
    case 'quarterly':
      return { vi: `Quý ${ROMAN[n - 1]}/${year}`, en: `Q${n} ${year}` };
    case 'half-yearly':
      return n === 1
        ? { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` }
        : { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
    case 'yearly':
      return { vi: `Năm ${year}`, en: `Year ${year}` };
  }
}

/** The n-th cycle of `year` (1-based). */
function cycleOf(period: Period, dueDay: number, year: number, n: number): Cycle {
  const lastMonth = n * MONTHS_IN[period];
  const firstMonth = lastMonth - MONTHS_IN[period] + 1;
  return {
    key: keyOf(period, year, n),
    label: labelOf(period, year, n),
    from: dayOfMonth(year, firstMonth - 1, 15),
    to: dayOfMonth(year, lastMonth, 14),
    due: dueDay > 14 ? dayOfMonth(year, lastMonth, dueDay) : dayOfMonth(year, lastMonth + 1, dueDay),
  };
}

/** Cycles in order, starting with the first of `year`. */
function* cyclesFrom(s: Periodic, year: number, n = 1): Generator<Cycle> {
  const perYear = 12 / MONTHS_IN[s.period];
  for (let y = year, i = n; ; i++) {
    if (i > perYear) [y, i] = [y + 1, 1];
    yield cycleOf(s.period, s.dueDay, y, i);
  }
}

/** Every cycle of the schedule whose due date lies within [from, until]. */
export function reportingCycles(schedule: ReportingSchedule): Cycle[] {
  if (schedule.kind !== 'periodic') return [];
  const out: Cycle[] = [];
  // A cycle due early in `from`'s year may belong to the year before.
  for (const c of cyclesFrom(schedule, Number(schedule.from.slice(0, 4)) - 1)) {
    if (c.due > schedule.until) break;
    if (c.due >= schedule.from) out.push(c);
  }
  return out;
}

/** The cycle of the schedule that follows `key`, or undefined when the schedule has ended. */
export function cycleAfter(schedule: ReportingSchedule, key: string): Cycle | undefined {
  if (schedule.kind !== 'periodic') return undefined;
  const m = /^(\d{4})-(?:M(\d{2})|Q([1-4])|H([12])|(Y))$/.exec(key);
  const letter = m ? (m[2] ? 'M' : m[3] ? 'Q' : m[4] ? 'H' : 'Y') : undefined;
  if (!m || letter !== KEY_LETTER[schedule.period] || (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12))) {
    throw new RangeError(`${JSON.stringify(key)} is not a ${schedule.period} cycle key`);
  }
  const year = Number(m[1]);
  const n = Number(m[2] ?? m[3] ?? m[4] ?? 1);
  const cycles = cyclesFrom(schedule, year, n);
  cycles.next();
  for (const c of cycles) {
    if (c.due > schedule.until) return undefined;
    if (c.due >= schedule.from) return c;
  }
  return undefined;
}
