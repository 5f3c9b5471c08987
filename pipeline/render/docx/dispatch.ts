import { DeletedTextRun, ExternalHyperlink, InsertedTextRun, InternalHyperlink, Paragraph, TextRun, type FileChild, type IRunOptions, type ParagraphChild } from 'docx';
import { toString } from 'mdast-util-to-string';
import type { BlockContent, DefinitionContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { BlockState, InlinePiece, InlineState } from './context.ts';
import { activeLink, activeRevision, isStripped, runFormatting, type LinkTarget, type Mark } from './marks.ts';
import { flag } from '../../util/messages.ts';
import { blockHandlers, inlineHandlers } from './handlers/index.ts';

/** Block-level nodes the renderer has handlers for. */
export type BlockNode = BlockContent | DefinitionContent | ListItem;

/** Writes one block node as Word paragraphs and tables. */
export type BlockHandler<N> = (node: N, state: BlockState) => FileChild[];

/** Writes one inline node into the paragraph being built (`state.pieces`). */
export type InlineHandler<N> = (node: N, state: InlineState) => void;

/** The block handler map: one function per block node type. */
export type BlockHandlers = { [T in BlockNode['type']]: BlockHandler<Extract<BlockNode, { type: T }>> };

/** The inline handler map: one function per phrasing node type. */
export type InlineHandlers = { [T in PhrasingContent['type']]: InlineHandler<Extract<PhrasingContent, { type: T }>> };

function blockHandlerFor(type: string): BlockHandler<RootContent> | undefined {
  return Object.hasOwn(blockHandlers, type) ? (blockHandlers[type as BlockNode['type']] as BlockHandler<RootContent>) : undefined;
}

function inlineHandlerFor(type: string): InlineHandler<RootContent> | undefined {
  return Object.hasOwn(inlineHandlers, type) ? (inlineHandlers[type as PhrasingContent['type']] as InlineHandler<RootContent>) : undefined;
}

/** Write block nodes in order. A node type without a handler is reported and its text kept. */
export function renderBlocks(nodes: readonly RootContent[], state: BlockState): FileChild[] {
  return nodes.flatMap((node) => renderBlock(node, state));
}

/** Write one block node (the fallback reports unknown types rather than throwing). */
export function renderBlock(node: RootContent, state: BlockState): FileChild[] {
  const handler = blockHandlerFor(node.type);
  if (handler) return handler(node, state);
  flag(state.ctx.file, 'docx-unknown-node', node, { type: node.type, inline: false });
  const text = toString(node);
  return text ? [new Paragraph({ style: state.paragraphStyle, children: [new TextRun(text)] })] : [];
}

/** Write inline nodes into the paragraph being built. */
export function renderInline(nodes: readonly RootContent[], state: InlineState): void {
  for (const node of nodes) {
    const handler = inlineHandlerFor(node.type);
    if (handler) {
      handler(node, state);
    } else {
      flag(state.block.ctx.file, 'docx-unknown-node', node, { type: node.type, inline: true });
      pushText(state, toString(node));
    }
  }
}

/** A fresh inline state for one paragraph. */
export function inlineState(block: BlockState): InlineState {
  return { block, marks: [], pieces: [] };
}

/**
 * The content of one paragraph: inline nodes written with a fresh formatting stack (raw HTML
 * tags left open end with the paragraph), an optional leading text (a task box), and
 * consecutive pieces of one link wrapped in one hyperlink.
 */
export function paragraphContent(nodes: readonly RootContent[], block: BlockState, prefix?: string): ParagraphChild[] {
  const state = inlineState(block);
  if (prefix) state.pieces.push({ child: new TextRun(prefix), link: undefined });
  renderInline(nodes, state);
  return groupLinks(state.pieces);
}

/** Run `write` with `mark` on the formatting stack, then take exactly that mark off again. */
export function withMark(state: InlineState, mark: Mark, write: () => void): void {
  state.marks.push(mark);
  try {
    write();
  } finally {
    const index = state.marks.lastIndexOf(mark);
    if (index >= 0) state.marks.splice(index, 1);
  }
}

/** Run options for the current marks (character style, plus direct properties of nested marks). */
export function currentFormatting(state: InlineState): IRunOptions {
  const { ctx } = state.block;
  return runFormatting(state.marks, (style) => ctx.styles.characterRun(ctx.profile.character[style]));
}

/** Add a run of text with the current formatting (nothing inside a stripped element). */
export function pushText(state: InlineState, text: string): void {
  if (text === '' || isStripped(state.marks)) return;
  pushChild(state, run(state, { ...currentFormatting(state), text }));
}

/** A run with these options: inside a suggestion, a tracked insertion or deletion (`w:ins`, `w:del` with `w:delText`). */
function run(state: InlineState, options: IRunOptions): ParagraphChild {
  const revision = activeRevision(state.marks);
  if (!revision) return new TextRun(options);
  const change = { id: state.block.ctx.revisions.nextRevisionId(revision.stamp, revision.change), author: revision.stamp.author, date: revision.stamp.date };
  return revision.change === 'insert' ? new InsertedTextRun({ ...options, ...change }) : new DeletedTextRun({ ...options, ...change });
}

/** Add a line break with the current formatting. */
export function pushBreak(state: InlineState): void {
  if (isStripped(state.marks)) return;
  pushChild(state, run(state, { ...currentFormatting(state), break: 1 }));
}

/** Add any paragraph child inside the current link. */
export function pushChild(state: InlineState, child: ParagraphChild): void {
  state.pieces.push({ child, link: activeLink(state.marks) });
}

/** Wrap consecutive pieces of the same link in one hyperlink. */
export function groupLinks(pieces: readonly InlinePiece[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index];
    if (!piece) break;
    if (piece.link === undefined) {
      children.push(piece.child);
      index++;
      continue;
    }
    const link: LinkTarget = piece.link;
    const group: ParagraphChild[] = [];
    while (index < pieces.length && pieces[index]?.link === link) {
      const next = pieces[index];
      if (next) group.push(next.child);
      index++;
    }
    children.push(link.kind === 'external' ? new ExternalHyperlink({ link: link.url, children: group }) : new InternalHyperlink({ anchor: link.bookmark, children: group }));
  }
  return children;
}
