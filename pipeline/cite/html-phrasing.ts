import { fromHtml } from 'hast-util-from-html';
import type { ElementContent, Element } from 'hast';
import type { Emphasis, PhrasingContent } from 'mdast';

/** How citeproc's HTML is read. */
export interface PhrasingOptions {
  /** Set raised text on the line (a numeric citation used as a word of the sentence: "见文献[3]"). */
  dropSuperscript?: boolean;
}

/** What a formatted bibliography entry is made of: its margin label (`[1]`), if any, and its text. */
export interface EntryContent {
  label?: string;
  content: PhrasingContent[];
}

/**
 * citeproc-js's HTML output (a citation, or one bibliography entry) as mdast phrasing content,
 * never as raw HTML: `<i>` → emphasis, `<b>` → strong, `<sup>`/`<sub>` → an emphasis marked
 * `data.verticalAlign` (written `<sup>` on the web page, the Superscript style in Word), `<a>`
 * with a web address → link; spans (small caps, `nocase`) and layout divs give their text.
 */
export function htmlToPhrasing(html: string, options: PhrasingOptions = {}): PhrasingContent[] {
  const root = fromHtml(html, { fragment: true });
  return tidy(convert(root.children, options));
}

/** One bibliography entry of citeproc-js (`<div class="csl-entry">…</div>`): its margin label and its text. */
export function entryToPhrasing(html: string): EntryContent {
  const root = fromHtml(html, { fragment: true });
  const entry = root.children.find((node): node is Element => node.type === 'element' && classes(node).includes('csl-entry'));
  const children = entry?.children ?? root.children;
  const margin = children.find((node): node is Element => node.type === 'element' && classes(node).includes('csl-left-margin'));
  const inline = children.find((node): node is Element => node.type === 'element' && classes(node).includes('csl-right-inline'));
  if (margin && inline) {
    const label = textOf(margin).trim();
    return { ...(label !== '' ? { label } : {}), content: tidy(convert(inline.children, {})) };
  }
  return { content: tidy(convert(children, {})) };
}

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function convert(nodes: readonly (ElementContent | { type: string })[], options: PhrasingOptions): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') result.push({ type: 'text', value: (node as { value: string }).value });
    else if (node.type === 'element') result.push(...convertElement(node as Element, options));
  }
  return result;
}

function convertElement(element: Element, options: PhrasingOptions): PhrasingContent[] {
  const children = convert(element.children, options);
  switch (element.tagName) {
    case 'i':
    case 'em':
      return [{ type: 'emphasis', children }];
    case 'b':
    case 'strong':
      return [{ type: 'strong', children }];
    case 'sup':
    case 'sub': {
      if (options.dropSuperscript === true && element.tagName === 'sup') return children;
      const raised: Emphasis = { type: 'emphasis', children, data: { verticalAlign: element.tagName === 'sup' ? 'superscript' : 'subscript', hName: element.tagName } };
      return [raised];
    }
    case 'a': {
      const href = String(element.properties.href ?? '');
      return /^https?:\/\//i.test(href) ? [{ type: 'link', url: href, title: null, children }] : children;
    }
    case 'br':
      return [{ type: 'text', value: ' ' }];
    default:
      return children;
  }
}

/** Layout white space of citeproc's HTML (newlines and indents around its divs) taken out, adjacent texts joined, ends trimmed. */
function tidy(nodes: PhrasingContent[], top = true): PhrasingContent[] {
  const joined: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const value = node.value.replace(/\s*\n\s*/g, '');
      const last = joined.at(-1);
      if (last?.type === 'text') last.value += value;
      else if (value !== '') joined.push({ type: 'text', value });
    } else {
      if ('children' in node && node.type !== 'link') node.children = tidy(node.children as PhrasingContent[], false) as typeof node.children;
      joined.push(node);
    }
  }
  const first = joined[0];
  if (top && first?.type === 'text') first.value = first.value.trimStart();
  const last = joined.at(-1);
  if (top && last?.type === 'text') last.value = last.value.trimEnd();
  return joined.filter((node) => node.type !== 'text' || node.value !== '');
}
