// dondoc's activities for workflow tests on the time-skipping server: mail is recorded (with the
// server's clock) instead of sent, and the read model and directive documents live in memory.
// Planning is the real code (activities/plan.ts) over those in-memory parts.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Activities } from '../../activities';
import { createPlanActivities } from '../../activities/plan';
import type { NotifyInput, NotifyResult } from '../../activities/types';
import { documentSha, type DocumentStore } from '../../db/directive-documents';
import type { DirectiveRecord, TaskRecord } from '../../db/read-model';
import { unstartedState } from '../../db/task-rows';
import type { Directive } from '../../domain/schemas';

export interface NotifyCall extends NotifyInput {
  /** Workflow-side time when the activity ran (the test server's clock). */
  at: number;
}

/** Directive documents kept in memory, as the database keeps them: once per key. */
export function memoryDocuments(): DocumentStore & { all: Map<string, Directive> } {
  const all = new Map<string, Directive>();
  return {
    all,
    get: async (key) => all.get(key),
    async store(key, directive) {
      const known = all.get(key);
      if (known) return documentSha(known) === documentSha(directive) ? 'same' : 'taken';
      all.set(key, structuredClone(directive));
      return 'stored';
    },
  };
}

/** Activities that remember how they were called, with the server's clock. */
export function recordingActivities(env: TestWorkflowEnvironment) {
  const notified: NotifyCall[] = [];
  const tasks = new Map<string, TaskRecord>();
  const directives = new Map<string, DirectiveRecord>();
  const consolidated: string[] = [];
  /** Status packages asked for, as `taskWorkflowId:code`. */
  const statusPackages: string[] = [];
  const documents = memoryDocuments();
  const upsertTask = (r: TaskRecord) => {
    const known = tasks.get(r.workflowId);
    if (!known || known.state.version < r.state.version) tasks.set(r.workflowId, structuredClone(r));
  };
  const upsertDirective = async (r: DirectiveRecord) => {
    const known = directives.get(r.workflowId);
    if (!known || known.version < r.version) directives.set(r.workflowId, structuredClone({ ...known, ...r }));
  };
  const plan = createPlanActivities({
    documents,
    readModel: {
      upsertDirective,
      async recordPlanned(directive, planned) {
        for (const t of planned)
          if (!tasks.has(t.workflowId))
            upsertTask({
              workflowId: t.workflowId,
              directive,
              spec: t.spec,
              cycle: t.cycle,
              state: unstartedState(t.deadline),
            });
      },
      async openTaskIds(key, after, limit) {
        return [...tasks.values()]
          .filter((t) => t.directive.key === key && !['done', 'cancelled'].includes(t.state.phase))
          .map((t) => t.workflowId)
          .filter((id) => id > after)
          .sort()
          .slice(0, limit);
      },
    },
  });
  const activities: Activities = {
    ...plan,
    async notify(input: NotifyInput): Promise<NotifyResult> {
      notified.push({ ...input, at: await env.currentTimeMs() });
      return { sent: ['unit@example.vn'], skipped: [] };
    },
    async recordTask(r: TaskRecord) {
      upsertTask(r);
    },
    recordDirective: upsertDirective,
    async consolidate(input) {
      consolidated.push(input.directiveKey);
      return { tasks: 0 };
    },
    async sendStatusPackage(input) {
      statusPackages.push(`${input.taskWorkflowId}:${input.statusCode}`);
      return 'sent';
    },
    async sendReminderDispatchPackage() {
      return { outcome: 'no delivery configured', to: [], skipped: [] };
    },
  };
  return { activities, notified, tasks, directives, consolidated, documents, statusPackages };
}
