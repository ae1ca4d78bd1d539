// Everything a client needs to talk to dondoc's workflows: the task queue, workflow ids made
// from business keys, and the message definitions. Imported by workflows and clients alike.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { HolidayAnnouncement } from '../domain/calendar';
import type { LocalDate } from '../domain/schemas';
import type {
  AmendRequest,
  AmendResult,
  CascadeRequest,
  DirectiveView,
  ExtensionDecision,
  ExtensionRequest,
  MoveDeadline,
  Receipt,
  ReportSubmission,
  ReviewDecision,
  SubDirectiveClosed,
  TaskClosed,
  TaskView,
} from './types';

export { directiveKey, directiveWorkflowId, receiptNumber, taskWorkflowId } from '../domain/ids';

export const TASK_QUEUE = 'dondoc';

// Task: what a department and the office do to one task.
export const acknowledgeUpdate = defineUpdate<{ acknowledgedAt: number }, [{ by: string }]>('acknowledge');
export const submitReportUpdate = defineUpdate<Receipt, [ReportSubmission]>('submitReport');
export const requestExtensionUpdate = defineUpdate<{ requested: LocalDate }, [ExtensionRequest]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<{ deadline: LocalDate }, [ExtensionDecision]>('decideExtension');
export const reviewReportUpdate = defineUpdate<
  { state: string; deadline: LocalDate; revisionDue?: LocalDate },
  [ReviewDecision]
>('reviewReport');
export const taskStateQuery = defineQuery<TaskView>('taskState');
/** A district passes its task on to its own units as a sub-directive. */
export const cascadeUpdate = defineUpdate<{ workflowId: string; number: string }, [CascadeRequest]>('cascade');
/** From a sub-directive to the task that started it: it has closed. */
export const subDirectiveClosedSignal = defineSignal<[SubDirectiveClosed]>('subDirectiveClosed');
/** From the directive: the office moved this task's deadline. */
export const moveDeadlineSignal = defineSignal<[MoveDeadline]>('moveDeadline');
/** The government announced (or corrected) days off: deadlines counted on them follow. */
export const calendarChangedSignal = defineSignal<[{ calendar: HolidayAnnouncement[]; by: string }]>('calendarChanged');

/**
 * From the operator (`dondoc deployment current`): a newer version of the workers now takes new
 * work; a run pinned to an older one continues as new onto it at its next step. Servers that tell
 * a run so themselves (targetWorkerDeploymentVersionChanged) need no signal.
 */
export const moveToCurrentVersionSignal = defineSignal('moveToCurrentVersion');

// Directive: status, amendments, cancellation, and what its tasks tell it.
export const directiveStatusQuery = defineQuery<DirectiveView>('directiveStatus');
export const amendUpdate = defineUpdate<AmendResult, [AmendRequest]>('amend');
export const cancelDirectiveUpdate = defineUpdate<{ cancelling: number }, [{ by: string; reason: string }]>('cancel');
export const taskClosedSignal = defineSignal<[TaskClosed]>('taskClosed');
