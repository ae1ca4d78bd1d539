// Rebuilds the read model from Temporal, which holds the truth: every task and directive
// workflow is listed and asked for its state, then written with the same idempotent upserts the
// activities use. Rows already newer than what a workflow answers are left as they are. A
// directive's document comes from the document store, which is kept with the database's backup.
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { directiveStatusQuery, taskStateQuery } from '../workflows/messages';
import type { DirectiveInput, TaskInput } from '../workflows/types';
import type { DocumentStore } from './directive-documents';
import type { ReadModel } from './read-model';

export interface ReindexResult {
  directives: number;
  tasks: number;
  failed: { workflowId: string; error: string }[];
}

const PARALLEL = 8;

/** The latest run of each workflow of a type; runs that continued as new are followed by a newer one. */
async function latestRuns(client: Client, type: string): Promise<WorkflowExecutionInfo[]> {
  const seen = new Map<string, WorkflowExecutionInfo>();
  for await (const info of client.workflow.list({ query: `WorkflowType = '${type}'` })) {
    if (info.status.name === 'CONTINUED_AS_NEW') continue;
    const known = seen.get(info.workflowId);
    if (!known || info.startTime > known.startTime) seen.set(info.workflowId, info);
  }
  return [...seen.values()];
}

async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map(work));
}

/** What a workflow was started with: the first event of its current run holds it. */
async function runInput<T = DirectiveInput>(client: Client, info: WorkflowExecutionInfo): Promise<T> {
  const history = await client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error('the run has no input');
  return defaultPayloadConverter.fromPayload<T>(payload);
}

export async function reindex(
  client: Client,
  readModel: ReadModel,
  documents: DocumentStore,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ReindexResult> {
  const result: ReindexResult = { directives: 0, tasks: 0, failed: [] };
  const [directives, tasks] = await Promise.all([
    latestRuns(client, 'directiveWorkflow'),
    latestRuns(client, 'taskWorkflow'),
  ]);
  const total = directives.length + tasks.length;
  const fail = (workflowId: string, err: unknown) =>
    result.failed.push({ workflowId, error: (err as Error).message.split('\n')[0] });

  await inBatches(directives, async (info) => {
    try {
      const [input, view] = await Promise.all([
        runInput(client, info),
        client.workflow.getHandle(info.workflowId, info.runId).query(directiveStatusQuery),
      ]);
      const key = input.directive.key;
      await readModel.upsertDirective({
        workflowId: info.workflowId,
        number: key,
        directive: await documents.get(key),
        parentTaskWorkflowId: input.parentTaskWorkflowId,
        phase: view.phase,
        launchedAt: view.launchedAt,
        // The query does not tell the version; the run's starting state gives a floor a live write always beats.
        version: input.carried?.version ?? 0,
        summary: {
          tasks: view.started,
          onTime: view.onTime,
          late: view.late,
          cancelled: view.cancelled,
          indicators: view.indicators,
          open: view.open,
        },
      });
      result.directives += 1;
    } catch (err) {
      fail(info.workflowId, err);
    }
    onProgress(result.directives + result.tasks, total);
  });

  await inBatches(tasks, async (info) => {
    try {
      const view = await client.workflow.getHandle(info.workflowId, info.runId).query(taskStateQuery);
      // A request for explanation says so only in its input; its row goes to its own table.
      const explanation = info.workflowId.startsWith('explanation:')
        ? (await runInput<TaskInput>(client, info)).explanation
        : undefined;
      await readModel.upsertTask({
        workflowId: view.workflowId,
        directive: view.directive,
        spec: view.spec,
        cycle: view.cycle,
        state: view.state,
        ...(explanation ? { explanation } : {}),
      });
      result.tasks += 1;
    } catch (err) {
      fail(info.workflowId, err);
    }
    onProgress(result.directives + result.tasks, total);
  });
  return result;
}
