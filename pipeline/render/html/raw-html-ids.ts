import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { flag } from '../../util/messages.ts';
import { isFrameId } from './page-ids.ts';

/** Property that marks, through `hast-util-raw`, the elements report-press made (as opposed to raw HTML). */
const MADE = 'dataPressMade';

/**
 * Mark every element of the content tree that has an id, before the raw HTML is parsed into it:
 * headings, footnotes and the like, whose ids the contents, the links and the PDF's page
 * numbers rely on.
 */
export function markMadeIds(tree: HastRoot): void {
  visit(tree, 'element', (element: Element) => {
    if (element.properties.id !== undefined) element.properties[MADE] = true;
  });
}

/**
 * After the raw HTML is parsed: remove the id of each raw HTML element whose id report-press
 * gives one of its own elements (a heading, a footnote, the page's `<main>`…) or an earlier raw
 * element, with a warning at its place. Two elements with one id make links, the contents and
 * the PDF's contents page numbers lead to the wrong one. Removes the marks of {@link markMadeIds}.
 */
export function dropDuplicateRawIds(tree: HastRoot, file: VFile): void {
  const taken = new Set<string>();
  const raw: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    const id = element.properties.id;
    // Through the HTML parser the mark comes back as an empty string.
    if (element.properties[MADE] !== undefined) {
      delete element.properties[MADE];
      if (id !== undefined) taken.add(String(id));
    } else if (id !== undefined) {
      raw.push(element);
    }
  });
  for (const element of raw) {
    const id = String(element.properties.id);
    if (taken.has(id) || isFrameId(id)) {
      delete element.properties.id;
      const start = element.position?.start;
      flag(file, 'raw-html-id-duplicate', start ? { line: start.line, column: start.column } : undefined, { id });
    } else {
      taken.add(id);
    }
  }
}
