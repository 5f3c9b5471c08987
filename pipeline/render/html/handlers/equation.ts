import type { Element } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { Math } from 'mdast-util-math';
import { mathElement } from './math.ts';

/**
 * `math` (a `$$…$$` block): `<math display="block">` inside `<div class="equation">`, the
 * wrapper a numbered equation's label and anchor belong to.
 */
export function equationHandler(state: State, node: Math): Element {
  const result: Element = { type: 'element', tagName: 'div', properties: { className: ['equation'] }, children: [mathElement(node)] };
  state.patch(node, result);
  // Not `state.applyData`: remark-math's `hName` hints (`<pre><code class="language-math">`)
  // would replace the MathML.
  return result;
}
