import path from 'node:path';
import { ImageRun } from 'docx';
import type { Image } from 'mdast';
import type { BlockState } from './context.ts';
import { flag } from '../../util/messages.ts';

/** Raster formats the docx library embeds as they are. */
const EMBEDDABLE = new Set(['png', 'jpg', 'gif', 'bmp'] as const);
type Embeddable = 'png' | 'jpg' | 'gif' | 'bmp';

function isEmbeddable(type: string): type is Embeddable {
  return (EMBEDDABLE as Set<string>).has(type);
}

/** Width and height in pixels scaled down (never up) to fit a box, keeping the aspect ratio. */
export function fitInto(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The text shown instead of an image Word cannot have: its alt text in brackets. */
export function altTextFallback(image: Image): string {
  const alt = image.alt?.trim();
  return `[${alt ? alt : path.posix.basename(image.url)}]`;
}

/**
 * The share of the text height a figure's image may take: the rest keeps its caption (and the
 * heading kept with it) on the same page, as the print edition does (190 mm of 247 mm).
 */
export const FIGURE_HEIGHT_SHARE = 0.75;

/**
 * The image as an inline picture fitted to the space here (at most `heightShare` of the text height), with its alt text in `wp:docPr`
 * (name, title, description). Undefined when it cannot be embedded: not loaded (already
 * reported by the parse stage), or a format Word output cannot take (reported here).
 */
export function imageRun(image: Image, state: BlockState, heightShare = 1): ImageRun | undefined {
  const { ctx } = state;
  const loaded = image.data?.loaded;
  if (!loaded) return undefined;
  if (!isEmbeddable(loaded.type)) {
    flag(ctx.file, 'docx-image-format', image, { url: image.url, format: loaded.type.toUpperCase() });
    return undefined;
  }
  const size = fitInto(loaded.width, loaded.height, state.maxImageWidthPx, ctx.textHeightPx * heightShare);
  const alt = image.alt ?? '';
  return new ImageRun({
    type: loaded.type,
    data: loaded.bytes,
    transformation: size,
    altText: { id: String(ctx.nextDrawingId()), name: path.posix.basename(image.url) || 'image', description: alt, title: image.title ?? alt },
  });
}
