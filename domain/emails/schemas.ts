// What each email dondoc sends needs to say. The workflow's activities build these messages;
// renderEmail validates them, so a message with a missing or non-numeric field fails loudly
// instead of reaching a department as "undefined" or "NaN".
import { z } from 'zod';
import {
  DocumentNumberSchema,
  EscalationTargetSchema,
  IndicatorSchema,
  LocalDateSchema,
  TaskRoleSchema,
  UnitCodeSchema,
} from '../schemas';

const Text = z.string().trim().min(1);

export const UnitRefSchema = z.object({ code: UnitCodeSchema, name: Text });
export type UnitRef = z.infer<typeof UnitRefSchema>;

export const DirectiveRefSchema = z.object({ number: DocumentNumberSchema, title: Text, issuer: Text });
export type DirectiveRef = z.infer<typeof DirectiveRefSchema>;

/** The deadline in force when the email is sent; working days are negative once it has passed. */
export const TaskRefSchema = z.object({
  title: Text,
  deadline: LocalDateSchema,
  workingDaysLeft: z.number().int().min(-3660).max(3660),
  /** The deadline falls in a year whose days off the government has not announced yet (dự kiến). */
  provisional: z.boolean().optional(),
});
export type TaskRef = z.infer<typeof TaskRefSchema>;

/** A signed link, absolute; only web links, so a crafted value cannot become a script URL. */
export const EmailLinkSchema = z.url({ protocol: /^https?$/ });

/** An instant as epoch milliseconds, as Temporal and the read model keep it. */
const InstantSchema = z.number().int().nonnegative();

const common = { unit: UnitRefSchema, directive: DirectiveRefSchema, task: TaskRefSchema, link: EmailLinkSchema };

export const AssignmentEmailSchema = z
  .object({
    kind: z.literal('assignment'),
    ...common,
    task: TaskRefSchema.extend({ body: z.string().optional() }),
    /** chủ trì (lead) or phối hợp (support); a support task names the lead unit it supports. */
    role: TaskRoleSchema,
    supports: UnitRefSchema.optional(),
    indicators: z.array(IndicatorSchema).optional(),
    /** A task closed by a report, or by acknowledging receipt only. */
    completion: z.enum(['report', 'acknowledgement']).optional(),
  })
  .refine((m) => m.role === 'lead' || m.supports !== undefined, {
    path: ['supports'],
    message: 'a support task names the lead unit it supports',
  });

/** Sent on the policy's reminder days; the wording follows task.workingDaysLeft (3, 1, 0…). */
export const ReminderEmailSchema = z.object({ kind: z.literal('reminder'), ...common });

/** Level 1 goes to the unit's head, 2 to the supervisor, 3 and the weekly chase to the steering committee. */
export const EscalationEmailSchema = z
  .object({
    kind: z.literal('escalation'),
    ...common,
    level: z.number().int().min(1).max(9),
    to: EscalationTargetSchema,
    /** The chase that repeats every week after the last rung of the ladder. */
    weekly: z.boolean().optional(),
    /** Who the email is addressed to, e.g. "Đồng chí Nguyễn Văn An, Giám đốc Sở". */
    addressee: Text.optional(),
  })
  .refine((m) => m.task.workingDaysLeft < 0, {
    path: ['task', 'workingDaysLeft'],
    message: 'an escalation is only sent once the deadline has passed',
  });

export const ReceivedIndicatorSchema = z.object({
  name: Text,
  unit: Text,
  value: z.number().finite().nonnegative(),
});

export const ReceiptEmailSchema = z.object({
  kind: z.literal('receipt'),
  ...common,
  receiptNumber: Text,
  submittedAt: InstantSchema,
  submittedBy: Text.optional(),
  indicators: z.array(ReceivedIndicatorSchema).optional(),
  attachments: z.array(Text).optional(),
});

/** The new deadline and the working days left to it. */
const newDeadline = { newDeadline: LocalDateSchema, newWorkingDaysLeft: TaskRefSchema.shape.workingDaysLeft };

export const ReturnedEmailSchema = z.object({
  kind: z.literal('returned'),
  ...common,
  comment: Text,
  reviewer: Text.optional(),
  ...newDeadline,
});

