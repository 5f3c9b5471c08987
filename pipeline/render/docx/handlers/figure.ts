import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Figure } from '../../../types.ts';
import type { BlockState } from '../context.ts';
import { paragraphContent } from '../dispatch.ts';
import { altTextFallback, FIGURE_HEIGHT_SHARE, imageRun } from '../images.ts';
import { withoutItem } from './blocks.ts';
import { captionNumberRuns } from '../crossref-fields.ts';

/**
 * `figure`: the image in a Figure paragraph (kept with the next, short enough to leave its caption
 * room), then its caption in the Caption style, a numbered figure's with its SEQ field first.
 */
export function figure(node: Figure, state: BlockState): FileChild[] {
  const [image] = node.children;
  const run = imageRun(image, state, FIGURE_HEIGHT_SHARE);
  const inner = withoutItem(state);
  const target = node.data?.crossref;
  return [
    new Paragraph({ style: 'Figure', children: [run ?? new TextRun(altTextFallback(image))] }),
    new Paragraph({ style: 'Caption', children: [...(target ? captionNumberRuns(target, state.ctx.bookmarks.get(target.id), node.caption.length > 0) : []), ...paragraphContent(node.caption, inner)] }),
  ];
}
