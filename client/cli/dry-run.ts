// `dondoc launch FILE --dry-run`: what launching would do, worked out without starting anything:
// each unit's deadline, its reminders and its escalation ladder; for a periodic plan, the
// reporting cycles and the tasks of the next one.
import { nextChaseStep, type ChaseStep } from '../../domain/chase';
import { localDateOf, vietnamCalendar, type WorkingCalendar } from '../../domain/calendar';
import { reportingCycles } from '../../domain/periods';
import type { Directive } from '../../domain/schemas';
import { planCycle } from '../../workflows/directive-plan';
import { printJson, type CliIo } from './io';

export interface DryRunTask {
  unit: string;
  role: string;
  supports?: string;
  cycle: string;
  deadline: string;
  chase: { at: string; what: string }[];
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
}

const describeStep = (s: ChaseStep) =>
  s.kind === 'reminder' ? `reminder T-${s.daysBefore}` : s.weekly ? `weekly chase → ${s.to}, until done` : `escalation L${s.level} → ${s.to}`;

/** Every reminder and rung of the ladder after `from`, and the first weekly chase after them. */
function chasePlan(directive: Directive, deadline: string, from: number, calendar: WorkingCalendar) {
  const steps: ChaseStep[] = [];
  for (let s = nextChaseStep({ policy: directive.policy, deadline, calendar }, from); s; s = nextChaseStep({ policy: directive.policy, deadline, calendar }, s.at)) {
    steps.push(s);
    if (s.kind === 'escalation' && s.weekly) break;
  }
  return steps.map((s) => ({ at: new Date(s.at).toISOString(), what: describeStep(s) }));
}

export function dryRun(directive: Directive, now: number, calendar = vietnamCalendar()): DryRun {
  const today = localDateOf(now);
  const base = { number: directive.number, title: directive.title, schedule: directive.schedule.kind };
  const toTasks = (planned: ReturnType<typeof planCycle>) =>
    planned.map((t) => ({
      unit: t.spec.unit,
      role: t.spec.role,
      ...(t.spec.supports ? { supports: t.spec.supports } : {}),
      cycle: t.cycle,
      deadline: t.deadline,
      chase: chasePlan(directive, t.deadline, now, calendar),
    }));
  if (directive.schedule.kind !== 'periodic') return { ...base, tasks: toTasks(planCycle(directive, today, calendar, '')) };
  const cycles = reportingCycles(directive.schedule).map((c) => ({ key: c.key, label: c.label.vi, from: c.from, to: c.to, due: calendar.nextWorkingDay(c.due, true), nominal: c.due }));
  const next = cycles.find((c) => c.due >= today);
  return {
    ...base,
    cycles: cycles.map(({ nominal: _, ...c }) => c),
    ...(next ? { nextCycle: next.key } : {}),
    tasks: next ? toTasks(planCycle(directive, next.nominal, calendar, next.key)) : [],
  };
}

export function printDryRun(io: CliIo, plan: DryRun, json: boolean | undefined): void {
  if (json) return printJson(io, plan);
  io.out(`${plan.number}: ${plan.title}\n`);
  if (plan.cycles) {
    io.out(`${plan.cycles.length} reporting cycles:\n`);
    for (const c of plan.cycles) io.out(`  ${c.key.padEnd(9)} ${c.label.padEnd(22)} data ${c.from} … ${c.to}  due ${c.due}\n`);
    io.out(plan.nextCycle ? `Tasks of the next cycle, ${plan.nextCycle}:\n` : 'Every cycle is already due; launching would only open past cycles.\n');
  }
  for (const t of plan.tasks) {
    const role = t.role === 'support' ? `support of ${t.supports}` : t.role;
    io.out(`${t.unit} (${role}) due ${t.deadline}\n${t.chase.map((c) => `    ${c.at}  ${c.what}\n`).join('')}`);
  }
}
