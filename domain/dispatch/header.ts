// The opening of a dispatch, before its numbered sections: issuing body, "Số:", place and date,
// "V/v" subject, "Kính gửi" recipients. A news item that carries a dispatch says the same in one
// sentence ("ngày 21/12/2022 UBND tỉnh … ban hành Công văn số 524/UBND-VP9 về việc …").
import { DATE, capitalize, dateFromGroups, stripBullet, BULLET, type Line, type ParsedDate } from './text';
import { DispatchError } from './types';
import { foldVi } from '../units';

export interface Located<T> {
  value: T;
  line: number;
}

export interface Header {
  /** The "Số:" field: `number` is undefined when left blank ("Số: /STTTT-TTBCXB"). */
  number?: Located<{ number?: string; raw: string }>;
  /** Upper-case lines above the national motto, the issuing body last ("UBND TỈNH KON TUM", "SỞ …"). */
  issuerLines: Located<string>[];
  place?: string;
  issuedOn?: Located<ParsedDate | undefined>;
  subject?: Located<string>;
  recipients: Located<string>[];
  confidential: boolean;
  /** The last line the opening was read from; the sections are expected after it. */
  lastLine: number;
  /** The line of a news item's sentence that carried the number ("… ban hành Công văn số …"): its own text may assign. */
  sentenceLine?: number;
}

const KINDS = 'cong van|ke hoach|quyet dinh|chi thi|van ban|thong bao|huong dan|chuong trinh';
const PROSE = new RegExp(
  String.raw`ngay\s+(?:${DATE})\s*,?\s+((?:(?!ngay\s+\d).){3,90}?)\s+(?:da\s+|vua\s+)?(?:ban hanh|co)\s+(?:${KINDS})\s+(?:so\s+)?(\d{1,6}/[^\s,;:]+)(.*)$`,
  'd',
);
// The national motto, also as a table copy breaks it ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
const MOTTO =
  /^(cong hoa xa hoi chu nghia viet nam|(?:cong hoa )?xa hoi$|(?:hoa xa hoi )?chu nghia viet nam|cong$|doc lap\s*[-–—]\s*tu do\s*[-–—]\s*hanh phuc)/;
const TITLE = /^(ke hoach|cong van|chi thi|thong bao|quyet dinh|chuong trinh)$/;
const CLEAN_NUMBER = (s: string) => s.replace(/(\d)\s+\//, '$1/').replace(/[.\-/]+$/, '');
// Where a subject written without a blank line after it ends: the authority, the bases, the articles.
const SUBJECT_END =
  /^(?:can cu|thuc hien|theo de nghi|xet de nghi|quyet dinh:?$|uy ban nhan dan (?:tinh|thanh pho)|chu tich|bo truong|giam doc|dieu \d|\d{1,2}[.)]\s|[|*-]|[ivx]{1,4}\.\s)/;

function nextText(lines: Line[], i: number): Line | undefined {
  return lines.slice(i + 1, i + 3).find((l) => l.text && !/^[|-]+$/.test(l.text));
}

/** "Bình Định, ngày" / "29 tháng 04 năm 2021", or "Sơn" / "La, ngày 16 tháng 11" / "năm 2018", as a table copy breaks it. */
function readSplitDate(lines: Line[], i: number): { place: string; date?: ParsedDate } | undefined {
  const line = lines[i];
  if (!line.text || line.text.length > 40 || /^số\s*:/i.test(line.text)) return undefined;
  let text = line.text;
  for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
    if (!lines[k].text) continue;
    text = `${text} ${lines[k].text}`;
    const joined = { no: line.no, text, folded: foldVi(text) };
    const dated = readPlaceDate(joined, text);
    if (dated?.date) return dated;
  }
  return undefined;
}

