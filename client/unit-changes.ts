// Directory changes that reach running directives. Moving a task to another unit is an amendment
// of its directive: the task is added for the new unit (keeping its deadline) and then removed
// from the old one, whose workflow is cancelled and which is told by mail. Merging units moves
// every open task of the old unit so; closing a unit leaves its tasks for the office to move or
// cancel one by one, and lists them until it has.
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import { vietnamCalendar } from '../domain/calendar';
import { AmendRequestSchema } from '../domain/commands';
import { localDateOf } from '../domain/local-date';
import { directiveWorkflowId } from '../domain/ids';
import { movedDeadline, type UnitChange } from '../domain/unit-changes';
import { applyUnitChange, openTasksOfUnit } from '../db/unit-admin';
import type { AuditEntry } from '../db/audit';
import { createReadModel, type TaskRow } from '../db/read-model';
import { amendUpdate } from '../workflows/messages';

export interface ChangeDeps {
  pool: Pool;
  /** Needed only for changes that reach running directives (merge, move, cancel). */
  client?: Client;
}

export interface TaskMove {
  taskId: string;
  directive: string;
  from: string;
  to?: string;
  /** Moved to the new unit with this deadline, cancelled, or refused (and left where it was) with the reason. */
  outcome: 'moved' | 'cancelled' | 'refused';
  deadline?: string;
  why?: string;
}

const amend = (client: Client, key: string, req: unknown) =>
  client.workflow
    .getHandle(directiveWorkflowId(key))
    .executeUpdate(amendUpdate, { args: [AmendRequestSchema.parse(req)] });

/** Why a workflow refused an amendment, in its own words ("task.unit: … already has a task"). */
const why = (err: unknown): string =>
  err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure
    ? err.cause.message
    : (err as Error).message.split('\n')[0];

/** Moves one task to another unit: added there with its deadline kept, then removed from its unit. */
export async function moveTask(client: Client, row: TaskRow, to: string, by: string): Promise<TaskMove> {
  const move = { taskId: row.workflow_id, directive: row.directive_number, from: row.unit_code, to };
  const deadline = movedDeadline(row.deadline, localDateOf(Date.now()), vietnamCalendar());
  const spec = { ...row.snapshot.spec, unit: to, deadline: { date: deadline } };
  try {
    const added = await amend(client, row.directive_number, { kind: 'add', task: spec, by });
    await amend(client, row.directive_number, {
      kind: 'remove',
      unit: row.unit_code,
      by,
      reason: `chuyển cho ${to} / moved to ${to}`,
    });
    return { ...move, outcome: 'moved', deadline: added.deadline ?? deadline };
  } catch (err) {
    return { ...move, outcome: 'refused', why: why(err) };
  }
}

/** Cancels one task of a closed unit: the unit is removed from the task's directive. */
export async function cancelTask(client: Client, row: TaskRow, by: string, reason: string): Promise<TaskMove> {
  const move = { taskId: row.workflow_id, directive: row.directive_number, from: row.unit_code };
  try {
    await amend(client, row.directive_number, { kind: 'remove', unit: row.unit_code, by, reason });
    return { ...move, outcome: 'cancelled' };
  } catch (err) {
    return { ...move, outcome: 'refused', why: why(err) };
  }
}

/**
 * Applies a directory change. A merger also moves every open task of the old unit to the unit it
 * joins; what a directive refuses (the new unit has a task there already) stays listed for the office.
 */
export async function changeUnit(
  deps: ChangeDeps,
  change: UnitChange,
  who: Pick<AuditEntry, 'actor' | 'via'>,
): Promise<{ moved: TaskMove[] }> {
  if (change.kind === 'merge' && !deps.client) throw new Error('merging units needs Temporal, to move their tasks');
  await applyUnitChange(deps.pool, change, who);
  if (change.kind !== 'merge') return { moved: [] };
  const moved: TaskMove[] = [];
  for (const row of await openTasksOfUnit(deps.pool, change.code))
    moved.push(await moveTask(deps.client!, row, change.into, who.actor));
  return { moved };
}

/** The task a move or cancellation names, if it is a task of that unit still to be done. */
export async function openTaskOf(pool: Pool, taskId: string): Promise<TaskRow | undefined> {
  const row = await createReadModel(pool).task(taskId);
  return row && ['assigning', 'open', 'returned', 'submitted'].includes(row.state) ? row : undefined;
}
