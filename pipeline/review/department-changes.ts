/**
 * What one department changed: the leaves of the copy it was sent (`base`) compared with the
 * leaves of its edited copy, suggestions accepted (`edited`), by blocks and then by words. Each
 * change is attributed to the tracked change it came from, or, made without tracking, to the
 * copy's default author.
 */
import { alignBlocks, type AlignableBlock } from '../critic/align-blocks.ts';
import { wordDiff, type DiffHunk } from '../critic/word-diff.ts';
import type { Attribution } from '../critic/syntax.ts';
import type { Leaf, LeafMark } from './leaves.ts';

/** A leaf as alignment sees it. */
export interface AlignedLeaf extends AlignableBlock {
  leaf: Leaf;
  index: number;
}

/**
 * Wrap leaves for `alignBlocks`: the same kind and text make the same block. A caption is a
 * paragraph: a reader of Word files knows it only by its style, which a department may change.
 * A table cell and a heading keep their place: rewritten beyond likeness, each is still itself.
 */
export function alignable(leaves: readonly Leaf[]): AlignedLeaf[] {
  return leaves.map((leaf, index) => {
    const type = leaf.kind === 'caption' ? 'paragraph' : leaf.kind;
    return { kind: 'text', type, key: `${type}\u0000${leaf.text}`, text: leaf.text, leaf, index, keepsPlace: leaf.kind === 'cell' || leaf.kind === 'heading' };
  });
}

/** One change of a department, in the coordinates of the base leaves. */
export type DepartmentChange =
  /** Text of base leaf `base` from `start` to `end` became `text`. */
  | { kind: 'edit'; base: number; start: number; end: number; text: string; attribution: Attribution; tracked: boolean }
  /** A new paragraph, after base leaf `after` (-1: before the first). */
  | { kind: 'insert-leaf'; after: number; text: string; leafKind: Leaf['kind']; attribution: Attribution; tracked: boolean; move?: string }
  /** Base leaf `base` removed. */
  | { kind: 'delete-leaf'; base: number; attribution: Attribution; tracked: boolean; move?: string }
  /** A comment on base leaf `base`, anchored from `start` to `end` (empty: at a point). */
  | { kind: 'comment'; base: number; start: number; end: number; anchor: string; attribution: Attribution };

/**
 * The changes that turn `base` into `edited`. `fallback` attributes what no tracked change
 * explains (edits made with tracking off).
 */
export function departmentChanges(base: readonly Leaf[], edited: readonly Leaf[], lang: string, fallback: Attribution): DepartmentChange[] {
  const changes: DepartmentChange[] = [];
  // A tracked change or comment without a date (some writers leave it out) takes the copy's.
  const dated = (attribution: Attribution): Attribution => (attribution.date === undefined && fallback.date !== undefined ? { ...attribution, date: fallback.date } : attribution);
  let lastBase = -1;
  for (const step of alignBlocks(alignable(base), alignable(edited), lang)) {
    switch (step.kind) {
      case 'equal':
        lastBase = step.old.index;
        comments(step.new.leaf, step.old, [], changes, dated);
        break;
      case 'change': {
        lastBase = step.old.index;
        const hunks = wordDiff(step.old.text, step.new.text, lang);
        for (const hunk of hunks) {
          const attributed = attributionOf(step.new.leaf.marks, hunk);
          changes.push({ kind: 'edit', base: step.old.index, start: hunk.oldStart, end: hunk.oldEnd, text: step.new.text.slice(hunk.newStart, hunk.newEnd), attribution: attributed ? dated(attributed) : fallback, tracked: attributed !== undefined });
        }
        comments(step.new.leaf, step.old, hunks, changes, dated);
        break;
      }
      case 'insert': {
        // An empty paragraph added (a split at a paragraph's end, a table's trace) changes no text.
        if (step.new.text.trim() === '') break;
        const attributed = step.new.leaf.marks.find((mark) => mark.kind === 'insert')?.attribution;
        changes.push({ kind: 'insert-leaf', after: lastBase, text: step.new.text, leafKind: step.new.leaf.kind, attribution: attributed ? dated(attributed) : fallback, tracked: attributed !== undefined, ...(step.move ? { move: step.move } : {}) });
        break;
      }
      case 'delete': {
        if (step.old.text.trim() === '') break;
        const attributed = deletionAttribution(step.old.leaf, edited, step.after?.leaf);
        changes.push({ kind: 'delete-leaf', base: step.old.index, attribution: attributed ? dated(attributed) : fallback, tracked: attributed !== undefined, ...(step.move ? { move: step.move } : {}) });
        break;
      }
    }
  }
  return changes;
}

