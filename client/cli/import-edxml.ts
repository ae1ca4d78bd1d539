// `dondoc import PACKAGE.edxml`: a package received over the national document exchange as a
// draft directive file. The package's files are kept under DATA_DIR by their SHA-256 and listed
// in the draft, with where the document came from (its `edxml:` block, which a directive file
// ignores), so that the launch can record it and the tasks' progress can go back as status packages.
import path from 'node:path';
import { Document } from 'yaml';
import type { Config } from '../../config';
import { draftToYaml } from '../../domain/dispatch';
import { EdxmlError } from '../../domain/edxml';
import type { UnitDirectory } from '../../domain/units';
import { draftFromEdxml, type EdxmlDraft } from '../edxml/draft';
import { attachmentStore, keepAttachments, type KeptAttachment } from '../edxml/store';
import { writeDraft, type ImportOptions } from './draft-file';
import { readBytes, UsageError, type CliIo } from './io';

export async function importEdxml(
  io: CliIo,
  file: string,
  o: ImportOptions,
  config: Config,
  directory: UnitDirectory,
): Promise<void> {
  const bytes = readBytes(file);
  let result: EdxmlDraft;
  try {
    result = await draftFromEdxml(bytes, directory, { maxBytes: config.EDXML_MAX_MB * 1024 * 1024 });
  } catch (err) {
    if (err instanceof EdxmlError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
  }
  const kept = await keepAttachments(config.dataDir, result.attachments);
  // Said relative to the working folder when it is inside it, as a person would type it.
  const stored = attachmentStore(config.dataDir);
  const relative = path.relative(process.cwd(), stored);
  const store = relative.startsWith('..') || path.isAbsolute(relative) ? stored : relative;
  const edxml = {
    origin: result.origin,
    ...(result.textFrom ? { textFrom: result.textFrom } : {}),
    ...(result.unread.length ? { unread: result.unread } : {}),
    attachments: kept,
  };
  const kept1 = kept.length === 1 ? '1 file' : `${kept.length} files`;
  writeDraft(io, file, o, result.draft, `${draftToYaml(result.draft)}\n${edxmlBlock(edxml, store)}`, {
    summary: { edxml: { ...edxml, store } },
    sentence: `${result.textFrom ? `Tasks read from ${result.textFrom}` : `No text read (${result.unread.join('; ') || 'no file'}): one task per recipient`}; kept ${kept1} in ${store}.`,
  });
}

function edxmlBlock(edxml: { attachments: KeptAttachment[] }, store: string): string {
  const doc = new Document({ edxml });
  doc.commentBefore = [
    ' Received as an edXML package (QCVN 102:2016). dondoc keeps where it came from to send the',
    ' progress of its tasks back as status packages; a directive file ignores this block. The files',
    ` are kept in ${store}/<sha256>.`,
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
