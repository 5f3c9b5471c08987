import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

/** Longest bookmark name Word accepts. */
const MAX_BOOKMARK_LENGTH = 40;

/**
 * A Word bookmark name for every heading id: Word allows letters, digits and underscores, at
 * most 40 characters, starting with a letter. Names stay unique after shortening.
 */
export function headingBookmarks(tree: Root): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  visit(tree, 'heading', (heading) => {
    const id = heading.data?.id;
    if (id === undefined || names.has(id)) return;
    const base = [...`h_${id.replace(/[^\p{L}\p{N}_]/gu, '_')}`].slice(0, MAX_BOOKMARK_LENGTH).join('');
    let name = base;
    for (let counter = 2; used.has(name); counter++) {
      const suffix = `_${counter}`;
      name = [...base].slice(0, MAX_BOOKMARK_LENGTH - suffix.length).join('') + suffix;
    }
    used.add(name);
    names.set(id, name);
  });
  return names;
}
