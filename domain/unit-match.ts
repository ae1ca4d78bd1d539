// Which units of the directory a phrase of a dispatch names ("Sở TT&TT", "UBND các huyện").
import type { OrgUnit } from './schemas';
import type { UnitDirectory } from './units';
import { buildGroupIndex, readGroupAt, type GroupIndex } from './unit-groups';
import { provinceRoots, rootsOf } from './unit-tree';
import { tokensVi } from './vi-text';

export { provinceRoots } from './unit-tree';

type Target = { kind: 'unit' | 'group'; code: string };

export interface UnitMention {
  start: number;
  end: number;
  text: string;
  units: OrgUnit[];
  via: string[];
  ambiguous: boolean;
  /** Named by a group ("các sở, ban, ngành"), not by a unit's own name. */
  plural: boolean;
}
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}
export interface PhraseReading {
  mentions: UnitMention[];
  residue: TextSpan[];
}
export interface UnitMatch {
  units: OrgUnit[];
  confidence: 'exact' | 'fuzzy' | 'none';
}

// Words that carry no identity in a recipient phrase: "các", "tỉnh", "trên địa bàn"…
const FILLER = new Set(['cac', 'tinh', 'cua', 'thuoc', 'tren', 'dia', 'ban', 'toan', 'tai', 'nay']);

// Built once per directory (a draft reads thousands of phrases against the same one): reading a
// phrase is then one pass over its words, whatever the size of the text.
/** The listed names word by word, so the longest name at a place is found without building strings. */
interface Trie {
  next: Map<string, Trie>;
  targets?: Target[];
}

interface DirectoryIndex {
  keys: Map<string, Target[]>;
  trie: Trie;
  roots: Map<string, string>;
  maxLen: number;
  units: Map<string, OrgUnit>;
  places: Map<string, string>;
  filler: Set<string>;
  groups: GroupIndex;
}
const indexes = new WeakMap<UnitDirectory, DirectoryIndex>();

export function rootOf(directory: UnitDirectory, code: string): string {
  return indexOf(directory).roots.get(code) ?? code;
}

/** The part of a directory under one province root, with the groups wholly inside it. */
export function unitsUnder(directory: UnitDirectory, rootCode: string): UnitDirectory {
  const roots = indexOf(directory).roots;
  const units = directory.units.filter((u) => roots.get(u.code) === rootCode);
  const inside = new Set(units.map((u) => u.code));
  const groups = Object.fromEntries(
    Object.entries(directory.groups).filter(([, g]) => g.members.every((m) => inside.has(m))),
  );
  return { units, groups };
}

function indexOf(directory: UnitDirectory): DirectoryIndex {
  const cached = indexes.get(directory);
  if (cached) return cached;
  const keys = new Map<string, Target[]>();
  let maxLen = 0;
  const add = (name: string, target: Target) => {
    const words = tokensVi(name).map((t) => t.word);
    while (words[0] === 'cac') words.shift();
    if (!words.length) return;
    const key = words.join(' ');
    const targets = keys.get(key) ?? [];
    if (!targets.some((t) => t.kind === target.kind && t.code === target.code)) targets.push(target);
    keys.set(key, targets);
    maxLen = Math.max(maxLen, words.length);
  };
  for (const u of directory.units) for (const n of [u.name, ...u.aliases]) add(n, { kind: 'unit', code: u.code });
  for (const [code, g] of Object.entries(directory.groups)) {
    // "Các sở, ban, ngành tỉnh" is as often written without "tỉnh", with or without listed aliases.
    const names = [g.name, ...g.aliases];
    for (const n of names) add(n, { kind: 'group', code });
    for (const n of names)
      if (/\stỉnh$/iu.test(n.trim()) && n.trim().split(/\s+/).length > 3)
        add(n.trim().replace(/\s+tỉnh$/iu, ''), { kind: 'group', code });
  }
  const places = new Map(
    provinceRoots(directory).map((r) => [
      r.code,
      tokensVi(r.place)
        .map((t) => t.word)
        .join(' '),
    ]),
  );
  const filler = new Set([...FILLER, ...[...places.values()].flatMap((p) => p.split(' '))]);
  const roots = rootsOf(directory);
  const keysOf = (name: string) => tokensVi(name).map((t) => t.word);
  const groups = buildGroupIndex(directory.units, keysOf, roots);
  const units = new Map(directory.units.map((u) => [u.code, u as OrgUnit]));
  const trie: Trie = { next: new Map() };
  for (const [key, targets] of keys) {
    let node = trie;
    for (const w of key.split(' ')) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    node.targets = targets;
  }
  const index = { keys, trie, roots, maxLen, units, places, filler, groups };
  indexes.set(directory, index);
  return index;
}

function unitsOf(directory: UnitDirectory, index: DirectoryIndex, t: Target): OrgUnit[] {
  const codes = t.kind === 'unit' ? [t.code] : directory.groups[t.code].members;
  return codes.map((c) => index.units.get(c)).filter((u): u is OrgUnit => !!u);
}

// When a name exists in two provinces, the province named in the phrase settles it.
function pickByPlace(directory: UnitDirectory, index: DirectoryIndex, targets: Target[], named: Set<string>): Target[] {
  if (targets.length < 2) return targets;
  const inNamed = targets.filter((t) =>
    named.has(index.roots.get(t.kind === 'unit' ? t.code : directory.groups[t.code].members[0]) ?? ''),
  );
  return inNamed.length === 1 ? inNamed : targets;
}

