import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Figure } from '../../../types.ts';
import type { BlockState } from '../context.ts';
import { paragraphContent } from '../dispatch.ts';
import { altTextFallback, FIGURE_HEIGHT_SHARE, imageRun } from '../images.ts';
import { withoutItem } from './blocks.ts';
import { captionNumberRuns } from '../crossref-fields.ts';
import { chartDataTable, chartParagraph } from '../charts.ts';

/**
 * `figure`: the image (or the chart's picture) in a Figure paragraph (kept with the next, short
 * enough to leave its caption room), then its caption in the Caption style, a numbered figure's
 * with its SEQ field first; a chart's data table after it when the template asks for one.
 */
export function figure(node: Figure, state: BlockState): FileChild[] {
  const [content] = node.children;
  const inner = withoutItem(state);
  const target = node.data?.crossref;
  const picture = content.type === 'chart' ? chartParagraph(content, state, FIGURE_HEIGHT_SHARE) : new Paragraph({ style: 'Figure', children: [imageRun(content, state, FIGURE_HEIGHT_SHARE) ?? new TextRun(altTextFallback(content))] });
  return [
    picture,
    new Paragraph({ style: 'Caption', children: [...(target ? captionNumberRuns(target, state.ctx.bookmarks.get(target.id), node.caption.length > 0) : []), ...paragraphContent(node.caption, inner)] }),
    // A chart's data table follows its caption: the picture and the caption stay together.
    ...(content.type === 'chart' ? chartDataTable(content, target, state) : []),
  ];
}
