/**
 * The core properties of a Word file (`docProps/core.xml`): title, subject, author, keywords,
 * dates — the front matter's fallbacks when the body has no title block.
 */
import type { Element } from '@xmldom/xmldom';
import { childElements, nameOf } from './xml.ts';

/** The core properties the reader keeps. */
export interface DocxProperties {
  title?: string;
  subject?: string;
  creator?: string;
  lastModifiedBy?: string;
  keywords?: string;
  description?: string;
  created?: string;
  modified?: string;
}

const FIELDS: Readonly<Record<string, keyof DocxProperties>> = {
  'dc:title': 'title',
  'dc:subject': 'subject',
  'dc:creator': 'creator',
  'cp:lastModifiedBy': 'lastModifiedBy',
  'cp:keywords': 'keywords',
  'dc:description': 'description',
  'dcterms:created': 'created',
  'dcterms:modified': 'modified',
};

/** Read the core properties (the root element of `docProps/core.xml`, if any). */
export function readProperties(root: Element | undefined): DocxProperties {
  const properties: DocxProperties = {};
  if (root === undefined) return properties;
  for (const element of childElements(root)) {
    const field = FIELDS[nameOf(element)];
    const value = (element.textContent ?? '').trim();
    if (field !== undefined && value !== '') properties[field] = value;
  }
  return properties;
}
