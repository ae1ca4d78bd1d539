// Importing the text of a dispatch (công văn, kế hoạch) as a draft directive.
export { parseDispatch } from './draft';
export { draftToYaml } from './yaml';
export { DispatchError, PLACEHOLDER, type DispatchDraft, type LegalBasis, type Question } from './types';
