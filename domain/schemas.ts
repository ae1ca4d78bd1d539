// The shapes of dondoc's business objects. Every boundary (files, forms, API, workflow input)
// validates with these schemas; the TypeScript types are inferred from them.
import { z } from 'zod';
import { DOCUMENT_NUMBER, DOCUMENT_NUMBER_HINT } from './ids';

/** A calendar day in Vietnam, `YYYY-MM-DD`. Days, not instants, are what deadlines are made of. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real calendar date',
  );
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** Unit codes are short, upper case and stable: they are part of workflow ids. */
export const UnitCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, 'a unit code is 2-40 characters: A-Z, 0-9, "-" or "_"');
export type UnitCode = z.infer<typeof UnitCodeSchema>;

/** Number and symbol of a document, e.g. `524/UBND-VP9`, `1297/KH-UBND`. */
export const DocumentNumberSchema = z.string().regex(DOCUMENT_NUMBER, DOCUMENT_NUMBER_HINT);

const EmailSchema = z.email();

/**
 * An organisation's code on the national document exchange (mã định danh, Quyết định
 * 20/2020/QĐ-TTg): four groups from the lowest level to the highest, e.g. `000.00.00.H41` for a
 * province's people's committee, `000.00.12.H41` for one of its departments.
 */
export const OrganIdSchema = z
  .string()
  .trim()
  .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'an organisation code (mã định danh) looks like 000.00.00.H41');
export type OrganId = z.infer<typeof OrganIdSchema>;

const PersonSchema = z.object({ name: z.string().trim().min(1), email: EmailSchema });

export const SubstituteSchema = PersonSchema.extend({ from: LocalDateSchema, to: LocalDateSchema }).refine(
  (s) => s.from <= s.to,
  { path: ['to'], message: 'the substitute stands in until a day on or after the first' },
);
export type Substitute = z.infer<typeof SubstituteSchema>;

export const OrgUnitKindSchema = z.enum(['department', 'district', 'press', 'commune', 'office', 'other']);

export const OrgUnitSchema = z.object({
  code: UnitCodeSchema,
  name: z.string().trim().min(1),
  kind: OrgUnitKindSchema.default('department'),
  emails: z.array(EmailSchema).min(1),
  head: z.object({ name: z.string().min(1), email: EmailSchema }).optional(),
  parent: UnitCodeSchema.optional(),
  /** Escalation contacts above the unit's head: the supervising leader and the steering committee. */
  supervisorEmails: z.array(EmailSchema).default([]),
  steeringEmails: z.array(EmailSchema).default([]),
  /** Its code on the national document exchange, to match edXML packages and address status packages. */
  organId: OrganIdSchema.optional(),
  /** The focal point (đầu mối) who handles the unit's tasks: copied on every mail to the unit. */
  focalPoint: PersonSchema.optional(),
  /** Who stands in for the head while away: escalations to the head go to them from `from` to `to`. */
  substitute: SubstituteSchema.optional(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

export const IndicatorSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'an indicator code is lower case, e.g. articles'),
  name: z.string().min(1),
  unit: z.string().min(1),
  /**
   * A count (conferences, leaflets, people; the default when absent) is a whole number; a decimal
   * (%, km, billion đồng) need not be.
   */
  type: z.enum(['count', 'decimal']).optional(),
  target: z.number().nonnegative().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A deadline is a date, or "trong N ngày làm việc" counted from the launch. */
export const DeadlineSpecSchema = z.union([
  z.object({ date: LocalDateSchema }).strict(),
  z.object({ workingDays: z.number().int().min(1).max(365) }).strict(),
]);
export type DeadlineSpec = z.infer<typeof DeadlineSpecSchema>;

export const TaskRoleSchema = z.enum(['lead', 'support']);
export type TaskRole = z.infer<typeof TaskRoleSchema>;

export const TaskSpecSchema = z.object({
  unit: UnitCodeSchema,
  /** chủ trì (lead) or phối hợp (support); a support task names the unit it supports. */
  role: TaskRoleSchema.default('lead'),
  supports: UnitCodeSchema.optional(),
  title: z.string().trim().min(1),
  body: z.string().default(''),
  deadline: DeadlineSpecSchema,
  indicators: z.array(IndicatorSchema).default([]),
  completion: z.enum(['report', 'acknowledgement']).default('report'),
  cascade: z.boolean().default(false),
});
export type TaskSpec = z.infer<typeof TaskSpecSchema>;

export const EscalationTargetSchema = z.enum(['head', 'supervisor', 'steering']);
export type EscalationTarget = z.infer<typeof EscalationTargetSchema>;

export const ChasePolicySchema = z.object({
  /** Reminders this many working days before the deadline (0 = on the day). */
  remindersBefore: z.array(z.number().int().min(0).max(30)).default([3, 1, 0]),
  /** The escalation ladder after the deadline, in working days. */
  escalations: z
    .array(
      z.object({
        level: z.number().int().min(1).max(9),
        afterWorkingDays: z.number().int().min(1).max(60),
        to: EscalationTargetSchema,
      }),
    )
    .default([
      { level: 1, afterWorkingDays: 1, to: 'head' },
      { level: 2, afterWorkingDays: 3, to: 'supervisor' },
      { level: 3, afterWorkingDays: 7, to: 'steering' },
    ]),
  /** After the last rung, chase every week until done or cancelled. */
  weeklyAfterLadder: z.boolean().default(true),
  /** A support (phối hợp) task is due this many working days before its lead's deadline. */
  supportLeadWorkingDays: z.number().int().min(0).max(30).default(2),
  /**
   * A report closes its task once the office accepts it; with `false` reports need no review and
   * close the task as they arrive.
   */
  reviewReports: z.boolean().default(true),
  /** A returned report must come back within this many working days (never before the deadline). */
  revisionWorkingDays: z.number().int().min(1).max(30).default(3),
  /** Local hour at which reminders and escalations go out on a working day. */
  sendHour: z.number().int().min(7).max(16).default(8),
  /**
   * What closes a cascaded task (one a district passes on to its own units): the close of the
   * sub-directive it started, or only the district's own accepted report.
   */
  cascadeCompletion: z.enum(['sub-directive', 'report']).default('sub-directive'),
});
export type ChasePolicy = z.infer<typeof ChasePolicySchema>;
export const DEFAULT_CHASE_POLICY: ChasePolicy = ChasePolicySchema.parse({});

export const PeriodSchema = z.enum(['monthly', 'quarterly', 'half-yearly', 'yearly']);
export type Period = z.infer<typeof PeriodSchema>;

export const ReportingScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }).strict(),
  z
    .object({
      kind: z.literal('periodic'),
      period: PeriodSchema,
      /** Day of the month after the period's cut-off on which the report is due. */
      dueDay: z.number().int().min(1).max(28),
      from: LocalDateSchema,
      until: LocalDateSchema,
    })
    .strict(),
]);
export type ReportingSchedule = z.infer<typeof ReportingScheduleSchema>;

