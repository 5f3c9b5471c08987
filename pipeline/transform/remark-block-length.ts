import type { Code, Paragraph, Root, Table } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { flag } from '../util/messages.ts';

/**
 * Longest paragraph or code block, in characters of its text (raw HTML tags not counted), that the outputs accept. About
 * 300 printed pages without a break, far beyond any real paragraph (a pasted log or table dump is
 * what reaches it). Chromium lays out and prints one block that runs over many pages in time
 * that grows faster than its length (measured: a Chinese paragraph of 530,000 characters took
 * 20–45 s to print, one of 1.2 million over 180 s), so a longer block could not finish in the
 * time a build has; at this length it prints in a few seconds.
 */
export const MAX_BLOCK_CHARACTERS = 200_000;

/**
 * Most rows of one table (its header row included). About 170 printed A4 pages of one table: a
 * longer one is a data set, better attached as a file. Chromium prints a table in time linear in
 * its rows but costly, its tagged PDF included (measured on the loaded 2-core machine: 2,000 rows
 * 22 s, 4,000 rows 58 s, 8,000 rows 105 s; splitting it into several tables saves little), so a
 * 50,000-row table could not be printed within a minute.
 */
export const MAX_TABLE_ROWS = 5_000;

/**
 * Refuse a paragraph or code block longer than {@link MAX_BLOCK_CHARACTERS} (`block-too-long`)
 * and a table of more than {@link MAX_TABLE_ROWS} rows (`table-too-long`), each an error at its
 * start, with its size. Its content is then emptied (a table keeps its header row): the build
 * fails anyway, and the checks after this one would otherwise spend their time, and their
 * messages, on it.
 */
export function remarkBlockLength() {
  return (tree: Root, file: VFile): void => {
    const pending: Root['children'][number][] = [...tree.children];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'paragraph' || node.type === 'code') {
        // What is printed counts, not raw HTML markup (deeply nested spans are a different check).
        const length = node.type === 'code' ? node.value.length : toString(node, { includeHtml: false }).length;
        if (length > MAX_BLOCK_CHARACTERS) {
          flag(file, 'block-too-long', node, { kind: node.type, characters: length, limit: MAX_BLOCK_CHARACTERS });
          empty(node);
        }
      } else if (node.type === 'table' && node.children.length > MAX_TABLE_ROWS) {
        flag(file, 'table-too-long', node, { rows: node.children.length, limit: MAX_TABLE_ROWS });
        emptyTable(node);
      } else if ('children' in node) pending.push(...(node.children as Root['children']));
    }
  };
}

function emptyTable(table: Table): void {
  table.children = table.children.slice(0, 1);
}

function empty(node: Paragraph | Code): void {
  if (node.type === 'code') node.value = '';
  else node.children = [];
}
