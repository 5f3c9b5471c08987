import type { State } from 'mdast-util-to-hast';
import type { Element, ElementContent } from 'hast';
import type { Bibliography } from '../../../cite/types.ts';

/**
 * The bibliography, as pandoc writes it: `div#refs.references.csl-bib-body` with the list role,
 * each entry a `div.csl-entry` with the listitem role and the id citations link to (`ref-<key>`);
 * a style's margin label (`[1]`) in `span.csl-left-margin` before `span.csl-right-inline`, and
 * the class `hanging-indent` when the style asks for one (the stylesheets indent the lines after
 * the first).
 */
export function bibliographyHandler(state: State, node: Bibliography): Element {
  const entries: ElementContent[] = node.children.map((paragraph) => {
    const entry = paragraph.data?.bibliographyEntry;
    const content = state.all(paragraph);
    const children: ElementContent[] =
      entry?.label === undefined
        ? content
        : [
            { type: 'element', tagName: 'span', properties: { className: ['csl-left-margin'] }, children: [{ type: 'text', value: entry.label }] },
            { type: 'element', tagName: 'span', properties: { className: ['csl-right-inline'] }, children: content },
          ];
    const element: Element = { type: 'element', tagName: 'div', properties: { className: ['csl-entry'], role: 'listitem', ...(entry ? { id: entry.id } : {}) }, children };
    state.patch(paragraph, element);
    return element;
  });
  const classes = ['references', 'csl-bib-body', ...(node.data?.hangingIndent === true ? ['hanging-indent'] : [])];
  const result: Element = { type: 'element', tagName: 'div', properties: { id: 'refs', className: classes, role: 'list' }, children: state.wrap(entries, true) };
  state.patch(node, result);
  return state.applyData(node, result);
}
