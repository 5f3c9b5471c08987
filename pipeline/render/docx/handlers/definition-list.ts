import { Paragraph, type FileChild } from 'docx';
import type { DefListDescriptionNode as DefListDescription, DefListNode as DefList, DefListTermNode as DefListTerm } from 'mdast-util-definition-list';
import type { BlockState, InlineState } from '../context.ts';
import { paragraphContent, renderBlocks, renderInline } from '../dispatch.ts';
import { paragraphMarkRevision } from '../paragraph-mark.ts';
import { withoutItem } from './blocks.ts';

/** `defList`: its terms and definitions in order. */
export function defList(node: DefList, state: BlockState): FileChild[] {
  return renderBlocks(node.children, withoutItem(state));
}

/** `defListTerm`: one paragraph in the DefinitionTerm style (kept with its definition). */
export function defListTerm(node: DefListTerm, state: BlockState): FileChild[] {
  return [new Paragraph({ style: 'DefinitionTerm', ...paragraphMarkRevision(node.children, state.ctx.revisions), children: paragraphContent(node.children, withoutItem(state)) })];
}

/** `defListDescription`: its blocks, paragraphs in the Definition style. */
export function defListDescription(node: DefListDescription, state: BlockState): FileChild[] {
  return renderBlocks(node.children, { ...withoutItem(state), paragraphStyle: 'Definition' });
}

/**
 * `defListTerm` met inside a paragraph (the syntax never puts it there; its types allow it): its
 * text written in place.
 */
export function defListTermInline(node: DefListTerm, state: InlineState): void {
  renderInline(node.children, state);
}
