import { renameFace } from '../../fonts/face-names.ts';
import type { PrintFontSetup } from '../../fonts/print-fonts.ts';
import { cjkSubset, subsetForText } from '../../fonts/subset-local.ts';
import type { Template } from '../../template/load-template.ts';
import { findPackageDir } from './local-files.ts';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

/** A font file the print page may load, and the bytes it is served (being made). */
export interface ServedFontFile {
  /** The file the bytes come from (named in messages). */
  file: string;
  bytes: Promise<Buffer>;
}

/**
 * The font files of the print page by the key they are served under, their bytes started at
 * once so that cutting them down runs while the browser opens the page: each local face cut to
 * the characters of `html` (a CJK font is 10–20 MB), each CJK face to its punctuation and the ideographs of `html`
 * and named after its family and real weight (`face-names.ts`: fontsource's Noto SC files call
 * themselves ExtraLight and Thin). A file that cannot be read or cut fails its request, which the renderer reports.
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
    add(face.key, file, dir === undefined ? Promise.reject(new Error(`font package ${face.packageName} is not installed`)) : cjkSubset(file, html).then((bytes) => renameFace(bytes, face.parent)));
  }
  if (setup.mathFace) {
    const { packageName, file: name, key } = setup.mathFace;
    const dir = await findPackageDir(packageName);
    const file = dir === undefined ? path.join(packageName, name) : path.join(dir, name);
    // Whole: its letters are the mathematical italic ones Chromium draws for <mi>, not the page's.
    add(key, file, dir === undefined ? Promise.reject(new Error(`font package ${packageName} is not installed`)) : readFile(file));
  }
  return served;
}

/**
 * How the print page gets the font files of the template's npm packages (fontsource's slices):
 * each cut to the characters of `html`, as TrueType, and named after the package's family at
 * the file's real weight (`face-names.ts`), so that the PDF names every face truly: fontsource's
 * Noto Serif SC and Noto Sans SC files are Regular and Bold but call themselves
 * `NotoSerifSCExtraLight-Regular`, `NotoSansSCThin-Regular`. A file of a package the template
 * does not name is refused (the request handler allows only the template's packages anyway).
 */
export function packageFontLoader(template: Template, html: string): (packageName: string, file: string) => Promise<Buffer> {
  const families = new Map(template.printFontFiles.flatMap((font) => ('package' in font ? [[font.package, font.family] as const] : [])));
  return async (packageName, file) => {
    const family = families.get(packageName);
    if (family === undefined) throw new Error(`${packageName} is not one of the template's font packages`);
    return renameFace(await subsetForText(file, html), family);
  };
}
