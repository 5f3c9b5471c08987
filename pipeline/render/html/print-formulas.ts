import type { Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * On the print page, each formula's `<math>` is an image labelled with its TeX (`role="img"`,
 * `aria-label` from its `alttext`): Chromium's tagged PDF then has an element with the TeX as
 * alternate text for it, which the PDF's finishing step retags as a `Formula`
 * (`struct-fixes.ts`); without the role, the MathML elements are anonymous `NonStruct`s. The
 * web page keeps the MathML itself for screen readers.
 */
export function labelFormulasForPrint(page: HastRoot): void {
  visit(page, 'element', (element) => {
    if (element.tagName !== 'math' || typeof element.properties.alttext !== 'string') return;
    element.properties.role = 'img';
    element.properties.ariaLabel = element.properties.alttext;
  });
}
