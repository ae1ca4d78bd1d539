// A received edXML package as a draft directive: the header fills the directive's fields, the
// first attached document whose text can be read goes through the dispatch importer for the
// tasks. This is the one function an inbox watcher or a web upload calls.
import { DispatchError, parseDispatch, type DispatchDraft } from '../../domain/dispatch';
import {
  draftFromPackage,
  originOf,
  parseEdxmlDocument,
  textKindOf,
  type Attachment,
  type EdxmlOrigin,
  type MessageHeader,
  type ParseOptions,
} from '../../domain/edxml';
import type { UnitDirectory } from '../../domain/units';
import { readAttachmentText } from './attachment-text';

export interface EdxmlDraft {
  draft: DispatchDraft;
  header: MessageHeader;
  /** What a launch records (recordEdxmlOrigin) so that status packages can answer the document. */
  origin: EdxmlOrigin;
  attachments: Attachment[];
  /** The file whose text gave the tasks, if one did. */
  textFrom?: string;
  /** Files whose text was not read, and why. */
  unread: string[];
}

/** Throws EdxmlError (what was refused, and where) for a package that cannot be read. */
export async function draftFromEdxml(
  bytes: Uint8Array,
  units: UnitDirectory,
  options: ParseOptions = {},
): Promise<EdxmlDraft> {
  const pkg = parseEdxmlDocument(bytes, options);
  const unread: string[] = [];
  let read: { name: string; draft: DispatchDraft } | undefined;
  // The document itself is usually first; appendices and scans follow.
  const candidates = [...pkg.attachments].sort(
    (a, b) => Number(!textKindOf(a.name, a.mimeType)) - Number(!textKindOf(b.name, b.mimeType)),
  );
  for (const a of candidates) {
    if (read) break;
    const text = await readAttachmentText(a);
    if ('unread' in text) {
      unread.push(text.unread);
      continue;
    }
    try {
      read = { name: a.name, draft: parseDispatch(text.text, units) };
    } catch (err) {
      if (!(err instanceof DispatchError)) throw err;
      unread.push(`${a.name} is not a dispatch the importer can read (${err.message})`);
    }
  }
  for (const a of pkg.attachments)
    if (!textKindOf(a.name, a.mimeType) && !unread.some((u) => u.startsWith(a.name)))
      unread.push(`${a.name} (${a.mimeType}) is not a text, .docx or .pdf file`);
  const why = pkg.attachments.length ? unread.join('; ') : 'the package carries no file';
  return {
    draft: draftFromPackage(pkg.header, units, read ? { read } : { unread: why }),
    header: pkg.header,
    origin: originOf(pkg.header),
    attachments: pkg.attachments,
    ...(read ? { textFrom: read.name } : {}),
    unread,
  };
}
