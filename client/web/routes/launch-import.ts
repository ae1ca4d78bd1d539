// The two ways into the launch page's draft: a file (a directive in YAML or JSON, or a dispatch's
// text) or a dispatch's text pasted. A file that cannot be read at all is one sentence naming the
// file and the line; a directive file that reads but does not validate becomes a draft with the
// errors at their fields, so the office can fix it in the form.
import path from 'node:path';
import YAML from 'yaml';
import { FileError, parseDirectiveFile } from '../../../domain/directive-file';
import { DispatchError, parseDispatch } from '../../../domain/dispatch';
import type { Lang } from '../../../domain/format';
import type { UnitDirectory } from '../../../domain/units';
import { LAUNCH_WORDS } from '../views/launch';
import { displayName } from './attachments';
import { draftOf, fieldOf, fileErrors, questionsIn, type Draft, type FieldErrors } from './launch-draft';

/** The largest file the page reads: a dispatch's text is tens of kilobytes. */
export const LAUNCH_FILE_MAX_KB = 512;

/** An uploaded file as the multipart reader hands it over. */
export interface LaunchUpload {
  name: string;
  data: Buffer;
  tooLarge: boolean;
}

export type Imported = { draft: Draft; errors: FieldErrors; problems: string[] } | { error: string };

const lineWord = (message: string, lang: Lang) =>
  lang === 'vi' ? message.replace(/(^|: )line (\d+): /g, '$1dòng $2: ') : message;

export function importText(text: string, directory: UnitDirectory, lang: Lang, source = ''): Imported {
  try {
    const d = parseDispatch(text, directory);
    return {
      draft: draftOf(d.directive, { source, fromFile: false, recipients: d.recipients, questions: d.questions }),
      errors: {},
      problems: [],
    };
  } catch (err) {
    if (err instanceof DispatchError) return { error: lineWord(`${source ? `${source}: ` : ''}${err.message}`, lang) };
    throw err;
  }
}

function importDirectiveFile(text: string, name: string, lang: Lang): Imported {
  try {
    return {
      draft: draftOf(parseDirectiveFile(text, name), { source: name, fromFile: true }),
      errors: {},
      problems: [],
    };
  } catch (err) {
    if (!(err instanceof FileError)) throw err;
    // Nothing to put in a form: the file is not YAML, or not a mapping of fields.
    if (err.problems.every((p) => !p.path)) return { error: err.message };
    const raw: unknown = YAML.parse(text.replace(/^\uFEFF/, ''));
    const errors = fileErrors(err.problems, lang);
    // A draft from `dondoc import` lists its questions; those whose field still fails are still open.
    const questions = questionsIn(raw).filter((q) => errors[fieldOf(q.path)] !== undefined);
    return {
      draft: draftOf(raw, { source: name, fromFile: true, questions }),
      errors,
      problems: err.message.split('\n'),
    };
  }
}

export function importUpload(upload: LaunchUpload, directory: UnitDirectory, lang: Lang): Imported {
  const t = LAUNCH_WORDS[lang];
  const name = displayName(upload.name);
  // The reader takes files as large as an edXML package; any other file has a smaller limit.
  if (upload.tooLarge || upload.data.length > LAUNCH_FILE_MAX_KB * 1024)
    return { error: t.tooLarge(name, LAUNCH_FILE_MAX_KB) };
  const ext = path.extname(name).toLowerCase();
  if (!['.yaml', '.yml', '.json', '.txt'].includes(ext)) return { error: t.kind(name) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(upload.data);
  } catch {
    return { error: t.notUtf8(name) };
  }
  if (text.includes('\u0000')) return { error: t.notText(name) };
  if (!text.trim()) return { error: t.emptyFile(name) };
  return ext === '.txt' ? importText(text, directory, lang, name) : importDirectiveFile(text, name, lang);
}
