import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { Element, Root as HastRoot } from 'hast';
import type { Root, Html } from 'mdast';
import type { VFile } from 'vfile';
import { sanitizeSchema } from '../util/sanitize-schema.ts';
import { warn } from '../util/messages.ts';

/**
 * Report, at its own line, every element and attribute of raw HTML that the sanitiser will
 * remove, so that nothing disappears silently. The tree is left as it is: each renderer
 * applies `sanitizeSchema` itself.
 */
export function remarkRawHtmlCheck() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'html', (node: Html) => {
      const fragment = fromHtml(node.value, { fragment: true });
      visit(fragment, 'element', (element: Element) => {
        const place = placeOf(node, element);
        const kept = sanitize(shallow(element), elementSchema) as HastRoot;
        const survivor = kept.children.find((child): child is Element => child.type === 'element');
        if (!survivor) {
          warn(file, `Raw HTML element <${element.tagName}> is not allowed and was removed`, place, 'raw-html-removed');
          return;
        }
        for (const name of Object.keys(element.properties)) {
          if (!(name in survivor.properties)) {
            warn(file, `Raw HTML attribute \`${attributeName(name)}\` on <${element.tagName}> is not allowed and was removed`, place, 'raw-html-removed');
          }
        }
      });
      visit(fragment, 'comment', () => {
        warn(file, 'HTML comment is not part of any output', placeOf(node, undefined), 'raw-html-comment');
      });
    });
  };
}

/** The allow-list applied to one element out of context: parent rules (`tr` inside `table`) are the parser's business. */
const elementSchema = { ...sanitizeSchema, ancestors: {} };

function shallow(element: Element): HastRoot {
  return { type: 'root', children: [{ ...element, children: [] }] };
}

function placeOf(node: Html, element: Element | undefined): { line: number; column: number } | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const inner = element?.position?.start;
  if (!inner) return { line: start.line, column: start.column };
  return inner.line === 1 ? { line: start.line, column: start.column + inner.column - 1 } : { line: start.line + inner.line - 1, column: inner.column };
}

function attributeName(property: string): string {
  return find(html, property).attribute;
}
