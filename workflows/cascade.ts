// A district passes its task on to its own units: the sub-directive it starts, checked against
// the task it comes from, and the task's handlers for starting it and for hearing that it closed.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/common';
import { ChildWorkflowCancellationType, ParentClosePolicy, setHandler, startChild } from '@temporalio/workflow';
import { localDateOf } from '../domain/calendar';
import { DOCUMENT_NUMBER, DOCUMENT_NUMBER_HINT, directiveKey, directiveWorkflowId } from '../domain/ids';
import { deadlineOf } from '../domain/plan';
import type { Directive } from '../domain/schemas';
import { acts } from './activities';
import { refuse } from './errors';
import { cascadeUpdate, subDirectiveClosedSignal } from './messages';
import type { directiveWorkflow } from './directive';
import type { TaskRun } from './task-run';
import type { CascadeRequest } from './types';

/** What closes a cascaded task, by the directive's policy. */
const closesWithSubDirective = (task: TaskRun): boolean => task.input.policy.cascadeCompletion === 'sub-directive';

/** Refuses a cascade the task cannot take now; asking again for the same sub-directive is answered with it. */
function checkCascade(task: TaskRun, req: CascadeRequest): void {
  const { state, input } = task;
  if (!input.spec.cascade) refuse('INVALID_INPUT', 'cascade: this task is not marked for passing on to sub-units');
  if (state.cascade) {
    if (state.cascade.number === req.number) return;
    refuse('CONFLICT', `number: the task was already passed on as ${state.cascade.number}`);
  }
  if (!task.chasing && state.phase !== 'submitted') refuse('TASK_CLOSED', `the task is ${state.phase}`);
  if (!DOCUMENT_NUMBER.test(req.number)) refuse('INVALID_INPUT', `number: ${DOCUMENT_NUMBER_HINT}`);
  const today = localDateOf(Date.now());
  req.tasks.forEach((t, i) => {
    if (t.unit === input.spec.unit)
      refuse('INVALID_INPUT', `tasks.${i}.unit: ${t.unit} is the unit passing the task on`);
    const rule = 'date' in t.deadline ? t.deadline : { ...t.deadline, from: today };
    const due = deadlineOf(rule, task.calendar);
    if (due > state.deadline)
      refuse('INVALID_INPUT', `tasks.${i}.deadline: ${due} is after this task's own deadline ${state.deadline}`);
  });
}

/** The sub-directive's document: the district's request, under the province's directive. */
function subDirectiveOf(task: TaskRun, req: CascadeRequest): Directive {
  const { input } = task;
  return {
    number: req.number,
    title: req.title,
    issuer: req.issuer,
    issuedOn: localDateOf(Date.now()),
    legalBases: [input.directive.number],
    confidentiality: 'normal',
    schedule: { kind: 'once' },
    policy: input.policy,
    tasks: req.tasks,
  };
}

/** The task's cascade update and the signal its sub-directive sends when it closes. */
export function handleCascade(task: TaskRun): void {
  const { state } = task;
  setHandler(
    cascadeUpdate,
    async (req) => {
      task.updatesThisRun += 1;
      if (state.cascade) return { workflowId: state.cascade.workflowId, number: state.cascade.number };
      const directive = subDirectiveOf(task, req);
      const key = directiveKey(req.number, task.workflowId);
      const workflowId = directiveWorkflowId(key);
      // Claimed before the start, so a concurrent second request answers with this one.
      state.cascade = {
        number: req.number,
        key,
        workflowId,
        by: req.by,
        at: Date.now(),
        units: req.tasks.map((t) => t.unit),
        phase: 'running',
      };
      try {
        const stored = await acts.storeDirective({ directive, parentTaskWorkflowId: task.workflowId });
        // The sub-directive outlives this run (a task continues as new); it reports back by signal.
        await startChild<typeof directiveWorkflow>('directiveWorkflow', {
          workflowId,
          args: [
            {
              directive: { key, number: directive.number, title: directive.title, issuer: directive.issuer },
              taskCount: stored.taskCount,
              schedule: directive.schedule,
              policy: directive.policy,
              calendar: task.announcements,
              parentTaskWorkflowId: task.workflowId,
            },
          ],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          parentClosePolicy: ParentClosePolicy.ABANDON,
          // A cancelled task cancels its sub-directive itself, once, when it is cancelled.
          cancellationType: ChildWorkflowCancellationType.ABANDON,
        });
      } catch (err) {
        state.cascade = undefined;
        if (err instanceof WorkflowExecutionAlreadyStartedError)
          refuse('CONFLICT', `number: ${req.number} was already used by this task`);
        throw err;
      }
      task.touch();
      await task.publish();
      return { workflowId, number: req.number };
    },
    { validator: (req) => checkCascade(task, req) },
  );

  setHandler(subDirectiveClosedSignal, (closed) => {
    const c = state.cascade;
    if (!c || c.key !== closed.key || c.phase !== 'running') return;
    c.phase = closed.phase;
    c.closedAt = Date.now();
    c.indicators = closed.indicators;
    // By the policy, the district's task closes with the sub-directive it started.
    if (closed.phase === 'done' && closesWithSubDirective(task) && !task.closed) {
      state.phase = 'done';
      state.doneAt = c.closedAt;
      state.escalationLevel = 0;
    }
    task.touch();
  });
}
