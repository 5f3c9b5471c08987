/**
 * The 印章 of a 公文 in the Word file: the image the front matter names (`seal`, beside the source,
 * read by the parse stage), as a floating picture behind the 署名 and 成文日期, placed as the print
 * edition places it.
 */
import path from 'node:path';
import { HorizontalPositionRelativeFrom, ImageRun, TextWrappingType, VerticalPositionRelativeFrom } from 'docx';
import type { Template } from '../../template/load-template.ts';
import type { GongwenMeta } from '../../gongwen/meta.ts';
import type { LoadedImage } from '../../util/assets.ts';
import { flag } from '../../util/messages.ts';
import type { VFile } from 'vfile';
import type { SealPlacement } from './gongwen-geometry.ts';

/** Raster formats the docx library embeds. */
type Embeddable = 'png' | 'jpg' | 'gif' | 'bmp';
const EMBEDDABLE: ReadonlySet<string> = new Set<Embeddable>(['png', 'jpg', 'gif', 'bmp']);

function isEmbeddable(image: LoadedImage): image is LoadedImage & { type: Embeddable } {
  return EMBEDDABLE.has(image.type);
}

/** EMUs in a CSS pixel (the docx library takes picture sizes in pixels at 96 to the inch). */
const EMU_PER_PX = 9525;

/**
 * The 印章 the parse stage read (`file.data.gongwenSeal`, which reports a seal it cannot read), when
 * a Word file can hold it; a format it cannot (SVG, WebP) is reported at the `seal` value.
 */
export function sealImage(file: VFile, gongwen: GongwenMeta): (LoadedImage & { type: Embeddable }) | undefined {
  const seal = file.data.gongwenSeal;
  if (!seal) return undefined;
  if (isEmbeddable(seal)) return seal;
  flag(file, 'docx-image-format', gongwen.places?.['seal'], { url: gongwen.seal ?? '', format: seal.type.toUpperCase() });
  return undefined;
}

/**
 * The 印章 as a floating picture behind the text at `place` (`sealPlacement`: anchored in the last
 * line of the 署名 and 成文日期), with its alt text `印章：<署名>`.
 */
export function sealRun(template: Template, image: LoadedImage & { type: Embeddable }, gongwen: GongwenMeta, place: SealPlacement, drawingId: number): ImageRun {
  const alt = `印章：${gongwen.signatures.join('、')}`;
  return new ImageRun({
    type: image.type,
    data: image.bytes,
    transformation: { width: place.width / EMU_PER_PX, height: place.height / EMU_PER_PX },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: place.x },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: place.y },
      behindDocument: true,
      allowOverlap: true,
      lockAnchor: true,
      wrap: { type: TextWrappingType.NONE },
    },
    altText: { id: String(drawingId), name: path.posix.basename(gongwen.seal ?? 'seal'), description: alt, title: alt },
  });
}
