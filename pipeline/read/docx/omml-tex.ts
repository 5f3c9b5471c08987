import type { Element } from '@xmldom/xmldom';
import { attribute, childElement, childElements, nameOf, plainText } from './xml.ts';

/**
 * Office Math (OMML, `m:oMath`) read back as TeX, the way the Markdown source writes formulas:
 * fractions, scripts, roots, n-ary operators, delimiters, accents, bars, braces, limits,
 * functions, matrices and equation arrays; anything else gives the TeX of its children. It is
 * the inverse of what `press build` writes (temml's MathML through mathml2omml), so a report's
 * formulas come back as formulas; Word's own equations read the same way.
 */
export function ommlToTex(element: Element): string {
  return children(element).trim();
}

/** TeX commands of the n-ary operators Word writes as characters. */
const NARY: Readonly<Record<string, string>> = {
  '∑': '\\sum', '∏': '\\prod', '∐': '\\coprod', '∫': '\\int', '∬': '\\iint', '∭': '\\iiint', '∮': '\\oint',
  '⋃': '\\bigcup', '⋂': '\\bigcap', '⋁': '\\bigvee', '⋀': '\\bigwedge', '⨁': '\\bigoplus', '⨂': '\\bigotimes',
};

/** Accents by character (OMML writes the combining mark, or its spacing form). */
const ACCENTS: Readonly<Record<string, string>> = {
  '\u0302': '\\hat', '^': '\\hat', 'ˆ': '\\hat', '\u0303': '\\tilde', '~': '\\tilde', '˜': '\\tilde', '\u0304': '\\bar', '\u0305': '\\bar', '‾': '\\bar', '¯': '\\bar',
  '\u0307': '\\dot', '˙': '\\dot', '\u0308': '\\ddot', '¨': '\\ddot', '\u20D7': '\\vec', '→': '\\vec', '\u0306': '\\breve', '˘': '\\breve',
  '\u030C': '\\check', 'ˇ': '\\check', '\u0301': '\\acute', '´': '\\acute', '\u0300': '\\grave', '`': '\\grave',
};

/** Delimiters as TeX writes them after `\left` and `\right`. */
const DELIMITERS: Readonly<Record<string, string>> = {
  '': '.', '{': '\\{', '}': '\\}', '⟨': '\\langle', '⟩': '\\rangle', '〈': '\\langle', '〉': '\\rangle', '‖': '\\|', '⌊': '\\lfloor', '⌋': '\\rfloor', '⌈': '\\lceil', '⌉': '\\rceil',
};

/** Characters that mean something in TeX, written so that they stand for themselves. */
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\backslash ', '{': '\\{', '}': '\\}', '#': '\\#', $: '\\$', '%': '\\%', '&': '\\&', _: '\\_', '^': '\\hat{}', '~': '\\sim ' };

