// Starting a batch of planned tasks through the worker's own Temporal client, so the directive's
// history holds one activity per batch instead of two events and a full task input per task.
// An attempt may be retried after starting some of its tasks: those it finds already started
// still count, while a task id taken before the batch was scheduled does not.
import { Context } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { deadlineInstant, type WorkingCalendar } from '../domain/calendar';
import type { PlannedTask } from '../domain/plan';
import { taskStatus } from '../domain/status';
import { DEADLINE_KEY, DIRECTIVE_KEY, STATUS_KEY, UNIT_KEY } from '../workflows/search-attributes';
import type { taskWorkflow } from '../workflows/task';
import { inParallel } from '../client/in-parallel';
import type { StartTasksInput } from './types';

/** Starts in flight at once: enough to keep the server busy, few enough not to flood it. */
const STARTS_AT_ONCE = 32;

/** The directive's side of the tasks: what every task of the batch is given besides its own plan. */
type Common = Pick<StartTasksInput, 'directive' | 'policy' | 'calendar'>;

/**
 * Starts every planned task's workflow, a few at a time, heartbeating how many are through, and
 * returns how many this batch started (a retried attempt counts those an earlier one started).
 */
export async function startPlanned(common: Common, planned: PlannedTask[], calendar: WorkingCalendar): Promise<number> {
  const ctx = Context.current();
  // The first attempt's schedule time: any task that started since belongs to this batch.
  const since = ctx.info.scheduledTimestampMs;
  let done = 0;
  let started = 0;
  await inParallel(planned, STARTS_AT_ONCE, async (t) => {
    if (await startTask(ctx.client, ctx.info.taskQueue, common, t, calendar, since)) started += 1;
    done += 1;
    ctx.heartbeat({ done, of: planned.length });
  });
  return started;
}

/** Starts one task's workflow, findable in Temporal's lists from its first moment; false when its id was taken before. */
async function startTask(
  client: Client,
  taskQueue: string,
  common: Common,
  t: PlannedTask,
  calendar: WorkingCalendar,
  since: number,
): Promise<boolean> {
  const status = taskStatus({ deadline: t.deadline, originalDeadline: t.deadline }, Date.now(), calendar);
  try {
    await client.workflow.start<typeof taskWorkflow>('taskWorkflow', {
      taskQueue,
      workflowId: t.workflowId,
      args: [
        {
          directive: common.directive,
          spec: t.spec,
          cycle: t.cycle,
          deadline: t.deadline,
          rule: t.rule,
          policy: common.policy,
          calendar: common.calendar,
          leadWorkflowId: t.leadWorkflowId,
        },
      ],
      // A task's id is never used twice: a removed unit's task stays closed.
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: DIRECTIVE_KEY, value: common.directive.key },
        { key: UNIT_KEY, value: t.spec.unit },
        { key: STATUS_KEY, value: status },
        { key: DEADLINE_KEY, value: new Date(deadlineInstant(t.deadline)) },
      ],
    });
    return true;
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    // Started by an earlier attempt of this batch: counted here, as its close will be.
    return (await firstStartOf(client, t.workflowId)) >= since;
  }
}

/**
 * When a task's workflow first started. A task continues as new, and its latest run tells only
 * when that run began; a first run gone past the namespace's retention began long before.
 */
async function firstStartOf(client: Client, workflowId: string): Promise<number> {
  const latest = await client.workflow.getHandle(workflowId).describe();
  const firstRunId = latest.raw.workflowExecutionInfo?.firstRunId;
  if (!firstRunId || firstRunId === latest.runId) return latest.startTime.getTime();
  try {
    return (await client.workflow.getHandle(workflowId, firstRunId).describe()).startTime.getTime();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return 0;
    throw err;
  }
}
