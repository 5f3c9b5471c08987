/**
 * The edits of every department, merged into one set for the source. Two departments making the
 * same change share it (`{>>市发展改革委、市财政局 2024-12-01<<}` is not written: the first
 * keeps its markup and both rows say so); two changing the same passage differently conflict:
 * the first change is written, the second is kept beside it as a comment that quotes it, and
 * both rows say so.
 */
import { commentMarkup } from '../critic/syntax.ts';
import type { SourceEdit } from '../fix/apply-fixes.ts';
import type { PlacedEdit } from './place-changes.ts';

/** A conflict: two departments' edits of one passage. */
export interface Conflict {
  kept: PlacedEdit;
  other: PlacedEdit;
}

/** The merged edits, ready for `applyEdits`, and the conflicts found. */
export interface MergedEdits {
  edits: SourceEdit[];
  conflicts: Conflict[];
}

/** Merge the placed edits of all copies, in the order of the copies. */
export function mergeEdits(placed: readonly PlacedEdit[], source: string, chinese: boolean): MergedEdits {
  const kept: PlacedEdit[] = [];
  const conflicts: Conflict[] = [];
  const asComments: PlacedEdit[] = [];
  // Changes first, in the order of the copies; comments after them, as they change no text.
  const changes = placed.filter((edit) => edit.opinion.kind !== 'comment');
  const comments = placed.filter((edit) => edit.opinion.kind === 'comment');
  for (const edit of changes) {
    const clash = kept.find((other) => overlaps(edit, other));
    if (!clash) {
      kept.push(edit);
      continue;
    }
    if (clash.opinion.copy !== edit.opinion.copy && clash.from === edit.from && clash.to === edit.to && clash.proposed === edit.proposed && clash.old === edit.old) {
      if (clash.opinion !== edit.opinion) {
        addNote(edit.opinion, chinese ? `与${clash.opinion.author}的修改相同` : `same change as ${clash.opinion.author}`);
        addNote(clash.opinion, chinese ? `与${edit.opinion.author}的修改相同` : `same change as ${edit.opinion.author}`);
      }
      continue;
    }
    if (clash.opinion.copy !== edit.opinion.copy) {
      if (!conflicts.some((conflict) => conflict.kept.opinion === clash.opinion && conflict.other.opinion === edit.opinion)) conflicts.push({ kept: clash, other: edit });
      addNote(edit.opinion, chinese ? `与${clash.opinion.author}的修改冲突` : `conflicts with ${clash.opinion.author}`);
      addNote(clash.opinion, chinese ? `与${edit.opinion.author}的修改冲突` : `conflicts with ${edit.opinion.author}`);
    }
    asComments.push(edit);
  }
  for (const comment of comments) {
    // A comment on text another change touches stays a comment, after that change.
    if (kept.some((other) => overlaps(comment, other) || (comment.from < comment.to && other.from === other.to && other.from > comment.from && other.from < comment.to))) asComments.push(comment);
    else kept.push(comment);
  }
  // What could not be written in place is kept as a comment after the passage it concerns.
  for (const edit of asComments) {
    const at = endOfClashes(edit, kept);
    const attribution = { author: edit.opinion.author, ...(edit.opinion.date ? { date: edit.opinion.date } : {}), text: describe(edit, chinese) };
    kept.push({ ...edit, from: at, to: at, markup: commentMarkup('', attribution), old: '', proposed: '' });
  }
  const edits = kept.map((edit) => ({ offset: edit.from, old: source.slice(edit.from, edit.to), new: edit.markup, ruleId: 'review' }));
  return { edits, conflicts };
}

function addNote(opinion: PlacedEdit['opinion'], note: string): void {
  if (!opinion.notes.includes(note)) opinion.notes.push(note);
}

/** The edits overlap: their ranges share text, or one is an insertion inside (or at the same point as) the other. */
function overlaps(a: PlacedEdit, b: PlacedEdit): boolean {
  // Two insertions at one point clash when two departments made them; one department's stay in order.
  if (a.from === a.to && b.from === b.to) return a.from === b.from && a.opinion.copy !== b.opinion.copy;
  if (a.from === a.to) return a.from > b.from && a.from < b.to;
  if (b.from === b.to) return b.from > a.from && b.from < a.to;
  return a.from < b.to && b.from < a.to;
}

function endOfClashes(edit: PlacedEdit, kept: readonly PlacedEdit[]): number {
  let at = edit.to;
  for (let moved = true; moved; ) {
    moved = false;
    for (const other of kept) {
      if (other.from < at && at < other.to) {
        at = other.to;
        moved = true;
      }
    }
  }
  return at;
}

function describe(edit: PlacedEdit, chinese: boolean): string {
  const { opinion } = edit;
  if (opinion.kind === 'comment') return chinese ? `（批注“${opinion.original}”）${opinion.proposal}` : `(on “${opinion.original}”) ${opinion.proposal}`;
  if (opinion.proposal === '') return chinese ? `建议删除“${opinion.original}”` : `proposes to delete “${opinion.original}”`;
  if (opinion.kind === 'insert') return chinese ? `建议插入“${opinion.proposal}”` : `proposes to insert “${opinion.proposal}”`;
  return chinese ? `建议将“${opinion.original}”改为“${opinion.proposal}”` : `proposes “${opinion.proposal}” for “${opinion.original}”`;
}
