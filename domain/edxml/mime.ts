// The file types that travel with administrative documents, by extension. A package usually says
// the type of each attachment; this is for the ones that do not, and for the ones dondoc writes.
const TYPES: Record<string, string> = {
  txt: 'text/plain',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  zip: 'application/zip',
  xml: 'application/xml',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export const mimeTypeOf = (name: string): string => TYPES[extensionOf(name)] ?? 'application/octet-stream';

/** How an attached file's text can be read: the name decides when the declared type is vague. */
export type TextKind = 'txt' | 'docx' | 'pdf';

export function textKindOf(name: string, mimeType: string): TextKind | undefined {
  const ext = extensionOf(name);
  if (ext === 'txt' || ext === 'docx' || ext === 'pdf') return ext;
  if (ext) return undefined;
  if (mimeType === TYPES.txt) return 'txt';
  if (mimeType === TYPES.docx) return 'docx';
  if (mimeType === TYPES.pdf) return 'pdf';
  return undefined;
}
