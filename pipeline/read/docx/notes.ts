/**
 * Footnotes and endnotes: read when first referenced, numbered in order of reference (one series
 * for both), their paragraphs read with the note part's own relationships, and returned as GFM
 * footnote definitions for the end of the document.
 */
import type { Element } from '@xmldom/xmldom';
import type { BlockContent, FootnoteDefinition, FootnoteReference } from 'mdast';
import type { ReadContext } from './context.ts';
import { readRelationships } from './relationships.ts';
import { attribute, childElements, parsePart, rootOf } from './xml.ts';

/** Reads the blocks of a container (set by the reader, to avoid a module cycle). */
export type BlockReader = (container: Element, context: ReadContext) => BlockContent[];

/** The notes of a document and the definitions made so far. */
export interface NoteReader {
  /** The footnote definitions, in order of first reference. */
  definitions: FootnoteDefinition[];
  reference: ReadContext['noteReference'];
}

/** Prepare the notes of the package: parts are parsed once, a note is read when first referenced. */
export function noteReader(context: ReadContext, documentRels: ReadContext['rels'], readBlocks: BlockReader): NoteReader {
  const parts: Record<'footnote' | 'endnote', { name: string; notes: Map<string, Element> } | undefined> = { footnote: undefined, endnote: undefined };
  for (const kind of ['footnote', 'endnote'] as const) {
    const relationship = [...documentRels.values()].find((rel) => rel.type === `${kind}s` && rel.part !== undefined);
    const name = relationship?.part;
    const document = name === undefined ? undefined : parsePart(context.parts, name);
    if (name === undefined || document === undefined) continue;
    const notes = new Map<string, Element>();
    for (const note of childElements(rootOf(document), `w:${kind}`)) {
      const type = attribute(note, 'w:type');
      if (type === undefined || type === 'normal') notes.set(attribute(note, 'w:id') ?? '', note);
    }
    parts[kind] = { name, notes };
  }
  const labels = new Map<string, string>();
  const definitions: FootnoteDefinition[] = [];
  const reference = (kind: 'footnote' | 'endnote', id: string): FootnoteReference | undefined => {
    const part = parts[kind];
    const note = part?.notes.get(id);
    if (part === undefined || note === undefined) return undefined;
    const key = `${kind}:${id}`;
    let label = labels.get(key);
    if (label === undefined) {
      label = String(labels.size + 1);
      labels.set(key, label);
      const saved = { rels: context.rels, part: context.part, fields: context.fields, paragraph: context.paragraph, excerpt: context.excerpt };
      context.rels = readRelationships(context.parts, part.name);
      context.part = part.name;
      context.fields = [];
      const children = readBlocks(note, context);
      Object.assign(context, saved);
      definitions.push({ type: 'footnoteDefinition', identifier: label, label, children });
    }
    return { type: 'footnoteReference', identifier: label, label };
  };
  return { definitions, reference };
}
