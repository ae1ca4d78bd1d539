// The body of a dispatch: its numbered sections, one per recipient, and what comes after them.
// Plans ("Kế hoạch") put the sections under a Roman part ("III. TỔ CHỨC THỰC HIỆN"); the part
// whose headings name units is the one that assigns tasks.
import { BULLET, type Line } from './text';
import { say } from './questions';
import { DispatchError, type AskedQuestion } from './types';

export interface Paragraph {
  line: number;
  text: string;
  /** 0 plain text, 1 a dash item ("- …"), 2 a sub-item ("+ …", "* …"). */
  level: number;
}

export interface Section {
  /** As written: "1", "a". */
  number: string;
  line: number;
  heading: string;
  paragraphs: Paragraph[];
}

export interface Body {
  sections: Section[];
  /** Text after the sections and before "Nơi nhận": the closing request, later parts ("IV. CHẾ ĐỘ BÁO CÁO"). */
  closing: Paragraph[];
  footnotes: Paragraph[];
  /** Text that assigns in prose: the whole body when no section heading names a unit, else the sections that name none. */
  prose: Paragraph[];
  /** Lines before the first numbered or Roman line: the opening and preamble. */
  openingEnd: number;
  questions: AskedQuestion[];
}

export interface BodyRules {
  /** Whether a section heading names a unit of the directory. */
  namesUnit(heading: string): boolean;
  /** Whether a plain paragraph of the last section closes the dispatch ("Sở … đề nghị các sở, ban, ngành …"). */
  closes(text: string, afterOtherParagraphs: boolean): boolean;
}

type Style = 'dot' | 'paren' | 'letter';
const NUMBERED: Array<[Style, RegExp]> = [
  ['dot', /^(\d{1,2})\.(?!\d)\s*(.*)$/],
  ['paren', /^(\d{1,2})\)\s*(.*)$/],
  ['letter', /^([a-zđ])\)\s*(.*)$/u],
];
const ROMAN = /^(I{1,3}|IV|VI{0,3}|IX|XI{0,3})[.)]\s*(.*)$/;
const FOOTNOTE = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*/;
const LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');

function numbered(text: string): { style: Style; number: string; rest: string } | undefined {
  for (const [style, re] of NUMBERED) {
    const m = re.exec(text);
    if (m) return { style, number: m[1], rest: m[2].trim() };
  }
  return undefined;
}

export function readBody(lines: Line[], openingLast: number, rules: BodyRules, proseFrom = openingLast + 1): Body {
  const footnotes = lines.filter((l) => FOOTNOTE.test(l.text)).map((l) => ({ line: l.no, text: l.text, level: 0 }));
  const flow = lines.filter((l) => l.no > openingLast && !FOOTNOTE.test(l.text));
  const firstStructural = flow.find((l) => numbered(l.text) || ROMAN.test(l.text));
  const trailer = trailerStart(
    lines.filter((l) => l.no >= proseFrom && !FOOTNOTE.test(l.text)),
    proseFrom,
  );
  const wholeProse = () =>
    paragraphsOf(lines.filter((l) => l.no >= proseFrom && l.no < trailer && !FOOTNOTE.test(l.text)));
  const empty = { sections: [], closing: [], footnotes, questions: [] };
  if (!firstStructural) return { ...empty, prose: wholeProse(), openingEnd: expectedAt(lines, openingLast) };
  const end = trailerStart(flow, firstStructural.no);
  const body = flow.filter((l) => l.no >= firstStructural.no && l.no < end);

  // Split into Roman parts; take the part whose section headings name the most units.
  const parts: Line[][] = [[]];
  for (const l of body) {
    if (ROMAN.test(l.text) && parts[parts.length - 1].length) parts.push([l]);
    else parts[parts.length - 1].push(l);
  }
  let best = { score: 0, index: -1, sections: [] as Section[] };
  parts.forEach((part, index) => {
    const sections = sectionsOf(part);
    const score = sections.filter((s) => rules.namesUnit(s.heading)).length;
    if (sections.length && score > 0 && score >= best.score) best = { score, index, sections };
  });
  // No heading names a unit ("1. Tổ chức cuộc họp …; 2. Giao Bộ Tư pháp …"): the body is prose.
  if (best.index < 0) return { ...empty, prose: wholeProse(), openingEnd: firstStructural.no };

  const last = best.sections[best.sections.length - 1];
  const cut = last.paragraphs.findIndex((p, i) => p.level === 0 && rules.closes(p.text, i > 0));
  const closing = cut >= 0 ? last.paragraphs.splice(cut) : [];
  // Sections whose heading names no unit are read as prose.
  const sections = best.sections.filter((s) => rules.namesUnit(s.heading));
  const prose = best.sections
    .filter((s) => !rules.namesUnit(s.heading))
    .flatMap((s) => [{ line: s.line, text: s.heading, level: 0 }, ...s.paragraphs]);
  for (const part of parts.slice(best.index + 1)) closing.push(...paragraphsOf(part));
  return {
    sections,
    closing,
    footnotes,
    prose,
    openingEnd: firstStructural.no,
    questions: numberingQuestions(best.sections),
  };
}

