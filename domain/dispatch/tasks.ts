// From sections to tasks: one task per unit. A unit named by several sections (its own, then a
// group's "Các sở, ban, ngành …") gets one task whose body carries each section's items.
import type { DeadlineSpec, DirectiveInput, Indicator, OrgUnit } from '../schemas';
import { readUnitPhrase, type UnitDirectory } from '../units';
import { assignSection, leadingChain } from './assign';
import { clausesOf, deadlineCues, indicatorCues, isPeriodic, roleCue, supportedPhrase, type DeadlineCue } from './cues';
import type { Paragraph, Section } from './sections';
import { capitalize, isoDate, stripBullet } from './text';
import { PLACEHOLDER, type Question } from './types';

export type TaskInput = DirectiveInput['tasks'][number];

export interface TaskContext {
  directory: UnitDirectory;
  /** The sending unit, which groups it belongs to do not assign. */
  issuer?: string;
  issuedYear?: number;
  /** Deadlines the dispatch sets for everyone (in its closing), used where a section sets none. */
  common: DeadlineCue[];
}

export interface BuiltTasks {
  tasks: TaskInput[];
  questions: Question[];
  unitNames: Record<string, string>;
}

interface Part {
  section: Section;
  title?: string;
  items: Paragraph[];
}
interface Problem {
  field: 'unit' | 'title' | 'supports' | 'deadline';
  message: string;
  line: number;
}
interface DraftTask {
  unit?: OrgUnit;
  parts: Part[];
  problems: Problem[];
}

const FIELD_ORDER = ['unit', 'title', 'supports', 'deadline'];

export function buildTasks(sections: Section[], ctx: TaskContext): BuiltTasks {
  const drafts: DraftTask[] = [];
  const byCode = new Map<string, DraftTask>();
  for (const section of sections) {
    const assignment = assignSection(section, ctx.directory, ctx.issuer);
    for (const who of assignment.assignees) {
      const part = { section, title: assignment.title, items: assignment.itemsFor(who.unit?.code) };
      const problems: Problem[] = who.problem ? [{ field: 'unit', message: who.problem, line: section.line }] : [];
      const known = who.unit && byCode.get(who.unit.code);
      if (known) {
        known.parts.push(part);
        known.problems.push(...problems);
        continue;
      }
      drafts.push({ unit: who.unit, parts: [part], problems });
      if (who.unit) byCode.set(who.unit.code, drafts[drafts.length - 1]);
    }
  }
  const tasks = drafts.map((d) => finish(d, ctx));
  tasks.forEach((t, i) => {
    if (t.supports && t.supports !== PLACEHOLDER.unit && !byCode.has(t.supports)) {
      drafts[i].problems.push({
        field: 'supports',
        message: `${t.supports} has no task in this dispatch; add one or make this a lead task`,
        line: drafts[i].parts[0].section.line,
      });
    }
  });
  const questions = drafts.flatMap((d, i) =>
    d.problems
      .sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))
      .map((p) => ({ path: `tasks.${i}.${p.field}`, message: p.message, line: p.line })),
  );
  const unitNames = Object.fromEntries(drafts.flatMap((d) => (d.unit ? [[d.unit.code, d.unit.name]] : [])));
  return { tasks, questions, unitNames };
}

const textsOf = (p: Part) => [...(p.title ? [p.title] : []), ...p.items.map((i) => i.text)];

