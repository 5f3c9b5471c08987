import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { loadImage, type LoadedImage } from '../util/assets.ts';
import { flagAll } from '../util/messages.ts';
import { noteRead } from '../cache/reads.ts';
import { sha256 } from '../cache/hash.ts';

declare module 'vfile' {
  interface DataMap {
    /** A 公文's 印章 (front matter `seal`), read once for every renderer. */
    gongwenSeal: LoadedImage;
  }
}

/** Options of `remarkGongwenSeal`. */
export interface RemarkGongwenSealOptions {
  /** Absolute folder of the source: the seal is read from here and nowhere else. */
  baseDir: string;
}

/**
 * Read a 公文's 印章 image (front matter `seal` / `印章`) from inside the document's folder, as
 * images are: a missing, unreadable, out-of-folder or network seal is an error at its
 * front-matter line (a 公文 printed without the seal it names would be wrong).
 */
export function remarkGongwenSeal(options: RemarkGongwenSealOptions) {
  return async (_tree: Root, file: VFile): Promise<void> => {
    const gongwen = file.data.meta?.gongwen;
    if (!gongwen?.seal) return;
    const lookup = await loadImage(gongwen.seal, options.baseDir, { allowRemote: false });
    const place = gongwen.places?.['seal'];
    if (!lookup.ok) {
      flagAll(file, [{ ...lookup.problem, place: place ?? { line: 1, column: 1 } }]);
      return;
    }
    file.data.gongwenSeal = lookup.image;
    if (lookup.image.file !== undefined) noteRead(file, lookup.image.file, sha256(lookup.image.bytes));
  };
}
