// The periods a scorecard covers, as the emulation review (thi đua) counts them: a month, a
// quarter or a year, named in a query by "2026-03", "2026-Q1" or "2026". A task belongs to the
// period its deadline in force falls in.
import { addDays, localDate, localDateOf, type LocalDate } from './local-date';

export type ScorePeriodKind = 'month' | 'quarter' | 'year';

export interface ScorePeriod {
  key: string;
  kind: ScorePeriodKind;
  first: LocalDate;
  last: LocalDate;
  label: { vi: string; en: string };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const SCORE_PERIOD_HINT = 'expected a month (2026-03), a quarter (2026-Q1) or a year (2026)';
export const SCORE_PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** The last day of the month `months` months after January of `year` (month 1 is January). */
const lastDayOf = (year: number, month: number): LocalDate =>
  addDays(month === 12 ? localDate(year + 1, 1, 1) : localDate(year, month + 1, 1), -1);

export function scorePeriod(key: string): ScorePeriod {
  const m = SCORE_PERIOD.exec(key);
  if (!m) throw new RangeError(`period: ${SCORE_PERIOD_HINT}`);
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return {
      key,
      kind: 'month',
      first: localDate(year, month, 1),
      last: lastDayOf(year, month),
      label: { vi: `Tháng ${month}/${year}`, en: `${MONTHS_EN[month - 1]} ${year}` },
    };
  }
  if (m[3]) {
    const q = Number(m[3]);
    return {
      key,
      kind: 'quarter',
      first: localDate(year, q * 3 - 2, 1),
      last: lastDayOf(year, q * 3),
      label: { vi: `Quý ${ROMAN[q - 1]}/${year}`, en: `Q${q} ${year}` },
    };
  }
  return {
    key,
    kind: 'year',
    first: localDate(year, 1, 1),
    last: localDate(year, 12, 31),
    label: { vi: `Năm ${year}`, en: `${year}` },
  };
}

/** The period of a kind that contains `now`: this month, this quarter or this year. */
export function currentPeriod(kind: ScorePeriodKind, now: number): ScorePeriod {
  const today = localDateOf(now);
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (kind === 'month') return scorePeriod(today.slice(0, 7));
  if (kind === 'quarter') return scorePeriod(`${year}-Q${Math.ceil(month / 3)}`);
  return scorePeriod(year);
}

export const inPeriod = (p: ScorePeriod, day: LocalDate): boolean => day >= p.first && day <= p.last;
