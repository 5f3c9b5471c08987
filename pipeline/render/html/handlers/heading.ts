import type { Element } from 'hast';
import type { Heading } from 'mdast';
import type { State } from 'mdast-util-to-hast';

/**
 * Headings become `h2`… when the front matter supplies the title (the page's one `h1`);
 * the level is the heading's outline level, capped at 6. A heading with an automatic number
 * (`numbers`, from the template) starts with it in a `span.heading-number`.
 */
export function createHeadingHandler(shift: number, numbers?: ReadonlyMap<Heading, string>) {
  return (state: State, node: Heading): Element => {
    const level = Math.min(6, (node.data?.level ?? node.depth) + shift);
    const number = numbers?.get(node);
    const result: Element = {
      type: 'element',
      tagName: `h${level}`,
      properties: node.data?.id ? { id: node.data.id } : {},
      children: [...(number ? [{ type: 'element', tagName: 'span', properties: { className: ['heading-number'] }, children: [{ type: 'text', value: number }] } satisfies Element] : []), ...state.all(node)],
    };
    state.patch(node, result);
    return state.applyData(node, result);
  };
}