/** The tracked change behind a hunk: an insertion it overlaps, or a deletion where it is. */
function attributionOf(marks: readonly LeafMark[], hunk: DiffHunk): Attribution | undefined {
  for (const mark of marks) {
    if (mark.kind === 'insert' && mark.start < hunk.newEnd && hunk.newStart < mark.end) return mark.attribution;
    if (mark.kind === 'insert' && hunk.newStart === hunk.newEnd && mark.start === mark.end && mark.start === hunk.newStart) return mark.attribution;
  }
  for (const mark of marks) {
    if (mark.kind === 'delete' && mark.start >= hunk.newStart && mark.start <= hunk.newEnd) return mark.attribution;
  }
  return undefined;
}

/**
 * Who deleted a whole paragraph: a tracked deletion whose text is the paragraph's, found in the
 * edited leaf it was merged into or that follows it (a deleted paragraph keeps, with tracking,
 * an empty paragraph or a deletion in the next).
 */
function deletionAttribution(removed: Leaf, edited: readonly Leaf[], after: Leaf | undefined): Attribution | undefined {
  const wanted = removed.text.trim();
  if (wanted === '') return undefined;
  const start = after ? edited.indexOf(after) : 0;
  for (let index = Math.max(0, start); index < Math.min(edited.length, start + 3); index++) {
    const mark = edited[index]?.marks.find((candidate) => candidate.kind === 'delete' && (candidate.text.includes(wanted) || wanted.includes(candidate.text.trim())) && candidate.text.trim() !== '');
    if (mark) return mark.attribution;
  }
  return undefined;
}

/**
 * The new comments of an edited leaf, their anchors moved to the base leaf's coordinates. A
 * comment the base already has (a source that holds comments goes out with them) is not new.
 */
function comments(leaf: Leaf, base: AlignedLeaf, hunks: readonly DiffHunk[], changes: DepartmentChange[], dated: (attribution: Attribution) => Attribution): void {
  const known = new Set(base.leaf.marks.filter((mark) => mark.kind === 'comment').map(commentKey));
  for (const mark of leaf.marks) {
    if (mark.kind !== 'comment' || known.has(commentKey(mark))) continue;
    changes.push({ kind: 'comment', base: base.index, start: toOld(mark.start, hunks, 'start'), end: toOld(mark.end, hunks, 'end'), anchor: mark.text, attribution: dated(mark.attribution) });
  }
}

function commentKey(mark: LeafMark): string {
  return `${mark.attribution.author ?? ''}\u0000${(mark.attribution.text ?? '').trim()}\u0000${mark.text.trim()}`;
}

/** An offset of the new text in the old text's coordinates; inside a hunk, the hunk's edge. */
function toOld(offset: number, hunks: readonly DiffHunk[], edge: 'start' | 'end'): number {
  let delta = 0;
  for (const hunk of hunks) {
    if (offset < hunk.newStart) break;
    if (offset <= hunk.newEnd && offset >= hunk.newStart && hunk.newEnd > hunk.newStart) return edge === 'start' ? hunk.oldStart : hunk.oldEnd;
    delta = hunk.oldEnd - hunk.newEnd;
  }
  return offset + delta;
}
