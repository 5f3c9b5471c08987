import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { naturalSlug } from './remark-heading-ids.ts';

/**
 * Report a heading whose id is already taken by an earlier heading — the same text twice, or
 * texts with the same slug (`A B` and `A-B`): `remarkHeadingIds` gives it a numbered id
 * (`-1`), so links written to its natural id lead to the first heading (`heading-id-duplicate`,
 * at the second heading, naming the line of the first). Runs after `remarkHeadingIds`. Ids the
 * page shell reserves (`content`, `footnotes`…) are no heading's and are not reported.
 */
export function remarkHeadingIdDuplicate() {
  return (tree: Root, file: VFile): void => {
    const byId = new Map<string, Heading>();
    visit(tree, 'heading', (heading) => {
      const assigned = heading.data?.id;
      if (assigned === undefined) return;
      // An id written in the source is checked with the other labels (`crossref-duplicate`).
      if (heading.data?.explicitId !== undefined) {
        byId.set(assigned, heading);
        return;
      }
      const text = toString(heading).trim();
      const id = naturalSlug(text);
      const first = byId.get(id);
      if (id !== '' && assigned !== id && first) {
        flag(file, 'heading-id-duplicate', heading, { text, id, assigned, firstLine: first.position?.start.line ?? 0, sameText: toString(first).trim() === text });
      }
      byId.set(assigned, heading);
    });
  };
}
