// Tasks assigned in prose, without a section per unit. The patterns of the style, each with an example:
//
// - DIRECTIVE   "[UBND tỉnh có ý kiến như sau:] Giao Sở Tài nguyên và Môi trường chủ trì, …"
//               "Chủ tịch UBND tỉnh đề nghị Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện …"
//               (giao, đề nghị, yêu cầu, chỉ đạo + the units it speaks to)
// - SUBJECT     "Sở Nội vụ hướng dẫn hồ sơ, thủ tục …", "Bộ Tài chính chủ trì, phối hợp với …"
//               (a sentence that opens with units other than the sender)
// - LEAD        "X chủ trì, phối hợp với Y và Z …": X leads; Y and Z, when named one by one, support X
//               ("phối hợp với các cơ quan liên quan" names nobody in particular).
// - SUPPORT     "X phối hợp với Y …": X supports Y.
// - EVERYONE    "các đơn vị", "các cơ quan, đơn vị": every recipient of the dispatch.
// - FORMULA     "… chịu trách nhiệm thi hành Quyết định này" names who executes a decision, and is no task.
// A sentence that sets a deadline but names no unit ("Yêu cầu hoàn thiện … trước ngày 28/9/2018")
// gives it to the assignment before it in the paragraph, or, with none, to every task.
import type { OrgUnit } from '../schemas';
import { foldVi, type UnitDirectory } from '../units';
import { chainAt, unknownOrgAt, type UnitChain } from './chain';
import { clausesOf, type Clause } from './cues';
import type { Paragraph } from './sections';
import { capitalize, stripBullet } from './text';

export interface Assignment {
  units: OrgUnit[];
  role: 'lead' | 'support';
  /** For support: the unit it supports. */
  supports?: string;
  title: string;
  body: string;
  clauses: Clause[];
  line: number;
}

export interface ProseReading {
  assignments: Assignment[];
  /** Units that speak in the text ("Sở TT&TT đề nghị …", "Thủ tướng giao …"): senders, never assignees. */
  senders: OrgUnit[];
  /** Deadline clauses that belong to no one assignment: they apply to every task. */
  common: Clause[];
  /** Names of units the directory does not hold, with their lines. */
  unknown: Array<{ name: string; line: number }>;
  /** Phrases meaning "every recipient" met where the text has no recipients. */
  everyWithoutRecipients: Array<{ name: string; line: number }>;
}

export interface ProseContext {
  directory: UnitDirectory;
  issuer?: string;
  /** The units of "Kính gửi" (or "gửi các …" in a news item), for "các đơn vị". */
  recipients: OrgUnit[];
  /** The text's first line: where a web page puts its headline. */
  firstLine?: number;
}

