// Which province's units a dispatch speaks of, and which unit issued it. A demo directory holds
// several provinces whose "Công an tỉnh" share a name; the province named in the opening decides.
import {
  foldVi,
  matchUnits,
  provinceRoots,
  readUnitPhrase,
  rootOf,
  tokensVi,
  unitsUnder,
  type UnitDirectory,
} from '../units';
import { leadingChain } from './assign';
import type { Located } from './header';

/** The directory narrowed to the one province the opening names, if it names exactly one. */
export function provinceScope(directory: UnitDirectory, opening: string): UnitDirectory {
  const roots = provinceRoots(directory);
  if (roots.length < 2) return directory;
  const words = ` ${tokensVi(opening)
    .map((t) => t.word)
    .join(' ')} `;
  const counts = roots.map((r) => {
    const place = ` ${tokensVi(r.place)
      .map((t) => t.word)
      .join(' ')} `;
    return { code: r.code, n: words.split(place).length - 1 };
  });
  const top = Math.max(...counts.map((c) => c.n));
  const winners = counts.filter((c) => c.n === top);
  return top > 0 && winners.length === 1 ? unitsUnder(directory, winners[0].code) : directory;
}

export interface Issuer {
  name?: string;
  code?: string;
}

/** The issuing body: the last upper-case header line, written as the directory names it. */
export function readIssuer(lines: Located<string>[], directory: UnitDirectory): Issuer {
  const candidates = [lines.at(-1)?.value, lines.map((l) => l.value).join(' ')].filter((s): s is string => !!s);
  for (const text of candidates) {
    const match = matchUnits(text, directory);
    if (match.confidence !== 'exact' || match.units.length !== 1) continue;
    const unit = match.units[0];
    const root = directory.units.find((u) => u.code === rootOf(directory, unit.code));
    const place = provinceRoots(directory).find((r) => r.code === root?.code)?.place;
    const qualified = !root || root.code === unit.code || !place || foldVi(unit.name).includes(foldVi(place));
    return {
      code: unit.code,
      name: qualified ? unit.name : `${unit.name} ${root.name.replace(/^(Ủy ban nhân dân|UBND)\s+/i, '')}`,
    };
  }
  return { name: candidates[0] };
}

/**
 * A closing paragraph: "Sở … đề nghị các sở, ban, ngành …", "Trong quá trình thực hiện …", or,
 * after the section's own paragraphs, one addressed to every unit ("Định kỳ …, các đơn vị báo cáo …").
 */
export function closesDispatch(text: string, afterOthers: boolean, issuer: Issuer, directory: UnitDirectory): boolean {
  const f = foldVi(text).replace(/^[*_\s]+/, '');
  if (/^(trong qua trinh (trien khai|thuc hien|to chuc)|nhan duoc (van ban|cong van))/.test(f)) return true;
  if (/^(de nghi|yeu cau) (cac co quan|cac don vi|thu truong)/.test(f)) return true;
  if (afterOthers && /^.{0,80}\bcac (co quan, )?don vi\b|^.{0,80}\bcac so, ban, nganh\b/.test(f)) return true;
  if (!issuer.code) return false;
  const [first] = leadingChain(readUnitPhrase(text.slice(0, 200), directory));
  if (!first?.units.some((u) => u.code === issuer.code)) return false;
  return /^\s*(tinh\s+)?(de nghi|yeu cau|giao|se tong hop)\b/.test(f.slice(first.end));
}
