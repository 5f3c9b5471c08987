import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { closestWord } from '../util/did-you-mean.ts';

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
      flag(file, 'link-anchor-missing', link, { target, suggestion: likelyAnchor(target, [...ids]) });
    });
  };
}

/**
 * The heading id a dead anchor most likely meant: the same id in other case; else the shortest id
 * containing it (`#financial` for `financial-summary`, `#第三部分` for `二第三部分`, the heading
 * `二、第三部分` linked without its number); else a close spelling.
 */
function likelyAnchor(target: string, ids: readonly string[]): string | undefined {
  const wanted = target.toLowerCase();
  if (wanted === '') return undefined;
  const caseless = ids.find((id) => id.toLowerCase() === wanted);
  if (caseless !== undefined) return caseless;
  const containing = ids.filter((id) => id.toLowerCase().includes(wanted)).sort((a, b) => a.length - b.length)[0];
  return containing ?? closestWord(target, ids);
}
