// A district passes its task on to its own units: the sub-directive it starts, built from the
// district's request and checked against the task it comes from, and the task's handlers for
// starting it and for hearing that it closed.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ChildWorkflowCancellationType, ParentClosePolicy, setHandler, startChild } from '@temporalio/workflow';
import { resolveDeadline } from '../domain/chase';
import { localDateOf, type WorkingCalendar } from '../domain/calendar';
import type { Directive, LocalDate } from '../domain/schemas';
import { schemas } from './lazy-schemas';
import { cascadeUpdate, directiveWorkflowId, subDirectiveClosedSignal } from './messages';
import { refuse, validate } from './validation';
import type { directiveWorkflow } from './directive';
import type { TaskInput, TaskState } from './types';

/**
 * The sub-directive for a cascade request, or an ApplicationFailure naming the field: its tasks
 * may not include the district itself nor fall due after the district's own deadline.
 */
export function subDirectiveOf(
  input: TaskInput,
  state: TaskState,
  raw: unknown,
  today: LocalDate,
  calendar: WorkingCalendar,
): Directive {
  const req = validate(schemas().CascadeRequestSchema, raw);
  const directive = validate(schemas().DirectiveSchema, {
    number: req.number,
    title: req.title,
    issuer: req.issuer,
    issuedOn: today,
    legalBases: [input.directive.number],
    policy: input.policy,
    tasks: req.tasks,
  });
  directive.tasks.forEach((t, i) => {
    if (t.unit === input.spec.unit)
      refuse('INVALID_INPUT', `tasks.${i}.unit: ${t.unit} is the unit passing the task on`);
    const due = resolveDeadline(t.deadline, today, calendar);
    if (due > state.deadline)
      refuse('INVALID_INPUT', `tasks.${i}.deadline: ${due} is after this task's own deadline ${state.deadline}`);
  });
  return directive;
}

/** What closes a cascaded task, by the directive's policy (older policies lack the field). */
export const closesWithSubDirective = (input: TaskInput): boolean =>
  (input.policy.cascadeCompletion ?? 'sub-directive') === 'sub-directive';

interface CascadeContext {
  workflowId: string;
  input: TaskInput;
  state: TaskState;
  calendar: WorkingCalendar;
  touch(): void;
  publish(): Promise<void>;
  check(req: unknown): void;
}

/** The task's cascade update and the signal its sub-directive sends when it closes. */
export function handleCascade({ workflowId, input, state, calendar, touch, publish, check }: CascadeContext): void {
  setHandler(
    cascadeUpdate,
    async (req) => {
      state.updatesThisRun += 1;
      if (state.cascade) return { workflowId: state.cascade.workflowId, number: state.cascade.number };
      const sub = subDirectiveOf(input, state, req, localDateOf(Date.now()), calendar);
      const childId = directiveWorkflowId(sub.number);
      // Claimed before the start, so a concurrent second request answers with this one.
      state.cascade = {
        number: sub.number,
        workflowId: childId,
        by: req.by,
        at: Date.now(),
        units: sub.tasks.map((t) => t.unit),
        phase: 'running',
      };
      try {
        // The sub-directive outlives this run (a task continues as new); it reports back by signal.
        await startChild<typeof directiveWorkflow>('directiveWorkflow', {
          workflowId: childId,
          args: [{ directive: sub, parentTaskWorkflowId: workflowId }],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          // A cancelled task cancels its sub-directive itself, once, from its cancellation handling.
          cancellationType: ChildWorkflowCancellationType.ABANDON,
        });
      } catch (err) {
        state.cascade = undefined;
        if (err instanceof WorkflowExecutionAlreadyStartedError)
          refuse('CONFLICT', `number: ${sub.number} is already the number of another directive`);
        throw err;
      }
      touch();
      await publish();
      return { workflowId: childId, number: sub.number };
    },
    {
      validator: check,
    },
  );

  setHandler(subDirectiveClosedSignal, (closed) => {
    const c = state.cascade;
    if (!c || c.number !== closed.number || c.phase !== 'running') return;
    c.phase = closed.phase;
    c.closedAt = Date.now();
    c.indicators = closed.indicators;
    // By the policy, the district's task closes with the sub-directive it started.
    if (
      closed.phase === 'done' &&
      closesWithSubDirective(input) &&
      state.phase !== 'done' &&
      state.phase !== 'cancelled'
    ) {
      state.phase = 'done';
      state.doneAt = c.closedAt;
      state.escalationLevel = 0;
    }
    touch();
  });
}
