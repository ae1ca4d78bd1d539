// `dondoc units import FILE`: the unit directory from YAML (units and groups, as
// examples/units.yaml) or from CSV (one unit a row). Everything is checked before anything is
// written, and every write is an upsert, so importing a file twice changes nothing.
import path from 'node:path';
import type { Command } from 'commander';
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

/** Registers `dondoc units …`: import a directory file, and the office's own changes to it. */
export function registerUnitCommands(program: Command, io: CliIo, config: () => Config): void {
  const collect = (value: string, previous: string[]) => [...previous, value];
  const units = program.command('units').description('the unit directory');
  units
    .command('import')
    .argument(
      '<file>',
      'unit directory: YAML (see examples/units.yaml) or CSV with a header code,name,kind,emails,head_name,head_email,parent,…',
    )
    .option('--json', 'print JSON')
    .action(async (file, o) => unitsImportCommand(io, config(), file, o));
  const by = ['--by <name>', 'who makes the change (recorded in the audit trail)'] as const;
  units
    .command('add')
    .requiredOption('--code <code>', "the new unit's code, e.g. NB-P-HOALU")
    .requiredOption('--name <name>', 'its name as documents write it')
    .option('--email <address>', 'a mailbox (repeatable)', collect, [])
    .option('--kind <kind>', 'department, commune, district, press, office or other')
    .option('--parent <code>', 'the unit it is under')
    .option('--head <person>', 'its head, "Name <address>"')
    .option('--focal <person>', 'its focal point (đầu mối), "Name <address>"')
    .option(...by)
    .option('--json', 'print JSON')
    .description('add a unit to the directory')
    .action(async (o) => (await import('./unit-admin')).unitChangeCommand(io, config(), 'add', undefined, o));
  units
    .command('rename')
    .argument('<code>')
    .argument('<name>', 'the new name')
    .option(...by)
    .option('--json', 'print JSON')
    .description('rename a unit')
    .action(async (code, newName, o) =>
      (await import('./unit-admin')).unitChangeCommand(io, config(), 'rename', code, { ...o, newName }),
    );
  units
    .command('set')
    .argument('<code>')
    .option('--emails <addresses>', 'its mailboxes, comma separated: the next mail of every open task goes there')
    .option('--head <person>', 'its head, "Name <address>", or none')
    .option('--focal <person>', 'its focal point (đầu mối), "Name <address>", or none')
    .option('--substitute <person>', 'who stands in for the head (with --from and --to), or none')
    .option('--from <date>', 'the first day the substitute stands in, YYYY-MM-DD')
    .option('--to <date>', 'the last day the substitute stands in, YYYY-MM-DD')
    .option('--parent <code>', 'the unit it is under, or none')
    .option(...by)
    .option('--json', 'print JSON')
    .description("change a unit's addresses, head, focal point, substitute or parent")
    .action(async (code, o) => (await import('./unit-admin')).unitChangeCommand(io, config(), 'set', code, o));
  units
    .command('deactivate')
    .argument('<code>')
    .option('--reason <text>', 'why the unit closes')
    .option(...by)
    .option('--json', 'print JSON')
    .description('close a unit; its open tasks are listed to move or cancel')
    .action(async (code, o) => (await import('./unit-admin')).unitChangeCommand(io, config(), 'deactivate', code, o));
  units
    .command('merge')
    .argument('<code>', 'the unit that is merged')
    .requiredOption('--into <code>', 'the unit that takes it over')
    .option('--reason <text>', 'the decision, e.g. Nghị quyết 202/2025/QH15')
    .option(...by)
    .option('--json', 'print JSON')
    .description('merge a unit into another: its open tasks move there with their deadlines, its history stays')
    .action(async (code, o) => (await import('./unit-admin')).unitChangeCommand(io, config(), 'merge', code, o));
  units
    .command('tasks')
    .argument('<code>')
    .option('--json', 'print JSON')
    .description("a unit's open tasks")
    .action(async (code, o) => (await import('./unit-admin')).unitTasksCommand(io, config(), code, o));
  units
    .command('move-task')
    .argument('<task-id>', 'e.g. task:524/UBND-VP9:NB-STTTT')
    .option('--to <code>', 'the unit that takes the task over (its deadline is kept)')
    .option('--cancel', 'cancel the task instead')
    .option('--reason <text>', 'why it is cancelled')
    .option(...by)
    .option('--json', 'print JSON')
    .description('move an open task to another unit, or cancel it')
    .action(async (taskId, o) => (await import('./unit-admin')).moveTaskCommand(io, config(), taskId, o));
}