export function readHeader(lines: Line[]): Header {
  const header: Header = { issuerLines: [], recipients: [], confidential: false, lastLine: 0 };
  const upper: Located<string>[] = [];
  let formal = false;
  let inBody = false;
  const mark = (line: Line) => (header.lastLine = Math.max(header.lastLine, line.no));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = line.folded;
    const number = /^so\s*:\s*(.*)$/.exec(f);
    const rest = number ? line.text.slice(f.length - number[1].length) : line.text;
    if (number) {
      if (header.number)
        throw new DispatchError(
          line.no,
          `a second "Số:" line (the first is on line ${header.number.line}); import one dispatch at a time`,
        );
      // A header copied from a table puts the number on the line below "Số:".
      const below = !rest.replace(/^số\s*:?\s*/i, '').trim() ? nextText(lines, i) : undefined;
      const own = below && /^\d{1,6}\s*\/\S/.test(below.text) ? below : undefined;
      header.number = { value: readNumber(own ? own.text.replace(/^(\d+)\s+\//, '$1/') : rest), line: line.no };
      formal = true;
      mark(own ?? line);
    }
    // Past the first numbered section only a second "Số:" (a second dispatch) still counts.
    if (header.lastLine && /^(\d{1,2}[.)]|[IVX]{1,4}\.)(\s|$)/.test(line.text)) inBody = true;
    if (inBody) continue;
    const inLine = readPlaceDate(line, number ? rest.split(' ').slice(1).join(' ') : line.text);
    const dated = inLine?.date ? inLine : (readSplitDate(lines, i) ?? inLine);
    if (dated) {
      header.place = dated.place;
      header.issuedOn = { value: dated.date, line: line.no };
      mark(line);
    }
    if (/^(v\/v|ve viec)\b/.test(f) || (TITLE.test(f) && line.text === line.text.toLocaleUpperCase('vi'))) {
      const parts = TITLE.test(f) ? [] : [line.text.replace(/^(V\/v|Về việc)\s*:?\s*/i, '')];
      let j = i + 1;
      // "QUYẾT ĐỊNH", a blank line, then the subject.
      if (TITLE.test(f)) while (j < lines.length && j < i + 3 && !lines[j].text) j++;
      for (
        ;
        j < lines.length &&
        j < i + 5 &&
        lines[j].text &&
        !isMarker(lines[j].folded) &&
        !SUBJECT_END.test(lines[j].folded);
        j++
      )
        parts.push(lines[j].text);
      if (parts.join('')) header.subject = { value: capitalize(parts.join(' ').replace(/[.;,]+$/, '')), line: line.no };
      mark(lines[j - 1]);
      i = j - 1;
      continue;
    }
    if (/^kinh gui\b/.test(f)) {
      i = readRecipients(header, lines, i);
      mark(lines[i]);
      continue;
    }
    if (/^(mat|toi mat|tuyet mat)$/.test(f)) header.confidential = true;
    const left = line.text.split(/CỘNG HÒA|CỘNG HOÀ|Độc lập/)[0].trim();
    if (left !== line.text.trim() || MOTTO.test(f)) formal = true;
    if (
      !header.number &&
      !header.subject &&
      !MOTTO.test(foldVi(left)) &&
      left &&
      left === left.toLocaleUpperCase('vi') &&
      /\p{Lu}{2}/u.test(left)
    ) {
      if (!/^(mat|toi mat|tuyet mat|khan|thuong khan|hoa toc)$/.test(f)) upper.push({ value: left, line: line.no });
    }
    if (MOTTO.test(f)) mark(line);
    if (!header.number) readProse(header, line);
  }
  // Upper-case lines name the issuing body only in a formal header, above "Số:" or the motto.
  if (formal) header.issuerLines = upper;
  if (!header.number) readCitation(header, lines);
  if (!header.recipients.length) readNewsRecipients(header, lines);
  return header;
}

// A news item names the recipients in its opening sentence: "… ban hành công văn số 1232/UBND-VP gửi
// các sở, ngành trực thuộc UBND tỉnh; UBND các huyện, thành phố, thị xã về việc …".
const SENT_TO = /(?:ban hanh|co|gui)\s+(?:van ban|cong van)(?:\s+so\s+\S+)?\s+gui\s+(.{3,300}?)\s+ve viec\b/d;

function readNewsRecipients(header: Header, lines: Line[]) {
  for (const line of lines.slice(0, 40)) {
    const m = SENT_TO.exec(line.folded);
    if (!m?.indices) continue;
    const names = line.text.slice(m.indices[1][0], m.indices[1][1]);
    for (const r of names.split(';')) addRecipient(header, r, line);
    return;
  }
}

// A page quoting a dispatch names it at the foot: "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)",
// "Nguồn: Công văn số 86549/UBND-NCKS".
const CITATION = new RegExp(
  String.raw`(?:^|\(|\s)(?:theo|nguon\s*:?(?:\s*tu)?|toan van|ban hanh)\s+(?:${KINDS})\s+(?:so\s+)?(\d{1,6}\s*/[^\s,;:)]+)(?:\s*,?\s*ngay\s+(?:${DATE}))?`,
  'd',
);

function readCitation(header: Header, lines: Line[]) {
  for (const line of lines) {
    const m = CITATION.exec(line.folded);
    if (!m?.indices) continue;
    const raw = line.text.slice(m.indices[1][0], m.indices[1][1]);
    header.number = { value: { number: CLEAN_NUMBER(raw), raw }, line: line.no };
    const groups = [2, 3, 4, 5, 6, 7].filter((g) => m.indices![g]);
    if (groups.length && !header.issuedOn) {
      const rawDate = line.text.slice(m.indices[groups[0]][0], m.indices[groups[groups.length - 1]][1]);
      header.issuedOn = { value: dateFromGroups(m.slice(2, 8), rawDate), line: line.no };
    }
    return;
  }
}

/** "Kính gửi: A; B" on one line, or one recipient a line below it, each opened by a dash. */
function readRecipients(header: Header, lines: Line[], at: number): number {
  const rest = lines[at].text.replace(/^kính gửi\s*:?\s*/i, '');
  for (const r of rest ? rest.split(';') : []) addRecipient(header, r, lines[at]);
  let j = at + 1;
  for (; j < lines.length && (!lines[j].text || BULLET.test(lines[j].text)); j++)
    if (lines[j].text) addRecipient(header, stripBullet(lines[j].text), lines[j]);
  if (!header.recipients.length && j < lines.length && lines[j].text.length < 120 && !/[:.]$/.test(lines[j].text)) {
    addRecipient(header, lines[j].text, lines[j]);
    j++;
  }
  return j - 1;
}

function isMarker(f: string): boolean {
  return /^(so\s*:|kinh gui|v\/v|noi nhan)/.test(f) || MOTTO.test(f);
}

function addRecipient(header: Header, text: string, line: Line) {
  const value = text
    .trim()
    .replace(/[;.,]+$/, '')
    .trim();
  if (value) header.recipients.push({ value, line: line.no });
}

/** "524/UBND-VP9" → the number; "/STTTT-TTBCXB", "…/KH-UBND" or nothing → left blank. */
function readNumber(rest: string): { number?: string; raw: string } {
  // "3478 /BTTTT-VP": a space before the slash is a typing slip, not the end of the number.
  const raw =
    rest
      .trim()
      .replace(/^(\d+)\s+\//, '$1/')
      .split(' ')[0] ?? '';
  if (!raw || /^[./…_\s]*\//.test(raw) || /^[.…_]+$/.test(raw)) return { raw };
  return { number: CLEAN_NUMBER(raw), raw };
}

/** "Kon Tum, ngày 05 tháng 5 năm 2023" (or the blank "Kon Tum, ngày tháng năm" of a draft). */
function readPlaceDate(line: Line, text: string): { place: string; date?: ParsedDate } | undefined {
  // "Kon Tum", "Thành phố Hồ Chí Minh", "Phan Rang-Tháp Chàm".
  const m = /^(\p{Lu}[\p{L}'.]*(?:(?:\s|\s?-\s?)(?:\p{Lu}[\p{L}']*|phố)){0,5})\s*,\s*ngày\b(.*)$/u.exec(text);
  if (!m) return undefined;
  const f = line.folded.slice(line.text.length - m[2].length);
  const d = new RegExp(String.raw`^\s*(?:${DATE})`).exec(f);
  return {
    place: m[1],
    date: d
      ? dateFromGroups(d.slice(1), line.text.slice(line.text.length - m[2].length).slice(0, d[0].length))
      : undefined,
  };
}

function readProse(header: Header, line: Line) {
  const m = PROSE.exec(line.folded);
  if (!m?.indices) return;
  const original = (g: number) => line.text.slice(m.indices![g][0], m.indices![g][1]);
  header.number = { value: { number: CLEAN_NUMBER(original(8)), raw: original(8) }, line: line.no };
  const dateGroups = [1, 2, 3, 4, 5, 6].filter((g) => m.indices![g]);
  const rawDate = line.text.slice(m.indices[dateGroups[0]][0], m.indices[dateGroups[dateGroups.length - 1]][1]);
  header.issuedOn = { value: dateFromGroups(m.slice(1, 7), rawDate), line: line.no };
  header.issuerLines = [{ value: original(7), line: line.no }];
  const subject = /^\s*,?\s*(?:ve viec\s+)?(.+?)(?:,?\s*(?:cu the\s+)?nhu sau\s*:?\s*|[.:]\s*)?$/d.exec(m[9]);
  if (subject?.indices?.[1]) {
    const start = m.indices[9][0] + subject.indices[1][0];
    header.subject = { value: capitalize(line.text.slice(start, start + subject[1].length)), line: line.no };
  }
  header.lastLine = Math.max(header.lastLine, line.no);
  header.sentenceLine = line.no;
}
