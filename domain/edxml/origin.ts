// Where a directive came from when it arrived as an edXML package: the document that status
// packages about its tasks answer. A draft file carries it under `edxml:` from the import to the
// launch (a directive file ignores the key), and the launch stores it.
import { z } from 'zod';
import { LocalDateSchema } from '../schemas';
import { documentIdOf } from './dates';
import type { MessageHeader, ResponseFor } from './schemas';

export const EdxmlOriginSchema = z.object({
  documentId: z.string().trim().min(1),
  from: z.object({ organId: z.string().trim().min(1), organName: z.string().trim().min(1) }),
  /** Number and symbol as the package wrote them, `7816/VPCP-TTĐT`. */
  code: z.string().trim().min(1),
  promulgationDate: LocalDateSchema.optional(),
});
export type EdxmlOrigin = z.infer<typeof EdxmlOriginSchema>;

/** What a launch needs of a package's header; a whole MessageHeader will do. */
export type EdxmlOriginHeader = Pick<MessageHeader, 'from' | 'code' | 'promulgation' | 'documentId'>;

export function originOf(header: EdxmlOriginHeader): EdxmlOrigin {
  return {
    documentId: header.documentId ?? documentIdOf(header.from.organId, header.promulgation.date, header.code),
    from: { organId: header.from.organId, organName: header.from.organName },
    code: `${header.code.number}/${header.code.notation}`,
    promulgationDate: header.promulgation.date,
  };
}

/** The `edxml:` block of a directive file, when it has one. */
export function edxmlOriginOfFile(file: unknown): EdxmlOrigin | undefined {
  const block = (file as { edxml?: { origin?: unknown } } | null)?.edxml?.origin;
  const parsed = EdxmlOriginSchema.safeParse(block);
  return parsed.success ? parsed.data : undefined;
}

/** A status package answers the document it is about. */
export const responseForOf = (o: EdxmlOrigin): ResponseFor => ({
  organId: o.from.organId,
  code: o.code,
  promulgationDate: o.promulgationDate,
  documentId: o.documentId,
});
