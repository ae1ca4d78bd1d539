// The workflow bundle's entry: every workflow dondoc runs.
export { directiveWorkflow } from './directive';
export { taskWorkflow } from './task';
