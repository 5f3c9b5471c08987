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

/**
 * Merge the placed edits of all copies, in the order of the copies. The pieces of one change (a
 * change cut at inline markup) are merged together: a change is written whole or kept as a
 * comment whole.
 */
export function mergeEdits(placed: readonly PlacedEdit[], source: string, chinese: boolean): MergedEdits {
  const kept: PlacedEdit[] = [];
  const conflicts: Conflict[] = [];
  const asComments: PlacedEdit[][] = [];
  // Changes first, in the order of the copies; comments after them, as they change no text.
  const groups = groupByOpinion(placed);
  const changes = groups.filter((group) => group[0]?.opinion.kind !== 'comment');
  const comments = groups.filter((group) => group[0]?.opinion.kind === 'comment');
  for (const group of changes) {
    const clash = kept.find((other) => group.some((edit) => clashes(edit, other)));
    if (!clash) {
      kept.push(...group);
      continue;
    }
    const [first] = group;
    if (first && group.length === 1 && sameChange(first, clash)) {
      addNote(first.opinion, chinese ? `与${clash.opinion.author}的修改相同` : `same change as ${clash.opinion.author}`);
      addNote(clash.opinion, chinese ? `与${first.opinion.author}的修改相同` : `same change as ${first.opinion.author}`);
      continue;
    }
    if (first && !conflicts.some((conflict) => conflict.kept.opinion === clash.opinion && conflict.other.opinion === first.opinion)) conflicts.push({ kept: clash, other: first });
    if (first) {
      addNote(first.opinion, chinese ? `与${clash.opinion.author}的修改冲突` : `conflicts with ${clash.opinion.author}`);
      addNote(clash.opinion, chinese ? `与${first.opinion.author}的修改冲突` : `conflicts with ${first.opinion.author}`);
    }
    asComments.push(group);
  }
  // A paragraph split in two is a deletion at the end of the first and a new paragraph: when the
  // deletion is kept as a comment, so is the new paragraph, or accepting both would repeat the text.
  for (const group of [...asComments]) {
    const [first] = group;
    if (!first || first.opinion.kind !== 'delete') continue;
    const moved = kept.filter((edit) => edit.block === true && edit.opinion.copy === first.opinion.copy && edit.proposed.trim() !== '' && edit.proposed.trim() === first.opinion.original.trim());
    for (const edit of moved) kept.splice(kept.indexOf(edit), 1);
    if (moved.length > 0) asComments.push(moved);
  }
  for (const group of comments) {
    // A comment on text another change touches stays a comment, after that change.
    if (kept.some((other) => group.some((comment) => touches(comment, other)))) asComments.push(group);
    else kept.push(...group);
  }
  // What could not be written in place is kept as one comment after the passage it concerns.
  for (const group of asComments) {
    const [first] = group;
    if (!first) continue;
    const span = { ...first, from: Math.min(...group.map((edit) => edit.from)), to: Math.max(...group.map((edit) => edit.to)) };
    const at = endOfClashes(span, kept);
    const attribution = { author: first.opinion.author, ...(first.opinion.date ? { date: first.opinion.date } : {}), text: describe(first, chinese) };
    kept.push({ ...first, from: at, to: at, markup: commentMarkup('', attribution), old: '', proposed: '', block: false });
  }
  // At one offset, insertions go before a change that starts there (as \`applyEdits\` needs).
  const ordered = kept.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.from - b.edit.from || Number(a.edit.to > a.edit.from) - Number(b.edit.to > b.edit.from) || a.order - b.order);
  return { edits: ordered.map(({ edit }) => ({ offset: edit.from, old: source.slice(edit.from, edit.to), new: edit.markup, ruleId: 'review' })), conflicts };
}

function groupByOpinion(placed: readonly PlacedEdit[]): PlacedEdit[][] {
  const groups = new Map<PlacedEdit['opinion'], PlacedEdit[]>();
  for (const edit of placed) groups.set(edit.opinion, [...(groups.get(edit.opinion) ?? []), edit]);
  return [...groups.values()];
}

function sameChange(a: PlacedEdit, b: PlacedEdit): boolean {
  return a.opinion.copy !== b.opinion.copy && a.from === b.from && a.to === b.to && a.proposed === b.proposed && a.old === b.old;
}

function addNote(opinion: PlacedEdit['opinion'], note: string): void {
  if (!opinion.notes.includes(note)) opinion.notes.push(note);
}

/**
 * Two departments' edits clash when they change text in common, or one inserts inside or at the
 * edge of the other's change, or both insert at one point (new paragraphs after the same one do
 * not clash: they follow each other). One department's own edits never clash.
 */
function clashes(a: PlacedEdit, b: PlacedEdit): boolean {
  if (a.opinion.copy === b.opinion.copy) return false;
  if (a.from === a.to && b.from === b.to) return a.from === b.from && !(a.block && b.block);
  if (a.from === a.to) return a.from >= b.from && a.from <= b.to;
  if (b.from === b.to) return b.from >= a.from && b.from <= a.to;
  return a.from < b.to && b.from < a.to;
}

/** A comment's anchor touches a change: they share text, or the change inserts inside the anchor. */
function touches(comment: PlacedEdit, change: PlacedEdit): boolean {
  if (comment.from === comment.to) return change.from < comment.from && comment.from < change.to;
  if (change.from === change.to) return change.from > comment.from && change.from < comment.to;
  return comment.from < change.to && change.from < comment.to;
}

/** The first place at or after `edit`'s end that is inside no kept change (a comment goes after what it clashed with). */
function endOfClashes(edit: PlacedEdit, kept: readonly PlacedEdit[]): number {
  let at = edit.to;
  for (let moved = true; moved; ) {
    moved = false;
    for (const other of kept) {
      if (other.from < other.to && other.from <= at && at < other.to) {
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
