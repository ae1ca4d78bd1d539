// What a workflow refuses, and why: a closed set of codes the web app maps to pages and statuses.
// Inputs were validated at the edge (web, CLI, API); a workflow checks them against its state.
import { ApplicationFailure } from '@temporalio/workflow';

export type RefusalCode =
  | 'INVALID_INPUT'
  | 'INVALID_REPORT'
  | 'INVALID_EXTENSION'
  | 'REPORT_NOT_EXPECTED'
  | 'EXTENSION_PENDING'
  | 'NO_EXTENSION_PENDING'
  | 'ALREADY_REVIEWED'
  | 'TASK_CLOSED'
  | 'DIRECTIVE_CLOSED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BUSY';

/** Refuses an update with its code and a message that names the field. */
export function refuse(code: RefusalCode, message: string): never {
  throw ApplicationFailure.create({ type: code, message, details: [[message]], nonRetryable: true });
}

/**
 * Ignores the one failure expected when reaching another workflow: it is not there (a task
 * started by hand has no directive; a closed directive's run is gone). Anything else is raised.
 */
export function unlessNotFound(err: unknown): undefined {
  if (err instanceof Error && /not ?found/i.test(`${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`))
    return undefined;
  throw err;
}
