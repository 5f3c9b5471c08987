import type { Heading } from 'mdast';
import type { VFile } from 'vfile';

/**
 * A heading's level in the document outline below the title (1 = Heading 1 in Word, the first level under the title elsewhere), or `'title'` for the heading that is
 * the document's title (the source's only top heading, first in the file: it is written in the
 * Title style, like a front-matter title, and the headings under it move up one level).
 */
export function outlineLevel(heading: Heading, file: VFile): number | 'title' {
  const level = heading.data?.level ?? heading.depth;
  if (file.data.title?.source !== 'heading') return level;
  return level === 1 ? 'title' : level - 1;
}
