// Every email dondoc sends, in Vietnamese (default) or English: subject, plain text and HTML.
export { renderEmail, type RenderedEmail } from './render';
export { emailSubjectPrefix } from './content';
export * from './schemas';
