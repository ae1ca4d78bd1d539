// Workflow ids made from business keys, in one place. A directive is keyed by its number; a
// district's sub-directive by the task it came from and its own number, so that a district's
// "45/KH-UBND" can never take, or restart, a provincial directive of the same number.

/** Number and symbol of a document, e.g. `524/UBND-VP9`, `1297/KH-UBND`: part of workflow ids. */
export const DOCUMENT_NUMBER = /^\d{1,6}\/[\p{Lu}0-9][\p{Lu}\p{Ll}0-9.\-/]{0,40}$/u;
export const DOCUMENT_NUMBER_HINT = 'expected number/symbol, e.g. 524/UBND-VP9';

/** The key of a provincial directive is its number; a sub-directive's key is scoped under its task. */
export const directiveKey = (number: string, parentTaskWorkflowId?: string): string =>
  parentTaskWorkflowId ? `${parentTaskWorkflowId.replace(/^task:/, '')}>${number}` : number;

/** Directive numbers contain "/" (524/UBND-VP9); ids keep them readable. */
export const directiveWorkflowId = (key: string): string => `directive:${key}`;

export const taskWorkflowId = (key: string, unitCode: string, cycle = ''): string =>
  `task:${key}:${unitCode}${cycle ? `:${cycle}` : ''}`;

/** A request for explanation (yêu cầu giải trình) about one task, numbered within it. */
export const explanationWorkflowId = (taskId: string, n: number): string =>
  `explanation:${taskId.replace(/^task:/, '')}:${n}`;

/**
 * A receipt number names one report forever: the task's own key (directive, unit, cycle) and the
 * report's running number within it, e.g. "524/UBND-VP9-NB-CATINH-01".
 */
export const receiptNumber = (taskId: string, n: number): string =>
  `${taskId.replace(/^task:/, '').replaceAll(':', '-')}-${String(n).padStart(2, '0')}`;
