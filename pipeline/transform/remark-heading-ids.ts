import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { warn } from '../util/messages.ts';

/** Ids of the page shell (skip-link target, navigation, footnotes section). */
export const RESERVED_IDS = ['content', 'toc-label', 'footnote-label', 'footnotes', 'section'] as const;

/**
 * Give every heading a unique anchor id (GitHub's slug rules, which keep Chinese characters)
 * and its outline level: its nesting under the headings before it, so that levels never skip
 * (`#` then `###` gives levels 1 and 2) and every output's outline is well formed. A skipped
 * depth is reported (`heading-skip`). Renderers read `heading.data.id` and `heading.data.level`.
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile): void => {
    const slugger = new GithubSlugger();
    // Ids the page itself uses: a heading named "Content" gets `content-1`, never a clash.
    for (const reserved of RESERVED_IDS) slugger.slug(reserved);
    const open: number[] = [];
    visit(tree, 'heading', (heading) => {
      while (open.length > 0 && (open.at(-1) ?? 0) >= heading.depth) open.pop();
      const parentDepth = open.at(-1);
      if (parentDepth !== undefined && heading.depth > parentDepth + 1) {
        warn(file, `Heading level ${heading.depth} follows level ${parentDepth}: a level is skipped (rendered as level ${open.length + 1} of the outline)`, heading, 'heading-skip');
      }
      const level = open.length + 1;
      open.push(heading.depth);
      const text = toString(heading);
      const slug = slugger.slug(/^user-content-/i.test(text.trim()) ? `h-${text}` : text) || slugger.slug('section');
      const data = (heading.data ??= {});
      data.id = slug;
      data.level = level;
      data.hProperties = { ...data.hProperties, id: slug };
    });
  };
}
