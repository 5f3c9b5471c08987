import type { FileChild } from 'docx';
import type { Html } from 'mdast';
import type { BlockState, InlineState } from '../context.ts';
import { blockHtml, writeInlineHtml } from '../raw-html.ts';

/** `html` in a paragraph: one tag, text or comment of raw HTML (see `writeInlineHtml`). */
export function inlineHtml(node: Html, state: InlineState): void {
  writeInlineHtml(node, state);
}

/** `html` between blocks: sanitised, then paragraphs where Word can show it (see `blockHtml`). */
export function htmlBlock(node: Html, state: BlockState): FileChild[] {
  return blockHtml(node, state);
}
