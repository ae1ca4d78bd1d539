// What launching a directive decides for each task: its workflow id, its deadline, and the rule
// that gave the deadline, so that a corrected calendar can give it again. For a one-off
// directive a task's deadline is counted from the launch day; for a periodic cycle every lead
// task is due on the cycle's due date. A support (phối hợp) task is due a few working days
// before the lead it feeds.
import type { WorkingCalendar } from './calendar';
import { taskWorkflowId } from './ids';
import type { ChasePolicy, LocalDate, TaskSpec } from './schemas';

/**
 * How a deadline was reached: a date ("trước ngày 15/11"), working days from a day ("trong 10
 * ngày làm việc"), or working days before a lead's deadline.
 */
export type DeadlineRule =
  { date: LocalDate } | { workingDays: number; from: LocalDate } | { workingDays: number; before: DeadlineRule };

/**
 * The deadline a rule gives on a calendar. A date on a day off runs to the end of the next working
 * day (Bộ luật Dân sự 2015, Art. 148); "N ngày làm việc" does not count the day it starts from.
 */
export function deadlineOf(rule: DeadlineRule, calendar: WorkingCalendar): LocalDate {
  if ('date' in rule) return calendar.nextWorkingDay(rule.date, true);
  if ('from' in rule) return calendar.workingDaysAfter(rule.from, rule.workingDays);
  return calendar.workingDaysBefore(deadlineOf(rule.before, calendar), rule.workingDays);
}

export interface PlannedTask {
  workflowId: string;
  spec: TaskSpec;
  /** Cycle key of a periodic report, '' for a one-off task. */
  cycle: string;
  deadline: LocalDate;
  rule: DeadlineRule;
  /** The lead task a support task feeds. */
  leadWorkflowId?: string;
}

export interface PlanContext {
  /** The directive's key (its number, or a sub-directive's scoped key). */
  key: string;
  policy: ChasePolicy;
  /** Finds the lead task a support task names. */
  lead(unit: string): TaskSpec | undefined;
  calendar: WorkingCalendar;
}

/** The rule of a task's own deadline, before any support offset. */
function ownRule(spec: TaskSpec, base: LocalDate, cycle: string): DeadlineRule {
  if (cycle) return { date: base };
  return 'date' in spec.deadline
    ? { date: spec.deadline.date }
    : { workingDays: spec.deadline.workingDays, from: base };
}

/** One task: `base` is the launch day of a one-off directive, or the cycle's due date. */
export function planTask(ctx: PlanContext, spec: TaskSpec, base: LocalDate, cycle: string): PlannedTask {
  const lead = spec.role === 'support' && spec.supports ? ctx.lead(spec.supports) : undefined;
  const rule: DeadlineRule = lead
    ? { workingDays: ctx.policy.supportLeadWorkingDays, before: ownRule(lead, base, cycle) }
    : ownRule(spec, base, cycle);
  return {
    workflowId: taskWorkflowId(ctx.key, spec.unit, cycle),
    spec,
    cycle,
    deadline: deadlineOf(rule, ctx.calendar),
    rule,
    leadWorkflowId: lead ? taskWorkflowId(ctx.key, lead.unit, cycle) : undefined,
  };
}

/** Every task of a directive for one cycle (or the one-off launch). */
export function planTasks(ctx: PlanContext, specs: readonly TaskSpec[], base: LocalDate, cycle: string): PlannedTask[] {
  return specs.map((spec) => planTask(ctx, spec, base, cycle));
}

/** A plan context over a directive's own tasks. */
export function planContext(
  key: string,
  tasks: readonly TaskSpec[],
  policy: ChasePolicy,
  calendar: WorkingCalendar,
): PlanContext {
  const byUnit = new Map(tasks.map((t) => [t.unit, t]));
  return { key, policy, calendar, lead: (unit) => byUnit.get(unit) };
}
