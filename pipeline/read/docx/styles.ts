/**
 * The styles of a Word file (`word/styles.xml`), resolved along `w:basedOn`: which paragraph
 * styles are headings (by our style ids, by name — English and localized — by numeric ids as a
 * Chinese Word writes them, or by outline level), which are a title, a quote, code, a caption;
 * what character formatting each style gives.
 */
import type { Element } from '@xmldom/xmldom';
import { attribute, childElement, childElements, childValue, pathElement } from './xml.ts';
import { headingLevelOfName, type Marks, marksOfRunProperties, mergeMarks } from './formatting.ts';

/** A style as the reader needs it, after inheritance. */
export interface StyleInfo {
  id: string;
  name: string;
  type: string;
  /** Heading level 1–9 from the name, id or outline level. */
  headingLevel?: number;
  /** Character formatting the style gives (bold, italic, …). */
  marks: Marks;
  /** Numbering the style applies (`w:pPr/w:numPr`). */
  numbering?: { numId: string; ilvl: number };
  /** Run properties of the style itself (for fonts and sizes of direct-formatted documents). */
  runProperties?: Element;
  /** Paragraph properties (`w:jc`). */
  alignment?: string;
}

/** Every style of the document, by id, and the default paragraph style's id. */
export interface StyleMap {
  byId: ReadonlyMap<string, StyleInfo>;
  defaultParagraph: string | undefined;
  /** Language of the document defaults (`w:docDefaults/w:rPrDefault/w:rPr/w:lang`). */
  language?: { val?: string; eastAsia?: string };
}

interface RawStyle {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  element: Element;
}

/** Read `word/styles.xml` (its root element), resolving every style along `w:basedOn`. */
export function readStyles(root: Element | undefined): StyleMap {
  const raw = new Map<string, RawStyle>();
  let defaultParagraph: string | undefined;
  const language: { val?: string; eastAsia?: string } = {};
  if (root !== undefined) {
    const lang = pathElement(root, 'w:docDefaults', 'w:rPrDefault', 'w:rPr', 'w:lang');
    const val = attribute(lang, 'w:val');
    const eastAsia = attribute(lang, 'w:eastAsia');
    if (val) language.val = val;
    if (eastAsia) language.eastAsia = eastAsia;
    for (const element of childElements(root, 'w:style')) {
      const id = attribute(element, 'w:styleId');
      if (id === undefined) continue;
      const style: RawStyle = { id, name: childValue(element, 'w:name') ?? id, type: attribute(element, 'w:type') ?? 'paragraph', element };
      const basedOn = childValue(element, 'w:basedOn');
      if (basedOn) style.basedOn = basedOn;
      raw.set(id, style);
      if (style.type === 'paragraph' && ['1', 'true', 'on'].includes(attribute(element, 'w:default') ?? '')) defaultParagraph = id;
    }
  }
  const resolved = new Map<string, StyleInfo>();
  const resolve = (id: string, seen: Set<string>): StyleInfo | undefined => {
    const done = resolved.get(id);
    if (done) return done;
    const style = raw.get(id);
    if (style === undefined || seen.has(id)) return undefined;
    seen.add(id);
    const parent = style.basedOn === undefined ? undefined : resolve(style.basedOn, seen);
    const pPr = childElement(style.element, 'w:pPr');
    const rPr = childElement(style.element, 'w:rPr');
    const info: StyleInfo = { id, name: style.name, type: style.type, marks: mergeMarks(parent?.marks ?? {}, marksOfRunProperties(rPr)) };
    const outline = childValue(pPr, 'w:outlineLvl');
    const ownLevel = headingLevelOfName(id, style.name) ?? (outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : undefined);
    // A style based on a heading is a heading only when it says so itself, or names no other role.
    const level = ownLevel ?? parent?.headingLevel;
    if (level !== undefined) info.headingLevel = level;
    const numPr = childElement(pPr, 'w:numPr');
    const numId = childValue(numPr, 'w:numId');
    if (numId !== undefined) info.numbering = { numId, ilvl: Number(childValue(numPr, 'w:ilvl') ?? '0') || 0 };
    else if (parent?.numbering) info.numbering = parent.numbering;
    const runProperties = rPr ?? parent?.runProperties;
    if (runProperties) info.runProperties = runProperties;
    const alignment = childValue(pPr, 'w:jc') ?? parent?.alignment;
    if (alignment) info.alignment = alignment;
    resolved.set(id, info);
    return info;
  };
  for (const id of raw.keys()) resolve(id, new Set());
  const map: StyleMap = { byId: resolved, defaultParagraph };
  if (language.val !== undefined || language.eastAsia !== undefined) map.language = language;
  return map;
}
