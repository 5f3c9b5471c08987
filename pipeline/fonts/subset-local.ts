import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';

/**
 * Characters every print page may draw besides its own text: printable ASCII (digits of page
 * numbers and list markers included), the dash of `— n —`, and the ideographic space.
 */
const ALWAYS = `${String.fromCharCode(...Array.from({ length: 95 }, (_, index) => 0x20 + index))}—\u3000`;

const subsets = new Map<string, Promise<Buffer>>();

/**
 * A local font file cut down to the characters of `text` (plus {@link ALWAYS}), as TrueType, for
 * serving to the print page. A CJK font is 10–20 MB; Chromium takes seconds to receive and
 * check one through request interception, and a few hundred kilobytes of subset load at once.
 * Glyph outlines, metrics and layout tables of the kept characters are unchanged (harfbuzz's
 * subsetter), and Chromium subsets the font again when it writes the PDF, so the PDF is the
 * same. Cached per file and character set.
 */
export function subsetForText(file: string, text: string): Promise<Buffer> {
  const characters = [...new Set(`${ALWAYS}${text}`)].sort().join('');
  const key = `${file}\0${createHash('sha256').update(characters).digest('hex')}`;
  let subset = subsets.get(key);
  if (!subset) {
    subset = readFile(file).then((font) => subsetFont(font, characters, { targetFormat: 'truetype' }));
    subsets.set(key, subset);
    subset.catch(() => subsets.delete(key));
    // Keep the last few: a build prints one document, a test file a handful.
    for (const old of [...subsets.keys()].slice(0, Math.max(0, subsets.size - 16))) subsets.delete(old);
  }
  return subset;
}
