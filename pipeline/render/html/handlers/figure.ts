import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { Figure } from '../../../types.ts';
import { captionNumber } from '../caption-number.ts';

/**
 * A figure becomes `<figure>` with its image and a `<figcaption>`; a numbered one (`{#fig-…}`)
 * takes its label as id and its number at the head of the caption.
 */
export function figureHandler(state: State, node: Figure): Element {
  const target = node.data?.crossref;
  const caption: ElementContent[] = [];
  for (const child of node.caption) {
    const result = state.one(child, node);
    if (Array.isArray(result)) caption.push(...result);
    else if (result) caption.push(result);
  }
  const result: Element = {
    type: 'element',
    tagName: 'figure',
    properties: target ? { id: target.id } : {},
    children: [...state.all(node), { type: 'element', tagName: 'figcaption', properties: {}, children: [...captionNumber(target, caption.length > 0), ...caption] }],
  };
  state.patch(node, result);
  return state.applyData(node, result);
}
