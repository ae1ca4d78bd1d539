// The unit directory as the dispatch importer reads it, from the read model: every unit and
// group the office has loaded. The read model keeps no aliases (the other names documents give a
// unit, "Sở TT&TT"); they are taken from a directory file with the same codes, the file
// `dondoc import` reads, so the page and the command match a dispatch alike.
import type { Pool } from 'pg';
import { createReadModel } from './read-model';
import type { UnitDirectory } from '../domain/units';

export async function loadUnitDirectory(pool: Pool, names?: UnitDirectory): Promise<UnitDirectory> {
  const [units, groups] = await Promise.all([
    createReadModel(pool).units(),
    pool.query('SELECT code, name, members FROM unit_groups ORDER BY code'),
  ]);
  const unitAliases = new Map(names?.units.map((u) => [u.code, u.aliases]) ?? []);
  return {
    units: units.map((u) => ({ ...u, aliases: unitAliases.get(u.code) ?? [] })),
    groups: Object.fromEntries(
      groups.rows.map((g: { code: string; name: string; members: string[] }) => [
        g.code,
        { name: g.name, members: g.members, aliases: names?.groups[g.code]?.aliases ?? [] },
      ]),
    ),
  };
}