export const ExtensionDecisionEmailSchema = z.discriminatedUnion('decision', [
  z.object({
    kind: z.literal('extension_decision'),
    ...common,
    decision: z.literal('approved'),
    ...newDeadline,
    comment: Text.optional(),
  }),
  z.object({ kind: z.literal('extension_decision'), ...common, decision: z.literal('rejected'), reason: Text }),
]);

/** The office accepted the report: the task is done, on time or late by that report. */
export const AcceptedEmailSchema = z.object({
  kind: z.literal('accepted'),
  ...common,
  receiptNumber: Text,
  onTime: z.boolean(),
  comment: Text.optional(),
});

/** The deadline changed: moved by the office, or by a corrected calendar of days off. */
export const DeadlineMovedEmailSchema = z.object({
  kind: z.literal('deadline_moved'),
  ...common,
  previousDeadline: LocalDateSchema,
  why: z.enum(['moved', 'calendar']),
  reason: Text.optional(),
});

export const CancellationEmailSchema = z.object({
  kind: z.literal('cancellation'),
  ...common,
  reason: Text.optional(),
});

export const DigestItemSchema = z.object({ directive: DirectiveRefSchema, task: TaskRefSchema, link: EmailLinkSchema });
export type DigestItem = z.infer<typeof DigestItemSchema>;

/** One daily email listing a unit's tasks due soon. Escalations always travel alone. */
export const DigestEmailSchema = z.object({
  kind: z.literal('digest'),
  unit: UnitRefSchema,
  date: LocalDateSchema,
  items: z.array(DigestItemSchema).min(1).max(200),
});

/** A fresh link the unit asked for, e.g. because the old one expired. */
export const NewLinkEmailSchema = z.object({
  kind: z.literal('new_link'),
  ...common,
  expiresAt: InstantSchema.optional(),
});

/**
 * A request for explanation (yêu cầu giải trình) about a task that is overdue or was returned: what
 * the leader asks, and the task it is about. The message's own `task` is the request, with its deadline.
 */
export const ExplanationRefSchema = z.object({
  question: Text,
  /** Who asks, as the unit should read it: "Đồng chí Phó Chủ tịch UBND tỉnh". */
  askedBy: Text,
  about: z.object({ title: Text, deadline: LocalDateSchema, status: Text }),
});
export type ExplanationRef = z.infer<typeof ExplanationRefSchema>;

export const ExplanationRequestEmailSchema = z.object({
  kind: z.literal('explanation_request'),
  ...common,
  explanation: ExplanationRefSchema,
});

export const ExplanationReminderEmailSchema = z.object({
  kind: z.literal('explanation_reminder'),
  ...common,
  explanation: ExplanationRefSchema,
});

/** An explanation not given in time goes to the unit's head (or the head's substitute). */
export const ExplanationEscalationEmailSchema = z
  .object({
    kind: z.literal('explanation_escalation'),
    ...common,
    explanation: ExplanationRefSchema,
    level: z.number().int().min(1).max(9),
    to: EscalationTargetSchema,
    addressee: Text.optional(),
  })
  .refine((m) => m.task.workingDaysLeft < 0, {
    path: ['task', 'workingDaysLeft'],
    message: 'an escalation is only sent once the deadline has passed',
  });

export const ExplanationReceiptEmailSchema = z.object({
  kind: z.literal('explanation_receipt'),
  ...common,
  explanation: ExplanationRefSchema,
  receiptNumber: Text,
  submittedAt: InstantSchema,
});

export const EmailMessageSchema = z.discriminatedUnion('kind', [
  AssignmentEmailSchema,
  ReminderEmailSchema,
  EscalationEmailSchema,
  ReceiptEmailSchema,
  ReturnedEmailSchema,
  ExtensionDecisionEmailSchema,
  AcceptedEmailSchema,
  DeadlineMovedEmailSchema,
  CancellationEmailSchema,
  DigestEmailSchema,
  NewLinkEmailSchema,
  ExplanationRequestEmailSchema,
  ExplanationReminderEmailSchema,
  ExplanationEscalationEmailSchema,
  ExplanationReceiptEmailSchema,
]);
export type EmailMessage = z.infer<typeof EmailMessageSchema>;
export type EmailKind = EmailMessage['kind'];
export type EmailOf<K extends EmailKind> = Extract<EmailMessage, { kind: K }>;
