// Where a unit stands in the directory: its province (the root above it) and the province's place name.
import type { UnitDirectory } from './units';

/** A province's root unit (no parent) and the place its name ends with: "…tỉnh Kon Tum" → "Kon Tum". */
export function provinceRoots(directory: UnitDirectory): Array<{ code: string; place: string }> {
  return directory.units
    .filter((u) => !u.parent)
    .map((u) => ({ code: u.code, place: /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(u.name)?.[1] ?? u.name }));
}

/** Each unit's province: the root reached by following parents (at most 20 steps, so a cycle cannot hang). */
export function rootsOf(directory: UnitDirectory): Map<string, string> {
  const byCode = new Map(directory.units.map((u) => [u.code, u]));
  const roots = new Map<string, string>();
  for (const start of directory.units) {
    let unit = start;
    for (let hops = 0; unit.parent && hops < 20; hops++) unit = byCode.get(unit.parent) ?? unit;
    roots.set(start.code, unit.code);
  }
  return roots;
}
