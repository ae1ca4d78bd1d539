// Workflow histories read back from the server: events per run (following continue-as-new) and
// where the time of an update went (its activities and signals, from the events' timestamps).
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { tsToMs } from '@temporalio/common/lib/time';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface RunSize {
  runId: string;
  events: number;
  /** The history's size as the server sends it (protobuf). */
  bytes: number;
  /** What Temporal Cloud would bill for the run, estimated from its events (billableActions). */
  actions: number;
}

/**
 * Temporal Cloud's billable actions in a run, estimated from its history as Cloud's "Actions"
 * page counts them: a start (two for a child, its parent's intent and its execution), each timer,
 * each activity attempt, all markers of one workflow task as one (local activities, patches), each
 * search-attribute upsert, each signal sent (from a workflow, or received from a client) and each
 * update accepted. Queries, heartbeats and rejected updates are not in a history, so not counted.
 */
export function billableActions(events: HistoryEvent[]): number {
  let n = 0;
  const markerTasks = new Set<string>();
  for (const e of events) {
    const started = e.workflowExecutionStartedEventAttributes;
    if (started) n += started.parentWorkflowExecution && !started.continuedExecutionRunId ? 2 : 1;
    if (e.timerStartedEventAttributes) n += 1;
    if (e.activityTaskStartedEventAttributes) n += Math.max(1, e.activityTaskStartedEventAttributes.attempt ?? 1);
    if (e.markerRecordedEventAttributes)
      markerTasks.add(String(e.markerRecordedEventAttributes.workflowTaskCompletedEventId));
    const upsert = e.upsertWorkflowSearchAttributesEventAttributes;
    if (upsert && Object.keys(upsert.searchAttributes?.indexedFields ?? {}).some((k) => k !== 'TemporalChangeVersion'))
      n += 1;
    if (e.signalExternalWorkflowExecutionInitiatedEventAttributes) n += 1;
    if (
      e.workflowExecutionSignaledEventAttributes &&
      !e.workflowExecutionSignaledEventAttributes.externalWorkflowExecution
    )
      n += 1;
    if (e.workflowExecutionUpdateAcceptedEventAttributes) n += 1;
    if (e.workflowExecutionOptionsUpdatedEventAttributes) n += 1;
  }
  return n + markerTasks.size;
}

/** Events in every run of a workflow, following continue-as-new from its first run. */
export async function runSizes(client: Client, workflowId: string, firstRunId: string): Promise<RunSize[]> {
  const runs: RunSize[] = [];
  for (let runId: string | undefined = firstRunId; runId;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: HistoryEvent[] = history.events ?? [];
    runs.push({
      runId,
      events: events.length,
      bytes: temporal.api.history.v1.History.encode(history).finish().length,
      actions: billableActions(events),
    });
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

/** The first run in a workflow's chain of runs (continue-as-new keeps the chain). */
export async function firstRunOf(client: Client, workflowId: string): Promise<string> {
  const d = await client.workflow.getHandle(workflowId).describe();
  return d.raw.workflowExecutionInfo?.firstRunId || d.runId;
}

/** Events of every run of a workflow, from its first: the run count and the largest run. */
export async function historyOf(
  client: Client,
  workflowId: string,
): Promise<{ runs: number; largest: number; total: number }> {
  const runs = await runSizes(client, workflowId, await firstRunOf(client, workflowId));
  return {
    runs: runs.length,
    largest: Math.max(...runs.map((r) => r.events)),
    total: runs.reduce((n, r) => n + r.events, 0),
  };
}

const at = (e: HistoryEvent): number => tsToMs(e.eventTime);

export interface UpdateSpans {
  /** From the update's acceptance to its completion, in ms. */
  total: number;
  /** Time in each activity the update waited for (scheduled → completed), by activity type. */
  activities: Record<string, number>;
  /** Signals sent meanwhile (initiated → delivered or failed). */
  signals: number;
}

/** Where the first update of a workflow spent its time, from the server's event timestamps. */
export async function updateSpans(client: Client, workflowId: string): Promise<UpdateSpans | undefined> {
  const events: HistoryEvent[] = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const accepted = events.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
  const completed = events.findIndex(
    (e, i) => i > accepted && e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
  );
  if (accepted < 0 || completed < 0) return undefined;
  const within = events.slice(accepted, completed + 1);
  const byId = new Map(events.map((e) => [Number(e.eventId), e]));
  const activities: Record<string, number> = {};
  let signals = 0;
  for (const e of events.slice(accepted)) {
    const done = e.activityTaskCompletedEventAttributes;
    if (done) {
      const scheduled = byId.get(Number(done.scheduledEventId));
      if (scheduled && within.includes(scheduled)) {
        const name = scheduled.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
        activities[name] = (activities[name] ?? 0) + at(e) - at(scheduled);
      }
    }
    const signalled =
      e.externalWorkflowExecutionSignaledEventAttributes ?? e.signalExternalWorkflowExecutionFailedEventAttributes;
    if (signalled) {
      const initiated = byId.get(Number(signalled.initiatedEventId));
      if (initiated && within.includes(initiated)) signals += at(e) - at(initiated);
    }
  }
  return { total: at(events[completed]) - at(events[accepted]), activities, signals };
}

/** Bytes and estimated billable actions of a workflow's current run (protobuf, as the server sends it). */
export async function historyCost(client: Client, workflowId: string): Promise<{ bytes: number; actions: number }> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return {
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
    actions: billableActions(history.events ?? []),
  };
}
