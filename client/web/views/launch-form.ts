// What the draft form (staff/launch-draft.eta) reads: the directive's fields, one fieldset per
// task, the importer's questions marked at their fields and listed on top, errors named by field.
import type { Lang } from '../../../domain/format';
import { isOpen, type Draft, type FieldErrors } from '../routes/launch-draft';
import { fill, LAUNCH_WORDS, scheduleText, type LaunchWords, type PreviewView } from './launch';
import type { EdxmlCardView } from './launch-edxml';

export interface DraftFormModel {
  lang: Lang;
  csrf: string;
  d: Draft;
  units: { code: string; name: string }[];
  errors: FieldErrors;
  /** A file's problems as the parser words them, "file:line: field: reason". */
  fileProblems?: string[];
  preview?: PreviewView;
  /** Where the draft came from when it was an edXML package. */
  edxml?: EdxmlCardView;
}

/** What a field is called in the list of errors and questions: "Nhiệm vụ 3 (Sở Tư pháp) — Thời hạn". */
function labelOf(field: string, d: Draft, names: ReadonlyMap<string, string>, t: LaunchWords): string {
  const row = /^t\.(\d+)\.(\w+)$/.exec(field);
  if (row) {
    const unit = d.tasks[Number(row[1])]?.unit ?? '';
    const who = names.get(unit) ?? (unit && unit !== '?' ? unit : '');
    const what: Record<string, string> = {
      unit: t.unit,
      role: t.role,
      supports: t.supports,
      title: t.taskTitle,
      deadline: t.deadline,
      indicators: t.indicators.replace(/ \(.*$/, ''),
      body: t.body,
    };
    return `${t.task} ${Number(row[1]) + 1}${who ? ` (${who})` : ''} — ${what[row[2]] ?? row[2]}`;
  }
  const recipient = /^recipients\.(\d+)$/.exec(field);
  if (recipient) return `${t.recipients}: ${d.recipients[Number(recipient[1])] ?? ''}`;
  const top: Record<string, string> = {
    number: t.number,
    title: t.title,
    issuer: t.issuer,
    issuedOn: t.issuedOn,
    legalBases: t.legalBases.replace(/ \(.*$/, ''),
    schedule: t.schedule,
    policy: t.policy,
    confidentiality: t.confidentiality,
    tasks: t.tasks,
  };
  return top[field] ?? field;
}

export function draftView(m: DraftFormModel) {
  const t = LAUNCH_WORDS[m.lang];
  const names = new Map(m.units.map((u) => [u.code, u.name]));
  const questions = m.d.questions.map((q, i) => ({
    ...q,
    // The question in the page's language; one read back from an older draft file has only English.
    said: q[m.lang] ?? q.message,
    i,
    open: isOpen(m.d, q),
    label: labelOf(q.field, m.d, names, t),
    where: q.line ? fill(m.d.fromFile ? t.lineOfFile : t.lineOfText, { n: q.line }) : '',
  }));
  const open: Record<string, string> = {};
  for (const q of questions) if (q.open) open[q.field] = open[q.field] ? `${open[q.field]}; ${q.said}` : q.said;
  return {
    t,
    csrf: m.csrf,
    d: m.d,
    units: m.units,
    names: Object.fromEntries(names),
    questions,
    openCount: questions.filter((q) => q.open).length,
    summary: Object.entries(m.errors).map(([field, message]) => ({
      field,
      message,
      label: labelOf(field, m.d, names, t),
    })),
    fileProblems: m.fileProblems ?? [],
    sourceLine: m.d.source ? `${t.fromFile} ${m.d.source}` : t.fromText,
    scheduleText: scheduleText(m.d.schedule, m.lang),
    // Markup of our own, no text of the draft in it: written out raw.
    inv: (field: string) => (m.errors[field] || open[field] ? ' aria-invalid="true"' : ''),
    notes: (field: string) => ({ field, error: m.errors[field], question: open[field] }),
    rowOpen: (i: number) => Object.keys(open).some((f) => f.startsWith(`t.${i}.`)),
    preview: m.preview,
    edxml: m.edxml,
  };
}
