// Writing edXML packages: a document with its attached files (the formal reminder dispatch), and
// a status package (how far a task drawn from a received document has got). Every element is
// written with the edXML: prefix, which some validators on the exchange insist on. The same input
// always gives the same bytes, so a package rebuilt by a retried activity is the one queued before.
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { z } from 'zod';
import { LocalDateSchema, OrganIdSchema } from '../schemas';
import { encodeBase64 } from './base64';
import { documentIdOf, edxmlTimestamp, writeEdxmlDate } from './dates';
import { EdxmlError } from './errors';
import { mimeTypeOf } from './mime';
import {
  DocumentCodeSchema,
  EDXML_NS,
  RecipientSchema,
  ResponseForSchema,
  SenderSchema,
  STATUS_CODES,
  StaffInfoSchema,
  StatusCodeSchema,
  Bytes,
  XmlText,
  type Organization,
  type Recipient,
  type StaffInfo,
} from './schemas';

const text = XmlText.pipe(z.string().min(1, 'is empty'));

export const DocumentPackageInputSchema = z.object({
  from: SenderSchema,
  to: z.array(RecipientSchema.extend({ organId: OrganIdSchema })).min(1, 'a package goes to at least one organisation'),
  code: DocumentCodeSchema,
  promulgation: z.object({ place: text.optional(), date: LocalDateSchema }),
  documentType: z.object({ type: text.optional(), typeName: text.optional() }).optional(),
  subject: text,
  content: text.optional(),
  signer: z.object({ competence: text.optional(), position: text.optional(), fullName: text.optional() }).optional(),
  dueDate: LocalDateSchema.optional(),
  toPlaces: z.array(text).default([]),
  responseFor: z.array(ResponseForSchema).default([]),
  staff: StaffInfoSchema.optional(),
  /** When the package leaves: the time in its trace. */
  sentAt: z.number().int().nonnegative(),
  attachments: z
    .array(
      z.object({
        name: text,
        mimeType: text.optional(),
        description: text.optional(),
        bytes: Bytes,
      }),
    )
    .default([]),
});
export type DocumentPackageInput = z.input<typeof DocumentPackageInputSchema>;

export const StatusPackageInputSchema = z.object({
  responseFor: ResponseForSchema,
  from: SenderSchema,
  statusCode: StatusCodeSchema,
  /** Defaults to the code's name in Vietnamese ("Đang xử lý"). */
  description: text.optional(),
  at: z.number().int().nonnegative(),
  staff: StaffInfoSchema.optional(),
});
export type StatusPackageInput = z.input<typeof StatusPackageInputSchema>;

/** An element to write: its name without prefix, and its text or children; empty ones are left out. */
type Tree = { name: string; content: string | Tree[]; attributes?: Record<string, string> };
const E = (name: string, content: string | undefined | (Tree | undefined)[], attributes?: Record<string, string>) => {
  if (content === undefined) return undefined;
  const kept = typeof content === 'string' ? content : content.filter((c): c is Tree => c !== undefined);
  return kept.length ? { name, content: kept, attributes } : undefined;
};

function render(doc: Document, parent: Element, tree: Tree): void {
  const el = doc.createElementNS(EDXML_NS, `edXML:${tree.name}`);
  for (const [k, v] of Object.entries(tree.attributes ?? {})) el.setAttribute(k, v);
  if (typeof tree.content === 'string') el.appendChild(doc.createTextNode(tree.content));
  else for (const child of tree.content) render(doc, el, child);
  parent.appendChild(el);
}

/** The <edXML> wrapper that the exchange's systems write, with the envelope and the encoded files. */
function serialize(children: (Tree | undefined)[]): Uint8Array {
  const doc = new DOMImplementation().createDocument(EDXML_NS, 'edXML', null);
  const root = doc.documentElement!;
  root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:edXML', EDXML_NS);
  for (const c of children) if (c) render(doc, root, c);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
  return new TextEncoder().encode(xml);
}

function checked<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new EdxmlError('INVALID', issue.message, issue.path.join('.'));
}

const organization = (name: string, o: Organization | Recipient) =>
  E(name, [
    E('OrganId', o.organId),
    E('OrganizationInCharge', o.organizationInCharge),
    E('OrganName', o.organName),
    E('OrganAdd', o.organAdd),
    E('Email', o.email),
    E('Telephone', o.telephone),
    E('Fax', o.fax),
    E('Website', o.website),
  ]);

