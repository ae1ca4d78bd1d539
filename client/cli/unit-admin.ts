// `dondoc units add|rename|set|deactivate|merge|tasks|move-task`: the office keeps its directory
// from the command line as from the admin page, each change audited (via "cli", by --by or the
// user running it). A merger moves the old unit's open tasks; closing a unit lists them.
import type { Config } from '../../config';
import { addressList, personOf, UnitChangeSchema, type UnitChange } from '../../domain/unit-changes';
import type { OrgUnit } from '../../domain/schemas';
import { directoryEntry, openTasksOfUnit, UnitChangeRefused } from '../../db/unit-admin';
import { cancelTask, changeUnit, moveTask, openTaskOf, type TaskMove } from '../unit-changes';
import { defaultActor, optionIssue } from './amend';
import { printJson, UsageError, withReadModelPool, withTemporal, type CliIo } from './io';

export interface UnitOptions {
  code?: string;
  name?: string;
  kind?: string;
  email?: string[];
  emails?: string;
  parent?: string;
  head?: string;
  focal?: string;
  substitute?: string;
  from?: string;
  to?: string;
  into?: string;
  reason?: string;
  cancel?: boolean;
  by?: string;
  json?: boolean;
}

const OPTIONS = {
  'unit.code': '--code',
  'unit.name': '--name',
  'unit.kind': '--kind',
  'unit.emails': '--email',
  'unit.parent': '--parent',
  'unit.head': '--head',
  'unit.focalPoint': '--focal',
  emails: '--emails',
  head: '--head',
  focalPoint: '--focal',
  substitute: '--substitute',
  'substitute.from': '--from',
  'substitute.to': '--to',
  parent: '--parent',
  name: 'NAME',
  into: '--into',
};

/** "Name <address>", or "none" to clear. */
function personOption(option: string, value: string | undefined) {
  if (value === undefined) return undefined;
  if (value === 'none') return null;
  const p = personOf(value);
  if (!p) throw new UsageError(`${option} "${value}": expected "Name <address>", or none`);
  return p;
}

function parsed(change: unknown): UnitChange {
  const r = UnitChangeSchema.safeParse(change);
  if (!r.success) throw optionIssue(r.error, OPTIONS);
  return r.data;
}

/** The changes `units set` asks for, one per option given. */
function setChanges(code: string, o: UnitOptions): UnitChange[] {
  const changes: unknown[] = [];
  if (o.emails !== undefined) changes.push({ kind: 'addresses', code, emails: addressList(o.emails) });
  const head = personOption('--head', o.head);
  if (head !== undefined) changes.push({ kind: 'head', code, head });
  const focal = personOption('--focal', o.focal);
  if (focal !== undefined) changes.push({ kind: 'focal', code, focalPoint: focal });
  const sub = personOption('--substitute', o.substitute);
  if (sub !== undefined)
    changes.push({ kind: 'substitute', code, substitute: sub && { ...sub, from: o.from, to: o.to } });
  if (o.parent !== undefined) changes.push({ kind: 'parent', code, parent: o.parent === 'none' ? null : o.parent });
  if (changes.length === 0)
    throw new UsageError('units set: give at least one of --emails, --head, --focal, --substitute, --parent');
  return changes.map(parsed);
}

const describe = (m: TaskMove) =>
  `${m.taskId}: ${m.outcome === 'moved' ? `moved to ${m.to}, due ${m.deadline}` : m.outcome === 'cancelled' ? 'cancelled' : `not moved (${m.why})`}`;

