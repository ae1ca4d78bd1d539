// Update validators reject bad input before it enters history, with the field named.
import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { schemas } from './lazy-schemas';

/** Error codes a workflow answers with; the web app maps them to pages and statuses. */
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

export function refuse(code: RefusalCode, message: string, fields: string[] = []): never {
  throw ApplicationFailure.create({
    type: code,
    message,
    details: [fields.length ? fields : [message]],
    nonRetryable: true,
  });
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = schemas().describeIssues(parsed.error);
    refuse('INVALID_INPUT', fields.join('; '), fields);
  }
  return parsed.data;
}
