// What importing a dispatch's text produces: a draft directive and the questions it leaves open.
import type { DirectiveInput } from '../schemas';

/** Something the text does not say with confidence; `path` names the directive field, as in describeIssues. */
export interface Question {
  path: string;
  message: string;
  /** The line of the dispatch the question is about, when there is one. */
  line?: number;
}

/** A document the dispatch rests on: "Quyết định số 1079/QĐ-TTg ngày 14/9/2022". */
export interface LegalBasis {
  kind: string;
  number: string;
  date?: string;
}

export interface DispatchDraft {
  directive: DirectiveInput;
  /** The "Kính gửi" lines, as written. */
  recipients: string[];
  place?: string;
  legalBases: LegalBasis[];
  /** Recipients are also asked to report ad hoc ("báo cáo đột xuất"). */
  adHocReports: boolean;
  /** Names of the units the tasks go to, by code, for people reading the draft. */
  unitNames: Record<string, string>;
  questions: Question[];
}

/** Malformed input: the message starts with the line it is about ("line 12: …"). */
export class DispatchError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'DispatchError';
  }
}

/** Values written where the text gives none; each fails validation until a person replaces it. */
export const PLACEHOLDER = { date: 'YYYY-MM-DD', unit: '?', number: '?' } as const;
