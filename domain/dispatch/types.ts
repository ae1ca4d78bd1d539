// What importing a dispatch's text produces: a draft directive and the questions it leaves open.
import type { DirectiveInput, Period } from '../schemas';
import type { Said } from './questions';

/**
 * Something the text does not say with confidence; `path` names the directive field, as in
 * describeIssues. `code` says what kind of question it is; `text.vi` and `text.en` are its words in
 * each language (a page shows `text[lang]`); `message` is the English text. A question read back
 * from a draft file written before questions had codes has only `message`.
 */
export interface Question extends Partial<Said> {
  path: string;
  message: string;
  /** The line of the dispatch the question is about, when there is one. */
  line?: number;
}

/** A question as the importer asks it: always with its code and both languages. */
export type AskedQuestion = Question & Said;

/** A reporting cycle as the text sets it: "báo cáo 6 tháng (trước ngày 10/6)". */
export interface ReportCycle {
  period: Period;
  /** Day and month the report is due, as written. */
  day: number;
  month?: number;
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
  /** The cycles of periodic reporting as the text sets them (a schedule carries only one). */
  reportCycles: ReportCycle[];
  /** The period the requested figures cover ("số liệu tính từ 01/01/2024 đến 30/9/2024"). */
  dataPeriod?: { from: string; to: string };
  /** Names of the units the tasks go to, by code, for people reading the draft. */
  unitNames: Record<string, string>;
  questions: AskedQuestion[];
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
