// How Vietnamese names are compared: case, diacritics, spacing and common abbreviations.
/** Lower case, NFC, no diacritics (đ → d), single spaces: how two spellings of a name compare. */
export function normalizeVi(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

// Each character's folded form, worked out once: a pasted text repeats the same few hundred.
const folds = new Map<string, string>();

function foldChar(ch: string): string {
  let f = folds.get(ch);
  if (f === undefined) {
    const lower = ch.toLowerCase();
    const base = lower === 'đ' ? 'd' : lower.normalize('NFD')[0];
    f = base && base.length === 1 ? base : ch;
    if (folds.size < 10_000) folds.set(ch, f);
  }
  return f;
}

// A dispatch's paragraphs are folded by several readers in turn: the last few thousand are kept.
const folded = new Map<string, string>();

/** Like normalizeVi but keeps every character in place, so a match in the result points into `s`. */
export function foldVi(s: string): string {
  if (s.length > 4000) return foldText(s);
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= 5000) folded.clear();
    folded.set(s, (f = foldText(s)));
  }
  return f;
}

function foldText(s: string): string {
  // Lower-casing keeps the length of Vietnamese text; then only letters outside ASCII need folding.
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower.replace(/[^\x00-\x7f]/g, foldChar);
  const parts = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) parts[i] = foldChar(s[i]);
  return parts.join('');
}

export interface ViToken {
  word: string;
  start: number;
  end: number;
}

// Abbreviations dispatches use for unit names, as folded words; the longest is tried first.
const ABBREVIATIONS = (
  [
    ['ubnd', 'uy ban nhan dan'],
    ['hdnd', 'hoi dong nhan dan'],
    ['tp', 'thanh pho'],
    ['tt tt', 'thong tin truyen thong'],
    ['tttt', 'thong tin truyen thong'],
    ['ttdt', 'thong tin dien tu'],
    ['ld tb xh', 'lao dong thuong binh xa hoi'],
    ['ld tbxh', 'lao dong thuong binh xa hoi'],
    ['ldtbxh', 'lao dong thuong binh xa hoi'],
    ['vh tt dl', 'van hoa the thao du lich'],
    ['vhttdl', 'van hoa the thao du lich'],
    ['vh tt', 'van hoa the thao'],
    ['vhtt', 'van hoa the thao'],
    ['gd dt', 'giao duc dao tao'],
    ['gddt', 'giao duc dao tao'],
    ['kh dt', 'ke hoach dau tu'],
    ['khdt', 'ke hoach dau tu'],
    ['kh cn', 'khoa hoc cong nghe'],
    ['khcn', 'khoa hoc cong nghe'],
    ['tn mt', 'tai nguyen moi truong'],
    ['tnmt', 'tai nguyen moi truong'],
    ['nn ptnt', 'nong nghiep phat trien nong thon'],
    ['nnptnt', 'nong nghiep phat trien nong thon'],
    ['gtvt', 'giao thong van tai'],
    ['pt th', 'phat thanh truyen hinh'],
    ['ptth', 'phat thanh truyen hinh'],
    ['bchqs', 'bo chi huy quan su'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);

// The abbreviations by their first word, longest first, split once.
const BY_FIRST_WORD = new Map<string, Array<{ from: string[]; to: string[] }>>();
for (const [from, to] of ABBREVIATIONS) {
  const words = from.split(' ');
  BY_FIRST_WORD.set(words[0], [...(BY_FIRST_WORD.get(words[0]) ?? []), { from: words, to: to.split(' ') }]);
}

/** Words of a name for matching: folded, "và"/"&"/dashes/commas ignored, abbreviations spelled out. */
export function tokensVi(s: string): ViToken[] {
  const folded = foldVi(s);
  const raw: ViToken[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+/g))
    if (m[0] !== 'va') raw.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  const out: ViToken[] = [];
  for (let i = 0; i < raw.length;) {
    const hit = BY_FIRST_WORD.get(raw[i].word)?.find((a) => a.from.every((w, k) => raw[i + k]?.word === w));
    if (!hit) {
      out.push(raw[i++]);
      continue;
    }
    const n = hit.from.length;
    const span = { start: raw[i].start, end: raw[i + n - 1].end };
    for (const word of hit.to) out.push({ word, ...span });
    i += n;
  }
  return out;
}
