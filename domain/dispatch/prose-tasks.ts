// From prose assignments to tasks: one task per unit, as for sections. A unit a section already
// tasks keeps that task (its section says more); a unit named twice in prose gets one task whose
// body carries both sentences and whose deadline is the later one.
import type { Indicator } from '../schemas';
import { deadlineCues, indicatorCues, isPeriodic, type DeadlineCue } from './cues';
import type { Assignment, ProseReading } from './prose';
import { say, type Said } from './questions';
import { decideDeadline, type TaskInput } from './tasks';
import type { AskedQuestion } from './types';

export interface ProseTasks {
  tasks: TaskInput[];
  unitNames: Record<string, string>;
  /** The questions, with task paths counted after `offset` section tasks. */
  questions(offset: number): AskedQuestion[];
}

interface Gathered {
  code: string;
  name: string;
  assignments: Assignment[];
}

export function proseTasks(
  reading: ProseReading,
  sectionTasks: TaskInput[],
  ctx: { issuedYear?: number; common: DeadlineCue[] },
): ProseTasks {
  const taken = new Set(sectionTasks.map((t) => t.unit));
  const byCode = new Map<string, Gathered>();
  for (const a of reading.assignments)
    for (const u of a.units) {
      if (taken.has(u.code)) continue;
      const g = byCode.get(u.code) ?? { code: u.code, name: u.name, assignments: [] };
      g.assignments.push(a);
      byCode.set(u.code, g);
    }
  const gathered = [...byCode.values()];
  const problems: Array<Array<{ field: string; said: Said; line: number }>> = [];
  const tasks = gathered.map((g) => {
    const mine: Array<{ field: string; said: Said; line: number }> = [];
    problems.push(mine);
    return taskOf(g, ctx, mine);
  });
  // A support task whose lead has no task supports nobody the directive chases.
  const codes = new Set([...taken, ...tasks.map((t) => t.unit)]);
  tasks.forEach((t, i) => {
    if (t.role === 'support' && t.supports && !codes.has(t.supports)) {
      problems[i].push({
        field: 'supports',
        said: say('supports.noTask', { code: t.supports }),
        line: gathered[i].assignments[0].line,
      });
    }
  });
  const general: AskedQuestion[] = [
    ...unique(reading.unknown.map((u) => ({ name: u.name, line: u.line }))).map((u) => ({
      path: 'tasks',
      ...say('unit.unknown', { name: u.name }),
      line: u.line,
    })),
    ...unique(reading.everyWithoutRecipients).map((u) => ({
      path: 'tasks',
      ...say('unit.everyRecipient', { name: u.name }),
      line: u.line,
    })),
  ];
  return {
    tasks,
    unitNames: Object.fromEntries(gathered.map((g) => [g.code, g.name])),
    questions: (offset) => [
      ...problems.flatMap((list, i) =>
        list.map((p) => ({ path: `tasks.${offset + i}.${p.field}`, ...p.said, line: p.line })),
      ),
      ...general,
    ],
  };
}

function unique<T extends { name: string }>(items: T[]): T[] {
  return [...new Map(items.map((i) => [i.name, i])).values()];
}

function taskOf(
  g: Gathered,
  ctx: { issuedYear?: number; common: DeadlineCue[] },
  problems: Array<{ field: string; said: Said; line: number }>,
): TaskInput {
  const [first] = g.assignments;
  const lead = g.assignments.find((a) => a.role === 'lead');
  const role = lead ? 'lead' : 'support';
  const label = { vi: `câu ở dòng ${first.line}`, en: `the sentence on line ${first.line}` };
  const clauses = g.assignments.flatMap((a) => a.clauses).filter((c) => !isPeriodic(c));
  const deadline = decideDeadline(deadlineCues(clauses, ctx.issuedYear), ctx, label);
  for (const said of deadline.problems) problems.push({ field: 'deadline', said, line: first.line });
  const body = [...new Set(g.assignments.map((a) => a.body))].join('\n\n');
  const indicators: Indicator[] = indicatorCues(body);
  const title = (lead ?? first).title;
  if (!title)
    problems.push({
      field: 'title',
      said: say('title.none', { whereVi: label.vi, whereEn: label.en }),
      line: first.line,
    });
  return {
    unit: g.code,
    role,
    ...(role === 'support' ? { supports: first.supports } : {}),
    title,
    body,
    deadline: deadline.deadline,
    ...(indicators.length ? { indicators } : {}),
  };
}
