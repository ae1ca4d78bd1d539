// Importing the text of a dispatch (công văn, kế hoạch) as a draft directive.
export { parseDispatch } from './draft';
export { draftToYaml, questionRecords } from './yaml';
export { say, type QuestionCode, type Said } from './questions';
export {
  DispatchError,
  PLACEHOLDER,
  type AskedQuestion,
  type DispatchDraft,
  type LegalBasis,
  type Question,
  type ReportCycle,
} from './types';
