/**
 * Compare report-press's HTML with the CommonMark reference rendering.
 *
 * Both sides are parsed as an HTML fragment (parse5, the HTML standard's algorithm: what a
 * browser makes of them), the documented differences below are applied, and the trees are
 * written back in one canonical form. Ours is the content the HTML renderer produces before the
 * page shell (`contentToHast`), serialised as the page has it.
 *
 * Every way in which report-press deliberately renders Markdown differently from the reference
 * is one named rule in {@link DOCUMENTED_DIFFERENCES}; an example that still differs after all
 * of them must be listed, with its reason, in `known-differences.ts`.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Heading } from 'mdast';
import type { Figure, Report } from '../../pipeline/types.ts';
import { contentToHast } from '../../pipeline/render/html/to-hast.ts';
import { labelsFor } from '../../pipeline/render/html/labels.ts';
import { sanitizeTree } from '../../pipeline/render/html/sanitize-tree.ts';

/** Which rendering a rule is applied to. */
export type Side = 'ours' | 'reference';

/** One documented way in which report-press's HTML differs from the CommonMark reference. */
export interface DocumentedDifference {
  /** Short name, used in reports and in `known-differences.ts`. */
  id: string;
  /** Why report-press renders it so (with the place the project documents it). */
  why: string;
  /** Map one side (or both) to the comparable form; may change `tree` in place. */
  apply(tree: HastRoot, side: Side, report: Report): HastRoot;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'center', 'menu', 'iframe',
]);

/** Elements the HTML parser reconstructs when a paragraph closes over them unclosed. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);

function isBlock(node: RootContent | ElementContent | undefined): boolean {
  return node === undefined || (node.type === 'element' && BLOCK.has(node.tagName));
}

function isElement(node: RootContent | ElementContent | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function textOf(node: Element | HastRoot): string {
  let text = '';
  visit(node, 'text', (child) => {
    text += child.value;
  });
  return text;
}

/**
 * Replace every element `test` selects by what `replace` returns. The replacement is not
 * visited again (it may be of the same kind), but the element's own content was visited first.
 */
function replaceElements(tree: HastRoot, test: (element: Element) => boolean, replace: (element: Element) => ElementContent[]): void {
  const walk = (parent: HastRoot | Element) => {
    const children: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      if (child.type !== 'element') {
        children.push(child);
        continue;
      }
      walk(child);
      if (test(child)) children.push(...replace(child));
      else children.push(child);
    }
    parent.children = children as typeof parent.children;
  };
  walk(tree);
}

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * Canonical form, applied to both sides after the rules: white space between blocks and at
 * the edges of blocks is not content (the reference ends every block with a newline, ours
 * separates them), except in `pre`; the HTML serialiser then writes both the same way.
 */
export function canonicalHtml(tree: HastRoot): string {
  const walk = (parent: HastRoot | Element) => {
    // Adjacent text nodes (left where a rule removed an element or comment) are one text.
    const merged: (RootContent | ElementContent)[] = [];
    for (const child of parent.children) {
      const last = merged.at(-1);
      if (child.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: last.value + child.value };
      else merged.push(child);
    }
    parent.children = merged as typeof parent.children;
    if (isElement(parent as RootContent, 'pre') || isElement(parent as RootContent, 'code') || isElement(parent as RootContent, 'textarea')) return;
    parent.children = parent.children.filter((child, index, siblings) => {
      if (child.type !== 'text') return true;
      const before = siblings[index - 1];
      const after = siblings[index + 1];
      if (isBlock(before)) child.value = child.value.replace(/^\n+/, '');
      if (isBlock(after)) child.value = child.value.replace(/\n+$/, '');
      return !(child.value.trim() === '' && isBlock(before) && isBlock(after));
    }) as typeof parent.children;
    for (const child of parent.children) if (child.type === 'element') walk(child);
  };
  walk(tree);
  return toHtml(tree);
}

/** The headings report-press gave ids, by id, with their depth in the source. */
function headingDepths(report: Report): Map<string, number> {
  const depths = new Map<string, number>();
  visit(report.tree, 'heading', (heading: Heading) => {
    if (heading.data?.id) depths.set(heading.data.id, heading.depth);
  });
  return depths;
}

/**
 * The documented differences, applied in this order. Each is a deliberate choice of
 * report-press, none a shortcoming of the comparison.
 */
