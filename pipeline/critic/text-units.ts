/**
 * The blocks of a Markdown source that a comparison aligns, in document order: paragraphs and
 * headings (wherever they are: in lists, quotes, footnotes), table rows with their cells, and
 * blocks whose text cannot hold a suggestion (code, HTML, math, thematic breaks), each with
 * its place in the source.
 */
import type { Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';

/** A run of inline content in the source: `[start, end)` and the nodes in it. */
export interface InlineRange {
  start: number;
  end: number;
  nodes: PhrasingContent[];
}

/** One block of a source that a comparison aligns with a block of the other source. */
export interface TextUnit {
  /** `text`: a paragraph or heading; `row`: a table row; `opaque`: a block that cannot hold suggestions. */
  kind: 'text' | 'row' | 'opaque';
  /** What must be equal for two blocks to be the same: kind, heading level and source text. */
  key: string;
  /** The source text compared (the inline content; a row's cells joined by ` | `). */
  text: string;
  /** The block's node in the source. */
  blockStart: number;
  blockEnd: number;
  /** A paragraph's or heading's inline content (undefined for an empty heading and opaque blocks). */
  inline?: InlineRange | undefined;
  /** A table row's cells; an empty cell's range is empty, just after its pipe. */
  cells?: InlineRange[];
  /** The heading's level, for a heading. */
  depth?: number;
  /**
   * What goes before the content when the block is written anew as a deleted block (`## `,
   * `- `, `> `), or undefined when it cannot be (a footnote's first paragraph).
   */
  prefix: string | undefined;
  /** No prefix can write it anew (`prefix` undefined): paired with the block in its place when nothing is like it. */
  keepsPlace?: boolean;
  /** The block is the first paragraph of a list item: a deleted one is written on the next line. */
  listItem: boolean;
  /** For a row: its table (an index in the source), its index in the table, and the delimiter row after the header row. */
  table?: { id: number; row: number; delimiter: string };
  /** The block's type in the tree (`paragraph`, `heading`, `code`…). */
  type: string;
}

/** Prefixes a deleted block may be written with: quote markers, indentation, one list marker, a task box. */
const WRITABLE_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?$/;

/** The blocks of a parsed source (its front matter left out), in document order. */
export function textUnits(tree: Root, source: string): TextUnit[] {
  const units: TextUnit[] = [];
  let tables = 0;
  const offsets = (node: Nodes): [number, number] | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : [start, end];
  };
  const inlineOf = (nodes: PhrasingContent[]): InlineRange | undefined => {
    const first = nodes[0] && offsets(nodes[0]);
    const last = nodes.at(-1);
    const lastRange = last && offsets(last);
    return first && lastRange ? { start: first[0], end: lastRange[1], nodes } : undefined;
  };
  const lineStart = (offset: number) => source.lastIndexOf('\n', offset - 1) + 1;

  const visit = (node: RootContent, firstInItem: boolean): void => {
    const range = offsets(node);
    if (!range) return;
    const [blockStart, blockEnd] = range;
    switch (node.type) {
      case 'yaml':
      case 'definition':
        return;
      case 'paragraph':
      case 'heading': {
        const inline = inlineOf(node.children);
        const text = inline ? source.slice(inline.start, inline.end) : '';
        const depth = node.type === 'heading' ? node.depth : undefined;
        const rawPrefix = source.slice(lineStart(blockStart), blockStart);
        const prefix = node.type === 'heading' ? `${rawPrefix.replace(/#+[ \t]*$/, '')}${'#'.repeat(node.depth)} ` : rawPrefix;
        const writable = WRITABLE_PREFIX.test(prefix.replace(/#+ $/, ''));
        units.push({
          kind: 'text',
          key: `${node.type}${depth ?? ''}\u0000${text}`,
          text,
          blockStart,
          blockEnd,
          inline,
          ...(depth !== undefined ? { depth } : {}),
          prefix: writable ? prefix : undefined,
          keepsPlace: !writable,
          listItem: firstInItem,
          type: node.type,
        });
        return;
      }
      case 'table':
        tableUnits(node, tables++);
        return;
      case 'list':
        for (const item of node.children) visit(item, false);
        return;
      case 'listItem':
        node.children.forEach((child, index) => visit(child, index === 0));
        return;
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) visit(child, false);
        return;
      default: {
        const text = source.slice(blockStart, blockEnd);
        units.push({ kind: 'opaque', key: `${node.type}\u0000${text}`, text, blockStart, blockEnd, prefix: undefined, listItem: false, type: node.type });
      }
    }
  };

  const tableUnits = (table: Table, id: number): void => {
    const header = table.children[0];
    const headerEnd = header && offsets(header)?.[1];
    const delimiterStart = headerEnd === undefined ? -1 : source.indexOf('\n', headerEnd) + 1;
    const delimiterEnd = delimiterStart <= 0 ? -1 : source.indexOf('\n', delimiterStart);
    const delimiter = delimiterStart <= 0 ? '' : source.slice(delimiterStart, delimiterEnd < 0 ? source.length : delimiterEnd);
    table.children.forEach((row, index) => {
      const range = offsets(row);
      if (!range) return;
      const cells: InlineRange[] = [];
      for (const cell of row.children) {
        const cellRange = offsets(cell);
        if (!cellRange) continue;
        // An empty cell holds no nodes: its place is just after its opening pipe (or its start).
        const place = source[cellRange[0]] === '|' ? cellRange[0] + 1 : cellRange[0];
        cells.push(inlineOf(cell.children) ?? { start: place, end: place, nodes: [] });
      }
      const text = cells.map((cell) => source.slice(cell.start, cell.end)).join(' | ');
      units.push({
        kind: 'row',
        key: `row\u0000${text}`,
        text,
        blockStart: range[0],
        blockEnd: range[1],
        cells,
        prefix: '',
        listItem: false,
        table: { id, row: index, delimiter },
        type: 'tableRow',
      });
    });
  };

  for (const child of tree.children) visit(child, false);
  return units;
}
