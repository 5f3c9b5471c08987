import { visit } from 'unist-util-visit';
import type { Root as HastRoot } from 'hast';

/** The attribute a preview build puts on every block of the page: the source line it starts on. */
export const SOURCE_LINE_ATTRIBUTE = 'data-source-line';

/** Elements that are blocks of the source: each gets the line it starts on. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'figure', 'hr', 'dl', 'dt', 'dd', 'div', 'ol', 'ul', 'aside', 'section', 'math']);

/**
 * Mark every block of the content that has a source position with the line it starts on
 * (`data-source-line`), for `press preview`'s source ↔ preview links. Only preview builds do
 * this: a normal build's page stays byte for byte what it was.
 */
export function markSourceLines(tree: HastRoot): void {
  visit(tree, 'element', (element) => {
    const line = element.position?.start.line;
    if (line !== undefined && BLOCKS.has(element.tagName)) element.properties['dataSourceLine'] = line;
  });
}
