import { FootnoteReferenceRun, Paragraph, type FileChild } from 'docx';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { rootState, type BlockState, type DocxContext, type InlineState } from '../context.ts';
import { pushChild, pushText, renderBlocks } from '../dispatch.ts';
import { flag } from '../../../util/messages.ts';

/** `footnoteReference`: a real Word footnote reference, numbered in order of first reference. */
export function footnoteReference(node: FootnoteReference, state: InlineState): void {
  const { ctx } = state.block;
  const label = node.label ?? node.identifier;
  if (state.block.inFootnote) {
    flag(ctx.file, 'docx-footnote-nested', node, { label });
    pushText(state, `[^${label}]`);
    return;
  }
  const number = ctx.footnotes.numberFor(node.identifier);
  if (number === undefined) {
    flag(ctx.file, 'docx-footnote-missing', node, { label });
    pushText(state, `[^${label}]`);
    return;
  }
  pushChild(state, new FootnoteReferenceRun(number));
}

/** `footnoteDefinition`: nothing where it stands; its content goes into the footnotes part. */
export function footnoteDefinition(_node: FootnoteDefinition, _state: BlockState): FileChild[] {
  return [];
}

/**
 * The footnotes part: each referenced definition, in number order, its paragraphs in the
 * FootnoteText style. Footnotes referenced from inside footnotes are not Word footnotes (Word
 * has none), so the list does not grow while it is written. Unreferenced definitions are
 * reported by `remarkFootnoteCheck` for every output.
 */
export function renderFootnotes(ctx: DocxContext): Record<number, { children: Paragraph[] }> {
  const notes: Record<number, { children: Paragraph[] }> = {};
  const state: BlockState = { ...rootState(ctx), paragraphStyle: 'FootnoteText', inFootnote: true };
  ctx.footnotes.referenced.forEach((key, index) => {
    const definition = ctx.footnotes.definitions.get(key);
    const blocks = definition ? renderBlocks(definition.children, state) : [];
    const paragraphs = blocks.filter((block): block is Paragraph => block instanceof Paragraph);
    notes[index + 1] = { children: paragraphs.length > 0 ? paragraphs : [new Paragraph({ style: 'FootnoteText' })] };
  });
  return notes;
}
