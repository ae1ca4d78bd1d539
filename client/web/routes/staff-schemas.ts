// The shapes the staff pages and the JSON API accept and answer with. One zod schema each: it
// validates, gives the TypeScript type and becomes the OpenAPI document.
import { z } from 'zod';
import { DocumentNumberSchema, LocalDateSchema, UnitCodeSchema, describeIssues } from '../../../domain/schemas';
import { AppError } from '../errors';
import { refuseNotText } from '../input-guard';

const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

export const BoardQuerySchema = z.object({
  directive: optional(DocumentNumberSchema),
  unit: optional(UnitCodeSchema),
  level: optional(z.coerce.number().int().min(0).max(9)),
  days: optional(z.coerce.number().int().min(1).max(400)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const MonthQuerySchema = z.object({
  month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')),
  directive: optional(DocumentNumberSchema),
});

/** A directive named in a query or form by its number (số, ký hiệu). */
export const DirectiveRefSchema = z.object({ so: DocumentNumberSchema });

export const TaskIdSchema = z.object({
  id: z.string().regex(/^task:[^\s]{3,200}$/, 'expected a task id, task:NUMBER:UNIT'),
});

/** A file of one of a task's reports, named by its SHA-256. */
export const TaskFileSchema = TaskIdSchema.extend({
  sha: z.string().regex(/^[0-9a-f]{64}$/, 'expected the SHA-256 of a file, 64 hexadecimal digits'),
});

export const ReviewFormSchema = z.object({
  receipt: z.string().min(1),
  decision: z.enum(['accept', 'return']),
  comment: z.string().max(2000).default(''),
});

export const ExtensionFormSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  deadline: optional(LocalDateSchema),
  comment: z.string().max(2000).default(''),
});

/** The matrix's three changes: move a unit's deadline (with the reason the unit is told), remove a unit, add one. */
export const AmendFormSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('move'),
    unit: UnitCodeSchema,
    deadline: LocalDateSchema,
    reason: z.string().trim().min(3, 'say why the deadline moves').max(2000),
    confirm: z.literal('1').optional(),
  }),
  z.object({ kind: z.literal('remove'), unit: UnitCodeSchema, reason: optional(z.string().trim().max(2000)) }),
  z.object({
    kind: z.literal('add'),
    unit: UnitCodeSchema,
    title: z.string().trim().min(1, 'give the task a title').max(500),
    deadline: LocalDateSchema,
  }),
]);
export type AmendForm = z.infer<typeof AmendFormSchema>;

export const CancelFormSchema = z.object({ reason: z.string().trim().min(1, 'give a reason').max(2000) });

export const DispatchFormSchema = z.object({
  directive: DocumentNumberSchema,
  number: z
    .string()
    .trim()
    .regex(/^\d{1,6}\/[\p{L}0-9.\-/]{1,40}$/u, 'expected number/symbol, e.g. 123/UBND-VP9'),
  signer: z.string().trim().min(1, 'name the signer').max(120),
  signerTitle: z.string().trim().min(1, "give the signer's title").max(120),
  send: z.enum(['0', '1']).default('1'),
});

export const BucketCountsSchema = z.object({
  done_on_time: z.number().int(),
  done_late: z.number().int(),
  in_progress: z.number().int(),
  overdue: z.number().int(),
  /** Reports waiting for the office's review: in progress on the official board, counted apart. */
  pending_review: z.number().int(),
});

export const OverdueItemSchema = z.object({
  workflowId: z.string(),
  directive: z.string(),
  unit: z.string(),
  unitName: z.string(),
  title: z.string(),
  deadline: LocalDateSchema,
  originalDeadline: LocalDateSchema,
  state: z.string(),
  revisionDue: LocalDateSchema.nullable(),
  escalationLevel: z.number().int(),
  lastChaseAt: z.string().nullable(),
  extensionPending: z.boolean(),
  daysOverdue: z.number().int(),
});

export const BoardResponseSchema = z.object({
  counts: BucketCountsSchema,
  overdueShare: z.number(),
  items: z.array(OverdueItemSchema),
  total: z.number().int(),
  capped: z.boolean(),
});

export const DirectiveRowSchema = z.object({
  number: z.string().describe("the directive's key: its number, or a sub-directive's number scoped under its task"),
  shown: z.string().describe('the number and symbol it shows'),
  title: z.string(),
  state: z.string(),
  parent_number: z.string().nullable(),
  parent_shown: z.string().nullable(),
  parent_unit: z.string().nullable(),
  tasks: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  to_review: z.number().int(),
});

export const ErrorResponseSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.array(z.string()).optional(),
});

/** Parses a query or form; a bad one is a 422 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  // A NUL byte in a query parameter would reach PostgreSQL, which refuses it with a server error.
  refuseNotText(value);
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const fields = describeIssues(parsed.error);
    throw new AppError('INVALID_INPUT', fields.join('; '), fields);
  }
  return parsed.data;
}
