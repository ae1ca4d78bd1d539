// Văn bản mật: who reads what of a confidential directive (`confidentiality: confidential`, or
// "MẬT" in a dispatch's header). The office that drafts, launches and amends it (coordinators,
// admins) reads it wherever it shows behind login. A supervisor reads it in full on its own pages
// (its consolidated report, one of its tasks, its tree), reached by its number; wherever many
// directives are listed (the home page, the board, the month's overview, the API's board) it shows
// by its number and the note below. A file leaves the login behind and a mail leaves the office,
// so a CSV export and an escalation up the ladder carry the number and the note, whoever asks.
import type { Lang } from './format';

export type Confidentiality = 'normal' | 'confidential';

/** Who looks at a list: a staff role, or a file (an export) that anyone may end up holding. */
export type ListReader = 'coordinator' | 'supervisor' | 'admin' | 'file';

/** What stands in for a confidential directive's title and its tasks' titles outside its own pages. */
export const SEALED: Record<Lang, string> = {
  vi: 'Mật (nội dung xem trên trang của văn bản)',
  en: "Confidential (read it on the directive's own page)",
};

/** Whether this reader sees a confidential directive's titles in lists of many directives. */
export const readsConfidentialInLists = (reader: ListReader): boolean => reader === 'coordinator' || reader === 'admin';

/** Rows of a list with the titles of confidential directives (or of their tasks) sealed. */
export function sealTitles<T extends { title: string }>(
  rows: T[],
  isConfidential: (row: T) => boolean,
  lang: Lang,
): T[] {
  return rows.map((row) => (isConfidential(row) ? { ...row, title: SEALED[lang] } : row));
}

/**
 * An escalation to the leaders' ladder (the supervisor, the steering committee) leaves the unit
 * that holds the task: for a confidential directive it says which directive and unit, and asks
 * the reader to log in, instead of quoting the titles and giving the task's link.
 */
export const sealsEscalation = (confidentiality: Confidentiality, target: string | undefined): boolean =>
  confidentiality === 'confidential' && target !== undefined && target !== 'head';
