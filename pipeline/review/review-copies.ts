/**
 * The heart of `press review`, without files: the changes of every edited copy found (blocks,
 * then words), placed in the source as CriticMarkup, and merged over all copies.
 */
import { applyEdits } from '../fix/apply-fixes.ts';
import type { Attribution } from '../critic/syntax.ts';
import type { BaseMatches } from './base-to-source.ts';
import { departmentChanges, type DepartmentChange } from './department-changes.ts';
import type { Leaf } from './leaves.ts';
import { mergeEdits, type Conflict } from './merge-edits.ts';
import type { Opinion } from './opinion.ts';
import { placeChanges, type PlacedEdit } from './place-changes.ts';

/** One edited copy, read and matched: what it was sent as (`base`), and what it proposes (`edited`). */
export interface ReviewedCopy {
  name: string;
  base: readonly Leaf[];
  matches: BaseMatches['matches'];
  edited: readonly Leaf[];
  /** Who made the changes no tracked change explains. */
  fallback: Attribution;
  /** The changes, when already found (`departmentChanges(base, edited, …)`). */
  changes?: readonly DepartmentChange[];
}

/** What the copies propose, merged: the source with their CriticMarkup, the opinions in source order, the conflicts. */
export interface ReviewedText {
  text: string;
  opinions: Opinion[];
  conflicts: Conflict[];
}

/** Find, place and merge the changes of every copy (the heart of `review`, without files). */
export function reviewCopies(source: string, sourceLeaves: readonly Leaf[], copies: readonly ReviewedCopy[], lang: string): ReviewedText {
  const chinese = /^zh\b/i.test(lang);
  const placed: PlacedEdit[] = [];
  const opinions: Opinion[] = [];
  copies.forEach((copy, index) => {
    const changes = copy.changes ?? departmentChanges(copy.base, copy.edited, lang, copy.fallback);
    const result = placeChanges(changes, { source, base: copy.base, sourceLeaves, matches: copy.matches, chinese, copy: copy.name, movePrefix: `c${index + 1}` });
    placed.push(...result.edits);
    opinions.push(...result.opinions);
  });
  const merged = mergeEdits(placed, source, chinese);
  // In the order of the source; those with no place keep theirs at the end.
  const ordered = opinions
    .map((opinion, order) => ({ opinion, order }))
    .sort((a, b) => (a.opinion.line ?? Infinity) - (b.opinion.line ?? Infinity) || a.order - b.order)
    .map(({ opinion }) => opinion);
  return { text: applyEdits(source, merged.edits), opinions: ordered, conflicts: merged.conflicts };
}
