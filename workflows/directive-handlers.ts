// Everything a directive answers: its status, its tasks closing, the office's amendments (add a
// unit, remove one, move a deadline), cancellation, and a corrected calendar.
import { getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import { localDateOf, createVietnamCalendar } from '../domain/calendar';
import { taskWorkflowId } from '../domain/ids';
import type { TaskSpec } from '../domain/schemas';
import { acts } from './activities';
import { refuse, unlessNotFound } from './errors';
import {
  amendUpdate,
  calendarChangedSignal,
  cancelDirectiveUpdate,
  directiveStatusQuery,
  moveDeadlineSignal,
  moveToCurrentVersionSignal,
  taskClosedSignal,
} from './messages';
import type { DirectiveRun } from './directive-run';
import type { AmendRequest, AmendResult } from './types';

export function listen(directive: DirectiveRun): void {
  const { state } = directive;

  setHandler(directiveStatusQuery, () => directive.view());
  setHandler(taskClosedSignal, (closed) => directive.taskClosed(closed));
  setHandler(moveToCurrentVersionSignal, () => directive.requestMove());
  setHandler(calendarChangedSignal, ({ calendar }) => {
    directive.input.calendar = calendar;
    directive.calendar = createVietnamCalendar(calendar);
  });

  setHandler(amendUpdate, (req) => directive.exclusive(() => amend(directive, req)), {
    validator: (req) => {
      if (state.phase !== 'running') refuse('DIRECTIVE_CLOSED', `the directive is ${state.phase}`);
      if (req.kind === 'move' && req.deadline < localDateOf(Date.now()))
        refuse('INVALID_INPUT', `deadline: ${req.deadline} is in the past`);
    },
  });

  setHandler(
    cancelDirectiveUpdate,
    async ({ reason }) => {
      const cancelling = await directive.exclusive(() => directive.cancelOpen(reason));
      return { cancelling };
    },
    {
      validator: (_req) => {
        if (state.phase !== 'running') refuse('DIRECTIVE_CLOSED', `the directive is ${state.phase}`);
      },
    },
  );
}

/** Where a unit stands in the directive: a task of its document, one added since, or none. */
async function whereIs(directive: DirectiveRun, unit: string) {
  const added = directive.state.added.some((t) => t.unit === unit);
  const found = added ? {} : await acts.findUnit({ key: directive.summary.key, unit });
  const inDirective = added || found.index !== undefined;
  const queue = directive.state.queue;
  // A task is still waiting to start while the open cycle's queue has not reached it.
  const queued =
    queue !== undefined &&
    (added ? queue.added.some((t) => t.unit === unit) : found.index !== undefined && found.index >= queue.next);
  return { inDirective, queued, removed: directive.state.removed.includes(unit) };
}

async function amend(directive: DirectiveRun, req: AmendRequest): Promise<AmendResult> {
  if (req.kind === 'add') return add(directive, req.task);
  const unit = req.unit;
  const where = await whereIs(directive, unit);
  if (!where.inDirective || where.removed) refuse('NOT_FOUND', `unit: ${unit} has no task in this directive`);
  const current = directive.currentCycle;
  const id = taskWorkflowId(directive.summary.key, unit, current?.cycle ?? '');
  // Reaching a task that has ended means it closed already: nothing to amend.
  const closed = (err: unknown): never => {
    unlessNotFound(err);
    refuse('CONFLICT', `unit: ${unit}'s task is already closed`);
  };
  const { state } = directive;
  if (req.kind === 'remove') {
    state.removed.push(unit);
    state.added = state.added.filter((t) => t.unit !== unit);
    if (state.queue) state.queue.added = state.queue.added.filter((t) => t.unit !== unit);
    if (!where.queued && current) await getExternalWorkflowHandle(id).cancel().catch(closed);
    directive.touch();
    return { applied: 'remove', unit };
  }
  const deadline = directive.calendar.nextWorkingDay(req.deadline, true);
  const move = { deadline: req.deadline, by: req.by, reason: req.reason };
  if (where.queued) state.moved[unit] = move;
  else await getExternalWorkflowHandle(id).signal(moveDeadlineSignal, move).catch(closed);
  directive.touch();
  return { applied: 'move', unit, deadline };
}

/** A unit added to a running directive: its task starts now (or with the queue it joins). */
async function add(directive: DirectiveRun, spec: TaskSpec): Promise<AmendResult> {
  const where = await whereIs(directive, spec.unit);
  if (where.removed) refuse('CONFLICT', `task.unit: ${spec.unit} was removed from this directive`);
  if (where.inDirective) refuse('CONFLICT', `task.unit: ${spec.unit} already has a task in this directive`);
  const { state } = directive;
  state.added.push(spec);
  directive.touch();
  if (state.queue) {
    state.queue.added.push(spec);
    return { applied: 'add', unit: spec.unit };
  }
  const current = directive.currentCycle;
  // Between two cycles of a periodic plan, the unit joins from the next cycle.
  if (!current || (current.cycle && current.base < localDateOf(Date.now()))) return { applied: 'add', unit: spec.unit };
  const { deadline } = await directive.startTasks(current, { specs: [spec] });
  return { applied: 'add', unit: spec.unit, deadline };
}
