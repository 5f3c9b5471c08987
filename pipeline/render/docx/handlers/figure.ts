import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Figure } from '../../../types.ts';
import type { BlockState } from '../context.ts';
import { paragraphContent } from '../dispatch.ts';
import { altTextFallback, FIGURE_HEIGHT_SHARE, imageRun } from '../images.ts';
import { withoutItem } from './blocks.ts';

/** `figure`: the image in a Figure paragraph (kept with the next, short enough to leave its caption room), then its caption in the Caption style. */
export function figure(node: Figure, state: BlockState): FileChild[] {
  const [image] = node.children;
  const run = imageRun(image, state, FIGURE_HEIGHT_SHARE);
  const inner = withoutItem(state);
  return [
    new Paragraph({ style: 'Figure', children: [run ?? new TextRun(altTextFallback(image))] }),
    new Paragraph({ style: 'Caption', children: paragraphContent(node.caption, inner) }),
  ];
}
