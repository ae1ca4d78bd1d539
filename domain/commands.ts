// What people ask of a running task or directive, validated the same way at the web form, the
// API, the CLI and inside the workflow's update validators.
import { z } from 'zod';
import { DocumentNumberSchema, LocalDateSchema, TaskSpecSchema, UnitCodeSchema } from './schemas';

const By = z.string().trim().min(1).max(200);

export const ExtensionRequestSchema = z.object({
  until: LocalDateSchema,
  reason: z.string().trim().min(3, 'give a reason').max(2000),
  by: By,
});
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const ExtensionDecisionSchema = z.discriminatedUnion('approve', [
  z.object({
    approve: z.literal(true),
    deadline: LocalDateSchema.optional(),
    comment: z.string().max(2000).optional(),
    by: By,
  }),
  z.object({
    approve: z.literal(false),
    comment: z.string().trim().min(1, 'say why the extension is refused').max(2000),
    by: By,
  }),
]);
export type ExtensionDecision = z.infer<typeof ExtensionDecisionSchema>;

export const ReviewDecisionSchema = z.discriminatedUnion('accept', [
  z.object({ accept: z.literal(true), receipt: z.string().min(1), comment: z.string().max(2000).optional(), by: By }),
  z.object({
    accept: z.literal(false),
    receipt: z.string().min(1),
    comment: z.string().trim().min(1, 'say what must be revised').max(2000),
    by: By,
  }),
]);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

export const AcknowledgeSchema = z.object({ by: By });

export const AmendRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), task: TaskSpecSchema, by: By }),
  z.object({ kind: z.literal('remove'), unit: UnitCodeSchema, by: By }),
  z.object({ kind: z.literal('move'), unit: UnitCodeSchema, deadline: LocalDateSchema, by: By }),
]);
export type AmendRequest = z.input<typeof AmendRequestSchema>;

export const CancelDirectiveSchema = z.object({ by: By, reason: z.string().trim().min(1).max(2000) });

/**
 * A district passes its task on to its own units (communes, offices): a sub-directive with its
 * own number, whose tasks are due no later than the district's task.
 */
export const CascadeRequestSchema = z.object({
  number: DocumentNumberSchema,
  title: z.string().trim().min(1).max(500),
  issuer: z.string().trim().min(1).max(200),
  tasks: z.array(TaskSpecSchema).min(1, 'name at least one unit').max(2000),
  by: By,
});
export type CascadeRequest = z.input<typeof CascadeRequestSchema>;