export async function unitChangeCommand(
  io: CliIo,
  config: Config,
  action: 'add' | 'rename' | 'set' | 'deactivate' | 'merge',
  code: string | undefined,
  o: UnitOptions & { newName?: string },
): Promise<void> {
  const who = { actor: o.by ?? defaultActor(), via: 'cli' as const };
  let changes: UnitChange[];
  if (action === 'add') {
    const unit: Partial<OrgUnit> = {
      code: o.code,
      name: o.name,
      kind: o.kind as OrgUnit['kind'],
      emails: o.email ?? [],
      parent: o.parent,
      head: personOption('--head', o.head) ?? undefined,
      focalPoint: personOption('--focal', o.focal) ?? undefined,
      supervisorEmails: [],
      steeringEmails: [],
    };
    changes = [
      parsed({ kind: 'add', unit: Object.fromEntries(Object.entries(unit).filter(([, v]) => v !== undefined)) }),
    ];
  } else if (action === 'rename') changes = [parsed({ kind: 'rename', code, name: o.newName })];
  else if (action === 'set') changes = setChanges(code!, o);
  else if (action === 'deactivate') changes = [parsed({ kind: 'deactivate', code, reason: o.reason })];
  else {
    if (!o.into) throw new UsageError('--into: required, the unit that takes the merged one over');
    changes = [parsed({ kind: 'merge', code, into: o.into, reason: o.reason })];
  }
  const merging = action === 'merge';
  const run = async (client?: Parameters<typeof changeUnit>[0]['client']) =>
    withReadModelPool(config, async (pool) => {
      const moved: TaskMove[] = [];
      try {
        for (const change of changes) moved.push(...(await changeUnit({ pool, client }, change, who)).moved);
      } catch (err) {
        if (err instanceof UnitChangeRefused) throw new UsageError(err.message);
        throw err;
      }
      const subject = action === 'add' ? o.code! : code!;
      const left = action === 'deactivate' || merging ? await openTasksOfUnit(pool, subject) : [];
      const entry = await directoryEntry(pool, subject);
      return { moved, left, entry };
    });
  const { moved, left, entry } = merging ? await withTemporal(config, (client) => run(client)) : await run();
  if (o.json)
    return printJson(io, {
      unit: entry?.unit,
      active: entry?.active,
      mergedInto: entry?.mergedInto,
      changes: changes.map((c) => c.kind),
      moved,
      openTasks: left.map((r) => r.workflow_id),
    });
  io.out(`${entry?.unit.code} (${entry?.unit.name}): ${changes.map((c) => c.kind).join(', ')} recorded.\n`);
  for (const m of moved) io.out(`  ${describe(m)}\n`);
  if (left.length) {
    io.out(
      `${left.length} open task${left.length === 1 ? '' : 's'} to move (units move-task ID --to CODE) or cancel (--cancel):\n`,
    );
    for (const r of left) io.out(`  ${r.workflow_id}  ${r.deadline}  ${r.title}\n`);
  }
}

export async function unitTasksCommand(io: CliIo, config: Config, code: string, o: { json?: boolean }) {
  const rows = await withReadModelPool(config, (pool) => openTasksOfUnit(pool, code));
  if (o.json)
    return printJson(
      io,
      rows.map((r) => ({
        id: r.workflow_id,
        directive: r.directive_number,
        deadline: r.deadline,
        title: r.title,
        state: r.state,
      })),
    );
  if (rows.length === 0) return io.out(`${code} has no open task.\n`);
  for (const r of rows) io.out(`${r.workflow_id}  ${r.deadline}  ${r.state}  ${r.title}\n`);
}

export async function moveTaskCommand(io: CliIo, config: Config, taskId: string, o: UnitOptions) {
  if (!o.to && !o.cancel) throw new UsageError('give --to CODE to move the task, or --cancel');
  const by = o.by ?? defaultActor();
  const move = await withReadModelPool(config, async (pool) => {
    const row = await openTaskOf(pool, taskId);
    if (!row) throw new UsageError(`${taskId}: no open task with this id`);
    return withTemporal(config, (client) =>
      o.to ? moveTask(client, row, o.to, by) : cancelTask(client, row, by, o.reason ?? 'cancelled by the office'),
    );
  });
  if (o.json) return printJson(io, move);
  if (move.outcome === 'refused') throw new UsageError(`${taskId}: ${move.why}`);
  io.out(`${describe(move)}\n`);
}
