// Walking a package's elements by name, namespace-aware. An element counts when it is in the
// edXML namespace, whatever its prefix (edXML:, another, or a default namespace), or in no
// namespace at all, as some senders write AttachmentEncoded. An element of any other namespace
// is not taken for an edXML one. Each step keeps its path, so a missing element is named.
import type { Element } from '@xmldom/xmldom';
import { EdxmlError } from './errors';
import { EDXML_NS } from './schemas';

const ELEMENT_NODE = 1;

export const isEdxmlElement = (el: Element, name: string): boolean =>
  el.localName === name && (el.namespaceURI === EDXML_NS || !el.namespaceURI);

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  return out;
}

export class Reader {
  constructor(
    readonly el: Element,
    readonly path: string,
  ) {}

  children(name: string): Reader[] {
    const all = elementChildren(this.el).filter((c) => isEdxmlElement(c, name));
    return all.map((c, i) => new Reader(c, `${this.path}/${name}${all.length > 1 ? `[${i + 1}]` : ''}`));
  }

  child(name: string): Reader | undefined {
    return this.children(name)[0];
  }

  need(name: string): Reader {
    const found = this.child(name);
    if (!found) throw new EdxmlError('MISSING', 'is missing', `${this.path}/${name}`);
    return found;
  }

  /** A child's text, trimmed; an empty element reads as absent. */
  text(name: string): string | undefined {
    const t = this.child(name)?.el.textContent?.trim();
    return t ? t : undefined;
  }

  needText(name: string): string {
    const t = this.need(name).el.textContent?.trim();
    if (!t) throw new EdxmlError('MISSING', 'is empty', `${this.path}/${name}`);
    return t;
  }

  /** The texts of the children named `item` of the child named `list`, e.g. ToPlaces/Place. */
  list(list: string, item: string): string[] {
    return (this.child(list)?.children(item) ?? []).map((r) => r.el.textContent?.trim() ?? '').filter(Boolean);
  }
}
