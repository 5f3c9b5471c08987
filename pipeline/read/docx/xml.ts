/**
 * XML of a Word package: parsed with @xmldom/xmldom after refusing any DOCTYPE (so no entity is
 * ever expanded, internal or external), and walked by canonical names (`w:p`, `a:blip`) whatever
 * prefixes the writer chose.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { DocxReadError } from './errors.ts';
import type { DocxParts } from './package.ts';

/** Namespaces the reader knows, by the prefix it uses for them. */
const NAMESPACES: Readonly<Record<string, string>> = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  wpg: 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  dgm: 'http://schemas.openxmlformats.org/drawingml/2006/diagram',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
};

const PREFIX_OF = new Map(Object.entries(NAMESPACES).map(([prefix, uri]) => [uri, prefix]));
// Strict OOXML (ISO 29500 strict) names the main namespace differently.
PREFIX_OF.set('http://purl.oclc.org/ooxml/wordprocessingml/main', 'w');
PREFIX_OF.set('http://purl.oclc.org/ooxml/officeDocument/relationships', 'r');
PREFIX_OF.set('http://purl.oclc.org/ooxml/drawingml/main', 'a');

/** An element's canonical name, `w:p`, `a:blip`; an unknown namespace keeps the document's prefix. */
export function nameOf(element: Element): string {
  const namespace = element.namespaceURI;
  const prefix = namespace === null ? undefined : PREFIX_OF.get(namespace);
  if (prefix === undefined || namespace === null) return element.nodeName;
  // Names are built once per namespace and local name: this runs for every element visited.
  let names = NAMES.get(namespace);
  if (names === undefined) NAMES.set(namespace, (names = new Map()));
  const local = element.localName ?? element.nodeName;
  let name = names.get(local);
  if (name === undefined) names.set(local, (name = `${prefix}:${local}`));
  return name;
}

const NAMES = new Map<string, Map<string, string>>();

/** Whether a node is an element. */
export function isElement(node: Node | null | undefined): node is Element {
  return node !== null && node !== undefined && node.nodeType === 1;
}

/** The element children of an element, optionally only those of one canonical name. */
export function childElements(element: Element, name?: string): Element[] {
  const result: Element[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node) && (name === undefined || nameOf(node) === name)) result.push(node);
  }
  return result;
}

/** The first element child of a canonical name. */
export function childElement(element: Element | undefined, name: string): Element | undefined {
  if (element === undefined) return undefined;
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node) && nameOf(node) === name) return node;
  }
  return undefined;
}

/** Follow a path of child names (`w:pPr`, `w:pStyle`). */
export function pathElement(element: Element | undefined, ...names: string[]): Element | undefined {
  let current = element;
  for (const name of names) current = childElement(current, name);
  return current;
}

/** An attribute by canonical name (`w:val`, `r:id`), or a name without namespace (`Target`). */
export function attribute(element: Element | undefined, name: string): string | undefined {
  if (element === undefined) return undefined;
  const colon = name.indexOf(':');
  if (colon < 0) return element.hasAttribute(name) ? element.getAttribute(name) ?? undefined : undefined;
  const uri = NAMESPACES[name.slice(0, colon)];
  const local = name.slice(colon + 1);
  if (uri !== undefined && element.hasAttributeNS(uri, local)) return element.getAttributeNS(uri, local) ?? undefined;
  // A writer that uses the strict namespace, or none: fall back to the qualified name.
  return element.hasAttribute(name) ? element.getAttribute(name) ?? undefined : undefined;
}

/** `w:val` of a child, `undefined` when the child is absent. */
export function childValue(element: Element | undefined, name: string): string | undefined {
  const child = childElement(element, name);
  return child === undefined ? undefined : attribute(child, 'w:val') ?? '';
}

/** An on/off property (`<w:b/>`, `<w:b w:val="false"/>`): undefined when absent. */
export function toggle(element: Element | undefined, name: string): boolean | undefined {
  const value = childValue(element, name);
  if (value === undefined) return undefined;
  return !['0', 'false', 'off', 'none'].includes(value);
}

/** Every descendant of a canonical name, in document order (one walk). */
export function descendants(element: Element, name: string): Element[] {
  const found: Element[] = [];
  const stack: Element[] = childElements(element).reverse();
  while (stack.length > 0) {
    const current = stack.pop() as Element;
    if (nameOf(current) === name) found.push(current);
    const children = childElements(current);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Element);
  }
  return found;
}

/** The text of every `w:t`, `w:delText`, `a:t` and `m:t` below an element, in order. */
export function plainText(element: Element): string {
  let text = '';
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (isElement(current)) {
      const name = nameOf(current);
      if (name === 'w:t' || name === 'w:delText' || name === 'a:t' || name === 'm:t' || name === 'w:instrText') {
        if (name !== 'w:instrText') text += current.textContent ?? '';
        continue;
      }
      if (name === 'w:tab') text += '\t';
      if (name === 'w:br' || name === 'w:cr') text += '\n';
      if ((name === 'w:p' || name === 'a:p') && text !== '' && !text.endsWith('\n')) text += '\n';
      const children: Node[] = [];
      for (let node = current.firstChild; node !== null; node = node.nextSibling) children.push(node);
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Node);
    }
  }
  return text;
}

/**
 * Parse one part of the package. A DOCTYPE (the only way to declare entities) is refused before
 * parsing; malformed XML is an error naming the part.
 */
export function parsePart(parts: DocxParts, name: string): Document | undefined {
  const bytes = parts.get(name);
  if (bytes === undefined) return undefined;
  return parseXml(new TextDecoder('utf-8').decode(bytes), name);
}

/** Parse XML text, refusing a DOCTYPE or entity declaration. */
export function parseXml(text: string, part: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new DocxReadError({ rule: 'import-xml-entities', part });
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problem ??= message.split('\n')[0] ?? message;
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch (failure) {
    throw new DocxReadError({ rule: 'import-xml-invalid', part, reason: failure instanceof Error ? (failure.message.split('\n')[0] ?? '') : String(failure) });
  }
  if (problem !== undefined || document.documentElement === null) throw new DocxReadError({ rule: 'import-xml-invalid', part, reason: problem ?? 'no root element' });
  return document;
}

/** The root element of a parsed part. */
export function rootOf(document: Document): Element {
  return document.documentElement as Element;
}
