// Directive files (YAML, or JSON, which YAML reads too): parsed with positions so that every
// error names the line and the field.
import { LineCounter, parseDocument, isMap, isPair, isSeq, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { DirectiveSchema, issueMessage, type Directive } from './schemas';
import { UnitDirectorySchema, type UnitDirectory } from './units';

export interface FileProblem {
  line?: number;
  path: string;
  message: string;
}

export class FileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: FileProblem[],
  ) {
    super(
      problems
        .map((p) => `${fileName}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`)
        .join('\n'),
    );
  }
}

/** The line of the node at a path, or of its nearest parent that exists. */
function lineOf(root: Node | null, path: (string | number)[], lines: LineCounter): number | undefined {
  let node: unknown = root;
  let found: Node | undefined = root ?? undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
      node = pair?.value;
      if (!node)
        return found?.range
          ? lines.linePos((pair?.key as Node | undefined)?.range?.[0] ?? found.range[0]).line
          : undefined;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else break;
    if (node && (node as Node).range) found = node as Node;
  }
  return found?.range ? lines.linePos(found.range[0]).line : undefined;
}

/**
 * In `{ name: Tin, bài đã đăng }` the comma ends the value: "bài đã đăng" becomes a key with no
 * value and the name is cut to "Tin". Such a key is reported rather than silently dropped.
 */
function splitFlowValues(doc: Document, lines: LineCounter): FileProblem[] {
  const problems: FileProblem[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      const parent = path[path.length - 1];
      if (!isMap(parent) || !parent.flow || pair.value !== null) return;
      const key = pair.key as Node & { value?: unknown };
      problems.push({
        line: key.range ? lines.linePos(key.range[0]).line : undefined,
        path: '',
        message: `"${String(key.value)}" has no value: a comma inside { … } ends a value, so put the whole value in quotes`,
      });
    },
  });
  return problems;
}

/** C0 control characters other than tab and line ends: a binary file, or text PostgreSQL would refuse to store. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const codeOf = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The raw text passed the check above, but a quoted scalar's escapes ("\0", "\e", "\x07",
 * "\u0000") decode into control characters after it: the decoded keys and values are checked too.
 */
function escapedControls(doc: Document, lines: LineCounter): FileProblem[] {
  const problems: FileProblem[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      const found = typeof node.value === 'string' ? CONTROL.exec(node.value) : null;
      if (!found) return;
      const path: (string | number)[] = [];
      for (let i = 0; i < ancestors.length; i++) {
        const a = ancestors[i];
        const next = ancestors[i + 1] ?? node;
        if (isPair(a) && next === a.value) path.push(String((a.key as { value?: unknown })?.value));
        if (isSeq(a)) path.push(a.items.indexOf(next));
      }
      problems.push({
        line: node.range ? lines.linePos(node.range[0]).line : undefined,
        path: key === 'key' ? '' : path.join('.'),
        message: `control character ${codeOf(found[0])}${key === 'key' ? ' in a field name' : ''} (written as an escape)`,
      });
      return visit.BREAK;
    },
  });
  return problems;
}

const NESTED = 'lists or mappings are nested too deeply';

/**
 * A YAML (or JSON) file checked against a schema; every problem names its line and field.
 * `fields` names the top-level fields a file of this kind begins with, for a file that is not a mapping.
 */
export function parseYamlFile<S extends z.ZodType>(
  schema: S,
  text: string,
  fileName: string,
  fields = 'number, title, tasks, …',
): z.infer<S> {
  if (text.includes('\uFFFD'))
    throw new FileError(fileName, [{ path: '', message: 'the file is not valid UTF-8 text' }]);
  const control = CONTROL.exec(text);
  if (control) {
    throw new FileError(fileName, [
      {
        line: text.slice(0, control.index).split('\n').length,
        path: '',
        message: `control character ${codeOf(control[0])}; is this a binary file?`,
      },
    ]);
  }
  try {
    return parseText(schema, text, fileName, fields);
  } catch (err) {
    // Lists or mappings nested thousands deep exhaust the parser's stack: say so, not the stack's words.
    if (err instanceof RangeError) throw new FileError(fileName, [{ line: 1, path: '', message: NESTED }]);
    throw err;
  }
}

function parseText<S extends z.ZodType>(schema: S, text: string, fileName: string, fields: string): z.infer<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    // Later syntax errors mostly follow from the first: report that one.
    throw new FileError(
      fileName,
      doc.errors.slice(0, 1).map((e) => ({
        line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line,
        path: '',
        message: /call stack/.test(e.message) ? NESTED : e.message.split('\n')[0],
      })),
    );
  }
  const split = splitFlowValues(doc, lines);
  if (split.length) throw new FileError(fileName, split);
  const escaped = escapedControls(doc, lines);
  if (escaped.length) throw new FileError(fileName, escaped);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    throw new FileError(fileName, [
      { path: '', message: 'the file repeats its anchors (*name) too often: at most 50 expansions' },
    ]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new FileError(fileName, [{ line: 1, path: '', message: `expected a mapping of fields (${fields})` }]);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new FileError(
      fileName,
      parsed.error.issues.map((i) => ({
        line: lineOf(doc.contents, i.path as (string | number)[], lines),
        path: i.path.join('.'),
        message: issueMessage(i),
      })),
    );
  }
  return parsed.data;
}

export const parseDirectiveFile = (text: string, fileName = 'directive.yaml'): Directive =>
  parseYamlFile(DirectiveSchema, text, fileName);
export const parseUnitDirectoryFile = (text: string, fileName = 'units.yaml'): UnitDirectory =>
  parseYamlFile(UnitDirectorySchema, text, fileName);

/** The line of a field in a file already read (e.g. tasks.2.deadline), for a sentence about it. */
export function lineOfField(text: string, path: (string | number)[]): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false });
  return lineOf(doc.contents, path, lines);
}
