// Who a section speaks to. Its heading names units or groups ("7. Các sở, ban, ngành, UBND các
// huyện, thành phố"), sometimes followed by the task itself ("— chủ trì tổ chức …"); an item of
// the section may address only some of them ("- Ủy ban nhân dân các huyện, thành phố xây dựng …").
import { foldVi, matchUnits, readUnitPhrase, type PhraseReading, type UnitDirectory, type UnitMention } from '../units';
import type { OrgUnit } from '../schemas';
import type { Paragraph, Section } from './sections';
import { say, type Said } from './questions';
import { stripBullet } from './text';

/** A unit the section assigns, or a placeholder where the text names no known unit. */
export type Assignee = { unit: OrgUnit; problem?: Said } | { unit?: undefined; problem: Said };

export interface SectionAssignment {
  assignees: Assignee[];
  /** The task as the heading states it, after the unit names. */
  title?: string;
  /** Paragraphs for each assigned unit code (placeholders get the unscoped ones). */
  itemsFor(code?: string): Paragraph[];
}

const SEPARATOR = /\s*(?::|\s[—–-]\s)\s*/g;

/** `issuer` is left out of the groups it belongs to: a dispatch to "các sở, ngành" does not task its own sender. */
export function assignSection(section: Section, directory: UnitDirectory, issuer?: string): SectionAssignment {
  const { phrases, title } = splitHeading(section.heading, directory);
  const assignees = phrases.flatMap((p) => resolve(p, directory, issuer));
  const codes = new Set(assignees.flatMap((a) => (a.unit ? [a.unit.code] : [])));
  const scopes = scopeItems(section.paragraphs, codes, directory);
  return {
    assignees,
    title,
    itemsFor: (code) => section.paragraphs.filter((_, i) => !scopes[i] || (code !== undefined && scopes[i].has(code))),
  };
}

/** Unit phrases and, when the heading goes on to state the task, that task. */
function splitHeading(written: string, directory: UnitDirectory): { phrases: string[]; title?: string } {
  // "Giao Sở Tư pháp chủ trì …", "Đối với Công an tỉnh": the verb is not part of the name.
  const verb = /^(giao|de nghi|yeu cau|doi voi|rieng)\s+/.exec(foldVi(written));
  const heading = verb ? written.slice(verb[0].length) : written;
  const reading = readUnitPhrase(heading, directory);
  const inside = (at: number) => reading.mentions.some((m) => at > m.start && at < m.end);
  // ":" and "—" always end the unit names; a spaced hyphen only after a known name.
  const sep = [...heading.matchAll(SEPARATOR)].find(
    (m) => !inside(m.index) && (/[:—]/.test(m[0]) || reading.mentions.some((n) => n.start < m.index)),
  );
  if (sep) {
    const rest = heading.slice(sep.index + sep[0].length).trim();
    return { phrases: segments(heading.slice(0, sep.index)), title: rest || undefined };
  }
  const parts = segments(heading);
  const last = parts.pop() ?? '';
  const chain = leadingChain(readUnitPhrase(last, directory));
  if (!chain.length) return { phrases: [...parts, last] };
  const end = chain[chain.length - 1].end;
  const after = readUnitPhrase(last, directory).residue.find((r) => r.start >= end);
  return {
    phrases: [...parts, last.slice(0, after ? after.start : last.length).trim()],
    title: after ? last.slice(after.start).trim() : undefined,
  };
}

function segments(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim().replace(/[,.]+$/, ''))
    .filter(Boolean);
}

/** Mentions at the start of a text with nothing but filler words between them. */
export function leadingChain(reading: PhraseReading): UnitMention[] {
  const chain: UnitMention[] = [];
  let from = 0;
  for (const m of reading.mentions) {
    if (reading.residue.some((r) => r.start >= from && r.start < m.start)) break;
    chain.push(m);
    from = m.end;
  }
  return chain;
}

function resolve(phrase: string, directory: UnitDirectory, issuer?: string): Assignee[] {
  const reading = readUnitPhrase(phrase, directory);
  if (!reading.mentions.length) {
    const fuzzy = matchUnits(phrase, directory);
    if (!fuzzy.units.length) return [{ problem: say('unit.unknown', { name: phrase }) }];
    const names = fuzzy.units.map((u) => `${u.code} (${u.name})`).join(', ');
    return fuzzy.units.map((unit) => ({
      unit,
      problem: say('unit.fuzzy', { name: phrase, units: names }),
    }));
  }
  const spans: Array<{ at: number; assignees: Assignee[] }> = reading.mentions.map((m) => ({
    at: m.start,
    assignees: m.ambiguous
      ? [{ problem: say('unit.ambiguous', { name: m.text, codes: m.units.map((u) => u.code).join(', ') }) }]
      : m.units.filter((u) => u.code !== issuer || !m.plural).map((unit) => ({ unit })),
  }));
  for (const r of reading.residue)
    spans.push({ at: r.start, assignees: [{ problem: say('unit.unknown', { name: r.text }) }] });
  return spans.sort((a, b) => a.at - b.at).flatMap((s) => s.assignees);
}

// An item opening with some of the section's units ("- UBND các huyện, thành phố xây dựng kế
// hoạch …") is theirs alone, with the sub-items under it.
function scopeItems(
  paragraphs: Paragraph[],
  codes: Set<string>,
  directory: UnitDirectory,
): Array<Set<string> | undefined> {
  const scopes: Array<Set<string> | undefined> = [];
  let open: { level: number; scope: Set<string> } | undefined;
  for (const p of paragraphs) {
    if (open && p.level > open.level) {
      scopes.push(open.scope);
      continue;
    }
    open = undefined;
    const text = stripBullet(p.text).replace(/^(đối với|riêng)\s+/i, '');
    const chain = leadingChain(readUnitPhrase(text.slice(0, 300), directory));
    const scope = new Set(chain.flatMap((m) => m.units.map((u) => u.code)));
    const subset = scope.size > 0 && scope.size < codes.size && [...scope].every((c) => codes.has(c));
    if (subset) open = { level: p.level, scope };
    scopes.push(subset ? scope : undefined);
  }
  return scopes;
}
