/** Where a Markdown source nests deepest, from its line prefixes alone: 1-based line and column, and the depth. */
export interface DeepestNesting {
  line: number;
  /** Column of the first character after the nesting prefix. */
  column: number;
  /** Block quotes and list items the prefix opens (see {@link prefixLevels}). */
  depth: number;
}

/** Whether a failure is the JavaScript engine's stack overflow ("Maximum call stack size exceeded"). */
export function isStackOverflow(failure: unknown): boolean {
  return failure instanceof RangeError && /call stack/i.test(failure.message);
}

/** One container marker (`>`, `-`, `*`, `+`, `1.`, `1)`) with the one space or tab after it. */
const MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const SPACE = /^[ \t]+/;

/**
 * The levels of nesting one line's prefix opens, each with the 1-based column where it starts:
 * every quote or list marker opens a level, and indentation opens one every two columns (an
 * indented list item nests under the one before it). An estimate from the text alone, close to
 * what the parser builds for quotes and lists, used where the parser cannot be asked: before
 * parsing a source that would take it minutes, and after its stack overflowed.
 */
export function prefixLevels(line: string): { columns: number[]; length: number } {
  const columns: number[] = [];
  let offset = 0;
  for (;;) {
    const rest = line.slice(offset);
    const space = SPACE.exec(rest);
    if (space) {
      const width = space[0].replace(/\t/g, '    ').length;
      for (let level = 0; level < Math.floor(width / 2); level++) columns.push(offset + level * 2 + 1);
      offset += space[0].length;
      continue;
    }
    const marker = MARKER.exec(rest);
    if (!marker) break;
    columns.push(offset + 1);
    offset += marker[0].length;
  }
  return { columns, length: offset };
}

/**
 * The line of a Markdown source whose prefix nests deepest (see {@link prefixLevels}), or
 * `undefined` when no line nests at all.
 */
export function deepestNesting(text: string): DeepestNesting | undefined {
  let deepest: DeepestNesting | undefined;
  let line = 0;
  for (const content of text.split('\n')) {
    line += 1;
    // Cheap test first: a line that starts with neither white space nor a marker nests nothing.
    if (!/^[ \t>*+\-\d]/.test(content)) continue;
    const { columns, length } = prefixLevels(content);
    if (columns.length > 0 && (!deepest || columns.length > deepest.depth)) deepest = { line, column: length + 1, depth: columns.length };
  }
  return deepest;
}

/**
 * The first place where a source nests deeper than `limit` levels: the line and the column
 * where level `limit + 1` starts, with the deepest nesting of the whole source; `undefined`
 * when it never goes beyond the limit.
 */
export function nestingBeyond(text: string, limit: number): { line: number; column: number; depth: number } | undefined {
  const deepest = deepestNesting(text);
  if (!deepest || deepest.depth <= limit) return undefined;
  let line = 0;
  for (const content of text.split('\n')) {
    line += 1;
    if (!/^[ \t>*+\-\d]/.test(content)) continue;
    const { columns } = prefixLevels(content);
    const column = columns[limit];
    if (column !== undefined) return { line, column, depth: deepest.depth };
  }
  return undefined;
}
