import type { Comment, Element, ElementContent, Root, Text } from 'hast';

/** Text nodes longer than this are split (characters, UTF-16 code units). */
export const LONG_TEXT_RUN = 4000;
/** The pieces a long text node is split into are about this long. */
const PIECE = 1000;
/** Where a piece may end: after sentence punctuation, a clause mark or a space (Chinese or Latin). */
const BOUNDARY = /[。！？；，、：.!?;,:|\s]/u;
/** Elements whose text is not laid out as text, or where an extra node could be seen. */
const KEEP = new Set(['script', 'style', 'textarea', 'title']);

/**
 * Split every long text node of the print page into pieces of about a thousand characters, at
 * sentence (or clause, or word) boundaries, with an empty comment between them so that the
 * HTML parser keeps them apart.
 *
 * Why: Chromium's print of one text node that runs over many pages is superlinear in its length
 * (measured, a Chinese paragraph of 800 KB: 15.6 s printed as one text node, 4.4 s split so;
 * 1.6 MB: 45 s against 26 s). The pieces stay in the same element and the same inline
 * formatting context, so line breaking, justification and the printed text are unchanged
 * (`test/pdf/split-text-runs.test.ts` compares the two prints line by line).
 */
export function splitLongTextRuns(tree: Root): void {
  splitIn(tree);
}

function splitIn(parent: Root | Element): void {
  if (parent.type === 'element' && KEEP.has(parent.tagName)) return;
  const children: (ElementContent | Root['children'][number])[] = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type === 'text' && child.value.length > LONG_TEXT_RUN) {
      changed = true;
      textPieces(child.value).forEach((piece, index) => {
        if (index > 0) children.push({ type: 'comment', value: '' } satisfies Comment);
        children.push({ type: 'text', value: piece } satisfies Text);
      });
      continue;
    }
    if (child.type === 'element') splitIn(child);
    children.push(child);
  }
  if (changed) parent.children = children as typeof parent.children;
}

/** `text` cut into pieces of about {@link PIECE} characters, each ending at a boundary where there is one. */
export function textPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > PIECE * 2) {
    let end = start + PIECE;
    // The first boundary at or after the target length, within another piece's length; else cut
    // there, between two code points (never inside a surrogate pair).
    const limit = start + PIECE * 2;
    while (end < limit && !BOUNDARY.test(text[end - 1] ?? '')) end += 1;
    if (end === limit) end = start + PIECE;
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end += 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}
