// A draft as a directive file: the directive's fields, a "# ?" comment beside each field in
// question, and the questions again as a list. With the questions answered the file validates.
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { DispatchDraft } from './types';

export function draftToYaml(draft: DispatchDraft): string {
  const doc = new Document({ ...draft.directive, questions: questionRecords(draft) });
  doc.commentBefore = headerComment(draft);
  draft.directive.tasks.forEach((task, i) => {
    const name = draft.unitNames[task.unit];
    if (name) note(doc.getIn(['tasks', i, 'unit'], true), name);
  });
  draft.legalBases.forEach((b, i) =>
    note(doc.getIn(['legalBases', i], true), [b.kind, b.date].filter(Boolean).join(', ')),
  );
  if (draft.adHocReports)
    note(doc.getIn(['schedule', 'kind'], true), 'reports are also due ad hoc (đột xuất) when asked');
  for (const q of draft.questions) {
    const path = q.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    if (path[0] === 'recipients') continue; // beside the "Kính gửi" list in the header
    const node = doc.getIn(path, true);
    // A question about the whole list (a section missing from the numbering) goes above it.
    if (isSeq(node)) node.commentBefore = [node.commentBefore, ` ? ${q.message}`].filter(Boolean).join('\n');
    else note(node, `? ${q.message}`);
  }
  return doc.toString({ lineWidth: 0 });
}

/** The questions as a file lists them: each keeps its code and its Vietnamese words beside the English message. */
export function questionRecords(draft: DispatchDraft) {
  return draft.questions.map(({ path, code, message, text, line }) => ({
    path,
    code,
    message,
    vi: text.vi,
    ...(line ? { line } : {}),
  }));
}

function headerComment(draft: DispatchDraft): string {
  const lines = [
    ' Draft directive read from the text of a dispatch. Answer each "# ?" question (all are listed',
    ' under questions: at the end) and the file validates as a directive.',
  ];
  if (draft.place) lines.push(` Place: ${draft.place}`);
  const asked = (i: number) =>
    draft.questions
      .filter((q) => q.path === `recipients.${i}`)
      .map((q) => `  # ? ${q.message}`)
      .join('');
  if (draft.recipients.length) lines.push(' Kính gửi:', ...draft.recipients.map((r, i) => ` - ${r}${asked(i)}`));
  return lines.join('\n');
}

/** A comment beside a value; for a map or list value, beside its first scalar. */
function note(node: unknown, text: string) {
  let target: unknown = node;
  while (isMap(target) || isSeq(target)) {
    const first: unknown = target.items[0];
    target = isMap(target) ? (first as { value?: unknown } | undefined)?.value : first;
  }
  if (!isScalar(target)) return;
  const scalar = target;
  scalar.comment = scalar.comment ? `${scalar.comment}; ${text}` : ` ${text}`;
}
