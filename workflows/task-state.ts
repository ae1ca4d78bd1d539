// Pure helpers over a task's state, shared by the task workflow and its query.
import { deadlineInstant, type WorkingCalendar } from '../domain/calendar';
import { taskStatus, type TaskStatus } from '../domain/status';
import type { LocalDate } from '../domain/schemas';
import type { TaskInput, TaskState, TaskView } from './types';

export function initialTaskState(input: TaskInput, now: number): TaskState {
  return {
    phase: 'open',
    deadline: input.deadline,
    originalDeadline: input.deadline,
    deadlineSince: now,
    deadlineChanges: [],
    reports: [],
    extensions: [],
    chases: [],
    escalationLevel: 0,
    cursor: now,
    version: 1,
  };
}

export const isOnTime = (at: number, deadline: LocalDate): boolean => at <= deadlineInstant(deadline);

export function statusOf(state: TaskState, now: number, calendar: WorkingCalendar): TaskStatus {
  const pending = state.phase === 'submitted' ? state.reports.at(-1) : undefined;
  return taskStatus(
    {
      deadline: state.deadline,
      originalDeadline: state.originalDeadline,
      assigned: state.assignedAt !== undefined,
      doneAt: state.phase === 'done' ? state.doneAt : undefined,
      pendingSince: pending?.submittedAt,
      returned: state.phase === 'returned',
      revisionDue: state.revisionDue,
      extensionPending: state.extension !== undefined,
      cancelled: state.phase === 'cancelled',
    },
    now,
    calendar,
  );
}

export function taskView(
  workflowId: string,
  input: TaskInput,
  state: TaskState,
  now: number,
  calendar: WorkingCalendar,
): TaskView {
  return {
    workflowId,
    directive: input.directive,
    spec: input.spec,
    cycle: input.cycle,
    status: statusOf(state, now, calendar),
    state,
  };
}
