import type { PrintFontSetup } from '../../fonts/print-fonts.ts';
import { cjkSubset, subsetForText } from '../../fonts/subset-local.ts';
import { findPackageDir } from './local-files.ts';
import path from 'node:path';

/** A font file the print page may load, and the bytes it is served (being made). */
export interface ServedFontFile {
  /** The file the bytes come from (named in messages). */
  file: string;
  bytes: Promise<Buffer>;
}

/**
 * The font files of the print page by the key they are served under, their bytes started at
 * once so that cutting them down runs while the browser opens the page: each local face cut to
 * the characters of `html` (a CJK font is 10–20 MB), each CJK face to its punctuation and the ideographs of `html`.
 * A file that cannot be read or cut fails its request, which the renderer reports.
 */
export async function servedFontFiles(setup: PrintFontSetup, html: string): Promise<Map<string, ServedFontFile>> {
  const served = new Map<string, ServedFontFile>();
  const add = (key: string, file: string, bytes: Promise<Buffer>) => {
    bytes.catch(() => undefined);
    served.set(key, { file, bytes });
  };
  for (const face of setup.localFaces) add(face.key, face.file, subsetForText(face.file, html));
  for (const face of setup.cjkFaces) {
    const dir = await findPackageDir(face.packageName);
    const file = dir === undefined ? path.join(face.packageName, face.file) : path.join(dir, face.file);
    add(face.key, file, dir === undefined ? Promise.reject(new Error(`font package ${face.packageName} is not installed`)) : cjkSubset(file, html));
  }
  return served;
}
