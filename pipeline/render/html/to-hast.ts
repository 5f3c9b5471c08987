import type { Heading } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import { raw } from 'hast-util-raw';
import { visit } from 'unist-util-visit';
import type { Element, Root as HastRoot } from 'hast';
import type { Report } from '../../types.ts';
import { sanitizeTree } from './sanitize-tree.ts';
import { flag } from '../../util/messages.ts';
import { labelsFor } from './labels.ts';
import { createHeadingHandler } from './handlers/heading.ts';
import { createImageHandler, InlineImages } from './handlers/image.ts';
import { figureHandler } from './handlers/figure.ts';
import { tableHandler } from './handlers/table.ts';
import { inlineMathHandler } from './handlers/math.ts';
import { equationHandler } from './handlers/equation.ts';
import { blockquoteHandler } from './handlers/callout.ts';
import { bibliographyHandler } from './handlers/bibliography.ts';
import { definitionListHandlers } from './handlers/definition-list.ts';
import { createSuggestionHandlers } from './handlers/suggestion.ts';
import { flattenDeepElements, MAX_ELEMENT_DEPTH } from './flatten-deep-elements.ts';
import { keepMathWithPunctuation } from './math-punctuation.ts';
import { widenLongListMarkers } from './wide-list-markers.ts';
import { dropDuplicateRawIds, markMadeIds } from './raw-html-ids.ts';
import { ChartPlaceholders, type ChartElements } from './chart-html.ts';
import type { Chart } from '../../charts/chart-node.ts';
import { markSourceLines } from './source-lines.ts';

/**
 * The report's content as a safe hast tree: mdast → hast with the project's handlers, raw HTML
 * parsed in place, everything held to `sanitizeSchema`, then images inlined and wide tables
 * wrapped in a labelled scrolling region. Charts (`charts`, drawn beforehand: `chart-html.ts`) are
 * put in after sanitising, each held to the chart schema of its own.
 */
export function contentToHast(report: Report, numbers?: ReadonlyMap<Heading, string>, sourceLines = false, charts: ChartElements = new Map()): HastRoot {
  const labels = labelsFor(report.meta.lang);
  const images = new InlineImages();
  const chartPlaceholders = new ChartPlaceholders(charts);
  const shift = report.file.data.title?.headingShift ?? (report.meta.title ? 1 : 0);
  const mdastToHast = toHast(report.tree, {
    allowDangerousHtml: true,
    footnoteLabel: labels.footnotes,
    footnoteBackLabel: labels.backToReference,
    handlers: {
      heading: createHeadingHandler(shift, numbers),
      image: createImageHandler(images, labels.imageUnavailable),
      figure: figureHandler,
      chart: (state: State, node: Chart) => chartPlaceholders.add(node),
      table: tableHandler,
      math: equationHandler,
      inlineMath: inlineMathHandler,
      blockquote: blockquoteHandler,
      bibliography: bibliographyHandler,
      ...definitionListHandlers,
      ...createSuggestionHandlers(labels),
    },
  });
  const leadingNewlines = markLeadingNewlines(mdastToHast as HastRoot);
  markMadeIds(mdastToHast as HastRoot);
  const parsed = raw(mdastToHast as HastRoot, { file: report.file }) as HastRoot;
  if (leadingNewlines) restoreLeadingNewlines(parsed);
  const deep = flattenDeepElements(parsed);
  if (deep.flattened) flag(report.file, 'html-nesting-flattened', deep.place, { limit: MAX_ELEMENT_DEPTH });
  // After flattening: the tree is at most MAX_ELEMENT_DEPTH deep for the walk.
  dropDuplicateRawIds(parsed, report.file);
  const safe = sanitizeTree(parsed);
  inlineImages(safe, images, report);
  keepMathWithPunctuation(safe);
  openDetails(safe);
  // After `openDetails`: a chart's data stays behind its closed disclosure.
  chartPlaceholders.resolve(safe);
  labelTaskCheckboxes(safe);
  flattenDeepNesting(safe);
  widenLongListMarkers(safe);
  wrapTables(safe, labels.table);
  // Preview builds only (after sanitising, which would drop the attribute): see source-lines.ts.
  if (sourceLines) markSourceLines(safe);
  return safe;
}

/** Attribute that carries a code block's leading newline through `raw` (see {@link markLeadingNewlines}). */
const LEADING_NEWLINE = 'dataPressLeadingNewline';

