// Everything a client needs to talk to dondoc's workflows: the task queue, workflow ids made
// from business keys, and the message definitions. Imported by workflows and clients alike.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LocalDate } from '../domain/schemas';
import type {
  AmendRequest,
  AmendResult,
  CascadeRequest,
  DirectiveView,
  ExtensionDecision,
  ExtensionRequest,
  Receipt,
  ReportSubmission,
  ReviewDecision,
  SubDirectiveClosed,
  TaskProgress,
  TaskView,
} from './types';

export const TASK_QUEUE = 'dondoc';

/** Directive numbers contain "/" (524/UBND-VP9); ids keep them readable. */
export const directiveWorkflowId = (directiveNumber: string): string => `directive:${directiveNumber}`;
export const taskWorkflowId = (directiveNumber: string, unitCode: string, cycle = ''): string =>
  `task:${directiveNumber}:${unitCode}${cycle ? `:${cycle}` : ''}`;

// Task: what a department and the office do to one task.
export const acknowledgeUpdate = defineUpdate<{ acknowledgedAt: number }, [{ by: string }]>('acknowledge');
export const submitReportUpdate = defineUpdate<Receipt, [ReportSubmission]>('submitReport');
export const requestExtensionUpdate = defineUpdate<{ requested: LocalDate }, [ExtensionRequest]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<{ deadline: LocalDate }, [ExtensionDecision]>('decideExtension');
export const reviewReportUpdate = defineUpdate<{ state: string; deadline: LocalDate }, [ReviewDecision]>(
  'reviewReport',
);
export const taskStateQuery = defineQuery<TaskView>('taskState');
/** A district passes its task on to its own units as a sub-directive. */
export const cascadeUpdate = defineUpdate<{ workflowId: string; number: string }, [CascadeRequest]>('cascade');
/** From a sub-directive to the task that started it: it has closed. */
export const subDirectiveClosedSignal = defineSignal<[SubDirectiveClosed]>('subDirectiveClosed');
/** From the directive: the office moved this task's deadline. */
export const moveDeadlineSignal = defineSignal<[{ deadline: LocalDate; by: string }]>('moveDeadline');
/** From a support (phối hợp) task to its lead (chủ trì): a supporting report came in. */
export const supportReportedSignal =
  defineSignal<[{ unit: string; receipt: string; submittedAt: number }]>('supportReported');

// Directive: status, amendments, cancellation, and what its tasks tell it.
export const directiveStatusQuery = defineQuery<DirectiveView>('directiveStatus');
export const amendUpdate = defineUpdate<AmendResult, [AmendRequest]>('amend');
export const cancelDirectiveUpdate = defineUpdate<{ cancelling: number }, [{ by: string; reason: string }]>('cancel');
export const taskProgressSignal = defineSignal<[TaskProgress]>('taskProgress');
