import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { issuerMarkText } from '../gongwen/meta.ts';

/** Where the document's one top-level title comes from. */
export interface DocumentTitle {
  /** `front-matter`: `title:`; `heading`: the source's only top heading, first in the file; `file-name`: neither. */
  source: 'front-matter' | 'heading' | 'file-name';
  /** The title text (for `heading`, the heading stays in the tree and renders as the title). */
  text: string;
  /** Levels added to every heading's outline level in the HTML, so that only the title is `h1`. */
  headingShift: 0 | 1;
}

declare module 'vfile' {
  interface DataMap {
    title: DocumentTitle;
  }
}

/**
 * Decide the document's title so that every output has exactly one: the front-matter title;
 * else a top heading that opens the file and is the only one at its level; else the file name,
 * with a warning (several top-level headings, or none, leave the page without a real title).
 * Runs after `remarkHeadingIds`, which sets each heading's outline level.
 */
export function remarkDocumentTitle() {
  return (tree: Root, file: VFile): void => {
    const meta = file.data.meta;
    if (meta?.title) {
      file.data.title = { source: 'front-matter', text: meta.title, headingShift: 1 };
      return;
    }
    const topHeadings = tree.children.filter((node) => node.type === 'heading' && node.data?.level === 1);
    const first = tree.children[0];
    if (topHeadings.length === 1 && first === topHeadings[0]) {
      file.data.title = { source: 'heading', text: plainText(first), headingShift: 0 };
      return;
    }
    // A 命令 (令) has no title of its own: its 标志 (…令) names it.
    const gongwen = meta?.gongwen;
    if (gongwen?.format === '命令') {
      file.data.title = { source: 'file-name', text: issuerMarkText(meta?.author, gongwen), headingShift: 1 };
      return;
    }
    const text = file.stem ?? 'report';
    file.data.title = { source: 'file-name', text, headingShift: 1 };
    flag(file, 'title-missing', { line: 1, column: 1 }, { name: text, topHeadings: topHeadings.length });
  };
}

function plainText(node: Root['children'][number] | undefined): string {
  if (!node) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Root['children']).map(plainText).join('');
  return '';
}
