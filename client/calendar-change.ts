// A corrected calendar reaches the running workflows: every open task counts its deadline again
// (telling its unit when it moves) and every running directive plans its next tasks on it.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { calendarChangedSignal } from '../workflows/messages';
import { inParallel } from './in-parallel';
import { currentCalendar } from './temporal';

export interface CalendarTold {
  tasks: number;
  directives: number;
}

const CONCURRENCY = 20;

/** Signals the calendar now in force to every open task and running directive. */
export async function tellRunningWorkflows(client: Client, pool: Pool, by: string): Promise<CalendarTold> {
  const calendar = await currentCalendar(pool);
  const tasks = (
    await pool.query<{ id: string }>(
      `SELECT workflow_id AS id FROM tasks WHERE state NOT IN ('done', 'cancelled') ORDER BY workflow_id`,
    )
  ).rows.map((r) => r.id);
  const directives = (
    await pool.query<{ id: string }>(
      `SELECT workflow_id AS id FROM directives WHERE state IN ('running', 'cancelling')`,
    )
  ).rows.map((r) => r.id);
  const told = { tasks: 0, directives: 0 };
  const tell = (kind: keyof CalendarTold) => async (id: string) => {
    try {
      await client.workflow.getHandle(id).signal(calendarChangedSignal, { calendar, by });
      told[kind] += 1;
    } catch (err) {
      // Closed since the read model last heard of it: nothing to correct.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  };
  await inParallel(directives, CONCURRENCY, tell('directives'));
  await inParallel(tasks, CONCURRENCY, tell('tasks'));
  return told;
}
