import { defaultHandlers, type State } from 'mdast-util-to-hast';
import type { Element } from 'hast';
import type { Blockquote } from 'mdast';

/**
 * A block quote, or a callout (`data.callout`): a `div` with the note role, so screen readers
 * announce it as a note, classed `callout callout-<kind>` for the stylesheets; its first
 * paragraph, the title, classed `callout-title`.
 */
export function blockquoteHandler(state: State, node: Blockquote): Element {
  const kind = node.data?.callout;
  if (kind === undefined) return defaultHandlers.blockquote(state, node);
  const result: Element = { type: 'element', tagName: 'div', properties: { className: ['callout', `callout-${kind}`], role: 'note' }, children: state.wrap(state.all(node), true) };
  const title = result.children.find((child): child is Element => child.type === 'element');
  if (title?.tagName === 'p') title.properties.className = ['callout-title'];
  state.patch(node, result);
  return state.applyData(node, result);
}
