import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent } from 'hast';
import type { Table } from 'mdast';
import { captionNumber } from '../caption-number.ts';

/**
 * A table as GFM renders it, plus what screen readers need: a `<caption>` from the caption line
 * written above it, and `scope="col"` on every header cell.
 */
export function tableHandler(state: State, node: Table): Element {
  const result = defaultHandlers.table(state, node);
  visit(result, 'element', (element) => {
    if (element.tagName === 'th') element.properties.scope = 'col';
  });
  const caption = node.data?.caption;
  const target = node.data?.crossref;
  if ((caption && caption.length > 0) || target) {
    const text: ElementContent[] = caption ? state.all({ type: 'paragraph', children: caption }) : [];
    result.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: [...captionNumber(target, text.length > 0), ...text] });
  }
  if (target) result.properties.id = target.id;
  return result;
}