/** The provinces whose place name the phrase contains, found once per phrase. */
function placesNamed(index: DirectoryIndex, words: string[]): Set<string> {
  const text = ` ${words.join(' ')} `;
  return new Set([...index.places].filter(([, place]) => text.includes(` ${place} `)).map(([code]) => code));
}

/** The longest listed name starting at word i: its length and targets. */
function longestAt(index: DirectoryIndex, words: string[], i: number): { len: number; targets: Target[] } | undefined {
  let node: Trie | undefined = index.trie;
  let best: { len: number; targets: Target[] } | undefined;
  for (let k = i; k < words.length; k++) {
    node = node.next.get(words[k]);
    if (!node) break;
    if (node.targets) best = { len: k - i + 1, targets: node.targets };
  }
  return best;
}

/** Finds the units and groups a phrase names, and the words that named none. */
export function readUnitPhrase(phrase: string, directory: UnitDirectory): PhraseReading {
  const index = indexOf(directory);
  const tokens = tokensVi(phrase);
  const words = tokens.map((t) => t.word);
  const mentions: UnitMention[] = [];
  const covered = new Array<boolean>(tokens.length).fill(false);
  let named: Set<string> | undefined;
  for (let i = 0; i < tokens.length;) {
    const hit = longestAt(index, words, i);
    // A name or group the directory lists wins over the grammar when it covers as much (after "các").
    const listed = hit?.len ?? (words[i] === 'cac' ? (longestAt(index, words, i + 1)?.len ?? -1) + 1 : 0);
    // Plural patterns start with "các" or with the first word of some unit's name.
    const group =
      words[i] === 'cac' || index.groups.prefixes.has(words[i])
        ? readGroupAt(index.groups, phrase, tokens, i, words)
        : undefined;
    if (group && group.len > listed) {
      const start = tokens[i].start;
      const end = tokens[i + group.len - 1].end;
      const units = group.codes.map((c) => index.units.get(c)).filter((u): u is OrgUnit => !!u);
      mentions.push({ start, end, text: phrase.slice(start, end), units, via: [], ambiguous: false, plural: true });
      covered.fill(true, i, i + group.len);
      i += group.len;
      continue;
    }
    if (!hit) {
      i++;
      continue;
    }
    const targets =
      hit.targets.length < 2
        ? hit.targets
        : pickByPlace(directory, index, hit.targets, (named ??= placesNamed(index, words)));
    const start = tokens[i].start;
    const end = tokens[i + hit.len - 1].end;
    const units = [...new Map(targets.flatMap((t) => unitsOf(directory, index, t)).map((u) => [u.code, u])).values()];
    mentions.push({
      start,
      end,
      text: phrase.slice(start, end),
      units,
      via: targets.map((t) => t.code),
      ambiguous: targets.length > 1,
      plural: targets.some((t) => t.kind === 'group'),
    });
    covered.fill(true, i, i + hit.len);
    i += hit.len;
  }
  // Uncovered words form the residue, trimmed of filler at both ends.
  const residue: TextSpan[] = [];
  let run: TextSpan | undefined;
  tokens.forEach((t, i) => {
    if (covered[i]) {
      run = undefined;
      return;
    }
    if (index.filler.has(t.word)) return;
    if (run) run.end = t.end;
    else residue.push((run = { start: t.start, end: t.end, text: '' }));
  });
  for (const r of residue) r.text = phrase.slice(r.start, r.end);
  return { mentions, residue };
}

/** The units a phrase names (groups expanded to their members), and how sure the match is. */
export function matchUnits(phrase: string, directory: UnitDirectory): UnitMatch {
  const { mentions, residue } = readUnitPhrase(phrase, directory);
  if (mentions.length) {
    const units = [...new Map(mentions.flatMap((m) => m.units).map((u) => [u.code, u])).values()];
    const exact = !residue.length && !mentions.some((m) => m.ambiguous);
    return { units, confidence: exact ? 'exact' : 'fuzzy' };
  }
  return closestName(phrase, directory);
}

// A name spelled a little differently ("Sở Tư pháp Ninh Bình tỉnh") still finds its unit, flagged fuzzy.
function closestName(phrase: string, directory: UnitDirectory): UnitMatch {
  const index = indexOf(directory);
  const words = new Set(
    tokensVi(phrase)
      .map((t) => t.word)
      .filter((w) => !index.filler.has(w)),
  );
  if (!words.size) return { units: [], confidence: 'none' };
  let best: { score: number; targets: Target[] } = { score: 0, targets: [] };
  for (const [key, targets] of index.keys) {
    const keyWords = new Set(key.split(' '));
    const shared = [...keyWords].filter((w) => words.has(w)).length;
    const score = (2 * shared) / (keyWords.size + words.size);
    if (score > best.score) best = { score, targets };
    else if (score === best.score)
      best = {
        score,
        targets: [...best.targets, ...targets.filter((t) => !best.targets.some((b) => b.code === t.code))],
      };
  }
  if (best.score < 0.8 || best.targets.length !== 1) return { units: [], confidence: 'none' };
  return { units: unitsOf(directory, index, best.targets[0]), confidence: 'fuzzy' };
}
