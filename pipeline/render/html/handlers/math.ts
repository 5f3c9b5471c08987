import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent } from 'hast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { State } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

/**
 * The `<math>` element of a formula: the MathML temml made of its TeX (`remarkMathCheck`), with
 * the TeX as `alttext` for readers that do not read MathML. temml's classes and styles (for its
 * own stylesheet) are left to the sanitiser, which drops them. A formula without MathML (the
 * build stops at its error before rendering) shows its TeX in `<code>`.
 */
export function mathElement(node: Math | InlineMath): Element {
  const mathml = node.data?.mathml;
  const parsed = mathml === undefined ? undefined : fromHtml(mathml, { fragment: true }).children.find((child): child is Element => child.type === 'element' && child.tagName === 'math');
  if (!parsed) return { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: node.value }] };
  // Positions point into the MathML string, not the source.
  visit(parsed, (child) => {
    delete child.position;
  });
  parsed.properties = { ...(node.type === 'math' ? { display: 'block' } : {}), alttext: node.value };
  return parsed;
}

/** `inlineMath` (`$…$`): an inline `<math>`. */
export function inlineMathHandler(state: State, node: InlineMath): ElementContent {
  const result = mathElement(node);
  state.patch(node, result);
  // Not `state.applyData`: remark-math's `hName` hints (`<code class="language-math">`, for
  // client-side renderers) would replace the MathML.
  return result;
}
