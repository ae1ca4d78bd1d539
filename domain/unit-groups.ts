// Plural recipients, read against the units a directory holds rather than a list written by hand.
// Four patterns of the administrative style, tried where no listed name or group matches:
//
// - DISTRIBUTIVE LIST   "Các Bộ: Công an, Tư pháp, Tài chính", "Giám đốc các Sở: Nội vụ, Y tế"
//                        → Bộ Công an, Bộ Tư pháp, Bộ Tài chính (each "<head> <item>" a unit).
// - BY PLACE CLASS      "Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND các xã, phường",
//                        "Trung tâm Trợ giúp pháp lý nhà nước các tỉnh, thành phố", "UBND cấp huyện"
//                        → every unit named "<head> <class> <place>" for one of the classes.
// - BY NAME             "Các Sở Thông tin và Truyền thông" → every unit whose name starts so.
// - BY KIND             "Các sở, ban, ngành (tỉnh)", "các cơ quan chuyên môn" → every department;
//                        "các cơ quan báo chí" → every press agency.
import type { OrgUnit } from './schemas';
import type { ViToken } from './vi-text';

export interface GroupIndex {
  /** Unit codes by every leading run of words of their names: "so thong tin" → […]. */
  prefixes: Map<string, string[]>;
  /** Exact unit names (as word keys) → unit codes. */
  exact: Map<string, string[]>;
  units: Map<string, OrgUnit & { aliases?: string[] }>;
  roots: Map<string, string>;
  /** Each unit's names as words. */
  names: Map<string, string[][]>;
  /** Filled as phrases are read: the units whose name goes on with a place after a prefix. */
  placed: Map<string, string[]>;
}

export interface GroupHit {
  len: number;
  codes: string[];
  via: string;
}

const CLASSES: string[][] = [
  ['thanh', 'pho'],
  ['thi', 'xa'],
  ['thi', 'tran'],
  ['dac', 'khu'],
  ['tinh'],
  ['huyen'],
  ['quan'],
  ['xa'],
  ['phuong'],
];
const KINDS: Array<{ words: string[]; kind: OrgUnit['kind'] }> = [
  { words: ['so', 'ban', 'nganh', 'doan', 'the'], kind: 'department' },
  { words: ['so', 'ban', 'nganh'], kind: 'department' },
  { words: ['so', 'nganh'], kind: 'department' },
  { words: ['co', 'quan', 'chuyen', 'mon'], kind: 'department' },
  { words: ['co', 'quan', 'bao', 'chi'], kind: 'press' },
];
const LEVEL: Record<string, OrgUnit['kind']> = { huyen: 'district', xa: 'commune' };

export function buildGroupIndex(
  units: Array<OrgUnit & { aliases?: string[] }>,
  keysOf: (name: string) => string[],
  roots: Map<string, string>,
): GroupIndex {
  const prefixes = new Map<string, string[]>();
  const exact = new Map<string, string[]>();
  const names = new Map<string, string[][]>();
  const push = (map: Map<string, string[]>, key: string, code: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(code)) list.push(code);
    map.set(key, list);
  };
  for (const u of units) {
    for (const name of [u.name, ...(u.aliases ?? [])]) {
      const words = keysOf(name);
      names.set(u.code, [...(names.get(u.code) ?? []), words]);
      push(exact, words.join(' '), u.code);
      for (let n = 1; n <= words.length; n++) push(prefixes, words.slice(0, n).join(' '), u.code);
    }
  }
  return { prefixes, exact, units: new Map(units.map((u) => [u.code, u])), roots, names, placed: new Map() };
}

/** Whether a separator (",", ";", "và", ":") stands between token k and the next. */
function separated(text: string, tokens: ViToken[], k: number): boolean {
  if (k + 1 >= tokens.length) return true;
  const between = text.slice(tokens[k].end, tokens[k + 1].start);
  return /[,;:]|\bvà\b/iu.test(between);
}

const startsWith = (words: string[], at: number, seq: string[]) => seq.every((w, k) => words[at + k] === w);

function classAt(words: string[], at: number): string[] | undefined {
  return CLASSES.find((c) => startsWith(words, at, c));
}

/** The longest plural pattern starting at token i, if any. */
export function readGroupAt(
  index: GroupIndex,
  text: string,
  tokens: ViToken[],
  i: number,
  words = tokens.map((t) => t.word),
): GroupHit | undefined {
  const hits = [distributive(index, text, tokens, words, i), byPlace(index, words, i), byName(index, words, i)];
  const kind = byKind(index, words, i);
  if (kind) hits.push(kind);
  return hits.filter((h): h is GroupHit => !!h && h.codes.length > 0).sort((a, b) => b.len - a.len)[0];
}

