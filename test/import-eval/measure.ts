// How close a draft comes to the expected one: header fields, tasks (a task matches when its unit,
// role and deadline match), junk tasks (a unit the directory does not hold), indicators, questions.
import type { DispatchDraft } from '../../domain/dispatch';
import type { CorpusDocument } from './corpus';

export type Parse = (text: string, directory: CorpusDocument['directory']) => DispatchDraft;

export interface DocumentScore {
  name: string;
  kind: string;
  headerRight: number;
  headerFields: number;
  expected: number;
  drafted: number;
  matched: number;
  junk: number;
  indicatorsFound: number;
  indicatorsExpected: number;
  scheduleRight: boolean;
  questions: number;
  /** Set when the importer refused the text. */
  refused?: string;
  missed: string[];
  extra: string[];
}

export interface Totals {
  documents: number;
  headerRight: number;
  headerFields: number;
  expected: number;
  drafted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  junk: number;
  indicatorsFound: number;
  indicatorsExpected: number;
  scheduleRight: number;
  questions: number;
  refused: number;
}

const deadlineOf = (d: { date: string } | { workingDays: number } | Record<string, unknown>): string =>
  'workingDays' in d
    ? `${String(d.workingDays)}wd`
    : /^\d{4}-\d{2}-\d{2}$/.test(String(d.date))
      ? String(d.date)
      : 'none';

function expectedTasks(doc: CorpusDocument): string[] {
  return doc.expected.tasks.flatMap(([unit, role, deadline]) => {
    const kind = /^each:(\w+)$/.exec(unit)?.[1];
    const units = kind ? doc.directory.units.filter((u) => u.kind === kind).map((u) => u.code) : [unit];
    return units.map((u) => `${u} ${role} ${deadline}`);
  });
}

/** Matches as multisets: each expected task is matched by at most one drafted task. */
function match(expected: string[], drafted: string[]): { matched: number; missed: string[]; extra: string[] } {
  const left = new Map<string, number>();
  for (const e of expected) left.set(e, (left.get(e) ?? 0) + 1);
  const extra: string[] = [];
  for (const d of drafted) {
    const n = left.get(d) ?? 0;
    if (n > 0) left.set(d, n - 1);
    else extra.push(d);
  }
  const missed = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { matched: drafted.length - extra.length, missed, extra };
}

export function scoreDocument(doc: CorpusDocument, parse: Parse): DocumentScore {
  const base = { name: doc.name, kind: doc.expected.kind, headerFields: 2 };
  const expected = expectedTasks(doc);
  const indicatorsExpected = doc.expected.indicators.length;
  let draft: DispatchDraft;
  try {
    draft = parse(doc.text, doc.directory);
  } catch (err) {
    return {
      ...base,
      headerRight: 0,
      expected: expected.length,
      drafted: 0,
      matched: 0,
      junk: 0,
      indicatorsFound: 0,
      indicatorsExpected,
      scheduleRight: false,
      questions: 0,
      refused: (err as Error).message,
      missed: expected,
      extra: [],
    };
  }
  const d = draft.directive;
  const h = doc.expected.header;
  const numberRight = h.number === null ? !/^\d/.test(d.number) : d.number === h.number;
  const dateRight = h.issuedOn === null ? !/^\d{4}-\d{2}-\d{2}$/.test(d.issuedOn) : d.issuedOn === h.issuedOn;
  const known = new Set(doc.directory.units.map((u) => u.code));
  const drafted = d.tasks.map((t) => `${t.unit} ${t.role ?? 'lead'} ${deadlineOf(t.deadline)}`);
  const m = match(expected, drafted);
  const indicatorsFound = doc.expected.indicators.filter(([unit, target, measure]) =>
    d.tasks.some((t) => t.unit === unit && (t.indicators ?? []).some((i) => i.target === target && i.unit === measure)),
  ).length;
  const s = doc.expected.schedule;
  const schedule = d.schedule ?? { kind: 'once' };
  const scheduleRight = s
    ? schedule.kind === 'periodic' && schedule.period === s.period && schedule.dueDay === s.dueDay
    : schedule.kind === 'once';
  return {
    ...base,
    headerRight: Number(numberRight) + Number(dateRight),
    expected: expected.length,
    drafted: drafted.length,
    matched: m.matched,
    junk: d.tasks.filter((t) => !known.has(t.unit)).length,
    indicatorsFound,
    indicatorsExpected,
    scheduleRight,
    questions: draft.questions.length,
    missed: m.missed,
    extra: m.extra,
  };
}

export function totalsOf(scores: DocumentScore[]): Totals {
  const sum = (f: (s: DocumentScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const matched = sum((s) => s.matched);
  const drafted = sum((s) => s.drafted);
  const expected = sum((s) => s.expected);
  const precision = drafted ? matched / drafted : 1;
  const recall = expected ? matched / expected : 1;
  return {
    documents: scores.length,
    headerRight: sum((s) => s.headerRight),
    headerFields: sum((s) => s.headerFields),
    expected,
    drafted,
    matched,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    junk: sum((s) => s.junk),
    indicatorsFound: sum((s) => s.indicatorsFound),
    indicatorsExpected: sum((s) => s.indicatorsExpected),
    scheduleRight: sum((s) => Number(s.scheduleRight)),
    questions: sum((s) => s.questions),
    refused: scores.filter((s) => s.refused).length,
  };
}
