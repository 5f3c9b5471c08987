import type { Element } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { Math } from 'mdast-util-math';
import { mathElement } from './math.ts';

/**
 * `math` (a `$$…$$` block): `<math display="block">` inside `<div class="equation">`, the
 * wrapper a numbered equation's anchor (its label) and number (`<span class="equation-number">`) belong to.
 */
export function equationHandler(state: State, node: Math): Element {
  const target = node.data?.crossref;
  const number: Element[] = target ? [{ type: 'element', tagName: 'span', properties: { className: ['equation-number'] }, children: [{ type: 'text', value: target.prefix }] }] : [];
  const result: Element = { type: 'element', tagName: 'div', properties: { className: ['equation'], ...(target ? { id: target.id } : {}) }, children: [mathElement(node), ...number] };
  state.patch(node, result);
  // Not `state.applyData`: remark-math's `hName` hints (`<pre><code class="language-math">`)
  // would replace the MathML.
  return result;
}
