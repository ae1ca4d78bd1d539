// The directive's planning activities: which tasks start next (read from the stored document, a
// batch at a time, written to the read model as "being assigned", then started), where a unit
// stands, which tasks are still open, and storing a district's sub-directive.
import { createVietnamCalendar, type WorkingCalendar } from '../domain/calendar';
import { directiveKey } from '../domain/ids';
import { planContext, planTask, type PlannedTask } from '../domain/plan';
import type { TaskSpec } from '../domain/schemas';
import type { DocumentStore } from '../db/directive-documents';
import type { ReadModel } from '../db/read-model';
import { startPlanned } from './task-starts';
import type { FindUnitResult, StartTasksInput, StartTasksResult, StoreDirectiveInput } from './types';

export interface PlanDeps {
  readModel: Pick<ReadModel, 'recordPlanned' | 'openTaskIds' | 'upsertDirective'>;
  documents: DocumentStore;
}

/** A permanent failure: the directive's document is not stored (retrying cannot help). */
function missingDocument(key: string): Error {
  return Object.assign(new Error(`directive ${key}: its document is not stored`), { type: 'INVALID_INPUT' });
}

export function createPlanActivities(deps: PlanDeps) {
  const tasksOf = async (key: string): Promise<TaskSpec[]> => {
    const doc = await deps.documents.get(key);
    if (!doc) throw missingDocument(key);
    return doc.tasks;
  };

  /** The batch's tasks, planned and written to the read model as "being assigned" before they start. */
  const plan = async (input: StartTasksInput, calendar: WorkingCalendar): Promise<PlannedTask[]> => {
    const own = await tasksOf(input.directive.key);
    const specs = input.specs ?? own.slice(input.from ?? 0, (input.from ?? 0) + (input.count ?? 0));
    const ctx = planContext(input.directive.key, [...own, ...(input.specs ?? [])], input.policy, calendar);
    const planned = specs
      .filter((spec) => !input.removed.includes(spec.unit))
      .map((spec) => {
        const task = planTask(ctx, spec, input.base, input.cycle);
        // A deadline the office moved before the task started: the assignment carries it.
        const moved = input.moved[spec.unit];
        return moved
          ? { ...task, deadline: calendar.nextWorkingDay(moved.deadline, true), rule: { date: moved.deadline } }
          : task;
      });
    await deps.readModel.recordPlanned(input.directive, planned);
    return planned;
  };

  return {
    /** Plans the directive's next tasks and starts their workflows; the directive learns only counts. */
    async startTasks(input: StartTasksInput): Promise<StartTasksResult> {
      const calendar = createVietnamCalendar(input.calendar);
      const planned = await plan(input, calendar);
      const started = await startPlanned(input, planned, calendar);
      return { planned: planned.length, started, deadline: planned.length === 1 ? planned[0].deadline : undefined };
    },

    async findUnit({ key, unit }: { key: string; unit: string }): Promise<FindUnitResult> {
      const index = (await tasksOf(key)).findIndex((t) => t.unit === unit);
      return index >= 0 ? { index } : {};
    },

    /** Ids of the directive's tasks not yet closed, in id order after `after`. */
    async openTasks({ key, after, limit }: { key: string; after: string; limit: number }): Promise<string[]> {
      return deps.readModel.openTaskIds(key, after, limit);
    },

    async storeDirective({ directive, parentTaskWorkflowId }: StoreDirectiveInput) {
      const key = directiveKey(directive.number, parentTaskWorkflowId);
      await deps.documents.store(key, directive, parentTaskWorkflowId);
      await deps.readModel.upsertDirective({
        workflowId: `directive:${key}`,
        number: key,
        directive,
        parentTaskWorkflowId,
        phase: 'running',
        launchedAt: Date.now(),
        version: 0,
        summary: {},
      });
      return { key, taskCount: directive.tasks.length };
    },
  };
}
