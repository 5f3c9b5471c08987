import { CommentRangeEnd, CommentRangeStart, CommentReference, TextRun } from 'docx';
import { moveId, type Attribution, type SuggestionComment, type SuggestionDelete, type SuggestionInsert, type SuggestionSubstitute } from '../../../critic/syntax.ts';
import type { InlineState } from '../context.ts';
import { pushChild, renderInline, withMark } from '../dispatch.ts';

// Moves (`move:<id>` pairs) are written here as a deletion and an insertion, which `moves.ts`
// turns into `w:moveFrom`/`w:moveTo` once the package is written (the docx library has neither).

/** `suggestionInsert`: its runs as a tracked insertion (`w:ins`) with the suggestion's author and date. */
export function suggestionInsert(node: SuggestionInsert, state: InlineState): void {
  const stamp = state.block.ctx.revisions.stamp(node.attribution);
  withNote(node.attribution, state, () => withMark(state, { kind: 'revision', change: 'insert', stamp }, () => renderInline(node.children, state)));
}

/** `suggestionDelete`: its runs as a tracked deletion (`w:del`, the text as `w:delText`). */
export function suggestionDelete(node: SuggestionDelete, state: InlineState): void {
  const stamp = state.block.ctx.revisions.stamp(node.attribution);
  withNote(node.attribution, state, () => withMark(state, { kind: 'revision', change: 'delete', stamp }, () => renderInline(node.children, state)));
}

/** `suggestionSubstitute`: the old text as a tracked deletion, then the new as a tracked insertion. */
export function suggestionSubstitute(node: SuggestionSubstitute, state: InlineState): void {
  const stamp = state.block.ctx.revisions.stamp(node.attribution);
  withNote(node.attribution, state, () => {
    withMark(state, { kind: 'revision', change: 'delete', stamp }, () => renderInline(node.children, state));
    withMark(state, { kind: 'revision', change: 'insert', stamp }, () => renderInline(node.inserted, state));
  });
}

/** `suggestionComment`: a Word comment (`comments.xml`) around its highlighted text, or at its point. */
export function suggestionComment(node: SuggestionComment, state: InlineState): void {
  commented(node.attribution, state, () => renderInline(node.children, state));
}

/**
 * A change's note (`{>>市财政局 2024-12-02: 与预算报告不一致<<}`) has no place in a tracked change:
 * it becomes a comment by the same author around the change. A move's `move:<id>` is no note.
 */
function withNote(attribution: Attribution, state: InlineState, write: () => void): void {
  if (attribution.text === undefined || moveId(attribution) !== undefined) write();
  else commented(attribution, state, write);
}

function commented(attribution: Attribution, state: InlineState, write: () => void): void {
  const id = state.block.ctx.revisions.addComment(attribution);
  pushChild(state, new CommentRangeStart(id));
  write();
  pushChild(state, new CommentRangeEnd(id));
  pushChild(state, new TextRun({ children: [new CommentReference(id)] }));
}
