import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { mml2omml } from 'mathml2omml';

/** Accent characters temml writes in `<mover>`/`<munder>` without marking them accents. */
const ACCENTS = new Set(['‾', '¯', 'ˆ', '^', '˜', '~', '˙', '¨', '→', '⃗', '˘', 'ˇ', '´', '`', '\u0302', '\u0303', '\u0304', '\u0305', '\u0307', '\u0308', '\u20D7', '\u0306', '\u030C', '\u0301', '\u0300']);

/** Marks a fenced group's place in the MathML handed to mathml2omml: private-use characters around its number. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

function elementChildren(element: Element): Element[] {
  const found: Element[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) found.push(child as Element);
  return found;
}

/** Operators Word writes as n-ary objects (`m:nary`) with their operand inside. */
const LARGE_OPERATORS = new Set(['∑', '∏', '∐', '∫', '∬', '∭', '∮', '∯', '∰', '⋀', '⋁', '⋂', '⋃', '⨀', '⨁', '⨂', '⨄', '⨆']);
const SCRIPTS = new Set(['munderover', 'munder', 'mover', 'msubsup', 'msub', 'msup']);

/** A large operator with its limits (`\sum_{i=1}^n`): its base is one of {@link LARGE_OPERATORS}. */
function isLargeOperator(element: Element | undefined): element is Element {
  const base = element && SCRIPTS.has(element.tagName) ? elementChildren(element)[0] : element;
  return base?.tagName === 'mo' && LARGE_OPERATORS.has((base.textContent ?? '').trim());
}

function isFence(element: Element | undefined, form: 'prefix' | 'postfix'): element is Element {
  return element?.tagName === 'mo' && element.getAttribute('fence') === 'true' && element.getAttribute('form') === form;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** OMML of MathML children, without the `m:oMath` around it. */
function innerOmml(nodes: readonly Element[], serializer: XMLSerializer): string {
  const omml = mml2omml(`<math><mrow>${nodes.map((node) => serializer.serializeToString(node)).join('')}</mrow></math>`);
  return omml.replace(/^<m:oMath[^>]*>/, '').replace(/<\/m:oMath>$/, '');
}

/**
 * OMML (`m:oMath`) of temml's MathML, by mathml2omml, with two things it does not make: a
 * `\left( … \right)` group (an `mrow` between `fence` operators) becomes a delimiter object
 * (`m:d`, brackets that grow with their content in Word) rather than two plain characters, and
 * an accent (`\bar`, `\hat`, `\vec`…, an `mover` whose operator is an accent character)
 * becomes an accent object (`m:acc`); and a large operator (`\sum`, `\int`…) takes the term after
 * it as its operand (`m:e` of `m:nary`), not an empty one Word shows as a box.
 */
export function mathmlToOmml(mathml: string): string {
  const document = new DOMParser().parseFromString(mathml, 'text/xml');
  const root = document.documentElement;
  if (!root) return mml2omml(mathml);
  const serializer = new XMLSerializer();
  const groups: string[] = [];
  const visit = (element: Element): void => {
    for (const child of elementChildren(element)) visit(child);
    // temml wraps a large operator in an mrow of its own; mathml2omml takes the operator's next
    // sibling for its operand, so without the mrow the operand (`x_i` of `\sum x_i`) goes inside.
    for (const child of elementChildren(element)) {
      const only = elementChildren(child);
      const wrapped = child.tagName === 'mrow' && only.length === 1 && isLargeOperator(only[0]) && SCRIPTS.has(only[0].tagName) ? only[0] : undefined;
      const operator = wrapped ?? (SCRIPTS.has(child.tagName) && isLargeOperator(child) ? child : undefined);
      if (!operator) continue;
      if (wrapped) element.replaceChild(wrapped, child);
      // It takes an operand in an mrow (a bare msub after it stays outside).
      let operand = operator.nextSibling;
      while (operand && operand.nodeType !== 1) operand = operand.nextSibling;
      if (operand && (operand as Element).tagName !== 'mrow') {
        const wrapper = document.createElement('mrow');
        element.replaceChild(wrapper, operand);
        wrapper.appendChild(operand);
      }
    }
    const kids = elementChildren(element);
    const last = kids.at(-1);
    if ((element.tagName === 'mover' || element.tagName === 'munder') && kids.length === 2 && last?.tagName === 'mo' && ACCENTS.has(last.textContent ?? '') && last.getAttribute('stretchy') !== 'true') {
      element.setAttribute(element.tagName === 'mover' ? 'accent' : 'accentunder', 'true');
    }
    const first = kids[0];
    if (element.tagName === 'mrow' && kids.length >= 2 && isFence(first, 'prefix') && isFence(last, 'postfix')) {
      const open = first.textContent ?? '';
      const close = last.textContent ?? '';
      const inner = innerOmml(kids.slice(1, -1), serializer);
      groups.push(`<m:d><m:dPr><m:begChr m:val="${escapeAttribute(open)}"/><m:endChr m:val="${escapeAttribute(close)}"/></m:dPr><m:e>${inner}</m:e></m:d>`);
      while (element.firstChild) element.removeChild(element.firstChild);
      const placeholder = document.createElement('mi');
      placeholder.appendChild(document.createTextNode(`${OPEN}${groups.length - 1}${CLOSE}`));
      element.appendChild(placeholder);
    }
  };
  visit(root);
  let omml = mml2omml(serializer.serializeToString(root));
  // A group's placeholder sits in a run's text (mathml2omml joins neighbouring runs): the run is
  // split around the group, whose own groups are put in the same way.
  for (let round = 0; round <= groups.length && PLACEHOLDER.test(omml); round++) {
    PLACEHOLDER.lastIndex = 0;
    omml = omml.replace(/<m:r>((?:(?!<\/m:r>).)*?)<m:t( [^>]*)?>((?:(?!<\/m:t>).)*)<\/m:t><\/m:r>/gs, (run: string, properties: string, attributes: string | undefined, text: string) => {
      if (!text.includes(OPEN)) return run;
      const open = `<m:r>${properties}<m:t${attributes ?? ''}>`;
      return `${open}${text.replace(PLACEHOLDER, (_match: string, index: string) => `</m:t></m:r>${groups[Number(index)] ?? ''}${open}`)}</m:t></m:r>`;
    });
    PLACEHOLDER.lastIndex = 0;
  }
  return omml.replace(/<m:r>(?:(?!<\/m:r>).)*?<m:t[^>]*><\/m:t><\/m:r>/gs, '');
}
