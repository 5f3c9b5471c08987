import type { Text } from 'mdast';
import type { Point } from 'unist';
import { lineStarts, sourceOffsets } from '../../fix/source-offsets.ts';

/** A source text and where its lines start, for positions of cut text nodes. */
export interface SourceText {
  text: string;
  lineStarts: number[];
}

/** The source of a file, ready for {@link sliceText} and {@link pointAt}. */
export function sourceText(text: string): SourceText {
  return { text, lineStarts: lineStarts(text) };
}

/** Line and column (1-based) of an offset of the source. */
export function pointAt(source: SourceText, offset: number): Point {
  const starts = source.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? Infinity) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset };
}

/** Each text node's map from its characters to source offsets, with what it was made from. */
const offsetsByNode = new WeakMap<Text, { value: string; start: number | undefined; end: number | undefined; source: string; offsets: Map<number, number> }>();

/**
 * The source offsets of a text node's characters, made once per node: a transform cutting many
 * pieces out of one long text node (a paragraph of a thousand citations) would otherwise walk
 * the whole node for each piece.
 */
export function offsetsOf(node: Text, source: string): Map<number, number> {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const known = offsetsByNode.get(node);
  if (known && known.value === node.value && known.start === start && known.end === end && known.source === source) return known.offsets;
  const offsets = sourceOffsets(node, source);
  offsetsByNode.set(node, { value: node.value, start, end, source, offsets });
  return offsets;
}

/**
 * The part `from`–`to` of a text node, without the blanks at its cut end (`trim`: the start,
 * the end, or neither), positioned where it is in the source when that is known (`undefined`
 * when nothing is left). Transforms that cut text nodes keep positions true with it, so that
 * later checks point at, and `check --fix` edits, the right characters.
 */
export function sliceText(node: Text, from: number, to: number, source: SourceText, trim: 'start' | 'end' | 'none'): Text | undefined {
  let first = from;
  let last = to;
  while (trim === 'start' && first < last && /[ \t]/.test(node.value[first] ?? '')) first++;
  while (trim === 'end' && last > first && /[ \t]/.test(node.value[last - 1] ?? '')) last--;
  if (first === last) return undefined;
  const value = node.value.slice(first, last);
  if (first === 0 && last === node.value.length) return node;
  const offsets = offsetsOf(node, source.text);
  const start = offsets.get(first);
  const end = offsets.get(last - 1);
  return { type: 'text', value, ...(start !== undefined && end !== undefined ? { position: { start: pointAt(source, start), end: pointAt(source, end + 1) } } : {}) };
}

/** Where a part `from`–`to` of a text node is in the source, when that is known. */
export function slicePosition(node: Text, from: number, to: number, source: SourceText): { start: Point; end: Point } | undefined {
  const offsets = offsetsOf(node, source.text);
  const start = offsets.get(from);
  const end = offsets.get(to - 1);
  return start === undefined || end === undefined ? undefined : { start: pointAt(source, start), end: pointAt(source, end + 1) };
}
