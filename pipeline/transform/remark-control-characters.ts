import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { lineStarts } from '../fix/source-offsets.ts';
import { CONTROL_CHARACTERS, codePointName, withoutControlCharacters } from '../util/control-characters.ts';

/** Fields of mdast nodes that hold text an output shows or writes. */
const FIELDS = ['value', 'alt', 'title', 'url'] as const;

/** Line and column of an offset, from the offsets where the lines start (CR LF, LF and CR end a line, as for the parser). */
function placeAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let line = starts.length;
  while (line > 1 && (starts[line - 1] ?? 0) > offset) line--;
  return { line, column: offset - (starts[line - 1] ?? 0) + 1 };
}

/**
 * Remove the control characters (`CONTROL_CHARACTERS`) from every text, alt text, title and URL
 * of the tree, with a warning (`control-character`) at each one's place in the source: the
 * three outputs then show the same text, where Word dropped them silently, the web page
 * carried them as parse errors and the PDF printed them.
 */
export function remarkControlCharacters() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    let starts: number[] | undefined;
    visit(tree, (node: Node) => {
      const fields = node as unknown as Partial<Record<(typeof FIELDS)[number], unknown>>;
      if (!FIELDS.some((field) => typeof fields[field] === 'string' && withoutControlCharacters(fields[field]) !== fields[field])) return;
      // Each control character written in the node's source, in order: it is there as written
      // (a character reference to one gives U+FFFD, never the character).
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) {
        for (const match of source.slice(start, end).matchAll(CONTROL_CHARACTERS)) flag(file, 'control-character', placeAt((starts ??= lineStarts(source)), start + match.index), { codepoint: codePointName(match[0]) });
      } else {
        const first = FIELDS.map((field) => (typeof fields[field] === 'string' ? fields[field].match(CONTROL_CHARACTERS)?.[0] : undefined)).find((found) => found !== undefined);
        flag(file, 'control-character', node, { codepoint: codePointName(first ?? '') });
      }
      for (const field of FIELDS) {
        const value = fields[field];
        if (typeof value === 'string') fields[field] = withoutControlCharacters(value);
      }
    });
  };
}
