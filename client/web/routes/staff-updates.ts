// The office's actions on running workflows, sent as Temporal updates. A refusal from a
// workflow's validator (ApplicationFailure with a code and "field: reason") becomes the web
// app's closed set of errors, so the page shows the field and the reason.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { RefusalCode } from '../../../workflows/errors';
import { AppError, type ErrorCode } from '../errors';

function codeOf(refusal: string | undefined): ErrorCode {
  switch (refusal as RefusalCode | undefined) {
    case 'INVALID_INPUT':
    case 'INVALID_REPORT':
    case 'INVALID_EXTENSION':
      return 'INVALID_INPUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'BUSY':
      return 'UNAVAILABLE';
    case 'REPORT_NOT_EXPECTED':
    case 'EXTENSION_PENDING':
    case 'NO_EXTENSION_PENDING':
    case 'ALREADY_REVIEWED':
    case 'TASK_CLOSED':
    case 'DIRECTIVE_CLOSED':
    case 'CONFLICT':
      return 'CONFLICT';
    default:
      return 'INTERNAL';
  }
}

export async function runUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  temporal: Client | undefined,
  workflowId: string,
  update: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  if (!temporal) throw new AppError('UNAVAILABLE', 'Temporal is not connected');
  const handle = temporal.workflow.getHandle(workflowId);
  try {
    return await handle.executeUpdate(update, { args });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      // A finished workflow takes no more updates: say it is closed rather than missing.
      const status = await handle.describe().then(
        (d) => d.status.name,
        () => undefined,
      );
      if (status)
        throw new AppError(
          'CONFLICT',
          `${workflowId} is closed (${status.toLowerCase()}): nothing more can be changed`,
        );
      throw new AppError('NOT_FOUND', `no workflow ${workflowId}`);
    }
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ApplicationFailure) {
      const fields = (cause.details?.[0] as string[] | undefined) ?? [cause.message];
      throw new AppError(codeOf(cause.type ?? undefined), cause.message, fields);
    }
    throw err;
  }
}
