import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';

/**
 * Notes of the print edition at the end of each part. Chromium has no footnote area
 * (`float: footnote` is not supported, and a second pass cannot reserve room at the foot of a
 * page inside a paragraph that runs on to the next page: see README, "Notes in the PDF"), so
 * each note moves from the page's one notes section to the end of the part (the section under
 * a top-level heading) where it is first referenced. Notes keep their numbers: every part gets
 * an `<ol start>` continuing the count. Notes no part refers to stay at the end.
 *
 * Works on the print page's HTML as the HTML renderer wrote it (mdast-util-to-hast's GFM
 * footnotes: `section[data-footnotes] > ol > li#…`, references `a[data-footnote-ref]`).
 */
export function notesAtPartEnds(html: string, label: string): string {
  // Reading the page back costs as much as writing it (1.6 s for 1,500 headings): only with notes.
  if (!html.includes('data-footnotes')) return html;
  const tree = fromHtml(html);
  return moveNotes(tree, label) ? toHtml(tree) : html;
}

/** {@link notesAtPartEnds} on a hast tree; returns whether anything moved. */
export function moveNotes(tree: Root, label: string): boolean {
  const main = find(tree, (element) => element.tagName === 'main');
  if (!main) return false;
  const sectionIndex = main.children.findIndex((child) => child.type === 'element' && child.tagName === 'section' && 'dataFootnotes' in child.properties);
  const section = main.children[sectionIndex];
  if (section?.type !== 'element') return false;
  const list = find(section, (element) => element.tagName === 'ol');
  if (!list) return false;
  const notes = list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
  const numberOf = new Map(notes.map((note, index) => [String(note.properties.id ?? ''), index + 1]));
  const byId = new Map(notes.map((note) => [String(note.properties.id ?? ''), note]));

  const content = main.children.filter((_, index) => index !== sectionIndex);
  const headingLevel = (node: ElementContent): number | undefined =>
    node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName.slice(1)) : undefined;
  const top = Math.min(...content.map(headingLevel).filter((level): level is number => level !== undefined));

  // Split the content into parts at top-level headings and collect the notes each refers to first.
  const parts: { nodes: ElementContent[]; notes: Element[] }[] = [{ nodes: [], notes: [] }];
  const placed = new Set<string>();
  for (const node of content) {
    if (headingLevel(node) === top && (parts.at(-1)?.nodes.length ?? 0) > 0) parts.push({ nodes: [], notes: [] });
    const part = parts.at(-1);
    if (!part) continue;
    part.nodes.push(node);
    if (node.type !== 'element') continue;
    visit(node, 'element', (element) => {
      if (!('dataFootnoteRef' in element.properties)) return;
      delete element.properties.ariaDescribedBy;
      const id = String(element.properties.href ?? '').replace(/^#/, '');
      const note = byId.get(id);
      if (note && !placed.has(id)) {
        placed.add(id);
        part.notes.push(note);
      }
    });
  }
  if (placed.size === 0) return false;

  const children: ElementContent[] = [];
  for (const part of parts) {
    children.push(...part.nodes);
    const first = part.notes[0];
    if (!first) continue;
    children.push({ type: 'text', value: '\n' });
    children.push({
      type: 'element',
      tagName: 'section',
      properties: { className: ['part-notes'], ariaLabel: label },
      children: [{ type: 'element', tagName: 'ol', properties: { start: numberOf.get(String(first.properties.id)) ?? 1 }, children: part.notes }],
    });
  }
  const left = notes.filter((note) => !placed.has(String(note.properties.id ?? '')));
  if (left.length > 0) {
    list.children = left;
    const firstLeft = left[0];
    if (firstLeft) list.properties.start = numberOf.get(String(firstLeft.properties.id)) ?? 1;
    children.push(section);
  }
  main.children = children;
  return true;
}

function find(root: Root | Element, test: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(root, 'element', (element) => {
    if (found) return false;
    if (test(element)) {
      found = element;
      return false;
    }
    return undefined;
  });
  return found;
}
