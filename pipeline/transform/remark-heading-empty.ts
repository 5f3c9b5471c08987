import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { visibleText } from './support/heading-text.ts';

/**
 * Report a heading that shows no text (`#` alone, `## ` with only white space, an image without
 * alt text, an empty tag): every output still renders, but the outline, the contents and the
 * PDF bookmarks get an empty entry and screen readers announce a heading with no name
 * (`heading-empty`, a warning: a placeholder heading while drafting is no broken file).
 */
export function remarkHeadingEmpty() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'heading', (heading) => {
      if (visibleText(heading.children).trim() === '') flag(file, 'heading-empty', heading, { depth: heading.depth });
    });
  };
}
