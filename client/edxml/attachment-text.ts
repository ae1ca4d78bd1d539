// The text of a document attached to an edXML package, for the dispatch importer: plain text,
// Word (.docx, with mammoth) and PDF (with unpdf, PDF.js's text layer). What cannot be read is
// said in one phrase: old Word (.doc), scanned PDFs without a text layer, archives, images.
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { textKindOf, type Attachment } from '../../domain/edxml';

export type AttachmentText = { text: string } | { unread: string };

/** Lines of a PDF's text as the dispatch importer reads a text file. */
const tidy = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();

export async function readAttachmentText(a: Pick<Attachment, 'name' | 'mimeType' | 'bytes'>): Promise<AttachmentText> {
  const kind = textKindOf(a.name, a.mimeType);
  try {
    if (kind === 'txt') return { text: new TextDecoder('utf-8', { fatal: true }).decode(a.bytes) };
    if (kind === 'docx') {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(a.bytes) });
      return value.trim() ? { text: value } : { unread: `${a.name} has no text` };
    }
    if (kind === 'pdf') {
      const { text } = await extractText(new Uint8Array(a.bytes), { mergePages: true });
      // A scan is pictures of pages: no text layer, nothing to read without OCR.
      return tidy(text) ? { text: tidy(text) } : { unread: `${a.name} has no text layer (a scan?)` };
    }
  } catch (err) {
    return { unread: `${a.name} could not be read (${(err as Error).message.split('\n')[0]})` };
  }
  return { unread: `${a.name} (${a.mimeType}) is not a text, .docx or .pdf file` };
}
