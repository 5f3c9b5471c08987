import { visit } from 'unist-util-visit';
import type { Image, Root } from 'mdast';
import type { VFile } from 'vfile';
import { loadImage, type LoadedImage } from '../util/assets.ts';
import { flag, flagAll } from '../util/messages.ts';
import { noteRead, noteUnrepeatable } from '../cache/reads.ts';
import { sha256 } from '../cache/hash.ts';

declare module 'mdast' {
  interface ImageData {
    /** The image file, read once here for every renderer; absent when it cannot be used. */
    loaded?: LoadedImage;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Network images are fetched at build time (`--allow-remote-images`), else refused. */
    allowRemoteImages: boolean;
  }
}

/** Options of `remarkImages`. */
export interface RemarkImagesOptions {
  /** Absolute folder of the source: images are read from here and nowhere else. */
  baseDir: string;
}

/**
 * Read every image the source names, once, from inside the document's folder, and keep its
 * bytes on the node for the renderers. A missing, unreadable or out-of-folder image is an error
 * at its position (the outputs would lack it); a network image is a warning and is shown as its
 * alt text, unless `file.data.allowRemoteImages` is set: then it is fetched here (never by the
 * browser) and a failed fetch is an error; an image without alt text is a warning (screen
 * readers and Word's checker need it); an SVG image that draws text is a warning (its text is set
 * in a font of the machine, not a template font).
 */
export function remarkImages(options: RemarkImagesOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const images: Image[] = [];
    visit(tree, 'image', (image) => {
      images.push(image);
    });
    for (const image of images) {
      if (!image.alt?.trim()) flag(file, 'image-alt-missing', image, { url: image.url });
      const lookup = await loadImage(image.url, options.baseDir, { allowRemote: file.data.allowRemoteImages === true });
      if (lookup.ok) {
        (image.data ??= {}).loaded = lookup.image;
        if (lookup.image.file === undefined) noteUnrepeatable(file);
        else noteRead(file, lookup.image.file, sha256(lookup.image.bytes));
        if (svgHasText(lookup.image)) flag(file, 'image-svg-text', image, { url: image.url });
      } else flagAll(file, [{ ...lookup.problem, place: image }]);
    }
  };
}

/** An SVG element that draws characters: Chromium sets them in a font of the machine. */
const SVG_TEXT = /<(?:[\w-]+:)?(?:text|tspan|textPath)[\s>/]/;

/** Whether an SVG image draws text (in a font the template does not control). */
function svgHasText(image: LoadedImage): boolean {
  return image.type === 'svg' && SVG_TEXT.test(new TextDecoder().decode(image.bytes));
}
