// From sections to tasks: one task per unit. A unit named by several sections (its own, then a
// group's "Các sở, ban, ngành …") gets one task whose body carries each section's items.
import type { DeadlineSpec, DirectiveInput, Indicator, OrgUnit } from '../schemas';
import { readUnitPhrase, type UnitDirectory } from '../units';
import { assignSection, leadingChain } from './assign';
import { clausesOf, deadlineCues, indicatorCues, isPeriodic, roleCue, supportedPhrase, type DeadlineCue } from './cues';
import type { Paragraph, Section } from './sections';
import { capitalize, isoDate, stripBullet } from './text';
import { say, where, type Said } from './questions';
import { PLACEHOLDER, type AskedQuestion } from './types';

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
  questions: AskedQuestion[];
  unitNames: Record<string, string>;
}

interface Part {
  section: Section;
  title?: string;
  items: Paragraph[];
}
interface Problem {
  field: 'unit' | 'title' | 'supports' | 'deadline';
  said: Said;
  line: number;
}
interface DraftTask {
  unit: OrgUnit;
  parts: Part[];
  problems: Problem[];
}

const FIELD_ORDER = ['unit', 'title', 'supports', 'deadline'];

export function buildTasks(sections: Section[], ctx: TaskContext): BuiltTasks {
  const drafts: DraftTask[] = [];
  const byCode = new Map<string, DraftTask>();
  // A name that is no unit of the directory is asked about once, and gives no task.
  const unknown: AskedQuestion[] = [];
  for (const section of sections) {
    const assignment = assignSection(section, ctx.directory, ctx.issuer);
    for (const who of assignment.assignees) {
      if (!who.unit) {
        unknown.push({ path: 'tasks', ...who.problem, line: section.line });
        continue;
      }
      const part = { section, title: assignment.title, items: assignment.itemsFor(who.unit.code) };
      const problems: Problem[] = who.problem ? [{ field: 'unit', said: who.problem, line: section.line }] : [];
      const known = byCode.get(who.unit.code);
      if (known) {
        known.parts.push(part);
        known.problems.push(...problems);
        continue;
      }
      drafts.push({ unit: who.unit, parts: [part], problems });
      byCode.set(who.unit.code, drafts[drafts.length - 1]);
    }
  }
  const tasks = drafts.map((d) => finish(d, ctx));
  tasks.forEach((t, i) => {
    if (t.supports && t.supports !== PLACEHOLDER.unit && !byCode.has(t.supports)) {
      drafts[i].problems.push({
        field: 'supports',
        said: say('supports.noTask', { code: t.supports }),
        line: drafts[i].parts[0].section.line,
      });
    }
  });
  const questions = [
    ...drafts.flatMap((d, i) =>
      d.problems
        .sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))
        .map((p) => ({ path: `tasks.${i}.${p.field}`, ...p.said, line: p.line })),
    ),
    ...dedupe(unknown),
  ];
  const unitNames = Object.fromEntries(drafts.map((d) => [d.unit.code, d.unit.name]));
  return { tasks, questions, unitNames };
}

function dedupe(questions: AskedQuestion[]): AskedQuestion[] {
  return [...new Map(questions.map((q) => [q.message, q])).values()];
}

const textsOf = (p: Part) => [...(p.title ? [p.title] : []), ...p.items.map((i) => i.text)];

function finish(draft: DraftTask, ctx: TaskContext): TaskInput {
  const [first] = draft.parts;
  const line = first.section.line;
  const problem = (field: Problem['field'], said: Said) => draft.problems.push({ field, said, line });
  const label = { vi: `mục ${first.section.number}`, en: `section ${first.section.number}` };
  const firstTexts = textsOf(first);
  const title = first.title ? capitalize(first.title) : firstTexts[0] ? titleOf(firstTexts[0]) : '';
  if (!title) problem('title', say('title.none', where(label)));
  const body = draft.parts
    .map((p, i) =>
      [...(i > 0 ? [`${p.section.number}. ${p.section.heading}`] : []), ...p.items.map((x) => x.text)].join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
  const role = roleCue(firstTexts);
  const task: Pick<TaskInput, 'unit' | 'role' | 'supports'> = { unit: draft.unit.code, role };
  if (role === 'support') {
    const lead = supportedUnit(firstTexts, ctx.directory);
    task.supports = lead.code ?? PLACEHOLDER.unit;
    if (lead.problem) problem('supports', lead.problem);
  }
  const clauses = draft.parts.flatMap((p) => textsOf(p).flatMap((t) => clausesOf(t))).filter((c) => !isPeriodic(c));
  const deadline = decideDeadline(deadlineCues(clauses, ctx.issuedYear), ctx, label);
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

function supportedUnit(texts: string[], directory: UnitDirectory): { code?: string; problem?: Said } {
  const phrase = supportedPhrase(texts);
  const chain = phrase ? leadingChain(readUnitPhrase(phrase.slice(0, 200), directory)) : [];
  const units = chain[0]?.units ?? [];
  if (units.length === 1) return { code: units[0].code };
  if (units.length > 1)
    return { problem: say('supports.several', { name: chain[0].text, codes: units.map((u) => u.code).join(', ') }) };
  return { problem: say('supports.none') };
}

/** One deadline from the cues of a task (or, with none, the dispatch's common ones), and what is doubtful. */
export function decideDeadline(
  own: DeadlineCue[],
  ctx: Pick<TaskContext, 'common' | 'issuedYear'>,
  label: { vi: string; en: string },
): { deadline: DeadlineSpec; problems: Said[] } {
  const cues = own.length ? own : ctx.common;
  const placeholder = { date: PLACEHOLDER.date };
  if (!cues.length) return { deadline: placeholder, problems: [say('deadline.none', where(label))] };
  const problems: Said[] = [];
  const options: DeadlineSpec[] = [];
  for (const c of cues) {
    if (c.kind === 'date') options.push({ date: c.iso });
    else if (c.kind === 'workingDays') {
      options.push({ workingDays: c.days });
      if (c.event) problems.push(say('deadline.fromEvent', { raw: c.raw, days: c.days, event: c.event }));
    } else if (c.kind === 'calendarDays') problems.push(say('deadline.calendarDays', { raw: c.raw }));
    else if (c.kind === 'invalid') problems.push(say('date.invalid', { raw: c.raw }));
    else {
      const date = ctx.issuedYear ? isoDate(ctx.issuedYear, c.month, c.day) : undefined;
      if (date) options.push({ date: date.iso });
      problems.push(say('deadline.noYear', { raw: c.raw, iso: date?.iso ?? '' }));
    }
  }
  const distinct = [...new Map(options.map((o) => [JSON.stringify(o), o])).values()];
  if (!distinct.length) return { deadline: placeholder, problems };
  // Of several, a date (what a chasing letter sets) over a number of days, and the latest date.
  const dates = distinct.flatMap((o) => ('date' in o ? [o.date] : []));
  const chosen = distinct.length > 1 && dates.length ? { date: dates.sort().at(-1)! } : distinct[0];
  if (distinct.length > 1)
    problems.push(say('deadline.several', { options: distinct.map(show).join(', '), chosen: show(chosen) }));
  return { deadline: chosen, problems };
}

const show = (d: DeadlineSpec) => ('date' in d ? d.date : `${d.workingDays} working days`);
