import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';

/** Punctuation no line may start with (closing marks), as the page's `line-break: strict` keeps it. */
const CLOSING = /^[。，、；：！？）」』】〉》”’…—．,.;:!?)\]]+/u;
/** Punctuation no line may end with (opening marks). */
const OPENING = /[（「『【〈《“‘(\[]+$/u;

/**
 * Keep an inline formula with the punctuation around it: Chromium breaks a line on either side
 * of a `<math>` element, so `……下降$1.2\%$。` could start a line with `。`. The formula and the
 * closing marks after it (and opening marks before it) go into one `span.math-nobreak`, which
 * the stylesheet does not let break.
 */
export function keepMathWithPunctuation(tree: Root): void {
  visit(tree, 'element', (parent) => {
    const classes = parent.properties.className;
    if (Array.isArray(classes) && classes.includes('math-nobreak')) return;
    for (let index = 0; index < parent.children.length; index++) {
      const math = parent.children[index];
      if (math?.type !== 'element' || math.tagName !== 'math' || math.properties.display === 'block') continue;
      const before = parent.children[index - 1];
      const after = parent.children[index + 1];
      const closing = after?.type === 'text' ? (CLOSING.exec(after.value)?.[0] ?? '') : '';
      const opening = before?.type === 'text' ? (OPENING.exec(before.value)?.[0] ?? '') : '';
      if (closing === '' && opening === '') continue;
      const inner: ElementContent[] = [];
      if (opening !== '' && before?.type === 'text') {
        before.value = before.value.slice(0, -opening.length);
        inner.push({ type: 'text', value: opening });
      }
      inner.push(math);
      if (closing !== '' && after?.type === 'text') {
        after.value = after.value.slice(closing.length);
        inner.push({ type: 'text', value: closing });
      }
      const span: Element = { type: 'element', tagName: 'span', properties: { className: ['math-nobreak'] }, children: inner };
      parent.children.splice(index, 1, span);
    }
    parent.children = parent.children.filter((child) => child.type !== 'text' || child.value !== '');
  });
}
