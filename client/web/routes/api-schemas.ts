// The shapes the JSON API takes and answers with, beside those it shares with the staff pages
// (staff-schemas.ts). Each zod schema validates, types the handler and becomes the OpenAPI document.
import { z } from 'zod';
import { TaskIdSchema } from './staff-schemas';

export const SessionSchema = z.object({
  user: z.object({ email: z.string(), name: z.string(), role: z.enum(['coordinator', 'supervisor', 'admin']) }),
  csrfToken: z.string(),
});

export const TaskSchema = z.object({
  workflowId: z.string(),
  directive: z.string(),
  unit: z.string(),
  status: z.string(),
  deadline: z.string(),
  escalationLevel: z.number().int(),
  state: z.record(z.string(), z.unknown()),
});

const reviewOf = {
  id: TaskIdSchema.shape.id,
  receipt: z.string().min(1),
  _csrf: z.string().describe('the token from GET /api/v1/session'),
};
/** Accept (a comment is optional), or return, which needs a comment saying what to revise. */
export const ReviewBodySchema = z.discriminatedUnion('accept', [
  z.object({ ...reviewOf, accept: z.literal(true), comment: z.string().max(2000).optional() }),
  z.object({
    ...reviewOf,
    accept: z.literal(false),
    comment: z
      .string({ error: (issue) => (issue.input === undefined ? 'say what must be revised' : undefined) })
      .max(2000)
      .regex(/\S/, 'say what must be revised'),
  }),
]);

export const ReviewResultSchema = z.object({ state: z.string(), deadline: z.string() });

export const ConsolidatedSchema = z.object({
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      total: z.number(),
      target: z.number().optional(),
    }),
  ),
  byUnit: z.array(z.object({ unit: z.string(), unitName: z.string(), values: z.record(z.string(), z.number()) })),
  /** Units with a task and no accepted report yet: a gap, never a 0. */
  notReported: z.array(z.object({ unit: z.string(), unitName: z.string() })),
  byCycle: z.array(z.object({ cycle: z.string(), values: z.record(z.string(), z.number()) })),
  reports: z.number().int(),
});
