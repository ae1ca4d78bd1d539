// edXML packages (QCVN 102:2016/BTTTT), the format of the national document exchange: read a
// received document or status, write a document or a status to send.
export { parseEdxml, parseEdxmlDocument, parseEdxmlStatus, type ParseOptions } from './parse';
export {
  buildDocumentPackage,
  buildStatusPackage,
  DocumentPackageInputSchema,
  StatusPackageInputSchema,
  type DocumentPackageInput,
  type StatusPackageInput,
} from './build';
export { codeOf, documentIdOf, edxmlTimestamp, readEdxmlDate, writeEdxmlDate } from './dates';
export { decodeBase64, encodeBase64 } from './base64';
export { EdxmlError, type EdxmlRefusal } from './errors';
export { DEFAULT_MAX_PACKAGE_BYTES } from './guard';
export { mimeTypeOf, textKindOf, type TextKind } from './mime';
export * from './schemas';
export {
  EdxmlOriginSchema,
  edxmlOriginOfFile,
  originOf,
  responseForOf,
  type EdxmlOrigin,
  type EdxmlOriginHeader,
} from './origin';
export { draftFromPackage, matchRecipient, titleOf, type PackageText } from './draft';
