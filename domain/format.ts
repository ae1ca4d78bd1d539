// How dates, numbers and deadlines are written in dondoc's Vietnamese and English texts.
// Plain arithmetic only: no Intl, no host time zone, so every machine writes the same words.
import type { LocalDate } from './schemas';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** Vietnam has kept UTC+7 all year since 1975, so a fixed offset is exact for dondoc's dates. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Month names in English, January first. */
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function partsOf(d: LocalDate): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (
    !parts ||
    parts.month < 1 ||
    parts.month > 12 ||
    parts.day < 1 ||
    parts.day > daysInMonth(parts.year, parts.month)
  ) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  }
  return parts;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 05 tháng 01 năm 2023", as in the date line of an administrative document.
 * Nghị định 30/2020/NĐ-CP (Phụ lục I) writes a day below 10 and the months 1 and 2 with a
 * leading zero, so nobody can turn "1" into "11" or "12"; March to September need none,
 * since there is no month 13: "ngày 05 tháng 3 năm 2023", "ngày 21 tháng 12 năm 2022".
 */
export function formatDateVi(d: LocalDate): string {
  const { year, month, day } = partsOf(d);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** "05/01/2023": the compact form used in tables and subjects, always two-digit day and month. */
export function formatDateShortVi(d: LocalDate): string {
  const { year, month, day } = partsOf(d);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "5 January 2023". */
export function formatDateEn(d: LocalDate): string {
  const { year, month, day } = partsOf(d);
  return `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** A date in running text: "ngày 21 tháng 12 năm 2022" or "21 December 2022". */
export function formatDate(d: LocalDate, lang: Lang): string {
  return lang === 'vi' ? formatDateVi(d) : formatDateEn(d);
}

/** The calendar day in Vietnam at an instant (epoch milliseconds). */
export function localDateAt(ms: number): LocalDate {
  const t = shiftToVietnam(ms);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** An instant in Vietnam time: "14:05 ngày 21/12/2022" or "14:05, 21 December 2022 (UTC+7)". */
export function formatDateTime(ms: number, lang: Lang): string {
  const t = shiftToVietnam(ms);
  const clock = `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
  const day = localDateAt(ms);
  return lang === 'vi' ? `${clock} ngày ${formatDateShortVi(day)}` : `${clock}, ${formatDateEn(day)} (UTC+7)`;
}

/** "2026-12-03 08:00": an instant as Vietnam's clock shows it, for a spreadsheet cell. */
export function localDateTimeAt(ms: number): string {
  const t = shiftToVietnam(ms);
  return `${localDateAt(ms)} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}

function shiftToVietnam(ms: number): Date {
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${ms}`);
  return new Date(ms + VIETNAM_OFFSET_MS);
}

/**
 * "20.000" and "12,5" in Vietnamese, "20,000" and "12.5" in English.
 * Indicator values are counts or simple measures; three decimals are plenty.
 */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) throw new RangeError(`not a printable number: ${n}`);
  const [thousands, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const [whole, fraction] = Math.abs(n)
    .toFixed(3)
    .replace(/\.?0+$/, '')
    .split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const sign = n < 0 && (whole !== '0' || fraction) ? '-' : '';
  return sign + grouped + (fraction ? decimal + fraction : '');
}

export function formatNumberVi(n: number): string {
  return formatNumber(n, 'vi');
}

/**
 * How far a deadline is, in working days: positive ahead, 0 on the day, negative past it.
 * "còn 3 ngày làm việc", "hạn chót là hôm nay", "quá hạn 2 ngày làm việc".
 */
export function workingDaysPhrase(n: number, lang: Lang): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  const count = Math.abs(n);
  if (lang === 'vi') {
    if (n === 0) return 'hạn chót là hôm nay';
    return n > 0 ? `còn ${count} ngày làm việc` : `quá hạn ${count} ngày làm việc`;
  }
  if (n === 0) return 'due today';
  const days = count === 1 ? '1 working day' : `${count} working days`;
  return n > 0 ? `${days} left` : `${days} overdue`;
}
