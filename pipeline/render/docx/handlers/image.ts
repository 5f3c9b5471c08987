import type { Image, ImageReference } from 'mdast';
import type { InlineState } from '../context.ts';
import { pushChild, pushText } from '../dispatch.ts';
import { altTextFallback, imageRun } from '../images.ts';
import { isStripped } from '../marks.ts';
import { flag } from '../../../util/messages.ts';

/** `image`: an embedded picture with alt text, or the alt text in brackets when it cannot be embedded. */
export function image(node: Image, state: InlineState): void {
  if (isStripped(state.marks)) return;
  const run = imageRun(node, state.block);
  if (run) pushChild(state, run);
  else pushText(state, altTextFallback(node));
}

/** `imageReference`: its image is not read by the parse stage, so the alt text is shown and the problem reported. */
export function imageReference(node: ImageReference, state: InlineState): void {
  flag(state.block.ctx.file, 'docx-image-reference', node, { alt: node.alt ?? '', label: node.label ?? node.identifier });
  pushText(state, `[${node.alt ?? node.identifier}]`);
}
