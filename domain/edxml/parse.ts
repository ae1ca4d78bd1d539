// Reading an edXML package: a document (MessageHeader, its trace, the manifest and the attached
// files) or a status package (how far the receiver has got with a document we sent).
import type { Element } from '@xmldom/xmldom';
import type { z } from 'zod';
import { decodeBase64 } from './base64';
import { elementChildren, Reader } from './dom';
import { EdxmlError } from './errors';
import { DEFAULT_MAX_PACKAGE_BYTES, readXml } from './guard';
import { messageHeaderOf, staffOf, statusOf } from './read-header';
import { mimeTypeOf } from './mime';
import {
  EDXML_NS,
  EdxmlDocumentSchema,
  EdxmlStatusPackageSchema,
  type EdxmlDocument,
  type EdxmlPackage,
  type EdxmlStatusPackage,
} from './schemas';

export interface ParseOptions {
  /** Larger packages are refused before they are parsed. */
  maxBytes?: number;
}

/** The package's content, validated; an EdxmlError names what was refused and where. */
export function parseEdxml(input: Uint8Array | string, options: ParseOptions = {}): EdxmlPackage {
  const root = readXml(input, options.maxBytes ?? DEFAULT_MAX_PACKAGE_BYTES).documentElement!;
  const envelope = envelopeOf(root);
  const header = envelope.need('edXMLHeader');
  const signature = signatureOf(header.el);
  const traces = header
    .child('TraceHeaderList')
    ?.children('TraceHeader')
    .map((t) => ({ organId: t.text('OrganId'), timestamp: t.text('Timestamp') }));
  const status = header.child('Status');
  if (status && !header.child('MessageHeader'))
    return validated(EdxmlStatusPackageSchema, { kind: 'status', status: statusOf(status), traces, signature });
  const message = header.need('MessageHeader');
  const business = header.child('TraceHeaderList')?.child('Bussiness');
  const roots = root === envelope.el ? [envelope] : [new Reader(root, root.localName ?? 'edXML'), envelope];
  return validated(EdxmlDocumentSchema, {
    kind: 'document',
    header: messageHeaderOf(message),
    traces,
    ...(business
      ? {
          business: {
            documentId: business.text('DocumentId'),
            docType: business.text('BussinessDocType'),
            docReason: business.text('BussinessDocReason'),
            paper: business.text('Paper'),
            staff: business.children('StaffInfo').map(staffOf),
          },
        }
      : {}),
    signature,
    attachments: attachmentsOf(envelope, roots),
  });
}

export const parseEdxmlDocument = (input: Uint8Array | string, options?: ParseOptions): EdxmlDocument => {
  const pkg = parseEdxml(input, options);
  if (pkg.kind !== 'document')
    throw new EdxmlError('NOT_EDXML', 'this is a status package, not a document', 'edXMLHeader/Status');
  return pkg;
};

export const parseEdxmlStatus = (input: Uint8Array | string, options?: ParseOptions): EdxmlStatusPackage => {
  const pkg = parseEdxml(input, options);
  if (pkg.kind !== 'status')
    throw new EdxmlError('NOT_EDXML', 'this is a document, not a status package', 'edXMLHeader/MessageHeader');
  return pkg;
};

function inEdxmlNamespace(el: Element, path: string): void {
  if (el.namespaceURI === EDXML_NS) return;
  throw new EdxmlError(
    'NAMESPACE',
    el.namespaceURI
      ? `the namespace is ${el.namespaceURI}; expected ${EDXML_NS}`
      : `the element is in no namespace; expected ${EDXML_NS}`,
    path,
  );
}

/** The envelope: the root itself, or inside the <edXML> wrapper that most systems write. */
function envelopeOf(root: Element): Reader {
  if (root.localName === 'edXMLEnvelope') {
    inEdxmlNamespace(root, 'edXMLEnvelope');
    return new Reader(root, 'edXMLEnvelope');
  }
  if (root.localName !== 'edXML')
    throw new EdxmlError('NOT_EDXML', `the root element is <${root.nodeName}>, not an edXML package`);
  inEdxmlNamespace(root, 'edXML');
  const envelope = elementChildren(root).find((c) => c.localName === 'edXMLEnvelope');
  if (!envelope) throw new EdxmlError('MISSING', 'is missing', 'edXML/edXMLEnvelope');
  inEdxmlNamespace(envelope, 'edXMLEnvelope');
  return new Reader(envelope, 'edXMLEnvelope');
}

/** The XML signature is kept as information (who signed, with what); it is not verified. */
function signatureOf(header: Element) {
  const sig = elementChildren(header).find((c) => c.localName === 'Signature');
  if (!sig) return undefined;
  const find = (el: Element, name: string): Element | undefined => {
    for (const c of elementChildren(el)) {
      if (c.localName === name) return c;
      const deeper = find(c, name);
      if (deeper) return deeper;
    }
    return undefined;
  };
  const text = (name: string) => find(sig, name)?.textContent?.trim() || undefined;
  return {
    method: find(sig, 'SignatureMethod')?.getAttribute('Algorithm') || undefined,
    subjectName: text('X509SubjectName'),
    certificate: text('X509Certificate'),
  };
}

const bareCid = (id: string | undefined) => id?.replace(/^cid:/i, '').trim();

function attachmentsOf(envelope: Reader, roots: Reader[]) {
  const manifest = envelope.child('edXMLBody')?.child('edXMLManifest')?.children('Reference') ?? [];
  const described = new Map(manifest.map((r) => [bareCid(r.text('ContentId')), r]));
  const encoded = roots.flatMap((r) => r.children('AttachmentEncoded')).flatMap((a) => a.children('Attachment'));
  return encoded.map((a) => {
    const contentId = a.needText('ContentId');
    const ref = described.get(bareCid(contentId));
    const name = a.text('AttachmentName') ?? ref?.text('AttachmentName') ?? contentId;
    const base64 = a.need('ContentTransferEncoded').el.textContent ?? '';
    const bytes = decodeBase64(base64);
    if (!bytes) throw new EdxmlError('INVALID', 'is not base64 text', `${a.path}/ContentTransferEncoded`);
    return {
      contentId,
      name,
      mimeType: a.text('ContentType') ?? ref?.text('ContentType') ?? mimeTypeOf(name),
      description: a.text('Description') ?? ref?.text('Description'),
      bytes,
    };
  });
}

/** Element names of the fields, to name a field that fails validation as it is written in the package. */
const ELEMENT: Record<string, string> = {
  header: 'edXMLHeader/MessageHeader',
  status: 'edXMLHeader/Status',
  from: 'From',
  to: 'To',
  code: 'Code',
  number: 'CodeNumber',
  notation: 'CodeNotation',
  promulgation: 'PromulgationInfo',
  date: 'PromulgationDate',
  organId: 'OrganId',
  organName: 'OrganName',
  toPlaces: 'ToPlaces',
  statusCode: 'StatusCode',
  responseFor: 'ResponseFor',
  attachments: 'AttachmentEncoded/Attachment',
  traces: 'edXMLHeader/TraceHeaderList/TraceHeader',
};
const elementPath = (path: PropertyKey[]) =>
  path
    .map((k) =>
      typeof k === 'number' ? `[${k + 1}]` : (ELEMENT[String(k)] ?? String(k).replace(/^./, (c) => c.toUpperCase())),
    )
    .join('/')
    .replace(/\/\[/g, '[');

function validated<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new EdxmlError('INVALID', issue.message, `edXMLEnvelope/${elementPath(issue.path)}`);
}