function expectedAt(lines: Line[], openingLast: number): number {
  return lines.find((l) => l.no > openingLast && l.text)?.no ?? Math.max(openingLast, 1);
}

// The body ends at "Nơi nhận:", a signature block ("KT. GIÁM ĐỐC") or just after the "./." mark.
function trailerStart(flow: Line[], from: number): number {
  for (const l of flow) {
    if (l.no < from) continue;
    if (/^(noi nhan\b|\**(tm|kt|tl|tuq)\.\s)/.test(l.folded)) return l.no;
    if (/\.\/\.\s*$/.test(l.text)) return l.no + 1;
  }
  return Number.MAX_SAFE_INTEGER;
}

function sectionsOf(part: Line[]): Section[] {
  const lines = ROMAN.test(part[0]?.text ?? '') ? part.slice(1) : part;
  const style = lines.map((l) => numbered(l.text)).find(Boolean)?.style;
  if (!style) return [];
  const sections: Section[] = [];
  let current: { section: Section; lines: Line[] } | undefined;
  const close = () => current && current.section.paragraphs.push(...paragraphsOf(current.lines));
  for (const l of lines) {
    const n = numbered(l.text);
    if (n?.style !== style) {
      if (current) current.lines.push(l);
      continue;
    }
    close();
    current = { section: { number: n.number, line: l.no, heading: n.rest, paragraphs: [] }, lines: [] };
    sections.push(current.section);
  }
  close();
  // A heading broken onto the next line ("3." then "Sở Tư pháp") is read from there.
  for (const s of sections) {
    if (s.heading) continue;
    const next = s.paragraphs.shift();
    if (!next) throw new DispatchError(s.line, `section ${s.number} is empty`);
    s.heading = next.text;
  }
  return sections;
}

/** Lines to paragraphs; a line that starts in lower case continues the one before it. */
function paragraphsOf(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let previous: Line | undefined;
  for (const l of lines) {
    if (!l.text) {
      previous = undefined;
      continue;
    }
    const bullet = BULLET.exec(l.text)?.[1];
    const level = !bullet ? 0 : '-–—•'.includes(bullet) ? 1 : 2;
    // A line that starts in lower case, or follows one that stops mid-sentence (a text copied from a
    // table or a PDF keeps its line breaks), continues the paragraph.
    const capitals = (t: string) => /\p{Lu}{2}/u.test(t) && t === t.toLocaleUpperCase('vi');
    const wrapped =
      previous &&
      previous.text.length >= 30 &&
      /[\p{L},\-–(]$/u.test(previous.text) &&
      !numbered(l.text) &&
      !ROMAN.test(l.text) &&
      !capitals(l.text) &&
      !capitals(previous.text);
    if (previous && !bullet && (/^\p{Ll}/u.test(l.text) || wrapped) && out.length)
      out[out.length - 1].text += ` ${l.text}`;
    else out.push({ line: l.no, text: l.text, level });
    previous = l;
  }
  return out;
}

function numberingQuestions(sections: Section[]): AskedQuestion[] {
  const questions: AskedQuestion[] = [];
  const ordinal = (n: string) => (/^\d+$/.test(n) ? Number(n) : LETTERS.indexOf(n) + 1);
  sections.forEach((s, i) => {
    const expected = i === 0 ? 1 : ordinal(sections[i - 1].number) + 1;
    if (ordinal(s.number) === expected) return;
    const said =
      i === 0
        ? say('sections.firstNumber', { number: s.number })
        : say('sections.gap', { number: s.number, previous: sections[i - 1].number });
    questions.push({ path: 'tasks', ...said, line: s.line });
  });
  return questions;
}
