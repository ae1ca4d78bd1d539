// Pure planning for a directive: which task workflows to start, with which deadlines, and the
// summaries it answers with.
import { resolveDeadline, supportDeadline } from '../domain/chase';
import type { WorkingCalendar } from '../domain/calendar';
import type { Directive, LocalDate, TaskSpec } from '../domain/schemas';
import { taskWorkflowId } from './messages';
import type { DirectiveState, DirectiveView, PlannedTask } from './types';

/**
 * One task. For a one-off directive the deadline comes from the task's spec, counted from the
 * launch day; for a periodic cycle every lead task is due on the cycle's due date. A support
 * (phối hợp) task is due a few working days before the lead it feeds.
 */
export function planTask(
  directive: Directive,
  spec: TaskSpec,
  base: LocalDate,
  calendar: WorkingCalendar,
  cycle: string,
): PlannedTask {
  const leadSpec =
    spec.role === 'support' && spec.supports ? directive.tasks.find((t) => t.unit === spec.supports) : undefined;
  const own = (t: TaskSpec) =>
    cycle ? calendar.nextWorkingDay(base, true) : resolveDeadline(t.deadline, base, calendar);
  const deadline = leadSpec ? supportDeadline(own(leadSpec), directive.policy, calendar) : own(spec);
  const index = directive.tasks.indexOf(spec);
  return {
    workflowId: taskWorkflowId(directive.number, spec.unit, cycle),
    ...(index >= 0 ? { index } : { spec }),
    unit: spec.unit,
    cycle,
    deadline,
    leadWorkflowId: leadSpec ? taskWorkflowId(directive.number, leadSpec.unit, cycle) : undefined,
  };
}

/** The spec of a queued task: its own, or the directive's task it names (older runs kept the spec). */
export const specOf = (directive: Directive, t: PlannedTask): TaskSpec => t.spec ?? directive.tasks[t.index!];

export const planCycle = (
  directive: Directive,
  base: LocalDate,
  calendar: WorkingCalendar,
  cycle: string,
): PlannedTask[] => directive.tasks.map((spec) => planTask(directive, spec, base, calendar, cycle));

export function summarise(s: DirectiveState) {
  const tasks = Object.values(s.tasks);
  const indicators: Record<string, number> = {};
  for (const t of tasks)
    for (const [code, v] of Object.entries(t.indicators ?? {})) indicators[code] = (indicators[code] ?? 0) + v;
  return {
    tasks: tasks.length,
    onTime: tasks.filter((t) => t.phase === 'done' && t.onTime).length,
    late: tasks.filter((t) => t.phase === 'done' && t.onTime === false).length,
    cancelled: tasks.filter((t) => t.phase === 'cancelled').length,
    indicators,
  };
}

export function viewOf(number: string, s: DirectiveState): DirectiveView {
  const tasks = Object.values(s.tasks);
  const byPhase: Record<string, number> = {};
  for (const t of tasks) byPhase[t.phase] = (byPhase[t.phase] ?? 0) + 1;
  return {
    number,
    phase: s.phase,
    launchedAt: s.launchedAt,
    total: tasks.length + s.queue.length,
    queued: s.queue.length,
    byPhase,
    tasks,
  };
}