const TRIGGER = /(?:^|[\s,;:(.])(giao\s*cho|giao|de nghi|yeu cau|chi dao|dong y giao)\s+(?!cua\b|tai\b|ve\b)/g;
// The legal bases and the proposal a decision rests on ("Căn cứ Luật …", "Xét đề nghị của …"), and when it
// takes effect ("có hiệu lực sau 10 ngày …"): no task, no deadline.
const PREAMBLE =
  /^(?:can cu (?:luat|nghi dinh|nghi quyet|quyet dinh|thong tu|chi thi|cong van|van ban|ke hoach|chuong trinh|ket luan|bao cao|to trinh)|xet de nghi|theo de nghi)|co hieu luc (?:thi hanh )?(?:ke tu|sau|tu)/;
const FORMULA =
  /(?:chiu|co) trach nhiem thi hanh|can cu (?:quyet dinh|van ban) (?:nay )?thi hanh|thi hanh quyet dinh nay/;
const NUMBERING = /^(?:dieu\s+\d+\s*[.:]?|[ivx]{1,4}\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s*/u;
// SENDER "Sở TT&TT đề nghị …", "Thủ tướng giao …", "UBND tỉnh có ý kiến như sau": who speaks.
const SENDER_VERB =
  /^[\s,]*(?:da\s+|vua\s+|cung\s+|tiep tuc\s+)?(?:co y kien(?: chi dao)?|giao(?: cho)?|de nghi|yeu cau|chi dao|dong y|thong bao|ban hanh|co (?:van ban|cong van)|nhan duoc|gioi thieu)\b/;
const ADVERBIAL = /^(?:tu ngay|trong (?:thoi gian|dip)|truoc|sau|den)[^,;:]{0,80},\s*/;
const LEAD = /^[\s,]*(?:la\s+)?(?:co quan\s+|don vi\s+)?(?:chu tri|lam dau moi)\b/;
const WITH = /^[\s,;]*(?:va\s+)?phoi hop\s+(?:chat che\s+)?(?:voi\s+|cung\s+)?/;

/** Sentences: a full stop before a capital. A semicolon does not end one: lists of units use it. */
function sentencesOf(p: Paragraph): Array<{ text: string; line: number }> {
  return p.text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}"“(])/u)
    .map((text) => ({ text: text.trim(), line: p.line }))
    .filter((s) => s.text);
}

export function readProse(paragraphs: Paragraph[], ctx: ProseContext): ProseReading {
  const out: ProseReading = { assignments: [], senders: [], common: [], unknown: [], everyWithoutRecipients: [] };
  for (const [k, p] of paragraphs.entries()) {
    // A web page's headline ("Sở Thông tin và Truyền thông định hướng tuyên truyền …") tells, it does
    // not assign: the first paragraph, without a full stop, with text after it.
    const headline = k === 0 && p.line === ctx.firstLine && paragraphs.length > 1;
    if (headline && p.text.length < 250 && !/[.:;!?]$/.test(p.text)) continue;
    // "… chịu trách nhiệm thi hành Quyết định này": the formula is one paragraph, however long.
    if (FORMULA.test(foldVi(p.text))) continue;
    let last: Assignment[] = [];
    for (const s of sentencesOf(p)) {
      const found = readSentence(s.text, s.line, p.text, ctx, out);
      if (found.length) {
        out.assignments.push(...found);
        last = found;
        continue;
      }
      const clauses = clausesOf(s.text, s.line);
      if (last.length) for (const a of last) a.clauses.push(...clauses);
      else out.common.push(...clauses);
    }
  }
  return out;
}

function readSentence(
  text: string,
  line: number,
  paragraph: string,
  ctx: ProseContext,
  out: ProseReading,
): Assignment[] {
  const folded = foldVi(text);
  if (FORMULA.test(folded) || PREAMBLE.test(folded) || isHeading(text)) return [];
  const start = NUMBERING.exec(folded)?.[0].length ?? 0;
  const opening =
    /^(?:(?:doi voi|rieng|theo do,?|dong thoi,?|trong do,?|cung voi do,?|ngoai ra,?|cu the,?|sau khi xem xet,?)\s+)+/.exec(
      folded.slice(start),
    )?.[0].length ?? 0;
  // Where units may stand: as the subject of a clause (its start, after a colon) or as the object of
  // a verb that assigns.
  const candidates: Array<{ at: number; subject: boolean }> = [{ at: start + opening, subject: true }];
  for (const m of folded.matchAll(TRIGGER)) candidates.push({ at: m.index + m[0].length, subject: false });
  // After a colon a new clause starts ("UBND tỉnh có ý kiến như sau: Sở … chủ trì"), possibly after
  // a time ("yêu cầu: từ ngày 30/4 đến hết ngày 03/5, các đơn vị bố trí …").
  for (const m of folded.matchAll(/:\s*/g)) {
    const at = m.index + m[0].length;
    candidates.push({ at: at + (ADVERBIAL.exec(folded.slice(at))?.[0].length ?? 0), subject: true });
  }
  candidates.sort((a, b) => a.at - b.at);
  for (let k = 0; k < candidates.length; k++) {
    const { at: from, subject } = candidates[k];
    const chain = chainAt(text, ctx.directory, from, ctx.issuer);
    const units = unitsOf(chain, ctx, line, out);
    // A clause that opens with its sender ("UBND tỉnh đề nghị …") assigns through its verb, or
    // after it ("UBND tỉnh có ý kiến như sau: Sở … chủ trì …").
    const spoken = subject && units.length ? SENDER_VERB.exec(folded.slice(chain.end)) : null;
    if (spoken) {
      out.senders.push(...units);
      continue;
    }
    const senders = new Set([ctx.issuer, ...out.senders.map((u) => u.code)]);
    const senderOnly = units.length > 0 && units.every((u) => senders.has(u.code));
    if (subject && (senderOnly || !units.length)) {
      if (k === 0 && !units.length && !chain.everyRecipient)
        noteUnknown(text, from, line, out, headingLike(text.slice(from)));
      continue;
    }
    if (!units.length) {
      noteUnknown(text, chain.end, line, out, true);
      continue;
    }
    const assignees = units.filter((u) => !senders.has(u.code));
    if (!assignees.length) continue;
    return assignmentsFrom(text, folded, { end: chain.end, subject }, assignees, ctx, line, paragraph);
  }
  return [];
}

function unitsOf(chain: UnitChain, ctx: ProseContext, line: number, out: ProseReading): OrgUnit[] {
  for (const name of chain.unknown) out.unknown.push({ name, line });
  if (!chain.everyRecipient) return chain.units.filter((u) => u.code !== ctx.issuer);
  if (!ctx.recipients.length) out.everyWithoutRecipients.push({ name: chain.everyRecipient, line });
  return [...new Map([...chain.units, ...ctx.recipients].map((u) => [u.code, u])).values()].filter(
    (u) => u.code !== ctx.issuer,
  );
}

/** A line in capitals ("ỦY BAN NHÂN DÂN TỈNH", "QUYẾT ĐỊNH:") is a heading, not a sentence. */
function isHeading(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** A heading that is a name alone ("Hội Nông dân tỉnh"), or a name before ":", "—" or "chủ trì". */
function headingLike(text: string): boolean {
  const name = unknownOrgAt(text);
  if (!name) return false;
  const after = foldVi(text.slice(text.indexOf(name) + name.length));
  return /^\s*(?:[.:;–—-]|$|chu tri\b|phoi hop\b)/.test(after);
}

// Only after a verb that assigns (or as a heading) does an unknown capitalised name stand for a unit.
function noteUnknown(text: string, at: number, line: number, out: ProseReading, afterVerb: boolean) {
  if (!afterVerb) return;
  const name = unknownOrgAt(text.slice(at, at + 200));
  if (name) out.unknown.push({ name, line });
}

function assignmentsFrom(
  text: string,
  folded: string,
  { end, subject }: { end: number; subject: boolean },
  units: OrgUnit[],
  ctx: ProseContext,
  line: number,
  paragraph: string,
): Assignment[] {
  let rest = end;
  let role: Assignment['role'] = 'lead';
  let lead: string | undefined;
  let partners: OrgUnit[] = [];
  const led = LEAD.exec(folded.slice(rest));
  if (led) rest += led[0].length;
  const withWord = WITH.exec(folded.slice(rest));
  if (withWord) {
    const partnerChain = chainAt(text, ctx.directory, rest + withWord[0].length, ctx.issuer);
    // Only units named one by one are partners with a task of their own.
    partners = partnerChain.mentions
      .filter((m) => !m.plural && m.units.length === 1)
      .flatMap((m) => m.units)
      .filter((u) => u.code !== ctx.issuer && !units.some((x) => x.code === u.code));
    // "Sở Y tế phối hợp với Sở Tài chính …" in a list of duties supports; "giao Sở X phối hợp với
    // Sở Y …" gives X the task, with Y beside it.
    if (!led && subject && partners.length) {
      role = 'support';
      lead = partners[0].code;
      partners = [];
    }
  }
  const title = titleOf(stripBullet(text.slice(end)).replace(/^[\s,:;.-]+/, ''));
  const clauses = clausesOf(text, line);
  // The task carries its paragraph, unless the paragraph is a wall of text: then its sentence.
  const body = paragraph.length <= 4000 ? paragraph : text;
  const own: Assignment = { units, role, ...(lead ? { supports: lead } : {}), title, body, clauses, line };
  const supportOf = role === 'lead' && units.length ? units[0].code : undefined;
  const support: Assignment[] =
    supportOf && partners.length
      ? [{ units: partners, role: 'support', supports: supportOf, title, body, clauses: [...clauses], line }]
      : [];
  return [own, ...support];
}

function titleOf(text: string): string {
  let t = text.replace(/(?:\.\/\.|[.;,\s])+$/, '').trim();
  if (t.length > 120) t = `${t.slice(0, t.lastIndexOf(' ', 119))}…`;
  return capitalize(t);
}
