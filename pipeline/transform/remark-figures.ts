import type { Root, Paragraph, PhrasingContent, Image, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { Figure } from '../types.ts';

/**
 * Turn a paragraph that holds only an image into a figure with a caption, when there is
 * something to caption it with:
 *
 * - an image title: `![Alt](chart.png "Figure 1. Targets")`, or
 * - a caption line right under the image in the same paragraph:
 *   `![Alt](chart.png)` newline `图1 2024年主要预期目标`.
 *
 * An image alone without either stays an inline image.
 */
export function remarkFigures() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    tree.children = tree.children.map((node) => (node.type === 'paragraph' ? toFigure(node, source) ?? node : node));
    // Figures inside list items and quotes are left inline: their layout belongs to the container.
  };
}

function toFigure(paragraph: Paragraph, source: string): Figure | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'image') return undefined;
  const caption = captionLine(rest);
  if (caption === undefined) return undefined;
  const image: Image = first;
  const label = image.data?.label;
  // A labelled image is a figure even without a caption line or title: its alt text is the caption (as in Quarto).
  const words = caption.length > 0 ? caption : image.title ? [{ type: 'text', value: image.title } as const] : label && image.alt ? [altText(image, source)] : [];
  if (words.length === 0 && !label) return undefined;
  const figure: Figure = { type: 'figure', children: [image], caption: words, ...(label ? { data: { label } } : {}) };
  if (paragraph.position) figure.position = paragraph.position;
  return figure;
}

/** The alt text as a text node, placed where it is written (`![here](…)`), so that review can edit it there. */
function altText(image: Image, source: string): Text {
  const text: Text = { type: 'text', value: image.alt ?? '' };
  const start = image.position?.start;
  if (start?.offset === undefined) return text;
  const from = start.offset + 2;
  const to = source.indexOf('](', from);
  if (to === -1 || source.slice(start.offset, from) !== '![' || source.slice(from, to).includes('\n')) return text;
  text.position = { start: { line: start.line, column: start.column + 2, offset: from }, end: { line: start.line, column: start.column + 2 + (to - from), offset: to } };
  return text;
}

/** The caption after the image: `[]` when nothing follows, undefined when the rest is not a caption line. */
function captionLine(rest: PhrasingContent[]): PhrasingContent[] | undefined {
  if (rest.length === 0) return [];
  const [head, ...tail] = rest;
  if (head?.type === 'break') return tail.length > 0 ? tail : [];
  if (head?.type === 'text' && head.value.startsWith('\n')) {
    const value = head.value.replace(/^\n\s*/, '');
    const trimmed: PhrasingContent[] = value ? [{ ...head, value }, ...tail] : tail;
    return trimmed.length > 0 ? trimmed : undefined;
  }
  return undefined;
}
