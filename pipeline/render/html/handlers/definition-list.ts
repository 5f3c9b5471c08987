import { defListHastHandlers, type DefListDescriptionNode } from 'mdast-util-definition-list';
import type { State } from 'mdast-util-to-hast';
import type { Element } from 'hast';

/**
 * A definition: `<dd>` with its blocks. A definition of one tight paragraph holds its text
 * directly; any other keeps every paragraph a `<p>` (mdast-util-definition-list unwraps them all
 * when the definition is not loose, which ran several paragraphs into one).
 */
export function definitionHandler(state: State, node: DefListDescriptionNode): Element {
  const children = state.all(node);
  const [only] = children;
  const tight = !node.spread && children.length === 1 && only?.type === 'element' && only.tagName === 'p';
  const result: Element = { type: 'element', tagName: 'dd', properties: {}, children: tight ? only.children : state.wrap(children, true) };
  state.patch(node, result);
  return state.applyData(node, result);
}

/** Handlers of definition lists: `dl` and `dt` as mdast-util-definition-list writes them, `dd` as above. */
export const definitionListHandlers = { ...defListHastHandlers, defListDescription: definitionHandler };
