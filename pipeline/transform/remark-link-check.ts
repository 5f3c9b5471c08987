import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';

/**
 * Report internal links (`#anchor`) whose target is no heading of the document: they are dead
 * in every output. Runs after `remarkHeadingIds`.
 */
export function remarkLinkCheck() {
  return (tree: Root, file: VFile): void => {
    const ids = new Set<string>();
    visit(tree, 'heading', (heading) => {
      if (heading.data?.id) ids.add(heading.data.id);
    });
    visit(tree, 'link', (link) => {
      if (!link.url.startsWith('#')) return;
      let target = link.url.slice(1);
      try {
        target = decodeURIComponent(target);
      } catch {
        // Keep the raw anchor.
      }
      if (ids.has(target)) return;
      const caseless = [...ids].find((id) => id.toLowerCase() === target.toLowerCase());
      flag(file, 'link-anchor-missing', link, { target, suggestion: caseless });
    });
  };
}
