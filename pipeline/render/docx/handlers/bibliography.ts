import { Bookmark, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { BlockState } from '../context.ts';
import type { Bibliography } from '../../../cite/types.ts';
import { paragraphContent } from '../dispatch.ts';
import { withoutItem } from './blocks.ts';

/**
 * `bibliography`: one paragraph per entry in the Bibliography style (its hanging indent holds a
 * numeric style's `[1]`, followed by a tab), inside the bookmark citations link to.
 */
export function bibliography(node: Bibliography, state: BlockState): FileChild[] {
  const inner = withoutItem(state);
  return node.children.map((paragraph) => {
    const entry = paragraph.data?.bibliographyEntry;
    const label: ParagraphChild[] = entry?.label === undefined ? [] : [new TextRun({ children: [entry.label, new Tab()] })];
    const children = [...label, ...paragraphContent(paragraph.children, inner)];
    const bookmark = entry === undefined ? undefined : state.ctx.bookmarks.get(entry.id);
    return new Paragraph({ style: 'Bibliography', children: bookmark === undefined ? children : [new Bookmark({ id: bookmark, children })] });
  });
}
