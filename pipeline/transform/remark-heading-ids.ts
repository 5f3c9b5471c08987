import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

/** Ids of the page shell (skip-link target, navigation, footnotes section). */
export const RESERVED_IDS = ['content', 'toc-label', 'footnote-label', 'footnotes', 'section'] as const;

/**
 * Give every heading a unique anchor id (GitHub's slug rules, which keep Chinese characters)
 * and its outline level, counted from the shallowest heading depth the document uses.
 * Renderers read `heading.data.id` and `heading.data.level`; the HTML gets the id as well.
 */
export function remarkHeadingIds() {
  return (tree: Root): void => {
    const slugger = new GithubSlugger();
    // Ids the page itself uses: a heading named "Content" gets `content-1`, never a clash.
    for (const reserved of RESERVED_IDS) slugger.slug(reserved);
    let top = 6;
    visit(tree, 'heading', (heading) => {
      top = Math.min(top, heading.depth);
    });
    visit(tree, 'heading', (heading) => {
      const text = toString(heading);
      const slug = slugger.slug(/^user-content-/i.test(text.trim()) ? `h-${text}` : text) || slugger.slug('section');
      const data = (heading.data ??= {});
      data.id = slug;
      data.level = heading.depth - top + 1;
      data.hProperties = { ...data.hProperties, id: slug };
    });
  };
}
