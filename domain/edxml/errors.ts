// Why a package is refused. Every refusal names what was refused and, for a missing or bad
// element, its path in the package, so the office can tell the sender what to fix.

/** The closed set of reasons a package is refused. */
export type EdxmlRefusal =
  | 'TOO_LARGE'
  | 'NOT_UTF8'
  | 'ENCODING'
  | 'DOCTYPE'
  | 'ENTITY'
  | 'EXTERNAL_ENTITY'
  | 'NOT_XML'
  | 'NAMESPACE'
  | 'NOT_EDXML'
  | 'MISSING'
  | 'INVALID';

export class EdxmlError extends Error {
  constructor(
    readonly reason: EdxmlRefusal,
    message: string,
    /** The element or field in question, e.g. `edXMLHeader/MessageHeader/Code`. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'EdxmlError';
  }
}
