/**
 * `--reference-docx`: a department's own styles (as pandoc's reference-doc). The reference's
 * `word/styles.xml` (a .docx or .dotx) replaces the template's, so every paragraph and run keeps
 * its style id and takes the reference's formatting of that style. Style ids the document uses
 * that the reference lacks keep the template's definition (merged in, with the styles they are
 * based on), and the caller is told their ids.
 */
import { strFromU8, unzipSync } from 'fflate';

/** The `word/styles.xml` of a .docx or .dotx, or an explanation of why there is none. */
export function referenceStylesXml(bytes: Uint8Array): { xml: string } | { problem: string } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return { problem: 'is not a .docx or .dotx (not a zip package)' };
  }
  const styles = files['word/styles.xml'];
  if (styles === undefined) return { problem: 'has no word/styles.xml' };
  const xml = strFromU8(styles);
  if (!/<w:styles\b/.test(xml)) return { problem: 'has a word/styles.xml without w:styles' };
  return { xml };
}

/** Each `w:style` element of a styles part, by style id. */
export function styleElements(xml: string): Map<string, string> {
  const styles = new Map<string, string>();
  for (const [element, id] of xml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*?(?:\/>|>.*?<\/w:style>)/gs)) {
    if (id !== undefined && !styles.has(id)) styles.set(id, element);
  }
  return styles;
}

/** Style ids the parts of a package refer to (`w:pStyle`, `w:rStyle`, `w:tblStyle`), and Normal. */
export function usedStyleIds(parts: Iterable<string>): Set<string> {
  const used = new Set<string>(['Normal']);
  for (const xml of parts) for (const [, id] of xml.matchAll(/<w:(?:pStyle|rStyle|tblStyle)\b[^>]*\bw:val="([^"]+)"/g)) if (id !== undefined) used.add(id);
  return used;
}

/**
 * The reference's styles part with the template's definitions of the used styles it lacks (and
 * of the styles those are based on or linked to, when the reference lacks them too) added before
 * its end. Returns the part and the ids added, in the template's order.
 */
export function mergeReferenceStyles(templateStylesXml: string, referenceStylesXml: string, used: ReadonlySet<string>): { xml: string; added: string[]; renamed: string[] } {
  const template = styleElements(templateStylesXml);
  const { xml: referenceXml, renamed } = matchByName(referenceStylesXml, template, used);
  const reference = styleElements(referenceXml);
  const needed = new Set<string>();
  const want = (id: string) => {
    if (reference.has(id) || needed.has(id)) return;
    const element = template.get(id);
    if (element === undefined) return;
    needed.add(id);
    for (const [, related] of element.matchAll(/<w:(?:basedOn|link)\b[^>]*\bw:val="([^"]+)"/g)) if (related !== undefined) want(related);
  };
  for (const id of used) want(id);
  const added = [...template.keys()].filter((id) => needed.has(id));
  if (added.length === 0) return { xml: referenceXml, added, renamed };
  const elements = added.map((id) => template.get(id) ?? '').join('');
  const xml = /<\/w:styles>\s*$/.test(referenceXml) ? referenceXml.replace(/<\/w:styles>(\s*)$/, `${elements}</w:styles>$1`) : referenceXml.replace(/<w:styles\b([^>]*)\/>/, `<w:styles$1>${elements}</w:styles>`);
  return { xml, added, renamed };
}

function styleName(element: string): string | undefined {
  return /<w:name\b[^>]*\bw:val="([^"]+)"/.exec(element)?.[1]?.toLowerCase();
}

/**
 * Word localised in Chinese writes built-in styles under other ids (`1` for heading 1, `a` for
 * Normal…) with the same names: a used style the reference lacks by id but has by name (case
 * ignored) takes our id there, and the reference's references to it (basedOn, next, link) follow.
 */
function matchByName(referenceXml: string, template: ReadonlyMap<string, string>, used: ReadonlySet<string>): { xml: string; renamed: string[] } {
  const reference = styleElements(referenceXml);
  const byName = new Map<string, string>();
  for (const [id, element] of reference) {
    const name = styleName(element);
    if (name !== undefined && !byName.has(name)) byName.set(name, id);
  }
  const renames = new Map<string, string>();
  for (const id of used) {
    const element = template.get(id);
    const name = element === undefined ? undefined : styleName(element);
    const theirs = name === undefined ? undefined : byName.get(name);
    if (!reference.has(id) && theirs !== undefined && theirs !== id) renames.set(theirs, id);
  }
  if (renames.size === 0) return { xml: referenceXml, renamed: [] };
  const xml = referenceXml
    .replace(/(<w:style\b[^>]*\bw:styleId=")([^"]+)(")/g, (whole, start: string, id: string, end: string) => (renames.has(id) ? `${start}${renames.get(id)}${end}` : whole))
    .replace(/(<w:(?:basedOn|next|link)\b[^>]*\bw:val=")([^"]+)(")/g, (whole, start: string, id: string, end: string) => (renames.has(id) ? `${start}${renames.get(id)}${end}` : whole));
  return { xml, renamed: [...renames].map(([theirs, ours]) => `${theirs} → ${ours}`) };
}
