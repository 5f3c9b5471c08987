/**
 * From a leaf's text to its source: a range of the text, cut at the edges of the source runs it
 * crosses (text nodes, code spans), as ranges of the source. CriticMarkup written around each
 * piece never cuts inline markup in two.
 */
import type { Leaf, LeafSegment } from './leaves.ts';

/** A range of a leaf's text that one source run holds, and its place in the source. */
export interface SourcePiece {
  textStart: number;
  textEnd: number;
  from: number;
  to: number;
}

/** The pieces of `[start, end)` of a leaf's text, in order; empty when none of it is in the source. */
export function sourcePieces(leaf: Leaf, start: number, end: number, source: string): SourcePiece[] {
  const pieces: SourcePiece[] = [];
  for (const segment of leaf.segments) {
    const textStart = Math.max(start, segment.start);
    const textEnd = Math.min(end, segment.end);
    if (textStart >= textEnd) continue;
    pieces.push({ textStart, textEnd, from: boundaryAt(segment, textStart, source), to: boundaryAt(segment, textEnd, source) });
  }
  return pieces;
}

/**
 * The source offset for a point of a leaf's text (an insertion): inside the run that holds it,
 * else at the start of the run it precedes (text inserted after `**一是……。**` starts the next
 * sentence, outside the bold), else at the end of the run it follows.
 */
export function sourcePoint(leaf: Leaf, offset: number, source: string): number | undefined {
  const inside = leaf.segments.find((segment) => segment.start < offset && offset < segment.end);
  if (inside) return boundaryAt(inside, offset, source);
  const before = leaf.segments.find((segment) => segment.start === offset);
  if (before) return boundaryAt(before, offset, source);
  const after = leaf.segments.find((segment) => segment.end === offset);
  if (after) return boundaryAt(after, offset, source);
  return undefined;
}

/**
 * The source offset of the boundary before a character of the text: where that character's
 * source starts, but before the backslash that escapes it (`\*`), so that no escape is cut from
 * its character. An entity (`&amp;`) has its whole source before the boundary that follows it.
 */
function boundaryAt(segment: LeafSegment, offset: number, source: string): number {
  let at = segment.sources[offset - segment.start] ?? segment.sources.at(-1) ?? 0;
  const previousEnd = offset > segment.start ? (segment.sources[offset - 1 - segment.start] ?? at) + 1 : at;
  while (at > previousEnd && source[at - 1] === '\\') at--;
  return at;
}
