// Lines of a dispatch as the other readers see them: NFC, single spaces, with their line numbers,
// and the Vietnamese ways of writing a date.
import { foldVi } from '../units';
import { LocalDateSchema } from '../schemas';
import { DispatchError } from './types';

export interface Line {
  no: number;
  text: string;
  /** `text` folded (lower case, no diacritics), character for character, for matching cues. */
  folded: string;
}

/** The largest text the importer reads: a dispatch is tens of kilobytes; this bounds the work of one request. */
export const MAX_TEXT_KB = 512;

/** The size of a text in UTF-8, as a file or a form field carries it. */
function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function toLines(text: unknown): Line[] {
  if (typeof text !== 'string') throw new DispatchError(1, 'expected the text of a dispatch');
  // Checked before any other work: a cheap upper bound first, the exact size only when near it.
  const bytes = text.length * 3 <= MAX_TEXT_KB * 1024 ? text.length : utf8Bytes(text);
  if (bytes > MAX_TEXT_KB * 1024)
    throw new DispatchError(
      1,
      `the text is larger than ${MAX_TEXT_KB} KB (${Math.ceil(bytes / 1024)} KB); import one dispatch at a time`,
    );
  if (/^(%PDF-|PK\u0003\u0004|\u00d0\u00cf\u0011\u00e0)/.test(text))
    throw new DispatchError(1, 'this is a PDF or Word file, not text; paste the text of the dispatch');
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines = raw.map((line, i) => {
    const control = /[\u0000-\u0008\u000e-\u001f]/.exec(line);
    if (control)
      throw new DispatchError(
        i + 1,
        `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}; is this a binary file?`,
      );
    // Bytes that are not UTF-8 (a file saved as Windows-1258 or TCVN3) arrive as U+FFFD: the names in it would be garbled.
    if (line.includes('\uFFFD'))
      throw new DispatchError(
        i + 1,
        'the text is not valid UTF-8; save the file as UTF-8 (Unicode) and import it again',
      );
    const clean = line
      .normalize('NFC')
      .replace(/[\u200b-\u200d\u2060]/g, '')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim();
    return { no: i + 1, text: clean, folded: foldVi(clean) };
  });
  if (!lines.some((l) => l.text)) throw new DispatchError(1, 'the text is empty');
  return lines;
}

/** A date as dispatches write it, in folded text: "14/9/2022", "14-9-2022", "14 thang 9 nam 2022". */
export const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})`;

export type ParsedDate = { iso: string } | { invalid: string };

/** Reads the groups of a DATE match; an impossible day ("31/2/2024") comes back as invalid. */
export function dateFromGroups(g: Array<string | undefined>, raw: string): ParsedDate {
  const [d, m, y] = g[0] ? [g[0], g[1], g[2]] : [g[3], g[4], g[5]];
  return isoDate(Number(y), Number(m), Number(d)) ?? { invalid: raw.trim() };
}

export function isoDate(year: number, month: number, day: number): { iso: string } | undefined {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return LocalDateSchema.safeParse(iso).success ? { iso } : undefined;
}

/** "Sở Tư pháp" → "Sở Tư pháp"; "triển khai…" → "Triển khai…". */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** Bullets that open a list item: "-", "–", "—", "+", "*", "•". */
export const BULLET = /^([-–—+*•])\s+/;

export function stripBullet(s: string): string {
  return s.replace(BULLET, '');
}
