// A package comes from another system, possibly a hostile one. Before any XML is parsed it is
// checked for size and encoding, and a DOCTYPE is refused outright: edXML needs none, and a
// DOCTYPE is how external entities (reading the server's files) and entity expansion ("billion
// laughs") get in. The parser used after that expands no entities anyway.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { EdxmlError } from './errors';

/** The largest package read unless the caller says otherwise: attachments are base64, a third larger. */
export const DEFAULT_MAX_PACKAGE_BYTES = 50 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function textOf(input: Uint8Array | string, maxBytes: number): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes)
    throw new EdxmlError('TOO_LARGE', `the package is ${megabytes(size)}; at most ${megabytes(maxBytes)} is read`);
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw new EdxmlError('NOT_UTF8', 'the package is not UTF-8 text (edXML packages are written in UTF-8)');
  }
}

function refuseDeclarations(text: string): void {
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (declared && !/^utf-?8$/i.test(declared[1]))
    throw new EdxmlError('ENCODING', `the package declares encoding ${declared[1]}; only UTF-8 is read`);
  const doctype = /<!DOCTYPE(?:\s+[^\s>[]+\s+(SYSTEM|PUBLIC)((?:\s+(?:"[^"]*"|'[^']*'))+))?/i.exec(text);
  if (doctype?.[1])
    throw new EdxmlError(
      'EXTERNAL_ENTITY',
      `refused a DOCTYPE that points outside the package: ${doctype[1].toUpperCase()}${doctype[2]} (a package may not make the reader fetch or open anything)`,
    );
  const entity = /<!ENTITY\s+(%\s*)?([^\s>]+)(?:\s+(SYSTEM|PUBLIC)\s+(["'][^"']*["']))?/gi;
  const entities = [...text.matchAll(entity)];
  const external = entities.find((m) => m[3]);
  if (external)
    throw new EdxmlError(
      'EXTERNAL_ENTITY',
      `refused an external entity: ${external[2]} ${external[3].toUpperCase()} ${external[4]} (a package may not make the reader fetch or open anything)`,
    );
  if (entities.length)
    throw new EdxmlError(
      'ENTITY',
      `refused ${entities.length} entity declaration${entities.length === 1 ? '' : 's'} (${entities
        .slice(0, 3)
        .map((m) => m[2])
        .join(', ')}${entities.length > 3 ? ', …' : ''}): entity expansion is not allowed`,
    );
  if (doctype) throw new EdxmlError('DOCTYPE', 'refused a DOCTYPE declaration: edXML packages have none');
}

/** The package as an XML document, or an EdxmlError saying what was refused. */
export function readXml(input: Uint8Array | string, maxBytes = DEFAULT_MAX_PACKAGE_BYTES): Document {
  const text = textOf(input, maxBytes);
  refuseDeclarations(text);
  let problem: string | undefined;
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        problem ??= message.replace(/\s+/g, ' ').trim();
        throw new Error(problem);
      },
    }).parseFromString(text, 'text/xml');
  } catch {
    // The parser's own words, kept in `problem`, say what is wrong.
  }
  if (problem || !doc?.documentElement)
    throw new EdxmlError('NOT_XML', `not well-formed XML: ${problem ?? 'no root element'}`);
  // A DOCTYPE cannot get past the check above; this one holds should that check ever change.
  if (doc.doctype) throw new EdxmlError('DOCTYPE', 'refused a DOCTYPE declaration: edXML packages have none');
  return doc;
}