function finish(draft: DraftTask, ctx: TaskContext): TaskInput {
  const [first] = draft.parts;
  const line = first.section.line;
  const problem = (field: Problem['field'], message: string) => draft.problems.push({ field, message, line });
  const firstTexts = textsOf(first);
  const title = first.title ? capitalize(first.title) : firstTexts[0] ? titleOf(firstTexts[0]) : '';
  if (!title) problem('title', `section ${first.section.number} states no task for this unit`);
  const body = draft.parts
    .map((p, i) =>
      [...(i > 0 ? [`${p.section.number}. ${p.section.heading}`] : []), ...p.items.map((x) => x.text)].join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
  const role = roleCue(firstTexts);
  const task: Pick<TaskInput, 'unit' | 'role' | 'supports'> = { unit: draft.unit?.code ?? PLACEHOLDER.unit, role };
  if (role === 'support') {
    const lead = supportedUnit(firstTexts, ctx.directory);
    task.supports = lead.code ?? PLACEHOLDER.unit;
    if (lead.problem) problem('supports', lead.problem);
  }
  const clauses = draft.parts.flatMap((p) => textsOf(p).flatMap((t) => clausesOf(t))).filter((c) => !isPeriodic(c));
  const deadline = decideDeadline(deadlineCues(clauses), ctx, `section ${first.section.number}`);
  deadline.problems.forEach((m) => problem('deadline', m));
  const indicators: Indicator[] = indicatorCues(draft.parts.flatMap(textsOf).join('\n'));
  return { ...task, title, body, deadline: deadline.deadline, ...(indicators.length ? { indicators } : {}) };
}

/** The first clause of the first item, short enough for a list of tasks. */
function titleOf(text: string): string {
  const t = stripBullet(text)
    .replace(/^[*_\s]+/, '')
    .trim();
  const end = t.search(/[;:]|\.(?=\s|$)/);
  let clause = (end >= 0 ? t.slice(0, end) : t).replace(/[*_,.\s]+$/, '');
  if (clause.length > 120) clause = `${clause.slice(0, clause.lastIndexOf(' ', 119))}…`;
  return capitalize(clause);
}

function supportedUnit(texts: string[], directory: UnitDirectory): { code?: string; problem?: string } {
  const phrase = supportedPhrase(texts);
  const chain = phrase ? leadingChain(readUnitPhrase(phrase.slice(0, 200), directory)) : [];
  const units = chain[0]?.units ?? [];
  if (units.length === 1) return { code: units[0].code };
  if (units.length > 1)
    return {
      problem: `"${chain[0].text}" names several units (${units.map((u) => u.code).join(', ')}); name the one this task supports`,
    };
  return { problem: '"phối hợp" names no lead unit; name the unit this task supports, or make it a lead task' };
}

function decideDeadline(
  own: DeadlineCue[],
  ctx: TaskContext,
  label: string,
): { deadline: DeadlineSpec; problems: string[] } {
  const cues = own.length ? own : ctx.common;
  const placeholder = { date: PLACEHOLDER.date };
  if (!cues.length)
    return {
      deadline: placeholder,
      problems: [`${label} sets no deadline; write a date (YYYY-MM-DD) or a number of working days`],
    };
  const problems: string[] = [];
  const options: DeadlineSpec[] = [];
  for (const c of cues) {
    if (c.kind === 'date') options.push({ date: c.iso });
    else if (c.kind === 'workingDays') options.push({ workingDays: c.days });
    else if (c.kind === 'calendarDays')
      problems.push(`"${c.raw}" counts calendar days; write a date or a number of working days`);
    else if (c.kind === 'invalid') problems.push(`"${c.raw}" is not a calendar date`);
    else {
      const date = ctx.issuedYear ? isoDate(ctx.issuedYear, c.month, c.day) : undefined;
      if (date) options.push({ date: date.iso });
      problems.push(date ? `"${c.raw}" gives no year; read as ${date.iso}` : `"${c.raw}" gives no year`);
    }
  }
  const distinct = [...new Map(options.map((o) => [JSON.stringify(o), o])).values()];
  if (!distinct.length) return { deadline: placeholder, problems };
  const dates = distinct.flatMap((o) => ('date' in o ? [o.date] : []));
  const chosen = distinct.length > 1 && dates.length === distinct.length ? { date: dates.sort().at(-1)! } : distinct[0];
  if (distinct.length > 1) problems.push(`several deadlines (${distinct.map(show).join(', ')}); took ${show(chosen)}`);
  return { deadline: chosen, problems };
}

const show = (d: DeadlineSpec) => ('date' in d ? d.date : `${d.workingDays} working days`);
