import GithubSlugger, { slug } from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';

/** Ids of the page shell (skip-link target, navigation, footnotes section). */
export const RESERVED_IDS = ['content', 'toc-label', 'footnote-label', 'footnotes', 'section'] as const;

/**
 * The id a heading's text asks for before de-duplication (GitHub's slug; a text that starts with
 * `user-content-` gets an `h-` prefix, so that it never looks like a footnote id). Empty for a
 * heading with no text.
 */
export function naturalSlug(text: string): string {
  return slug(/^user-content-/i.test(text.trim()) ? `h-${text}` : text);
}

/**
 * Give every heading a unique anchor id (GitHub's slug rules, which keep Chinese characters)
 * and its outline level: its nesting under the headings before it, so that levels never skip
 * (`#` then `###` gives levels 1 and 2) and every output's outline is well formed. A skipped
 * depth is reported (`heading-skip`). A heading whose {@link naturalSlug} is already taken gets
 * a numbered one (`-1`, `-2`…), reported by `remarkHeadingIdDuplicate`. Renderers read
 * `heading.data.id` and `heading.data.level`.
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
        flag(file, 'heading-skip', heading, { depth: heading.depth, parentDepth, level: open.length + 1 });
      }
      const level = open.length + 1;
      open.push(heading.depth);
      const text = toString(heading);
      // A heading with no text is `section-n`: slugging '' would give the next one the id `-1`.
      const data = (heading.data ??= {});
      // An id written in the source (`{#sec-goals}`) is kept as written (a second use of it is numbered and reported as a duplicate label).
      const id =
        data.explicitId !== undefined
          ? slugger.slug(data.explicitId, true)
          : naturalSlug(text) === ''
            ? slugger.slug('section')
            : slugger.slug(/^user-content-/i.test(text.trim()) ? `h-${text}` : text);
      data.id = id;
      data.level = level;
      data.hProperties = { ...data.hProperties, id };
    });
  };
}
