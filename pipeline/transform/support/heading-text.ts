import type { Heading, PhrasingContent, Text } from 'mdast';
import type { Place } from '../../util/messages.ts';

/**
 * The text a heading shows: its text and code, the alt text of its images, the text of its
 * raw HTML without the tags. Footnote marks and breaks show no text.
 */
export function visibleText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'image':
        case 'imageReference':
          return node.alt ?? '';
        case 'html':
          return node.value.replace(/<[^>]*>/g, '');
        case 'break':
          return ' ';
        case 'footnoteReference':
          return '';
        default:
          return 'children' in node ? visibleText(node.children) : '';
      }
    })
    .join('');
}

function firstText(nodes: readonly PhrasingContent[]): Text | undefined {
  for (const node of nodes) {
    if (node.type === 'text') return node;
    if ('children' in node) return firstText(node.children);
    return undefined;
  }
  return undefined;
}

/** Where a heading's text starts (after `## ` and any white space); the heading itself when unknown. */
export function headingTextPlace(heading: Heading): Place {
  const text = firstText(heading.children);
  const start = text?.position?.start;
  if (!text || !start) return heading;
  const leading = text.value.length - text.value.trimStart().length;
  return text.value.slice(0, leading).includes('\n') ? { line: start.line, column: start.column } : { line: start.line, column: start.column + leading };
}
