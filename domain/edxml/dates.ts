// Dates as edXML writes them: days as yyyy/MM/dd, instants as yyyy/MM/dd HH:mm:ss in Vietnam's
// time. Some systems write dd/MM/yyyy or ISO days; they are read too.
import { VIETNAM_UTC_OFFSET_MS } from '../local-date';
import { LocalDateSchema, type LocalDate } from '../schemas';
import type { DocumentCode } from './schemas';

const FORMS: { re: RegExp; ymd: (m: RegExpExecArray) => [string, string, string] }[] = [
  { re: /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T].*)?$/, ymd: (m) => [m[1], m[2], m[3]] },
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T].*)?$/, ymd: (m) => [m[3], m[2], m[1]] },
];

/** The day a date of a package names, or undefined when it is not a real calendar date. */
export function readEdxmlDate(text: string): LocalDate | undefined {
  for (const form of FORMS) {
    const m = form.re.exec(text.trim());
    if (!m) continue;
    const [y, mo, d] = form.ymd(m);
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    return LocalDateSchema.safeParse(iso).success ? iso : undefined;
  }
  return undefined;
}

export const writeEdxmlDate = (d: LocalDate): string => d.replaceAll('-', '/');

/** An instant as `yyyy/MM/dd HH:mm:ss`, Vietnam's local time (UTC+7, no daylight saving). */
export function edxmlTimestamp(ms: number): string {
  const iso = new Date(ms + VIETNAM_UTC_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`;
}

/** The regulation's document id: "{OrganId},{yyyy/MM/dd},{number}/{notation}". */
export const documentIdOf = (organId: string, date: LocalDate, code: DocumentCode): string =>
  `${organId},${writeEdxmlDate(date)},${code.number}/${code.notation}`;

/** "524/UBND-VP9" → number 524, notation UBND-VP9. */
export function codeOf(documentNumber: string): DocumentCode {
  const slash = documentNumber.indexOf('/');
  return { number: documentNumber.slice(0, slash), notation: documentNumber.slice(slash + 1) };
}
