import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { MarkedContentText } from './content-text.ts';
import { parentTreeSlots, readStructTree, slotValue, standardType, textOf, type StructNode } from './struct-tree.ts';

/**
 * Link annotations with `/Contents` (PDF/UA-1 §7.18.5: an alternate description for every
 * annotation). Chromium tags each link as a `Link` structure element that holds its text and
 * an object reference to its annotation, but writes no `/Contents`. The description is the
 * link's text as tagged (what a screen reader says for it); when that cannot be read, the URI
 * of its action, else the name of its destination.
 */

/** What {@link addLinkContents} found and did. */
export interface LinkStats {
  /** Link annotations on all pages. */
  links: number;
  /** Those that already had a `/Contents` (left as they were). */
  alreadyDescribed: number;
  /** Described with the text of their `Link` element. */
  fromText: number;
  /** Described with their URI or destination name. */
  fromTarget: number;
  /** Left without a description (no text, URI or destination). */
  undescribed: number;
  /**
   * Link annotations that no `Link` structure element references through an object
   * reference (with the parent tree agreeing): these are untagged annotations.
   */
  untagged: number;
}

/** Give every link annotation of the document a `/Contents` (see the module comment). */
export function addLinkContents(document: PDFDocument): LinkStats {
  const stats: LinkStats = { links: 0, alreadyDescribed: 0, fromText: 0, fromTarget: 0, undescribed: 0, untagged: 0 };
  const links = linkElements(document);
  const text = new MarkedContentText(document);
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annotations) continue;
    for (let index = 0; index < annotations.size(); index++) {
      const ref = annotations.get(index);
      const annotation = document.context.lookup(ref);
      if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      stats.links++;
      const element = ref instanceof PDFRef ? links.get(ref) : undefined;
      if (!element) stats.untagged++;
      const existing = textOf(annotation.lookup(PDFName.of('Contents')));
      if (existing !== undefined && existing.trim() !== '') {
        stats.alreadyDescribed++;
        continue;
      }
      const tagged = element ? elementText(element, text) : undefined;
      const description = tagged || linkTarget(annotation);
      if (description === undefined || description === '') {
        stats.undescribed++;
        continue;
      }
      if (tagged) stats.fromText++;
      else stats.fromTarget++;
      annotation.set(PDFName.of('Contents'), PDFHexString.fromText(description));
    }
  }
  return stats;
}

/**
 * The `Link` structure element of every tagged link annotation: referenced by an `OBJR` kid of
 * the element and, through the annotation's `/StructParent`, by the parent tree.
 */
export function linkElements(document: PDFDocument): Map<PDFRef, StructNode> {
  const found = new Map<PDFRef, StructNode>();
  const tree = readStructTree(document);
  if (!tree) return found;
  const slots = parentTreeSlots(document);
  for (const node of tree.elements) {
    if (standardType(node.type, tree.roleMap) !== 'Link') continue;
    for (const kid of node.kids) {
      if (kid.kind !== 'object') continue;
      const annotation = document.context.lookup(kid.object);
      if (!(annotation instanceof PDFDict)) continue;
      const key = annotation.get(PDFName.of('StructParent'));
      const slot = key === undefined ? undefined : slots.get(Number(key.toString()));
      const parent = slot ? slot.nums.get(slot.index) : undefined;
      if (parent === node.ref || (slot && slotValue(document, slot) === node.dict)) found.set(kid.object, node);
    }
  }
  return found;
}

/** The text an element holds, in content order, white space collapsed; undefined when unknown. */
export function elementText(node: StructNode, text: MarkedContentText): string | undefined {
  const actual = textOf(node.dict.lookup(PDFName.of('ActualText'))) ?? textOf(node.dict.lookup(PDFName.of('Alt')));
  if (actual !== undefined && actual.trim() !== '') return actual.trim();
  let collected = '';
  const visit = (current: StructNode): boolean => {
    for (const kid of current.kids) {
      if (kid.kind === 'element') {
        if (!visit(kid.node)) return false;
      } else if (kid.kind === 'mcid') {
        if (!kid.page) return false;
        const part = text.text(kid.page, kid.mcid);
        if (part === undefined) return false;
        collected += part;
      }
    }
    return true;
  };
  if (!visit(node)) return undefined;
  const normalized = collected.replace(/\s+/g, ' ').trim();
  return normalized === '' ? undefined : normalized;
}

/** The URI of a link's action, else its destination's name (percent-decoded when possible). */
export function linkTarget(annotation: PDFDict): string | undefined {
  const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
  const uri = textOf(action?.lookup(PDFName.of('URI')));
  if (uri !== undefined && uri !== '') return uri;
  const destination: PDFObject | undefined = annotation.lookup(PDFName.of('Dest')) ?? action?.lookup(PDFName.of('D'));
  const name = destination instanceof PDFName ? destination.decodeText() : destination instanceof PDFString || destination instanceof PDFHexString ? destination.decodeText() : undefined;
  if (name === undefined || name === '') return undefined;
  try {
    return `#${decodeURIComponent(name)}`;
  } catch {
    return `#${name}`;
  }
}
