// The directory as the office keeps it: each change checked against the directory as it stands,
// written and audited (who, when, before and after) in one transaction. A closed or merged unit
// keeps its row and its tasks' rows; a merged one names the unit that took it over.
import type { Pool, PoolClient } from 'pg';
import { refusalOf, type TreeUnit, type UnitChange } from '../domain/unit-changes';
import type { OrgUnit } from '../domain/schemas';
import type { AuditEntry } from './audit';
import { createReadModel, type TaskRow } from './read-model';
import { inTransaction } from './transaction';
import { refreshUnitLabels } from './unit-labels';
import { unitColumns } from './unit-rows';

export interface DirectoryEntry {
  unit: OrgUnit;
  active: boolean;
  mergedInto?: string;
  closedAt?: Date;
  /** Tasks not yet closed (being assigned, open, returned or waiting for review). */
  openTasks: number;
}

export class UnitChangeRefused extends Error {}

/** The states of a task still to be done: what a closed unit must not leave behind. */
export const NOT_CLOSED = `('assigning', 'open', 'returned', 'submitted')`;

export async function directoryEntries(pool: Pool): Promise<DirectoryEntry[]> {
  const [units, state] = await Promise.all([
    createReadModel(pool).units(),
    pool.query(
      `SELECT u.code, u.active, u.merged_into, u.closed_at,
              (SELECT count(*)::int FROM tasks t WHERE t.unit_code = u.code AND t.state IN ${NOT_CLOSED}) AS open
         FROM units u`,
    ),
  ]);
  const of = new Map(state.rows.map((r) => [r.code as string, r]));
  return units.map((unit) => {
    const r = of.get(unit.code)!;
    return {
      unit,
      active: r.active,
      ...(r.merged_into ? { mergedInto: r.merged_into } : {}),
      ...(r.closed_at ? { closedAt: r.closed_at } : {}),
      openTasks: r.open,
    };
  });
}

export async function directoryEntry(pool: Pool, code: string): Promise<DirectoryEntry | undefined> {
  return (await directoryEntries(pool)).find((e) => e.unit.code === code);
}

async function treeOf(c: PoolClient): Promise<Map<string, TreeUnit>> {
  const { rows } = await c.query('SELECT code, parent, active, merged_into FROM units FOR UPDATE');
  return new Map(
    rows.map((r) => [
      r.code,
      { code: r.code, parent: r.parent ?? undefined, active: r.active, mergedInto: r.merged_into ?? undefined },
    ]),
  );
}

/** The columns a change writes, and their values. */
function columnsOf(change: Exclude<UnitChange, { kind: 'add' }>): Record<string, unknown> {
  switch (change.kind) {
    case 'rename':
      return { name: change.name };
    case 'addresses':
      return { emails: change.emails };
    case 'head':
      return { head_name: change.head?.name ?? null, head_email: change.head?.email ?? null };
    case 'focal':
      return { focal_name: change.focalPoint?.name ?? null, focal_email: change.focalPoint?.email ?? null };
    case 'substitute': {
      const s = change.substitute;
      return {
        substitute_name: s?.name ?? null,
        substitute_email: s?.email ?? null,
        substitute_from: s?.from ?? null,
        substitute_to: s?.to ?? null,
      };
    }
    case 'parent':
      return { parent: change.parent };
    case 'deactivate':
      return { active: false };
    case 'merge':
      return { active: false, merged_into: change.into };
  }
}

/** Applies one change and records who made it, or refuses it with the field and the reason. */
export async function applyUnitChange(
  pool: Pool,
  change: UnitChange,
  who: Pick<AuditEntry, 'actor' | 'via'>,
): Promise<void> {
  await inTransaction(pool, async (c) => {
    const refused = refusalOf(change, await treeOf(c));
    if (refused) throw new UnitChangeRefused(refused);
    let subject: string;
    let detail: Record<string, unknown>;
    if (change.kind === 'add') {
      const u = change.unit;
      subject = u.code;
      detail = { unit: u };
      await c.query(
        `INSERT INTO units (code, name, kind, emails, head_name, head_email, parent, supervisor_emails, steering_emails,
           organ_id, focal_name, focal_email)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        unitColumns(u),
      );
    } else {
      subject = change.code;
      const columns = columnsOf(change);
      const names = Object.keys(columns);
      const before = (await c.query(`SELECT ${names.join(', ')} FROM units WHERE code = $1`, [change.code])).rows[0];
      const closing = change.kind === 'deactivate' || change.kind === 'merge' ? ', closed_at = now()' : '';
      await c.query(
        `UPDATE units SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')}${closing}, updated_at = now() WHERE code = $1`,
        [change.code, ...Object.values(columns)],
      );
      detail = { before, after: columns, ...('reason' in change && change.reason ? { reason: change.reason } : {}) };
    }
    await c.query('INSERT INTO audit (actor, via, action, subject, detail) VALUES ($1,$2,$3,$4,$5)', [
      who.actor,
      who.via,
      `unit.${change.kind}`,
      subject,
      JSON.stringify(detail),
    ]);
    await refreshUnitLabels(c);
  });
}

/** A unit's tasks still to be done, oldest deadline first. */
export async function openTasksOfUnit(pool: Pool, code: string): Promise<TaskRow[]> {
  const { rows } = await pool.query(
    `SELECT * FROM tasks WHERE unit_code = $1 AND state IN ${NOT_CLOSED} ORDER BY deadline, workflow_id`,
    [code],
  );
  return rows;
}

/** Closed units that still have tasks to be done: the office must move or cancel each. */
export async function closedUnitsWithOpenTasks(pool: Pool): Promise<{ code: string; name: string; open: number }[]> {
  const { rows } = await pool.query(
    `SELECT u.code, u.name, count(*)::int AS open FROM units u JOIN tasks t ON t.unit_code = u.code
      WHERE NOT u.active AND t.state IN ${NOT_CLOSED} GROUP BY u.code, u.name ORDER BY u.name`,
  );
  return rows;
}

export interface UnitAuditEntry {
  at: Date;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** What the office changed about a unit, newest first. */
export async function unitHistory(pool: Pool, code: string, limit = 100): Promise<UnitAuditEntry[]> {
  const { rows } = await pool.query(
    `SELECT at, actor, action, detail FROM audit WHERE subject = $1 AND action LIKE 'unit.%' ORDER BY at DESC, id DESC LIMIT $2`,
    [code, limit],
  );
  return rows;
}

/** The units merged into this one (their history reads under it). */
export async function unitsMergedInto(pool: Pool, code: string): Promise<{ code: string; name: string }[]> {
  const { rows } = await pool.query('SELECT code, name FROM units WHERE merged_into = $1 ORDER BY name', [code]);
  return rows;
}

/** Codes of the units closed or merged away: none takes a new task. */
export async function closedUnitCodes(pool: Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ code: string }>('SELECT code FROM units WHERE NOT active');
  return new Set(rows.map((r) => r.code));
}
