/**
 * Widen word-diff hunks so that CriticMarkup written around them never cuts inline markup in
 * two: a hunk that starts inside `**bold**` and ends outside it, or cuts a link's URL, a code
 * span or an escape, is widened to the whole inline node on both sides of the comparison.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { DiffHunk } from './word-diff.ts';

/** One side of a comparison: its text, where it starts in its source, and its inline nodes. */
export interface InlineSide {
  /** The compared text (a slice of the source). */
  text: string;
  /** Offset of the text in the source the nodes' positions point into. */
  base: number;
  nodes: PhrasingContent[];
}

function range(node: Nodes, base: number): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start - base, end - base];
}

/** The smallest range around `[a, b)` that cuts no inline node other than inside one text node's content. */
function widenSide(a: number, b: number, side: InlineSide): [number, number] {
  let start = a;
  let end = b;
  for (let changed = true; changed; ) {
    changed = false;
    let nodes: readonly Nodes[] = side.nodes;
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index];
      const span = node && range(node, side.base);
      if (!node || !span || node.type === 'text') continue;
      const [s, e] = span;
      if (end <= s || start >= e || (start <= s && end >= e)) continue;
      const children = 'children' in node ? (node.children as Nodes[]) : [];
      const first = children[0] && range(children[0], side.base);
      const lastChild = children.at(-1);
      const last = lastChild && range(lastChild, side.base);
      if (first && last && start >= first[0] && end <= last[1]) {
        // Inside the node's content: look at its children instead.
        nodes = children;
        index = -1;
        continue;
      }
      start = Math.min(start, s);
      end = Math.max(end, e);
      changed = true;
      break;
    }
    // A backslash escape is one character: never cut between the backslash and what it escapes.
    if (start > 0 && side.text[start - 1] === '\\') {
      start--;
      changed = true;
    }
    if (end > start && end < side.text.length && side.text[end - 1] === '\\') {
      end++;
      changed = true;
    }
  }
  return [start, end];
}

/**
 * Widen every hunk to whole inline nodes on both sides (the text between hunks is equal on both
 * sides, so a hunk grows by the same amount on each); hunks that come to touch are joined.
 */
export function widenHunks(hunks: readonly DiffHunk[], oldSide: InlineSide, newSide: InlineSide): DiffHunk[] {
  const result: DiffHunk[] = [];
  const queue = hunks.map((hunk) => ({ ...hunk }));
  for (let index = 0; index < queue.length; index++) {
    let hunk = queue[index];
    if (!hunk) continue;
    for (;;) {
      const [oldStart, oldEnd] = widenSide(hunk.oldStart, hunk.oldEnd, oldSide);
      const [newStart, newEnd] = widenSide(hunk.newStart, hunk.newEnd, newSide);
      const before = Math.max(hunk.oldStart - oldStart, hunk.newStart - newStart);
      const after = Math.max(oldEnd - hunk.oldEnd, newEnd - hunk.newEnd);
      if (before === 0 && after === 0) break;
      const previous = result.at(-1);
      if (previous && before >= hunk.oldStart - previous.oldEnd) {
        result.pop();
        hunk = { oldStart: previous.oldStart, oldEnd: hunk.oldEnd, newStart: previous.newStart, newEnd: hunk.newEnd };
        continue;
      }
      const next = queue[index + 1];
      if (next && after >= next.oldStart - hunk.oldEnd) {
        index++;
        hunk = { oldStart: hunk.oldStart, oldEnd: next.oldEnd, newStart: hunk.newStart, newEnd: next.newEnd };
        continue;
      }
      hunk = { oldStart: hunk.oldStart - before, oldEnd: hunk.oldEnd + after, newStart: hunk.newStart - before, newEnd: hunk.newEnd + after };
    }
    result.push(hunk);
  }
  return result;
}
