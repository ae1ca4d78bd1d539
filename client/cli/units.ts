// `dondoc units import FILE`: the unit directory from YAML (units and groups, as
// examples/units.yaml) or from CSV (one unit a row). Everything is checked before anything is
// written, and every write is an upsert, so importing a file twice changes nothing.
import path from 'node:path';
import type { Config } from '../../config';
import { parseUnitDirectoryFile } from '../../domain/directive-file';
import { parseUnitsCsv } from '../../domain/units-csv';
import type { OrgUnit } from '../../domain/schemas';
import { createReadModel, type UnitGroup } from '../../db/read-model';
import { printJson, readText, withReadModelPool, type CliIo } from './io';
import { progressBar } from './progress';

/** Directories larger than this are written in chunks, with a progress bar on a terminal. */
const CHUNK = 200;

export async function unitsImportCommand(
  io: CliIo,
  config: Config,
  file: string,
  o: { json?: boolean },
): Promise<void> {
  const text = readText(file);
  const csv = path.extname(file).toLowerCase() === '.csv';
  // The file is checked before the database is touched; a CSV parent may be a unit already stored.
  const yaml = csv ? undefined : parseUnitDirectoryFile(text, file);
  if (csv) parseUnitsCsv(text, file);
  await withReadModelPool(config, async (pool) => {
    const readModel = createReadModel(pool);
    const units: OrgUnit[] = yaml
      ? yaml.units
      : parseUnitsCsv(text, file, new Set((await readModel.units()).map((u) => u.code)));
    const groups: UnitGroup[] = yaml
      ? Object.entries(yaml.groups).map(([code, g]) => ({ code, name: g.name, members: g.members }))
      : [];
    if (units.length <= CHUNK) await readModel.upsertUnits(units, groups);
    else {
      const bar = progressBar(io, 'Importing units', units.length);
      try {
        for (let i = 0; i < units.length; i += CHUNK) {
          await readModel.upsertUnits(units.slice(i, i + CHUNK));
          bar.update(Math.min(i + CHUNK, units.length));
        }
        await readModel.upsertUnits([], groups);
      } finally {
        bar.stop();
      }
    }
    if (o.json) printJson(io, { units: units.length, groups: groups.length });
    else io.out(`Imported ${units.length} units and ${groups.length} groups from ${file}.\n`);
  });
}
