import { HEADING_REFERENCE } from '../numbering.ts';
import { Bookmark, Paragraph, Tab, TextRun, type FileChild } from 'docx';
import type { Blockquote, Code, Definition, Heading, Paragraph as MdParagraph, ThematicBreak } from 'mdast';
import type { BlockState } from '../context.ts';
import { paragraphContent, renderBlocks } from '../dispatch.ts';
import { outlineLevel } from '../../outline-level.ts';
import { calloutStyleId, headingStyleId, listContinueStyleId, quoteStyleId } from '../style-ids.ts';
import { paragraphMarkRevision } from '../paragraph-mark.ts';

/** The state without a pending list-item number (for every block after an item's first paragraph). */
export function withoutItem(state: BlockState): BlockState {
  const { item: _item, ...rest } = state;
  return rest;
}

function imagesOnly(node: MdParagraph): boolean {
  return node.children.some((child) => child.type === 'image') && node.children.every((child) => child.type === 'image' || (child.type === 'text' && child.value.trim() === ''));
}

/** The paragraph style of a plain paragraph here: list item, quote, footnote, continuation, figure or Normal. */
function paragraphStyle(node: MdParagraph, state: BlockState): string {
  if (state.item) return 'ListParagraph';
  if (state.paragraphStyle !== 'Normal') return state.paragraphStyle;
  if (state.listLevel >= 0) return listContinueStyleId(state.listLevel);
  if (imagesOnly(node)) return 'Figure';
  return 'Normal';
}

/** `paragraph`: one Word paragraph in the style of its place; the first one of a list item carries its number. */
export function paragraph(node: MdParagraph, state: BlockState): FileChild[] {
  const numbering = state.item?.numbering;
  return [
    new Paragraph({
      style: paragraphStyle(node, state),
      ...(numbering ? { numbering: { reference: numbering.reference, level: numbering.level, instance: numbering.instance } } : {}),
      ...paragraphMarkRevision(node.children, state.ctx.revisions),
      children: paragraphContent(node.children, state, state.item?.prefix),
    }),
  ];
}

/**
 * `heading`: Heading1…Heading6 by outline level (the heading that is the document's title in the
 * Title style), text as written, inside the bookmark internal links point to.
 */
export function heading(node: Heading, state: BlockState): FileChild[] {
  const level = outlineLevel(node, state.ctx.file);
  const id = node.data?.id;
  const bookmark = id === undefined ? undefined : state.ctx.bookmarks.get(id);
  const children = paragraphContent(node.children, withoutItem(state));
  const numbered = level !== 'title' && state.ctx.headingNumbers.has(node);
  const mark = paragraphMarkRevision(node.children, state.ctx.revisions);
  return [new Paragraph({ style: level === 'title' ? 'Title' : headingStyleId(level), ...(numbered ? { numbering: { reference: HEADING_REFERENCE, level: level - 1 } } : {}), ...mark, children: bookmark === undefined ? children : [new Bookmark({ id: bookmark, children })] })];
}

/** `thematicBreak`: an empty paragraph whose style draws a rule. */
export function thematicBreak(_node: ThematicBreak, _state: BlockState): FileChild[] {
  return [new Paragraph({ style: 'HorizontalRule' })];
}

/** `code`: one SourceCode paragraph, lines kept with line breaks and tabs with tab characters. */
export function code(node: Code, _state: BlockState): FileChild[] {
  const lines = node.value.split(/\r?\n/);
  const runs = lines.map((line, index) => {
    const parts = line.split('\t');
    const children = parts.flatMap((part, partIndex) => (partIndex === 0 ? [part] : [new Tab(), part])).filter((child) => child !== '');
    return new TextRun({ children, ...(index > 0 ? { break: 1 } : {}) });
  });
  return [new Paragraph({ style: 'SourceCode', children: runs })];
}

/**
 * `blockquote`: its blocks in the Quote style of its depth (Quote, Quote2, Quote3); a callout's
 * in its kind's Callout style, its title line in the kind's title style.
 */
export function blockquote(node: Blockquote, state: BlockState): FileChild[] {
  const kind = node.data?.callout;
  if (kind !== undefined) {
    const [title, ...rest] = node.children;
    const inner = { ...withoutItem(state), paragraphStyle: calloutStyleId(kind, false) };
    // An empty paragraph between two callouts keeps Word from framing both as one.
    const gap = node.data?.afterCallout ? [new Paragraph({ style: 'Normal' })] : [];
    return [...gap, ...(title ? renderBlocks([title], { ...inner, paragraphStyle: calloutStyleId(kind, true) }) : []), ...renderBlocks(rest, inner)];
  }
  const depth = state.quoteDepth + 1;
  return renderBlocks(node.children, { ...withoutItem(state), quoteDepth: depth, paragraphStyle: quoteStyleId(depth) });
}

/** `definition`: nothing (link references are resolved where they are used). */
export function definition(_node: Definition, _state: BlockState): FileChild[] {
  return [];
}
