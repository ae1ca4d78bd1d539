// What a task refuses before an update is accepted: validators run on the workflow's current
// state, change nothing, and throw an ApplicationFailure naming the field.
import { localDateOf, type WorkingCalendar } from '../domain/calendar';
import { schemas } from './lazy-schemas';
import { subDirectiveOf } from './cascade';
import { refuse, validate } from './validation';
import type { TaskInput, TaskState } from './types';

/** Still waiting for a report: reminders and escalations apply. */
export const isChasing = (state: TaskState): boolean => state.phase === 'open' || state.phase === 'returned';

export function taskChecks(input: TaskInput, state: TaskState, busyAt: number, calendar: WorkingCalendar) {
  return {
    acknowledge(req: unknown): void {
      validate(schemas().AcknowledgeSchema, req);
      if (state.phase === 'cancelled') refuse('TASK_CLOSED', 'the task was cancelled');
    },
    submitReport(submission: unknown): void {
      const sub = validate(schemas().ReportSubmissionSchema, submission);
      if (state.reports.some((r) => r.submissionId === sub.submissionId)) return;
      if (!isChasing(state))
        refuse(
          'REPORT_NOT_EXPECTED',
          state.phase === 'submitted' ? 'a report is already waiting for review' : `the task is ${state.phase}`,
        );
      const known = new Set(input.spec.indicators.map((i) => i.code));
      for (const code of Object.keys(sub.indicators))
        if (!known.has(code)) refuse('INVALID_REPORT', `indicators.${code}: not an indicator of this task`);
      if (state.updatesThisRun >= busyAt) refuse('BUSY', 'try again in a moment');
    },
    requestExtension(req: unknown): void {
      const r = validate(schemas().ExtensionRequestSchema, req);
      if (!isChasing(state)) refuse('TASK_CLOSED', `the task is ${state.phase}`);
      if (state.extension) refuse('EXTENSION_PENDING', 'an extension request is already waiting for a decision');
      if (r.until <= state.deadline)
        refuse('INVALID_EXTENSION', `until: must be after the current deadline ${state.deadline}`);
    },
    decideExtension(decision: unknown): void {
      const d = validate(schemas().ExtensionDecisionSchema, decision);
      if (!state.extension) refuse('NO_EXTENSION_PENDING', 'there is no extension request to decide');
      if (d.approve && d.deadline && d.deadline <= localDateOf(Date.now()))
        refuse('INVALID_EXTENSION', 'deadline: must be in the future');
    },
    reviewReport(decision: unknown): void {
      const d = validate(schemas().ReviewDecisionSchema, decision);
      const report = state.reports.find((r) => r.receipt === d.receipt);
      if (!report) refuse('NOT_FOUND', `receipt: no report ${d.receipt}`);
      if (report.review !== 'pending') refuse('ALREADY_REVIEWED', `report ${d.receipt} was already ${report.review}`);
    },
    cascade(req: unknown): void {
      if (!input.spec.cascade) refuse('INVALID_INPUT', 'cascade: this task is not marked for passing on to sub-units');
      const number = (req as { number?: unknown } | null)?.number;
      // Asking again for the same sub-directive answers with it; another one is refused.
      if (state.cascade) {
        if (state.cascade.number === number) return;
        refuse('CONFLICT', `number: the task was already passed on as ${state.cascade.number}`);
      }
      if (!isChasing(state) && state.phase !== 'submitted') refuse('TASK_CLOSED', `the task is ${state.phase}`);
      subDirectiveOf(input, state, req, localDateOf(Date.now()), calendar);
    },
  };
}