function escape(text: string): string {
  return text.replace(/[\\{}#$%&_^~]/g, (character) => ESCAPES[character] ?? character);
}

/** A property of an element's `m:xxxPr`, e.g. `m:chr/@m:val` of `m:naryPr`. */
function property(element: Element, name: string): string | undefined {
  const properties = childElement(element, `${nameOf(element)}Pr`);
  const value = childElement(properties, name);
  return value === undefined ? undefined : (attribute(value, 'm:val') ?? '');
}

/** The TeX of a named argument (`m:e`, `m:num`, `m:sub`…), braced. */
function argument(element: Element, name: string): string {
  const child = childElement(element, name);
  return `{${child === undefined ? '' : children(child).trim()}}`;
}

function children(element: Element): string {
  return childElements(element)
    .map(convert)
    .reduce((tex, next) => (/\\[a-zA-Z]+$/.test(tex) && /^[a-zA-Z]/.test(next) ? `${tex} ${next}` : tex + next), '');
}

function run(element: Element): string {
  const text = childElements(element, 'm:t').map(plainText).join('') || plainText(element);
  const properties = childElement(element, 'm:rPr');
  if (childElement(properties, 'm:nor') !== undefined) return `\\text{${escape(text)}}`;
  const style = attribute(childElement(properties, 'm:sty'), 'm:val');
  if (style === 'p' && /^[A-Za-z]{2,}$/.test(text)) return `\\mathrm{${text}}`;
  return escape(text);
}

function convert(element: Element): string {
  switch (nameOf(element)) {
    case 'm:r':
    case 'w:r':
      return run(element);
    case 'm:f': {
      const type = property(element, 'm:type');
      const num = argument(element, 'm:num');
      const den = argument(element, 'm:den');
      if (type === 'lin') return `${num}/${den}`;
      if (type === 'noBar') return `\\genfrac{}{}{0pt}{}${num}${den}`;
      return `\\frac${num}${den}`;
    }
    case 'm:sSup':
      return `${argument(element, 'm:e')}^${argument(element, 'm:sup')}`;
    case 'm:sSub':
      return `${argument(element, 'm:e')}_${argument(element, 'm:sub')}`;
    case 'm:sSubSup':
      return `${argument(element, 'm:e')}_${argument(element, 'm:sub')}^${argument(element, 'm:sup')}`;
    case 'm:sPre':
      return `{}_${argument(element, 'm:sub')}^${argument(element, 'm:sup')}${argument(element, 'm:e')}`;
    case 'm:rad': {
      const degree = argument(element, 'm:deg');
      return property(element, 'm:degHide') === '1' || property(element, 'm:degHide') === 'on' || degree === '{}' ? `\\sqrt${argument(element, 'm:e')}` : `\\sqrt[${degree.slice(1, -1)}]${argument(element, 'm:e')}`;
    }
    case 'm:nary': {
      const character = property(element, 'm:chr') ?? '∫';
      const hidden = (name: string) => property(element, name) === '1' || property(element, name) === 'on';
      const sub = hidden('m:subHide') ? '' : `_${argument(element, 'm:sub')}`;
      const sup = hidden('m:supHide') ? '' : `^${argument(element, 'm:sup')}`;
      return `${NARY[character] ?? escape(character)}${sub}${sup}${argument(element, 'm:e')}`;
    }
    case 'm:d': {
      const open = property(element, 'm:begChr') ?? '(';
      const close = property(element, 'm:endChr') ?? ')';
      const separator = property(element, 'm:sepChr') ?? '|';
      const inner = childElements(element, 'm:e').map((child) => children(child).trim()).join(escape(separator));
      return `\\left${DELIMITERS[open] ?? open}${inner}\\right${DELIMITERS[close] ?? close}`;
    }
    case 'm:acc': {
      const character = property(element, 'm:chr') ?? '\u0302';
      const command = ACCENTS[character];
      return command === undefined ? `\\overset{${escape(character)}}${argument(element, 'm:e')}` : `${command}${argument(element, 'm:e')}`;
    }
    case 'm:bar':
      return `${property(element, 'm:pos') === 'top' ? '\\overline' : '\\underline'}${argument(element, 'm:e')}`;
    case 'm:groupChr': {
      const character = property(element, 'm:chr') ?? '⏟';
      const top = property(element, 'm:pos') === 'top';
      if (character === '⏟' && !top) return `\\underbrace${argument(element, 'm:e')}`;
      if (character === '⏞' && top) return `\\overbrace${argument(element, 'm:e')}`;
      return `${top ? '\\overset' : '\\underset'}{${escape(character)}}${argument(element, 'm:e')}`;
    }
    case 'm:limLow':
      return `\\underset${argument(element, 'm:lim')}${argument(element, 'm:e')}`;
    case 'm:limUpp':
      return `\\overset${argument(element, 'm:lim')}${argument(element, 'm:e')}`;
    case 'm:func': {
      const name = childElement(element, 'm:fName');
      const text = name === undefined ? '' : children(name).trim();
      return `${/^[A-Za-z]+$/.test(text) ? `\\operatorname{${text}}` : `{${text}}`}${argument(element, 'm:e')}`;
    }
    case 'm:m': {
      const rows = childElements(element, 'm:mr').map((row) => childElements(row, 'm:e').map((cell) => children(cell).trim()).join(' & '));
      return `\\begin{matrix}${rows.join(' \\\\ ')}\\end{matrix}`;
    }
    case 'm:eqArr':
      return `\\begin{gathered}${childElements(element, 'm:e').map((row) => children(row).trim()).join(' \\\\ ')}\\end{gathered}`;
    case 'm:borderBox':
      return `\\boxed${argument(element, 'm:e')}`;
    case 'm:phant':
      return `\\phantom${argument(element, 'm:e')}`;
    case 'm:ctrlPr':
    case 'w:rPr':
    case 'm:rPr':
      return '';
    default:
      return nameOf(element).endsWith('Pr') ? '' : children(element);
  }
}
