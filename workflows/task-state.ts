// Pure helpers over a task's state, shared by the task workflow and its queries.
import { deadlineInstant, type WorkingCalendar } from '../domain/calendar';
import { taskStatus } from '../domain/status';
import type { LocalDate } from '../domain/schemas';
import type { TaskInput, TaskProgress, TaskState, TaskView } from './types';

export function initialTaskState(input: TaskInput, now: number): TaskState {
  return {
    phase: 'open',
    assignedAt: now,
    deadline: input.deadline,
    originalDeadline: input.deadline,
    reports: [],
    extensions: [],
    chases: [],
    escalationLevel: 0,
    cursor: now,
    supportReports: [],
    version: 1,
    updatesThisRun: 0,
  };
}

export const isOnTime = (at: number, deadline: LocalDate): boolean => at <= deadlineInstant(deadline);

/** Receipt numbers read like the office's own: directive number, unit, running number. */
export const receiptNumber = (input: TaskInput, n: number): string =>
  `${input.directive.number.split('/')[0]}-${input.spec.unit}${input.cycle ? `-${input.cycle}` : ''}-${String(n).padStart(2, '0')}`;

export function taskView(
  workflowId: string,
  input: TaskInput,
  state: TaskState,
  now: number,
  calendar: WorkingCalendar,
): TaskView {
  const { updatesThisRun: _, ...rest } = state;
  return {
    workflowId,
    directive: input.directive,
    spec: input.spec,
    cycle: input.cycle,
    status: statusOf(state, now, calendar),
    state: rest,
  };
}

export function statusOf(state: TaskState, now: number, calendar: WorkingCalendar) {
  return taskStatus(
    {
      deadline: state.deadline,
      originalDeadline: state.originalDeadline,
      doneAt:
        state.phase === 'done'
          ? state.doneAt
          : state.phase === 'submitted'
            ? state.reports.at(-1)?.submittedAt
            : undefined,
      returned: state.phase === 'returned',
      extensionPending: state.extension !== undefined,
      cancelled: state.phase === 'cancelled',
    },
    now,
    calendar,
  );
}

export function progressOf(workflowId: string, input: TaskInput, state: TaskState): TaskProgress {
  const accepted = state.reports.find((r) => r.review === 'accepted');
  return {
    workflowId,
    unit: input.spec.unit,
    cycle: input.cycle,
    phase: state.phase,
    deadline: state.deadline,
    escalationLevel: state.escalationLevel,
    doneAt: state.doneAt,
    onTime: state.doneAt !== undefined ? isOnTime(state.doneAt, state.deadline) : undefined,
    // A task closed by its sub-directive counts what the sub-units reported.
    indicators: accepted?.indicators ?? (state.phase === 'done' ? state.cascade?.indicators : undefined),
  };
}
