// Writing a draft directive file made by `dondoc import`, and the sentence that says what it holds.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { questionRecords, type DispatchDraft } from '../../domain/dispatch';
import { printJson, UsageError, type CliIo } from './io';

export interface ImportOptions {
  output?: string;
  units?: string;
  force?: boolean;
  json?: boolean;
}

/** Where a draft goes when no -o is given: the working folder, named after the dispatch. */
export const defaultDraftPath = (file: string) => `${path.basename(file).replace(/\.[^.]*$/, '')}.draft.yaml`;

/** Writes the draft where asked (a draft being answered by hand is never overwritten without --force) and says what it holds. */
export function writeDraft(
  io: CliIo,
  file: string,
  o: ImportOptions,
  draft: DispatchDraft,
  yaml: string,
  extra: { summary?: object; sentence?: string } = {},
): void {
  const target = o.output ?? defaultDraftPath(file);
  const summary = { ...summarise(draft, target), ...extra.summary };
  const said = [sentence(summary), extra.sentence].filter(Boolean).join(' ');
  if (target === '-') {
    io.out(o.json ? `${JSON.stringify(summary, null, 2)}\n` : yaml);
    if (!o.json) io.err(`${said}\n`);
    return;
  }
  const unchanged = existsSync(target) && readFileSync(target, 'utf8') === yaml;
  // A draft being answered by hand is work that must not be lost to a second import.
  if (!unchanged && existsSync(target) && !o.force)
    throw new UsageError(`${target} already exists; pass --force to replace it, or -o another file`);
  if (!unchanged) writeFileSync(target, yaml);
  if (o.json) printJson(io, summary);
  else io.out(`${said}\n`);
}

interface ImportSummary {
  file: string;
  number: string;
  tasks: number;
  units: number;
  legalBases: string[];
  recipients: number;
  /** As the draft file lists them: path, code, English message, Vietnamese words, line. */
  questions: ReturnType<typeof questionRecords>;
}

function summarise(draft: DispatchDraft, file: string): ImportSummary {
  const d = draft.directive;
  return {
    file,
    number: d.number,
    tasks: d.tasks.length,
    units: new Set(d.tasks.map((t) => t.unit).filter((u) => u !== '?')).size,
    legalBases: d.legalBases ?? [],
    recipients: draft.recipients.length,
    questions: questionRecords(draft),
  };
}

function sentence(s: ImportSummary): string {
  const where = s.file === '-' ? 'Drafted' : `Wrote ${s.file}:`;
  const left = s.questions.length
    ? `${s.questions.length} question${s.questions.length === 1 ? '' : 's'} left to answer (each marked "# ?")`
    : `no questions left; launch it with: dondoc launch ${s.file}`;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${where} ${s.number}, ${count(s.tasks, 'task', 'tasks')} for ${count(s.units, 'unit', 'units')}, ${count(s.legalBases.length, 'legal basis', 'legal bases')}; ${left}.`;
}
