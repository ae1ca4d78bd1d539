// What people ask of a running task or directive, validated at the edge (web form, API, CLI)
// before it reaches a workflow; the workflows check what is asked against their own state.
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

/** Why a deadline moves: the unit is told, with the old and the new date. */
const MoveReason = z.string().trim().min(3, 'say why the deadline moves').max(2000);

export const AmendRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), task: TaskSpecSchema, by: By }),
  z.object({ kind: z.literal('remove'), unit: UnitCodeSchema, by: By, reason: z.string().trim().max(2000).optional() }),
  z.object({ kind: z.literal('move'), unit: UnitCodeSchema, deadline: LocalDateSchema, reason: MoveReason, by: By }),
]);
/** An amendment as the workflow receives it: parsed at the edge (CLI, web, API), defaults filled in. */
export type AmendRequest = z.infer<typeof AmendRequestSchema>;

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
export type CascadeRequest = z.infer<typeof CascadeRequestSchema>;
