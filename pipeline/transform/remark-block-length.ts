import type { Code, Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';

/**
 * Longest paragraph or code block, in characters of its source, that the outputs accept. About
 * 300 printed pages without a break, far beyond any real paragraph (a pasted log or table dump is
 * what reaches it). Chromium lays out and prints one block that runs over many pages in time
 * that grows faster than its length (measured: a Chinese paragraph of 530,000 characters took
 * 20–45 s to print, one of 1.2 million over 180 s), so a longer block could not finish in the
 * time a build has; at this length it prints in a few seconds.
 */
export const MAX_BLOCK_CHARACTERS = 200_000;

/**
 * Refuse a paragraph or code block longer than {@link MAX_BLOCK_CHARACTERS} (`block-too-long`,
 * an error at its start, with its length). Its content is then emptied: the build fails anyway,
 * and the checks after this one would otherwise spend their time, and their messages, on it.
 */
export function remarkBlockLength() {
  return (tree: Root, file: VFile): void => {
    const pending: Root['children'][number][] = [...tree.children];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'paragraph' || node.type === 'code') {
        const length = (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0);
        if (length > MAX_BLOCK_CHARACTERS) {
          flag(file, 'block-too-long', node, { kind: node.type, characters: length, limit: MAX_BLOCK_CHARACTERS });
          empty(node);
        }
      } else if ('children' in node) pending.push(...(node.children as Root['children']));
    }
  };
}

function empty(node: Paragraph | Code): void {
  if (node.type === 'code') node.value = '';
  else node.children = [];
}