export const DirectiveSchema = z
  .object({
    number: DocumentNumberSchema,
    title: z.string().trim().min(1),
    issuer: z.string().trim().min(1),
    issuedOn: LocalDateSchema,
    legalBases: z.array(z.string().min(1)).default([]),
    confidentiality: z.enum(['normal', 'confidential']).default('normal'),
    schedule: ReportingScheduleSchema.default({ kind: 'once' }),
    policy: ChasePolicySchema.default(DEFAULT_CHASE_POLICY),
    tasks: z.array(TaskSpecSchema).min(1).max(20_000),
  })
  .superRefine((d, ctx) => {
    const units = new Set<string>();
    d.tasks.forEach((t, i) => {
      if (units.has(t.unit))
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'unit'], message: `unit ${t.unit} has two tasks` });
      units.add(t.unit);
    });
    d.tasks.forEach((t, i) => {
      if (t.role === 'support' && !t.supports)
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', i, 'supports'],
          message: 'a support task names the lead unit it supports',
        });
      if (t.supports && !units.has(t.supports))
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'supports'], message: `no task for unit ${t.supports}` });
    });
  });
export type DirectiveInput = z.input<typeof DirectiveSchema>;
export type Directive = z.infer<typeof DirectiveSchema>;

export const IndicatorValuesSchema = z.record(z.string(), z.number().finite().nonnegative());

export const ReportSubmissionSchema = z.object({
  text: z.string().trim().min(1, 'the report needs some text').max(50_000),
  indicators: IndicatorValuesSchema.default({}),
  attachments: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        bytes: z.number().int().nonnegative(),
      }),
    )
    .default([]),
  submittedBy: z.string().min(1).max(200),
  /** Makes a double submit (refresh, back button, double click) land once. */
  submissionId: z.string().min(8).max(100),
});
export type ReportSubmission = z.infer<typeof ReportSubmissionSchema>;

/** "field.path: message" lines, the one way dondoc words a validation error. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${issueMessage(i)}`);
}

/**
 * An issue's message. zod names a plain object made in another realm (a vm context, as in the test
 * runner) by its constructor, "Object": the message is the same for every plain object.
 */
export const issueMessage = (issue: z.core.$ZodIssue): string =>
  issue.message.replace(/, received Object$/, ', received object');