export const DOCUMENTED_DIFFERENCES: readonly DocumentedDifference[] = [
  {
    id: 'raw-html-sanitised',
    why: 'Raw HTML is held to an allow-list in every output (README "Source format", pipeline/util/sanitize-schema.ts): scripts, styles, comments, event handlers, unknown elements and unsafe URLs never reach the page. The reference passes raw HTML through, so it is held to the same allow-list.',
    apply: (tree, side) => (side === 'reference' ? sanitizeTree(tree) : tree),
  },
  {
    id: 'unclosed-inline-html-closed-with-its-paragraph',
    why: 'Raw HTML is parsed as part of the document tree (hast-util-raw), so an inline element left open (`<a href="x">`) ends with its paragraph. In the reference it stays open, and an HTML parser re-opens it, empty, after the paragraph.',
    apply: (tree, side) => {
      if (side !== 'reference') return tree;
      const walk = (parent: HastRoot | Element) => {
        parent.children = parent.children.filter((child, index, siblings) => {
          const before = siblings.slice(0, index).findLast((node) => node.type !== 'text' || node.value.trim() !== '');
          const empty = isElement(child) && child.children.every((node) => node.type === 'text' && node.value.trim() === '');
          return !(isElement(child) && FORMATTING.has(child.tagName) && empty && isElement(before) && (before.tagName === 'p' || /^h[1-6]$/.test(before.tagName)));
        }) as typeof parent.children;
        for (const child of parent.children) if (child.type === 'element') walk(child);
      };
      walk(tree);
      return tree;
    },
  },
  {
    id: 'heading-outline-levels',
    why: 'A heading\'s level is its outline level: levels never skip (`#` then `###` gives levels 1 and 2), and they move down one under a title taken from the front matter or the file name, so that the page has one `h1` (README, remark-heading-ids.ts, remark-document-title.ts). Compared at the depth written in the source.',
    apply: (tree, side, report) => {
      if (side !== 'ours') return tree;
      const depths = headingDepths(report);
      visit(tree, 'element', (element) => {
        const depth = /^h[1-6]$/.test(element.tagName) ? depths.get(String(element.properties.id ?? '')) : undefined;
        if (depth !== undefined) element.tagName = `h${depth}`;
      });
      return tree;
    },
  },
  {
    id: 'heading-ids',
    why: 'Every heading gets an id (GitHub\'s slugs), the target of the navigation, internal links and PDF bookmarks (README "Architecture", remark-heading-ids.ts).',
    apply: (tree, side, report) => {
      if (side !== 'ours') return tree;
      const depths = headingDepths(report);
      visit(tree, 'element', (element) => {
        if (/^h[1-6]$/.test(element.tagName) && depths.has(String(element.properties.id ?? ''))) delete element.properties.id;
      });
      return tree;
    },
  },
  {
    id: 'figures',
    why: 'An image alone in its paragraph with a title, or with a caption line under it, becomes a `<figure>` with a `<figcaption>` (README "Source format", remark-figures.ts). Compared as the paragraph it came from: the image, then the caption line if it was one.',
    apply: (tree, side, report) => {
      if (side !== 'ours') return tree;
      const figures = report.tree.children.filter((node): node is Figure => node.type === 'figure');
      let index = 0;
      replaceElements(
        tree,
        (element) => element.tagName === 'figure',
        (element) => {
          const figure = figures[index++];
          const caption = element.children.find((child): child is Element => isElement(child, 'figcaption'));
          const image = element.children.filter((child) => child !== caption);
          const [image0] = figure?.children ?? [];
          const fromTitle = figure !== undefined && figure.caption.length === 1 && figure.caption[0]?.position === undefined && image0?.type === 'image' && toString(figure.caption) === image0.title;
          const line: ElementContent[] = fromTitle || !caption ? [] : [{ type: 'text', value: '\n' }, ...caption.children];
          return [{ type: 'element', tagName: 'p', properties: {}, children: [...image, ...line] }];
        },
      );
      return tree;
    },
  },
  {
    id: 'raw-html-images-as-text',
    why: 'An `<img>` written as raw HTML is never fetched: it is shown as its alt text (or its `src`) in brackets, with a warning to use Markdown image syntax (to-hast.ts `inlineImages`). Applied to the reference where the source has no Markdown image, so that every `<img>` there is raw HTML.',
    apply: (tree, side, report) => {
      let markdownImages = false;
      visit(report.tree, 'image', () => {
        markdownImages = true;
      });
      if (side !== 'reference' || markdownImages) return tree;
      replaceElements(
        tree,
        (element) => element.tagName === 'img',
        (element) => [{ type: 'text', value: `[${String(element.properties.alt ?? element.properties.src ?? '')}]` }],
      );
      return tree;
    },
  },
  {
    id: 'images-not-embedded',
    why: 'Images are read only from the source\'s own folder and embedded (README "Source format", remark-images.ts); any other (the spec\'s `/url`, remote, absent files) is shown as its alt text in brackets, or the word Image and its URL when it has none. Compared as the alt text only (an image with an empty alt as that word and its URL).',
    apply: (tree, side, report) => {
      const word = labelsFor(report.meta.lang).imageUnavailable;
      if (side === 'ours') {
        replaceElements(
          tree,
          (element) => element.tagName === 'span' && Array.isArray(element.properties.className) && element.properties.className.includes('image-unavailable'),
          (element) => [{ type: 'element', tagName: 'img', properties: { alt: textOf(element).replace(/^\[|\]$/g, '') }, children: [] }],
        );
      } else {
        replaceElements(
          tree,
          (element) => element.tagName === 'img',
          (element) => {
            const alt = String(element.properties.alt ?? '');
            return [{ type: 'element', tagName: 'img', properties: { alt: alt.trim() ? alt : `${word} ${decoded(String(element.properties.src ?? ''))}` }, children: [] }];
          },
        );
      }
      return tree;
    },
  },
  {
    id: 'table-scroll-region',
    why: 'Every table is wrapped in a labelled, focusable scrolling region so that a wide table scrolls on its own on a narrow screen (WCAG reflow; to-hast.ts `wrapTables`).',
    apply: (tree, side) => {
      if (side === 'ours') replaceElements(tree, (element) => element.tagName === 'div' && Array.isArray(element.properties.className) && element.properties.className.includes('table-scroll'), (element) => element.children);
      return tree;
    },
  },
  {
    id: 'long-list-markers',
    why: 'An ordered list whose numbers have more than three digits gets a wider indent (an inline `padding-inline-start` in `ch`), so its markers do not reach past the printed page\'s margin (wide-list-markers.ts).',
    apply: (tree, side) => {
      if (side === 'ours') {
        visit(tree, 'element', (element: Element) => {
          if (element.tagName === 'ol' && String(element.properties.style ?? '').startsWith('padding-inline-start:')) delete element.properties.style;
        });
      }
      return tree;
    },
  },
  {
    id: 'gfm-autolink-literals',
    why: 'Sources are CommonMark with GitHub\'s extensions (README "Source format"): a bare URL or e-mail address is a link. Links whose text is their own address are compared as that text on both sides.',
    apply: (tree) => {
      replaceElements(
        tree,
        (element) => {
          if (element.tagName !== 'a' || element.children.some((child) => child.type !== 'text')) return false;
          const text = textOf(element);
          const href = decoded(String(element.properties.href ?? ''));
          return text !== '' && [text, `http://${text}`, `mailto:${text}`].some((candidate) => decoded(candidate) === href);
        },
        (element) => element.children,
      );
      return tree;
    },
  },
];

/** The two renderings of one example, in comparable form, and which rules changed either. */
export interface Comparison {
  ours: string;
  reference: string;
  /** Ids of the documented differences that changed one side or the other. */
  applied: string[];
}

function parse(html: string): HastRoot {
  return fromHtml(html, { fragment: true });
}

/** Apply `rules` to both renderings of a report's source and put them in canonical form. */
export function compareWithReference(report: Report, referenceHtml: string, rules: readonly DocumentedDifference[] = DOCUMENTED_DIFFERENCES): Comparison {
  let ours = parse(toHtml(contentToHast(report)));
  let reference = parse(referenceHtml);
  const applied: string[] = [];
  for (const rule of rules) {
    const before = [toHtml(ours), toHtml(reference)];
    ours = rule.apply(ours, 'ours', report);
    reference = rule.apply(reference, 'reference', report);
    if (toHtml(ours) !== before[0] || toHtml(reference) !== before[1]) applied.push(rule.id);
  }
  return { ours: canonicalHtml(ours), reference: canonicalHtml(reference), applied };
}
