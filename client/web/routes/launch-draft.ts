// The draft of a directive as the launch page's form holds it: every field a string as typed,
// the importer's questions kept beside the fields they are about. Read back from a POST, the
// draft becomes a Directive through the same zod schema as a directive file, or errors named by
// field, so nothing typed is lost.
import type { FileProblem } from '../../../domain/directive-file';
import { PLACEHOLDER, type Question } from '../../../domain/dispatch';
import type { Lang } from '../../../domain/format';

export interface DraftTask {
  unit: string;
  role: string;
  supports: string;
  title: string;
  body: string;
  /** A date ("đến ngày …") or a number of working days ("trong N ngày làm việc"). */
  kind: 'date' | 'days';
  date: string;
  days: string;
  /** One indicator a line: code | name | unit | target. */
  indicators: string;
  completion: string;
  cascade: string;
}

/** A question of the importer's (a "# ?" of the draft file), and the value its field had when asked. */
export interface DraftQuestion {
  field: string;
  /** The English words; `vi` and `en` are the question in each language when the importer gave both. */
  message: string;
  vi?: string;
  en?: string;
  line?: number;
  was: string;
  /** The coordinator ticked "keep as it is". */
  ok: boolean;
}

export interface Draft {
  /** The uploaded file's name; empty for pasted text. */
  source: string;
  /** Lines named in questions are lines of the uploaded file (true) or of the dispatch's text. */
  fromFile: boolean;
  /** Where an edXML package came from, signed (routes/launch-edxml.ts); empty for anything else. */
  edxml: string;
  number: string;
  title: string;
  issuer: string;
  issuedOn: string;
  /** One document a line: 1079/QĐ-TTg. */
  legalBases: string;
  confidentiality: string;
  /** The reporting schedule and chase policy, carried as JSON: the form does not edit them. */
  schedule: string;
  policy: string;
  recipients: string[];
  tasks: DraftTask[];
  questions: DraftQuestion[];
}

/** Form field (number, t.3.deadline, recipients.0, …) → message. */
export type FieldErrors = Record<string, string>;

const TOP_FIELDS = [
  'number',
  'title',
  'issuer',
  'issuedOn',
  'legalBases',
  'confidentiality',
  'schedule',
  'policy',
] as const;
type TopField = (typeof TOP_FIELDS)[number];

/** The form field a directive path is about: tasks.3.deadline.date → t.3.deadline. */
export function fieldOf(path: string): string {
  const p = path.split('.');
  if (p[0] === 'tasks' && p[1] !== undefined && /^\d+$/.test(p[1]))
    return p[2] ? `t.${p[1]}.${p[2]}` : `t.${p[1]}.title`;
  if (p[0] === 'recipients' && p[1] !== undefined) return `recipients.${p[1]}`;
  return p[0] || 'number';
}

/** A field's value as the form holds it; undefined for what has no field (recipients, the task list). */
export function valueOf(d: Draft, field: string): string | undefined {
  const m = /^t\.(\d+)\.(\w+)$/.exec(field);
  if (m) {
    const t = d.tasks[Number(m[1])];
    if (!t) return undefined;
    if (m[2] === 'deadline') return t.kind === 'date' ? `date:${t.date}` : `days:${t.days}`;
    const v = (t as unknown as Record<string, unknown>)[m[2]];
    return typeof v === 'string' ? v : undefined;
  }
  return (TOP_FIELDS as readonly string[]).includes(field) ? d[field as TopField] : undefined;
}

/** Open until its field changes or the coordinator keeps the value as it is. */
export const isOpen = (d: Draft, q: DraftQuestion): boolean => !q.ok && (valueOf(d, q.field) ?? q.was) === q.was;

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A date field shows nothing for the importer's placeholder, so the date picker starts empty. */
const dateText = (v: unknown): string => (text(v) === PLACEHOLDER.date ? '' : text(v));

function taskOf(raw: unknown): DraftTask {
  const t = record(raw);
  const deadline = record(t.deadline);
  const days = deadline.workingDays !== undefined;
  return {
    unit: text(t.unit),
    role: text(t.role) || 'lead',
    supports: text(t.supports),
    title: text(t.title),
    body: text(t.body),
    kind: days ? 'days' : 'date',
    date: days ? '' : dateText(deadline.date),
    days: days ? text(deadline.workingDays) : '',
    indicators: array(t.indicators)
      .map((i) => {
        const x = record(i);
        const parts = [x.code, x.name, x.unit, ...(x.target !== undefined ? [x.target] : [])];
        return [...parts, ...(x.type === 'decimal' ? ['decimal'] : [])].map(text).join(' | ');
      })
      .join('\n'),
    completion: text(t.completion),
    cascade: t.cascade === true ? '1' : '',
  };
}

