// The shapes of an edXML package (QCVN 102:2016/BTTTT, amended 2022) as dondoc reads and writes
// them. No official schema (XSD) is public: these follow the regulation's element names and the
// packages that public implementations exchange. Reading is lenient with what senders put in
// free text (an organisation code spelled oddly is kept as it is); writing is strict.
import { z } from 'zod';
import { LocalDateSchema, OrganIdSchema } from '../schemas';

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** Text that can be written into XML: no control characters other than tab and line ends. */
export const XmlText = z
  .string()
  .trim()
  .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s), 'contains a control character');
const required = XmlText.pipe(z.string().min(1, 'is empty'));
const optional = XmlText.optional();

/** A file's content; any Uint8Array (a Node Buffer too). */
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected the bytes of a file');

export const OrganizationSchema = z.object({
  organId: required,
  organName: required,
  organizationInCharge: optional,
  organAdd: optional,
  email: optional,
  telephone: optional,
  fax: optional,
  website: optional,
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** A recipient: its code is what the exchange routes by; some senders leave the name out. */
export const RecipientSchema = OrganizationSchema.extend({ organName: optional });
export type Recipient = z.infer<typeof RecipientSchema>;

/** Số and ký hiệu: `524` and `UBND-VP9`. Senders' numbers are kept as written. */
export const DocumentCodeSchema = z.object({ number: required, notation: required });
export type DocumentCode = z.infer<typeof DocumentCodeSchema>;

/** The document a reply or a status answers. */
export const ResponseForSchema = z.object({
  organId: required,
  /** Number and symbol as one text, `524/UBND-VP9`. */
  code: required,
  promulgationDate: LocalDateSchema.optional(),
  documentId: required,
});
export type ResponseFor = z.infer<typeof ResponseForSchema>;

export const StaffInfoSchema = z.object({
  department: optional,
  staff: optional,
  email: optional,
  mobile: optional,
});
export type StaffInfo = z.infer<typeof StaffInfoSchema>;

export const MessageHeaderSchema = z.object({
  from: OrganizationSchema,
  to: z.array(RecipientSchema).default([]),
  code: DocumentCodeSchema,
  promulgation: z.object({ place: optional, date: LocalDateSchema }),
  documentType: z.object({ type: optional, typeDetail: optional, typeName: optional }).optional(),
  subject: required,
  content: optional,
  signer: z.object({ competence: optional, position: optional, fullName: optional }).optional(),
  dueDate: LocalDateSchema.optional(),
  /** "Nơi nhận" as written, e.g. "Các sở, ban, ngành tỉnh". */
  toPlaces: z.array(required).default([]),
  otherInfo: z
    .object({
      priority: optional,
      sphereOfPromulgation: optional,
      typerNotation: optional,
      promulgationAmount: optional,
      pageAmount: optional,
      appendixes: z.array(required).default([]),
    })
    .optional(),
  steeringType: optional,
  responseFor: z.array(ResponseForSchema).default([]),
  /** "{OrganId},{yyyy/MM/dd},{number}/{notation}" by the regulation; some systems put a UUID. */
  documentId: optional,
});
export type MessageHeader = z.infer<typeof MessageHeaderSchema>;
export type MessageHeaderInput = z.input<typeof MessageHeaderSchema>;

/** Each system the package passed through, with the time it did, as written (`yyyy/MM/dd HH:mm:ss`). */
export const TraceHeaderSchema = z.object({ organId: required, timestamp: optional });
export type TraceHeader = z.infer<typeof TraceHeaderSchema>;

export const BusinessSchema = z.object({
  documentId: optional,
  /** 0 a new document, 1 a revocation, 2 an update, 3 a replacement. */
  docType: optional,
  docReason: optional,
  paper: optional,
  staff: z.array(StaffInfoSchema).default([]),
});
export type Business = z.infer<typeof BusinessSchema>;

/** What the package's XML signature says about itself. It is kept, never verified. */
export const SignatureInfoSchema = z.object({
  method: optional,
  subjectName: optional,
  certificate: optional,
});
export type SignatureInfo = z.infer<typeof SignatureInfoSchema>;

export const AttachmentSchema = z.object({
  contentId: required,
  name: required,
  mimeType: required,
  description: optional,
  bytes: Bytes,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const EdxmlDocumentSchema = z.object({
  kind: z.literal('document'),
  header: MessageHeaderSchema,
  traces: z.array(TraceHeaderSchema).default([]),
  business: BusinessSchema.optional(),
  signature: SignatureInfoSchema.optional(),
  attachments: z.array(AttachmentSchema).default([]),
});
export type EdxmlDocument = z.infer<typeof EdxmlDocumentSchema>;

/** How far the receiver has got with a document (QCVN 102:2016, status package). */
export const STATUS_CODES = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Phân công',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Lấy lại văn bản',
} as const;
export const StatusCodeSchema = z.enum(Object.keys(STATUS_CODES) as [keyof typeof STATUS_CODES]);
export type StatusCode = z.infer<typeof StatusCodeSchema>;

export const StatusSchema = z.object({
  responseFor: ResponseForSchema,
  from: OrganizationSchema,
  /** Read as written (two digits); the codes dondoc writes are STATUS_CODES. */
  statusCode: XmlText.pipe(z.string().regex(/^\d{2}$/, 'expected a two-digit status code such as 05')),
  description: optional,
  timestamp: optional,
  staff: StaffInfoSchema.optional(),
});
export type Status = z.infer<typeof StatusSchema>;

export const EdxmlStatusPackageSchema = z.object({
  kind: z.literal('status'),
  status: StatusSchema,
  traces: z.array(TraceHeaderSchema).default([]),
  signature: SignatureInfoSchema.optional(),
});
export type EdxmlStatusPackage = z.infer<typeof EdxmlStatusPackageSchema>;

export type EdxmlPackage = EdxmlDocument | EdxmlStatusPackage;

/** What dondoc writes as the sender: a real organisation code, checked. */
export const SenderSchema = OrganizationSchema.extend({ organId: OrganIdSchema });
export type Sender = z.infer<typeof SenderSchema>;
