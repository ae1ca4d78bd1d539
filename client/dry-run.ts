// What launching a directive would do, worked out without starting anything: each unit's
// deadline, its reminders and its escalation ladder; for a periodic plan, the reporting cycles
// and the tasks of the next one. The CLI prints it (`launch --dry-run`), the web launch page
// shows it ("Xem hạn").
import { nextChaseStep, type ChaseStep } from '../domain/chase';
import { localDateOf, vietnamCalendar, type WorkingCalendar } from '../domain/calendar';
import { reportingCycles } from '../domain/periods';
import type { Directive, EscalationTarget } from '../domain/schemas';
import { planContext, planTasks, type PlannedTask } from '../domain/plan';
import { deadlineNotes, type DeadlineNote } from '../domain/deadline-notes';

/** One reminder or rung of the ladder: when it goes out, and what it is. */
export type DryRunChase = { at: string; what: string } & (
  | { kind: 'reminder'; daysBefore: number }
  | { kind: 'escalation'; level: number; to: EscalationTarget; weekly: boolean }
);

export interface DryRunTask {
  unit: string;
  role: string;
  supports?: string;
  cycle: string;
  deadline: string;
  /** Its year's days off are not announced yet: the deadline may still move (dự kiến). */
  provisional: boolean;
  chase: DryRunChase[];
}

export interface DryRunCycle {
  key: string;
  label: string;
  from: string;
  to: string;
  due: string;
}

export interface DryRun {
  number: string;
  title: string;
  schedule: Directive['schedule']['kind'];
  cycles?: DryRunCycle[];
  /** The cycle whose tasks are listed: the first one not yet due. */
  nextCycle?: string;
  tasks: DryRunTask[];
  /** What moved and why, what is past, what is provisional: nothing about a deadline goes unsaid. */
  notes: DeadlineNote[];
}

const describeStep = (s: ChaseStep) =>
  s.kind === 'reminder'
    ? `reminder T-${s.daysBefore}`
    : s.weekly
      ? `weekly chase → ${s.to}, until done`
      : `escalation L${s.level} → ${s.to}`;

const chaseOf = (s: ChaseStep): DryRunChase => {
  const at = new Date(s.at).toISOString();
  return s.kind === 'reminder'
    ? { at, what: describeStep(s), kind: 'reminder', daysBefore: s.daysBefore }
    : { at, what: describeStep(s), kind: 'escalation', level: s.level, to: s.to, weekly: s.weekly };
};

/** Every reminder and rung of the ladder after `from`, and the first weekly chase after them. */
function chasePlan(directive: Directive, deadline: string, from: number, calendar: WorkingCalendar): DryRunChase[] {
  const steps: ChaseStep[] = [];
  for (
    let s = nextChaseStep({ policy: directive.policy, deadline, calendar }, from);
    s;
    s = nextChaseStep({ policy: directive.policy, deadline, calendar }, s.at)
  ) {
    steps.push(s);
    if (s.kind === 'escalation' && s.weekly) break;
  }
  return steps.map(chaseOf);
}

export function dryRun(directive: Directive, now: number, calendar = vietnamCalendar()): DryRun {
  const today = localDateOf(now);
  const base = { number: directive.number, title: directive.title, schedule: directive.schedule.kind };
  const ctx = planContext(directive.number, directive.tasks, directive.policy, calendar);
  const planCycle = (day: string, cycle: string) => planTasks(ctx, directive.tasks, day, cycle);
  const toTasks = (planned: PlannedTask[]) =>
    planned.map((t) => ({
      unit: t.spec.unit,
      role: t.spec.role,
      ...(t.spec.supports ? { supports: t.spec.supports } : {}),
      cycle: t.cycle,
      deadline: t.deadline,
      provisional: calendar.isProvisional(t.deadline),
      chase: chasePlan(directive, t.deadline, now, calendar),
    }));
  const indexOf = (unit: string) => directive.tasks.findIndex((t) => t.unit === unit);
  const notesOf = (planned: PlannedTask[]) => deadlineNotes(planned, indexOf, today, calendar);
  if (directive.schedule.kind !== 'periodic') {
    const planned = planCycle(today, '');
    return { ...base, tasks: toTasks(planned), notes: notesOf(planned) };
  }
  const cycles = reportingCycles(directive.schedule).map((c) => ({
    key: c.key,
    label: c.label.vi,
    from: c.from,
    to: c.to,
    due: calendar.nextWorkingDay(c.due, true),
    nominal: c.due,
  }));
  const next = cycles.find((c) => c.due >= today);
  const planned = next ? planCycle(next.nominal, next.key) : [];
  return {
    ...base,
    cycles: cycles.map(({ nominal: _, ...c }) => c),
    ...(next ? { nextCycle: next.key } : {}),
    tasks: toTasks(planned),
    notes: notesOf(planned),
  };
}
