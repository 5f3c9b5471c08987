import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { Element, Root as HastRoot } from 'hast';
import type { Root, Html } from 'mdast';
import type { VFile } from 'vfile';
import { sanitizeSchema } from '../util/sanitize-schema.ts';
import { flag } from '../util/messages.ts';

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
          flag(file, 'raw-html-removed', place, { tag: element.tagName, attribute: undefined });
          return;
        }
        for (const name of Object.keys(element.properties)) {
          // A class list keeps only the values the schema names (`callout`…): any other is removed.
          if (!(name in survivor.properties) || lostValues(element.properties[name], survivor.properties[name])) {
            flag(file, 'raw-html-removed', place, { tag: element.tagName, attribute: attributeName(name) });
          }
        }
      });
      visit(fragment, 'comment', () => {
        flag(file, 'raw-html-comment', placeOf(node, undefined));
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

function lostValues(written: unknown, kept: unknown): boolean {
  return Array.isArray(written) && Array.isArray(kept) && kept.length < written.length;
}

function attributeName(property: string): string {
  return find(html, property).attribute;
}
