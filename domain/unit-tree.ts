// Where a unit stands in the directory: its province (the root above it) and the province's place name.
/** What the tree needs of a unit: a directory's unit, or a row of the read model. */
type NamedUnit = { code: string; name: string; parent?: string | null };
type Units = { units: readonly NamedUnit[] };

/** A province's root unit (no parent) and the place its name ends with: "…tỉnh Kon Tum" → "Kon Tum". */
export function provinceRoots(directory: Units): Array<{ code: string; place: string }> {
  return directory.units
    .filter((u) => !u.parent)
    .map((u) => ({ code: u.code, place: /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(u.name)?.[1] ?? u.name }));
}

/** Each unit's province: the root reached by following parents (at most 20 steps, so a cycle cannot hang). */
export function rootsOf(directory: Units): Map<string, string> {
  const byCode = new Map(directory.units.map((u) => [u.code, u]));
  const roots = new Map<string, string>();
  for (const start of directory.units) {
    let unit = start;
    for (let hops = 0; unit.parent && hops < 20; hops++) unit = byCode.get(unit.parent) ?? unit;
    roots.set(start.code, unit.code);
  }
  return roots;
}

/**
 * How a list to choose from names each unit: by its name, and where two units share a name (each
 * province has its "Công an tỉnh"), with its province's place after it; with its code as well when
 * even that is shared.
 */
export function choiceLabels(units: NamedUnit[]): Map<string, string> {
  const roots = rootsOf({ units });
  const places = new Map(provinceRoots({ units }).map((r) => [r.code, r.place]));
  const count = (key: (u: NamedUnit) => string) => {
    const n = new Map<string, number>();
    for (const u of units) n.set(key(u), (n.get(key(u)) ?? 0) + 1);
    return (u: NamedUnit) => n.get(key(u))!;
  };
  /** The unit's province, when it is not a province itself. */
  const placeOf = (u: NamedUnit) => (roots.get(u.code) === u.code ? undefined : places.get(roots.get(u.code)!));
  const withPlace = (u: NamedUnit) => [u.name, placeOf(u)].join('|');
  const sameName = count((u) => u.name);
  const samePlace = count(withPlace);
  return new Map(
    units.map((u) => {
      if (sameName(u) === 1) return [u.code, u.name];
      const more = [placeOf(u), samePlace(u) > 1 ? u.code : undefined].filter(Boolean);
      return [u.code, more.length ? `${u.name} (${more.join(', ')})` : u.name];
    }),
  );
}
