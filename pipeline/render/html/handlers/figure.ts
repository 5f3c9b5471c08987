import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { Figure } from '../../../types.ts';

/** A figure becomes `<figure>` with its image and a `<figcaption>`. */
export function figureHandler(state: State, node: Figure): Element {
  const caption: ElementContent[] = [];
  for (const child of node.caption) {
    const result = state.one(child, node);
    if (Array.isArray(result)) caption.push(...result);
    else if (result) caption.push(result);
  }
  const result: Element = {
    type: 'element',
    tagName: 'figure',
    properties: {},
    children: [...state.all(node), { type: 'element', tagName: 'figcaption', properties: {}, children: caption }],
  };
  state.patch(node, result);
  return state.applyData(node, result);
}