/** A draft from a directive, a directive file's raw content, or an imported dispatch's directive. */
export function draftOf(
  raw: unknown,
  o: { source: string; fromFile: boolean; recipients?: string[]; questions?: Question[] },
): Draft {
  const r = record(raw);
  const json = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));
  const d: Draft = {
    source: o.source,
    fromFile: o.fromFile,
    edxml: '',
    number: text(r.number),
    title: text(r.title),
    issuer: text(r.issuer),
    issuedOn: dateText(r.issuedOn),
    legalBases: array(r.legalBases).map(text).join('\n'),
    confidentiality: text(r.confidentiality),
    schedule: json(r.schedule),
    policy: json(r.policy),
    recipients: o.recipients ?? [],
    tasks: array(r.tasks).map(taskOf),
    questions: [],
  };
  d.questions = (o.questions ?? []).map((q) => {
    const field = fieldOf(q.path);
    return {
      field,
      message: q.message,
      ...(q.text ? { vi: q.text.vi, en: q.text.en } : {}),
      ...(q.line ? { line: q.line } : {}),
      was: valueOf(d, field) ?? '',
      ok: false,
    };
  });
  return d;
}

/** The questions a draft file (from `dondoc import`) lists under `questions:`. */
export function questionsIn(raw: unknown): Question[] {
  return array(record(raw).questions).flatMap((q) => {
    const x = record(q);
    const said = record(x.text);
    const text = typeof said.vi === 'string' && typeof said.en === 'string' ? { vi: said.vi, en: said.en } : undefined;
    return typeof x.path === 'string' && typeof x.message === 'string'
      ? [
          {
            path: x.path,
            message: x.message,
            ...(text ? { text } : {}),
            ...(typeof x.line === 'number' ? { line: x.line } : {}),
          },
        ]
      : [];
  });
}

/** A file's problems as the errors of the fields they are about, each with its line. */
export function fileErrors(problems: FileProblem[], lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems)
    errors[fieldOf(p.path)] ??= `${p.line ? `${lang === 'vi' ? 'dòng' : 'line'} ${p.line}: ` : ''}${p.message}`;
  return errors;
}

type Body = Record<string, unknown>;
const one = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
const many = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(one) : [one(v)]);
const indexes = (body: Body, prefix: string) =>
  [
    ...new Set(
      Object.keys(body)
        .flatMap((k) => new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(k)?.[1] ?? [])
        .map(Number),
    ),
  ]
    .filter((n) => n < 20_000)
    .sort((a, b) => a - b);

/**
 * The draft a POST of the form carries. Rows ticked for removal are dropped with their questions;
 * `addRow` appends an empty row.
 */
export function readDraft(body: Body, o: { addRow?: boolean } = {}): Draft {
  const renumber = new Map<number, number>();
  const tasks: DraftTask[] = [];
  for (const i of indexes(body, 't')) {
    if (one(body[`t.${i}.remove`]) === '1') continue;
    renumber.set(i, tasks.length);
    const f = (k: string) => one(body[`t.${i}.${k}`]);
    tasks.push({
      unit: f('unit'),
      role: f('role') || 'lead',
      supports: f('supports'),
      title: f('title'),
      body: f('body'),
      kind: f('kind') === 'days' ? 'days' : 'date',
      date: f('date'),
      days: f('days'),
      indicators: f('indicators'),
      completion: f('completion'),
      cascade: f('cascade'),
    });
  }
  if (o.addRow)
    tasks.push({
      unit: '',
      role: 'lead',
      supports: '',
      title: '',
      body: '',
      kind: 'days',
      date: '',
      days: '',
      indicators: '',
      completion: '',
      cascade: '',
    });
  const questions = indexes(body, 'q').flatMap((i): DraftQuestion[] => {
    let field = one(body[`q.${i}.field`]);
    const row = /^t\.(\d+)\.(\w+)$/.exec(field);
    if (row) {
      const to = renumber.get(Number(row[1]));
      if (to === undefined) return [];
      field = `t.${to}.${row[2]}`;
    }
    const line = Number(one(body[`q.${i}.line`]));
    return [
      {
        field,
        message: one(body[`q.${i}.message`]),
        ...(one(body[`q.${i}.vi`]) ? { vi: one(body[`q.${i}.vi`]) } : {}),
        ...(one(body[`q.${i}.en`]) ? { en: one(body[`q.${i}.en`]) } : {}),
        ...(line > 0 ? { line } : {}),
        was: one(body[`q.${i}.was`]),
        ok: one(body[`q.${i}.ok`]) === '1',
      },
    ];
  });
  const top = Object.fromEntries(TOP_FIELDS.map((k) => [k, one(body[k])])) as Record<TopField, string>;
  return {
    source: one(body.source),
    fromFile: one(body.fromFile) === '1',
    edxml: one(body.edxml),
    ...top,
    recipients: many(body.recipient),
    tasks,
    questions,
  };
}
