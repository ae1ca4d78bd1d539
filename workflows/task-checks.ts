// What a task refuses before an update is accepted: each check reads the task's current state,
// changes nothing, and refuses with the field named. The shape of what is sent was validated at
// the edge (web, CLI, API); these checks are about what the task can take now.
import { localDateOf } from '../domain/calendar';
import type { ExtensionDecision, ExtensionRequest, ReportSubmission, ReviewDecision } from './types';
import { refuse } from './errors';
import { MAX_UPDATES_PER_RUN, type TaskRun } from './task-run';

/** Refuse before Temporal's own limit of updates a run, leaving room for the run to continue as new. */
const BUSY_AT = MAX_UPDATES_PER_RUN * 1.8;

export function taskChecks(task: TaskRun) {
  const { state, input } = task;
  return {
    acknowledge(): void {
      if (state.phase === 'cancelled') refuse('TASK_CLOSED', 'the task was cancelled');
    },
    submitReport(sub: ReportSubmission): void {
      if (state.reports.some((r) => r.submissionId === sub.submissionId)) return; // a double submit answers again
      if (!task.chasing)
        refuse(
          'REPORT_NOT_EXPECTED',
          state.phase === 'submitted' ? 'a report is already waiting for review' : `the task is ${state.phase}`,
        );
      const indicators = new Map(input.spec.indicators.map((i) => [i.code, i]));
      for (const [code, value] of Object.entries(sub.indicators)) {
        const indicator = indicators.get(code);
        if (!indicator) refuse('INVALID_REPORT', `indicators.${code}: not an indicator of this task`);
        if (indicator.type !== 'decimal' && !Number.isInteger(value))
          refuse('INVALID_REPORT', `indicators.${code}: ${indicator.name} is a count, a whole number`);
      }
      if (task.updatesThisRun >= BUSY_AT) refuse('BUSY', 'try again in a moment');
    },
    requestExtension(req: ExtensionRequest): void {
      if (!task.chasing) refuse('TASK_CLOSED', `the task is ${state.phase}`);
      if (state.extension) refuse('EXTENSION_PENDING', 'an extension request is already waiting for a decision');
      if (req.until <= state.deadline)
        refuse('INVALID_EXTENSION', `until: must be after the deadline ${state.deadline}`);
    },
    decideExtension(d: ExtensionDecision): void {
      if (!state.extension) refuse('NO_EXTENSION_PENDING', 'there is no extension request to decide');
      if (d.approve && d.deadline && d.deadline <= localDateOf(Date.now()))
        refuse('INVALID_EXTENSION', 'deadline: must be in the future');
    },
    reviewReport(d: ReviewDecision): void {
      const report = state.reports.find((r) => r.receipt === d.receipt);
      if (!report) refuse('NOT_FOUND', `receipt: no report ${d.receipt}`);
      if (report.review !== 'pending') refuse('ALREADY_REVIEWED', `report ${d.receipt} was already ${report.review}`);
    },
  };
}
