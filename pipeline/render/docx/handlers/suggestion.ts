import { CommentRangeEnd, CommentRangeStart, CommentReference, TextRun } from 'docx';
import type { SuggestionComment, SuggestionDelete, SuggestionInsert, SuggestionSubstitute } from '../../../critic/syntax.ts';
import type { InlineState } from '../context.ts';
import { pushChild, renderInline, withMark } from '../dispatch.ts';

// Moves (`move:<id>` pairs) are written as a deletion and an insertion: the docx library has no
// `w:moveFrom`/`w:moveTo`, and Word, LibreOffice and pandoc all read the pair as such.

/** `suggestionInsert`: its runs as a tracked insertion (`w:ins`) with the suggestion's author and date. */
export function suggestionInsert(node: SuggestionInsert, state: InlineState): void {
  const stamp = state.block.ctx.revisions.stamp(node.attribution);
  withMark(state, { kind: 'revision', change: 'insert', stamp }, () => renderInline(node.children, state));
}

/** `suggestionDelete`: its runs as a tracked deletion (`w:del`, the text as `w:delText`). */
export function suggestionDelete(node: SuggestionDelete, state: InlineState): void {
  const stamp = state.block.ctx.revisions.stamp(node.attribution);
  withMark(state, { kind: 'revision', change: 'delete', stamp }, () => renderInline(node.children, state));
}

/** `suggestionSubstitute`: the old text as a tracked deletion, then the new as a tracked insertion. */
export function suggestionSubstitute(node: SuggestionSubstitute, state: InlineState): void {
  const stamp = state.block.ctx.revisions.stamp(node.attribution);
  withMark(state, { kind: 'revision', change: 'delete', stamp }, () => renderInline(node.children, state));
  withMark(state, { kind: 'revision', change: 'insert', stamp }, () => renderInline(node.inserted, state));
}

/** `suggestionComment`: a Word comment (`comments.xml`) around its highlighted text, or at its point. */
export function suggestionComment(node: SuggestionComment, state: InlineState): void {
  const id = state.block.ctx.revisions.addComment(node.attribution);
  pushChild(state, new CommentRangeStart(id));
  renderInline(node.children, state);
  pushChild(state, new CommentRangeEnd(id));
  pushChild(state, new TextRun({ children: [new CommentReference(id)] }));
}