/**
 * A code block whose first line is blank starts with a newline; hast-util-raw drops the first
 * newline after `<pre>` even behind `<code>` (as an HTML parser does only right after `<pre>`),
 * so the page would lose that line. Mark those blocks before `raw`; returns whether any was.
 */
function markLeadingNewlines(tree: HastRoot): boolean {
  let marked = false;
  visit(tree, 'element', (pre) => {
    const code = pre.tagName === 'pre' ? pre.children[0] : undefined;
    const first = code?.type === 'element' && code.tagName === 'code' ? code.children[0] : undefined;
    if (code?.type === 'element' && first?.type === 'text' && first.value.startsWith('\n')) {
      code.properties[LEADING_NEWLINE] = /^\n+/.exec(first.value)?.[0].length ?? 0;
      marked = true;
    }
  });
  return marked;
}

/** Put back the leading newlines `raw` took from the code blocks {@link markLeadingNewlines} marked. */
function restoreLeadingNewlines(tree: HastRoot): void {
  visit(tree, 'element', (code) => {
    const wanted = code.tagName === 'code' ? Number(code.properties[LEADING_NEWLINE]) : Number.NaN;
    if (Number.isNaN(wanted)) return;
    delete code.properties[LEADING_NEWLINE];
    const first = code.children[0];
    const text = first?.type === 'text' ? first : { type: 'text' as const, value: '' };
    if (text !== first) code.children.unshift(text);
    text.value = '\n'.repeat(Math.max(0, wanted - (/^\n*/.exec(text.value)?.[0].length ?? 0))) + text.value;
  });
}

function inlineImages(tree: HastRoot, images: InlineImages, report: Report): void {
  visit(tree, 'element', (element, index, parent) => {
    // The text shown for an image that cannot be: its class, which the sanitiser would have removed.
    if (element.tagName === 'span' && images.isUnavailable(String(element.properties.id ?? ''))) {
      delete element.properties.id;
      element.properties.className = ['image-unavailable'];
      return;
    }
    if (element.tagName !== 'img' || !parent || index === undefined) return;
    const src = String(element.properties.src ?? '');
    const data = images.resolve(src);
    if (data) {
      element.properties.src = data;
      return;
    }
    // An <img> written as raw HTML: never fetched, shown as its alt text.
    flag(report.file, 'raw-html-image', element.position ? { line: element.position.start.line, column: element.position.start.column } : undefined, { src });
    parent.children[index] = { type: 'text', value: `[${String(element.properties.alt ?? src)}]` };
  });
}

/** A report hides nothing: `<details>` from raw HTML is shown open, on screen and in print. */
function openDetails(tree: HastRoot): void {
  visit(tree, 'element', (element) => {
    if (element.tagName === 'details') element.properties.open = true;
  });
}

/** A task list's checkbox is named by its item's text, so screen readers say what is done. */
function labelTaskCheckboxes(tree: HastRoot): void {
  visit(tree, 'element', (item) => {
    if (item.tagName !== 'li' || !String(item.properties.className ?? '').includes('task-list-item')) return;
    visit(item, 'element', (input) => {
      if (input.tagName === 'input' && input.properties.type === 'checkbox') input.properties.ariaLabel = textOf(item).trim();
    });
  });
}

/** Indentation levels quotes and lists keep; deeper ones stop indenting so text keeps its width. */
const MAX_INDENTED_NESTING = 4;

function flattenDeepNesting(tree: HastRoot): void {
  const walk = (node: HastRoot | Element, depth: number) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const nests = child.tagName === 'blockquote' || child.tagName === 'ul' || child.tagName === 'ol';
      const childDepth = nests ? depth + 1 : depth;
      if (nests && childDepth > MAX_INDENTED_NESTING) {
        const classes = Array.isArray(child.properties.className) ? child.properties.className : [];
        child.properties.className = [...classes, 'nest-deep'];
      }
      walk(child, childDepth);
    }
  };
  walk(tree, 0);
}

function wrapTables(tree: HastRoot, label: (index: number) => string): void {
  let count = 0;
  visit(tree, 'element', (element, index, parent) => {
    if (element.tagName !== 'table' || !parent || index === undefined) return;
    if (parent.type === 'element' && (parent as Element).properties.className?.toString().includes('table-scroll')) return;
    count += 1;
    const caption = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: caption ? textOf(caption) : label(count) },
      children: [element],
    };
    parent.children[index] = wrapper;
  });
}

function textOf(element: Element): string {
  let text = '';
  visit(element, 'text', (node) => {
    text += node.value;
  });
  return text;
}
