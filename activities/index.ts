// dondoc's activities, built from injected dependencies so the worker passes real I/O and tests
// can pass their own.
import type { DirectiveRecord, TaskRecord } from '../db/read-model';
import type { DocumentStore } from '../db/directive-documents';
import { createEdxmlActivities, type EdxmlDeps } from './edxml';
import { createNotify, type NotifyDeps } from './notify';
import { createPlanActivities } from './plan';
import type { ConsolidateInput } from './types';

/**
 * The activities need what sending mail needs (the database, the read model, links, SMTP), the
 * stored documents, and where edXML packages go.
 */
export type ActivityDeps = NotifyDeps & { documents: DocumentStore; edxml: Omit<EdxmlDeps, 'pool' | 'readModel'> };

export function createActivities(deps: ActivityDeps) {
  return {
    notify: createNotify(deps),
    ...createPlanActivities(deps),
    ...createEdxmlActivities({ ...deps.edxml, pool: deps.pool, readModel: deps.readModel }),

    async recordDirective(record: DirectiveRecord): Promise<void> {
      await deps.readModel.upsertDirective(record);
    },

    async recordTask(record: TaskRecord): Promise<void> {
      await deps.readModel.upsertTask(record);
      // A closed task's links stay usable for a grace period, to read the outcome.
      if (record.state.phase === 'done' || record.state.phase === 'cancelled')
        await deps.links.closeTask(record.workflowId);
    },

    async consolidate(input: ConsolidateInput): Promise<{ tasks: number }> {
      const rows = await deps.readModel.tasksOfDirective(input.directiveKey);
      return { tasks: rows.length };
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
