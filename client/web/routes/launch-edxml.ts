// An edXML package received over the national document exchange, uploaded on the launch page:
// drafted as `dondoc import PACKAGE.edxml` drafts it, its files kept under DATA_DIR. Where it came
// from rides with the draft to the launch in a hidden field signed with the app's secret, so the
// launch records the origin the package gave and never one a form made up.
import { z } from 'zod';
import { EdxmlError, EdxmlOriginSchema } from '../../../domain/edxml';
import type { Lang } from '../../../domain/format';
import type { UnitDirectory } from '../../../domain/units';
import { draftFromEdxml } from '../../edxml/draft';
import { keepAttachments } from '../../edxml/store';
import { AppError } from '../errors';
import { signValue, verifiedValue } from '../signed';
import { EDXML_WORDS } from '../views/launch-edxml';
import { displayName } from './attachments';
import { draftOf } from './launch-draft';
import type { Imported, LaunchUpload } from './launch-import';

/** What the signature is for: a value signed for anything else is no origin. */
const BINDING = 'launch:edxml-origin';

export const CarriedPackageSchema = z.object({
  origin: EdxmlOriginSchema,
  /** The file whose text gave the tasks, if one did. */
  textFrom: z.string().optional(),
  /** Files whose text was not read, and why (the importer's English words). */
  unread: z.array(z.string()),
  kept: z.array(z.object({ name: z.string(), mimeType: z.string(), bytes: z.number(), sha256: z.string() })),
});
export type CarriedPackage = z.infer<typeof CarriedPackageSchema>;

export interface EdxmlUploadOptions {
  dataDir: string;
  maxBytes: number;
  secret: string;
}

/** An edXML package by its name, or by its content: XML whose first element is the edXML envelope. */
export function isEdxmlUpload(upload: LaunchUpload): boolean {
  if (/\.edxml$/i.test(upload.name)) return true;
  const head = upload.data
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return head.trimStart().startsWith('<') && /<(?:[\w.-]+:)?edXML(?:Envelope)?[\s>]/.test(head);
}

export async function importEdxmlUpload(
  upload: LaunchUpload,
  directory: UnitDirectory,
  lang: Lang,
  o: EdxmlUploadOptions,
): Promise<Imported> {
  const w = EDXML_WORDS[lang];
  const name = displayName(upload.name);
  if (upload.tooLarge) return { error: w.tooLarge(name, Math.round(o.maxBytes / 1024 / 1024)) };
  let read;
  try {
    read = await draftFromEdxml(upload.data, directory, { maxBytes: o.maxBytes });
  } catch (err) {
    if (err instanceof EdxmlError) return { error: w.refused(name, err.message) };
    throw err;
  }
  // Kept only once the package reads: a refused one leaves nothing behind.
  const kept = await keepAttachments(o.dataDir, read.attachments);
  const carried: CarriedPackage = {
    origin: read.origin,
    ...(read.textFrom ? { textFrom: read.textFrom } : {}),
    unread: read.unread,
    kept,
  };
  const d = read.draft;
  const draft = draftOf(d.directive, {
    source: name,
    fromFile: false,
    recipients: d.recipients,
    questions: d.questions,
  });
  return { draft: { ...draft, edxml: signValue(o.secret, BINDING, carried) }, errors: {}, problems: [] };
}

/** The package a draft carries; none for an empty field, and a refusal by name for a forged one. */
export function carriedPackage(secret: string, token: string): CarriedPackage | undefined {
  if (!token) return undefined;
  const parsed = CarriedPackageSchema.safeParse(verifiedValue(secret, BINDING, token));
  if (!parsed.success)
    throw new AppError(
      'MALFORMED',
      'edxml: nguồn gói tin edXML trong biểu mẫu không mang chữ ký của hệ thống; hãy tải gói tin lên lại. / edxml: the edXML origin in the form is not signed by this system; upload the package again.',
      ['edxml'],
    );
  return parsed.data;
}
