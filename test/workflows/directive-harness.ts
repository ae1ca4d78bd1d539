// Runs a directive on the time-skipping server with recording activities, and reads back every
// run of a workflow's history: the directive continues as new, so one history is not enough.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { Activities } from '../../activities';
import type { StartTasksResult } from '../../activities/types';
import { directiveWorkflowId } from '../../workflows/messages';
import type { Directive } from '../../domain/schemas';
import type { directiveWorkflow } from '../../workflows/directive';
import type { DirectiveInput } from '../../workflows/types';
import type { TaskRecord } from '../../db/read-model';
import { createTestWorker, startWorkflow, type StartWith } from '../helpers/temporal';
import { recordingActivities } from '../helpers/recording-activities';
import { SHIPPED_CALENDAR } from './fixtures';

const EventType = temporal.api.enums.v1.EventType;

export interface RunFigures {
  runId: string;
  events: number;
  /** Child workflows the run started (a directive starts its tasks from an activity instead). */
  childrenStarted: number;
  /** Tasks the run's completed `startTasks` activities say they started. */
  tasksStarted: number;
}

/** What the run's completed `startTasks` activities say they started. */
function tasksStartedIn(events: temporal.api.history.v1.IHistoryEvent[]): number {
  const starts = new Set(
    events
      .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'startTasks')
      .map((e) => Number(e.eventId)),
  );
  return events
    .map((e) => e.activityTaskCompletedEventAttributes)
    .filter((done) => done && starts.has(Number(done.scheduledEventId)))
    .reduce((n, done) => {
      const result: StartTasksResult = defaultPayloadConverter.fromPayload(done!.result!.payloads![0]);
      return n + result.started;
    }, 0);
}

/** Every run of a workflow, oldest first, following continue-as-new from the first run. */
export async function runsOf(
  env: TestWorkflowEnvironment,
  workflowId: string,
  firstRunId: string,
): Promise<RunFigures[]> {
  const runs: RunFigures[] = [];
  let runId: string | undefined = firstRunId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await env.client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    runs.push({
      runId,
      events: events.length,
      childrenStarted: events.filter(
        (e) => e.eventType === EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED,
      ).length,
      tasksStarted: tasksStartedIn(events),
    });
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

export interface DirectiveRunOptions {
  worker?: Parameters<typeof createTestWorker>[3];
  /** Wraps the recording activities, e.g. to fail an attempt. */
  activities?: (recorded: Activities) => Activities;
  batchSize?: number;
  startWith?: StartWith;
}

/**
 * Starts a directive on its own task queue and worker and runs `fn` while the worker runs.
 * Whatever is still running afterwards (tasks outlive their directive's runs) is terminated, so
 * the shared server's clock is free for the next test.
 */
export async function withDirective<T>(
  env: TestWorkflowEnvironment,
  directive: Directive,
  fn: (h: {
    handle: WorkflowHandle<typeof directiveWorkflow>;
    firstRunId: string;
    rec: ReturnType<typeof recordingActivities>;
    firstUpdate?: PromiseSettledResult<unknown>;
  }) => Promise<T>,
  { worker: workerOptions = {}, batchSize, startWith, activities = (a) => a }: DirectiveRunOptions = {},
) {
  const rec = recordingActivities(env);
  const taskQueue = `q-${randomUUID()}`;
  const worker = await createTestWorker(env, activities(rec.activities), taskQueue, workerOptions);
  // The launch stores the document; the workflow reads its tasks from there.
  await rec.documents.store(directive.number, directive);
  const result = await worker.runUntil(async () => {
    const options = {
      workflowId: directiveWorkflowId(directive.number),
      taskQueue,
      args: [launchInput(directive, batchSize)] as [DirectiveInput],
    };
    const { handle, firstUpdate } = await startWorkflow<typeof directiveWorkflow>(
      env.client,
      'directiveWorkflow',
      options,
      startWith,
    );
    try {
      return await fn({ handle, firstRunId: handle.firstExecutionRunId, rec, firstUpdate });
    } finally {
      const ids = new Set([...rec.tasks.keys(), ...rec.notified.map((n) => n.taskWorkflowId)]);
      await Promise.all(
        [...ids].map((id) =>
          env.client.workflow
            .getHandle(id)
            .terminate('test over')
            .catch(() => undefined),
        ),
      );
      await handle.terminate('test over').catch(() => undefined);
    }
  });
  return { result, rec };
}

/** What a launch gives a directive's workflow: the document stays in the store. */
export const launchInput = (directive: Directive, batchSize?: number): DirectiveInput => ({
  directive: { key: directive.number, number: directive.number, title: directive.title, issuer: directive.issuer },
  taskCount: directive.tasks.length,
  schedule: directive.schedule,
  policy: directive.policy,
  calendar: SHIPPED_CALENDAR,
  batchSize,
});

/** The read model's rows of a directive's tasks, by unit (and cycle). */
export function rowsOf(rec: ReturnType<typeof recordingActivities>, key: string): TaskRecord[] {
  return [...rec.tasks.values()]
    .filter((t) => t.directive.key === key)
    .sort((a, b) => `${a.spec.unit}:${a.cycle}`.localeCompare(`${b.spec.unit}:${b.cycle}`));
}

/** A directive number no other test uses: workflow ids are made from it. */
export const uniqueNumber = (): string =>
  `${Math.floor(Math.random() * 9000) + 1000}/T${randomUUID().slice(0, 8).toUpperCase()}`;