const staffInfo = (s: StaffInfo | undefined) =>
  s && E('StaffInfo', [E('Department', s.department), E('Staff', s.staff), E('Email', s.email), E('Mobile', s.mobile)]);

const responseFor = (r: z.infer<typeof ResponseForSchema>) =>
  E('ResponseFor', [
    E('OrganId', r.organId),
    E('Code', r.code),
    E('PromulgationDate', r.promulgationDate && writeEdxmlDate(r.promulgationDate)),
    E('DocumentId', r.documentId),
  ]);

/** A document package: the header the receiving system files it by, and its files in base64. */
export function buildDocumentPackage(input: DocumentPackageInput): Uint8Array {
  const p = checked(DocumentPackageInputSchema, input);
  const files = p.attachments.map((a, i) => ({
    ...a,
    contentId: `cid:${i + 1}`,
    mimeType: a.mimeType ?? mimeTypeOf(a.name),
  }));
  const header = E('MessageHeader', [
    organization('From', p.from),
    ...p.to.map((t) => organization('To', t)),
    E('Code', [E('CodeNumber', p.code.number), E('CodeNotation', p.code.notation)]),
    E('PromulgationInfo', [
      E('Place', p.promulgation.place),
      E('PromulgationDate', writeEdxmlDate(p.promulgation.date)),
    ]),
    p.documentType && E('DocumentType', [E('Type', p.documentType.type), E('TypeName', p.documentType.typeName)]),
    E('Subject', p.subject),
    E('Content', p.content),
    p.signer &&
      E('SignerInfo', [
        E('Competence', p.signer.competence),
        E('Position', p.signer.position),
        E('FullName', p.signer.fullName),
      ]),
    E('DueDate', p.dueDate && writeEdxmlDate(p.dueDate)),
    E(
      'ToPlaces',
      p.toPlaces.map((place) => E('Place', place)),
    ),
    ...p.responseFor.map(responseFor),
    E('DocumentId', documentIdOf(p.from.organId, p.promulgation.date, p.code)),
  ]);
  const trace = E('TraceHeaderList', [
    E('TraceHeader', [E('OrganId', p.from.organId), E('Timestamp', edxmlTimestamp(p.sentAt))]),
    E('Bussiness', [
      E('BussinessDocType', '0'),
      E('BussinessDocReason', 'Văn bản điện tử mới'),
      E('Paper', '0'),
      staffInfo(p.staff),
    ]),
  ]);
  const manifest = E(
    'edXMLManifest',
    files.map((f) =>
      E('Reference', [
        E('ContentId', f.contentId),
        E('ContentType', f.mimeType),
        E('Description', f.description ?? f.name),
        E('AttachmentName', f.name),
      ]),
    ),
    { version: '1.0' },
  );
  return serialize([
    E('edXMLEnvelope', [E('edXMLHeader', [header, trace]), E('edXMLBody', [manifest])]),
    E(
      'AttachmentEncoded',
      files.map((f) =>
        E('Attachment', [
          E('ContentId', f.contentId),
          E('AttachmentName', f.name),
          E('Description', f.description ?? f.name),
          E('ContentType', f.mimeType),
          E('ContentTransferEncoded', encodeBase64(f.bytes)),
        ]),
      ),
    ),
  ]);
}

/** A status package: which document it is about, who reports, and how far they have got. */
export function buildStatusPackage(input: StatusPackageInput): Uint8Array {
  const s = checked(StatusPackageInputSchema, input);
  return serialize([
    E('edXMLEnvelope', [
      E('edXMLHeader', [
        E('Status', [
          responseFor(s.responseFor),
          organization('From', s.from),
          E('StatusCode', s.statusCode),
          E('Description', s.description ?? STATUS_CODES[s.statusCode]),
          E('Timestamp', edxmlTimestamp(s.at)),
          staffInfo(s.staff),
        ]),
        E('TraceHeaderList', [E('TraceHeader', [E('OrganId', s.from.organId), E('Timestamp', edxmlTimestamp(s.at))])]),
      ]),
    ]),
  ]);
}
