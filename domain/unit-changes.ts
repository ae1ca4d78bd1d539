// The changes the office makes to its own directory, each one audited: a unit added, renamed,
// given new addresses, a new head, focal point (đầu mối) or substitute, put under another parent,
// closed, or merged into another unit in a reorganisation (since 1 July 2025 local government has
// two levels: provinces, and communes and wards; districts were abolished and many bodies merged).
import { z } from 'zod';
import type { WorkingCalendar } from './calendar';
import { OrgUnitSchema, SubstituteSchema, UnitCodeSchema, type LocalDate, type OrgUnit } from './schemas';

const Email = z.email();
const Person = z.object({ name: z.string().trim().min(1, 'give a name'), email: Email });
const Reason = z.string().trim().max(2000).optional();

export const UnitChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), unit: OrgUnitSchema }),
  z.object({ kind: z.literal('rename'), code: UnitCodeSchema, name: z.string().trim().min(1, 'give the new name') }),
  z.object({
    kind: z.literal('addresses'),
    code: UnitCodeSchema,
    emails: z.array(Email).min(1, 'keep one address at least'),
  }),
  z.object({ kind: z.literal('head'), code: UnitCodeSchema, head: Person.nullable() }),
  z.object({ kind: z.literal('focal'), code: UnitCodeSchema, focalPoint: Person.nullable() }),
  z.object({ kind: z.literal('substitute'), code: UnitCodeSchema, substitute: SubstituteSchema.nullable() }),
  z.object({ kind: z.literal('parent'), code: UnitCodeSchema, parent: UnitCodeSchema.nullable() }),
  z.object({ kind: z.literal('deactivate'), code: UnitCodeSchema, reason: Reason }),
  z.object({ kind: z.literal('merge'), code: UnitCodeSchema, into: UnitCodeSchema, reason: Reason }),
]);
export type UnitChange = z.infer<typeof UnitChangeSchema>;

/** "Nguyễn Văn An <an@x.vn>" as a person types it on a command line. */
export function personOf(text: string): { name: string; email: string } | undefined {
  const m = /^\s*(.+?)\s*<\s*([^<>\s]+)\s*>\s*$/.exec(text);
  return m ? { name: m[1], email: m[2] } : undefined;
}

export interface TreeUnit {
  code: string;
  parent?: string;
  active: boolean;
  mergedInto?: string;
}

/** Why a change cannot apply to the directory as it stands; undefined when it can. */
export function refusalOf(change: UnitChange, units: ReadonlyMap<string, TreeUnit>): string | undefined {
  if (change.kind === 'add')
    return units.has(change.unit.code) ? `unit.code: ${change.unit.code} is already in the directory` : undefined;
  const unit = units.get(change.code);
  if (!unit) return `code: no unit ${change.code}`;
  if (change.kind === 'parent' && change.parent) {
    if (!units.has(change.parent)) return `parent: no unit ${change.parent}`;
    // A unit cannot sit under itself, however far down.
    for (
      let p: string | undefined = change.parent, seen = 0;
      p && seen < units.size + 1;
      p = units.get(p)?.parent, seen++
    )
      if (p === change.code) return `parent: ${change.parent} is under ${change.code}`;
  }
  if (change.kind === 'merge') {
    if (change.into === change.code) return 'into: a unit cannot be merged into itself';
    const into = units.get(change.into);
    if (!into) return `into: no unit ${change.into}`;
    if (!into.active)
      return `into: ${change.into} is closed${into.mergedInto ? ` (merged into ${into.mergedInto})` : ''}`;
    if (!unit.active) return `code: ${change.code} is closed already`;
  }
  if (change.kind === 'deactivate' && !unit.active) return `code: ${change.code} is closed already`;
  return undefined;
}

/**
 * The deadline a task keeps when it moves to another unit (a merger): the same day, so the
 * obligation is not reset; one already past becomes the next working day, so the unit taking it
 * over is chased from tomorrow rather than escalated the moment it receives it.
 */
export function movedDeadline(deadline: LocalDate, today: LocalDate, calendar: WorkingCalendar): LocalDate {
  return deadline > today ? deadline : calendar.workingDaysAfter(today, 1);
}

/** What an edit of a unit's form changes, one audited change per part that differs. */
export function changesBetween(
  current: OrgUnit,
  edited: Pick<OrgUnit, 'name' | 'emails' | 'head' | 'focalPoint' | 'substitute' | 'parent'>,
): UnitChange[] {
  const code = current.code;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const changes: UnitChange[] = [];
  if (edited.name !== current.name) changes.push({ kind: 'rename', code, name: edited.name });
  if (!same(edited.emails, current.emails)) changes.push({ kind: 'addresses', code, emails: edited.emails });
  if (!same(edited.head, current.head)) changes.push({ kind: 'head', code, head: edited.head ?? null });
  if (!same(edited.focalPoint, current.focalPoint))
    changes.push({ kind: 'focal', code, focalPoint: edited.focalPoint ?? null });
  if (!same(edited.substitute, current.substitute))
    changes.push({ kind: 'substitute', code, substitute: edited.substitute ?? null });
  if ((edited.parent ?? null) !== (current.parent ?? null))
    changes.push({ kind: 'parent', code, parent: edited.parent ?? null });
  return changes;
}

/** Addresses as a person types them in one field: separated by new lines, commas or semicolons. */
export const addressList = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((a) => a.trim())
      .filter(Boolean),
  ),
];
