import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

/** Longest bookmark name Word accepts. */
const MAX_BOOKMARK_LENGTH = 40;

/**
 * A Word bookmark name for every heading id and every numbered figure, table and equation
 * (`data.crossref`): Word allows letters, digits and underscores, at most 40 characters,
 * starting with a letter. Names stay unique after shortening. Headings' names start `h_`,
 * numbered targets' `ref_`.
 */
export function headingBookmarks(tree: Root): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const add = (id: string, prefix: string) => {
    if (names.has(id)) return;
    const base = [...`${prefix}${id.replace(/[^\p{L}\p{N}_]/gu, '_')}`].slice(0, MAX_BOOKMARK_LENGTH).join('');
    let name = base;
    for (let counter = 2; used.has(name); counter++) {
      const suffix = `_${counter}`;
      name = [...base].slice(0, MAX_BOOKMARK_LENGTH - suffix.length).join('') + suffix;
    }
    used.add(name);
    names.set(id, name);
  };
  visit(tree, (node) => {
    if (node.type === 'heading' && node.data?.id !== undefined) add(node.data.id, 'h_');
    else if ((node.type === 'figure' || node.type === 'table' || node.type === 'math') && node.data?.crossref) add(node.data.crossref.id, 'ref_');
  });
  return names;
}