// "các Sở: Lao động - Thương binh và Xã hội, Nội vụ": each item is the longest run of words that
// names "<head> <item>" and ends at a separator (names may hold "và" or a dash themselves).
function distributive(
  index: GroupIndex,
  text: string,
  tokens: ViToken[],
  words: string[],
  i: number,
): GroupHit | undefined {
  if (words[i] !== 'cac' || !['so', 'bo', 'ban'].includes(words[i + 1])) return undefined;
  const head = words[i + 1];
  const codes: string[] = [];
  let at = i + 2;
  let items = 0;
  while (at < words.length) {
    let found: { end: number; codes: string[]; last: boolean } | undefined;
    for (let end = Math.min(words.length, at + 12); end > at; end--) {
      const key = [head, ...words.slice(at, end)].join(' ');
      const exact = index.exact.get(key);
      if (!exact) continue;
      // An item ends at a separator; the last one may run straight into the verb ("…, Nội vụ có ý kiến").
      const sep = separated(text, tokens, end - 1);
      if (sep || (items >= 1 && !found)) found = { end, codes: exact, last: !sep };
      if (sep) break;
    }
    if (!found) break;
    codes.push(...found.codes);
    items++;
    at = found.end;
    if (found.last) break;
  }
  return items >= 2 ? { len: at - i, codes: [...new Set(codes)], via: `các ${head}: …` } : undefined;
}

// "<head> các <class>[, <class>…]": the head is the start of the units' names ("Ủy ban nhân dân").
function byPlace(index: GroupIndex, words: string[], i: number): GroupHit | undefined {
  for (let h = 1; h <= 10 && i + h < words.length; h++) {
    const head = words.slice(i, i + h);
    if (!index.prefixes.has(head.join(' '))) return undefined;
    const joiner = words[i + h];
    if (joiner === 'cap' && LEVEL[words[i + h + 1]]) {
      const kind = LEVEL[words[i + h + 1]];
      const codes = (index.prefixes.get(head.join(' ')) ?? []).filter((c) => index.units.get(c)?.kind === kind);
      return { len: h + 2, codes, via: `${head.join(' ')} cap ${words[i + h + 1]}` };
    }
    if (joiner !== 'cac') continue;
    const classes: string[][] = [];
    let at = i + h + 1;
    for (let c = classAt(words, at); c; c = classAt(words, at)) {
      classes.push(c);
      at += c.length;
    }
    if (!classes.length) continue;
    // A city under a province is a district, a centrally run city a province: with "tỉnh" in the
    // list, "thành phố" means the cities at the provinces' level of the directory.
    const provinces = classes.some((c) => c[0] === 'tinh')
      ? new Set((index.prefixes.get([...head, 'tinh'].join(' ')) ?? []).map((code) => depthOf(index, code)))
      : undefined;
    const codes = classes.flatMap((c) =>
      (index.prefixes.get([...head, ...c].join(' ')) ?? []).filter(
        (code) =>
          c[0] !== 'thanh' || (provinces ? provinces.has(depthOf(index, code)) : index.roots.get(code) !== code),
      ),
    );
    return { len: at - i, codes: [...new Set(codes)], via: `${head.join(' ')} cac ${classes.flat().join(' ')}` };
  }
  return undefined;
}

function depthOf(index: GroupIndex, code: string): number {
  let depth = 0;
  for (let u = index.units.get(code); u?.parent && depth < 20; u = index.units.get(u.parent)) depth++;
  return depth;
}

// "Các Sở Thông tin và Truyền thông" (or, from a ministry, "Sở GD&ĐT" without a place): every unit
// whose name starts with those words and goes on with a place.
function byName(index: GroupIndex, words: string[], i: number): GroupHit | undefined {
  const plural = words[i] === 'cac';
  const from = plural ? i + 1 : i;
  let best: GroupHit | undefined;
  for (let n = 2; n <= 10 && from + n <= words.length; n++) {
    const key = words.slice(from, from + n).join(' ');
    // The people's committees' own head ("Ủy ban nhân dân") is a kind of body, not a name.
    if (!plural && (n < 3 || key.startsWith('uy ban nhan dan'))) continue;
    const codes = index.prefixes.get(key);
    if (!codes) break;
    // Only names that go on with a place ("… tỉnh An Giang"): "các cơ quan" is no unit's name.
    let placed = index.placed.get(key);
    if (!placed) {
      placed = codes.filter((c) =>
        (index.names.get(c) ?? []).some((w) => w.slice(0, n).join(' ') === key && !!classAt(w, n)),
      );
      index.placed.set(key, placed);
    }
    if (placed.length >= 2 && !index.exact.has(key)) best = { len: from - i + n, codes: placed, via: key };
  }
  return best;
}

function byKind(index: GroupIndex, words: string[], i: number): GroupHit | undefined {
  const from = words[i] === 'cac' ? i + 1 : i;
  for (const k of KINDS) {
    if (!startsWith(words, from, k.words)) continue;
    const len = from - i + k.words.length + (words[from + k.words.length] === 'tinh' ? 1 : 0);
    const codes = [...index.units.values()].filter((u) => u.kind === k.kind).map((u) => u.code);
    return { len, codes, via: k.words.join(' ') };
  }
  return undefined;
}
