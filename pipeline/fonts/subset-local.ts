import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { cacheKey, cachedBytes, fileIdentity } from '../util/disk-cache.ts';
import { parseUnicodeRange } from './codepoints.ts';
import { CJK_PUNCTUATION_RANGE, CJK_TEXT_RANGE } from './print-fonts.ts';

/**
 * Characters every print page may draw besides its own text: printable ASCII (digits of page
 * numbers and list markers included), the dash of `— n —`, and the ideographic space.
 */
const ALWAYS = `${String.fromCharCode(...Array.from({ length: 95 }, (_, index) => 0x20 + index))}—\u3000`;

/** Changes whenever the way subsets are made changes, so that older cached subsets are not used. */
const SUBSET_VERSION = 'subset-font 2.9 truetype v1';

const subsets = new Map<string, Promise<Buffer>>();

/**
 * A local font file cut down to the characters of `text` (plus {@link ALWAYS}), as TrueType, for
 * serving to the print page. A CJK font is 10–20 MB; Chromium takes seconds to receive and
 * check one through request interception, and a few hundred kilobytes of subset load at once.
 * Glyph outlines, metrics and layout tables of the kept characters are unchanged (harfbuzz's
 * subsetter), and Chromium subsets the font again when it writes the PDF, so the PDF is the
 * same. Cached per file and character set, in memory and on disk (`disk-cache.ts`): making the
 * subset takes harfbuzz about half a second per CJK face.
 */
export function subsetForText(file: string, text: string): Promise<Buffer> {
  const characters = [...new Set(`${ALWAYS}${text}`)].sort().join('');
  return subsetOnce(file, characters, createHash('sha256').update(characters).digest('hex'));
}

/**
 * A font file cut to what its {@link CjkFace} sets in `text`: all its CJK punctuation (every
 * character of {@link CJK_PUNCTUATION_RANGE} it has: the marks the print layout adds too) and
 * the characters of `text` in {@link CJK_TEXT_RANGE}, as TrueType.
 */
export function cjkSubset(file: string, text: string): Promise<Buffer> {
  const punctuation = (parseUnicodeRange(CJK_PUNCTUATION_RANGE)?.ranges ?? []).flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, index) => first + index));
  const cjk = parseUnicodeRange(CJK_TEXT_RANGE)?.ranges ?? [];
  const inText = [...new Set(text)].map((character) => character.codePointAt(0) ?? 0).filter((code) => cjk.some(([first, last]) => code >= first && code <= last));
  const characters = String.fromCodePoint(...[...new Set([...punctuation, ...inText])].sort((a, b) => a - b));
  return subsetOnce(file, characters, `cjk ${createHash('sha256').update(characters).digest('hex')}`);
}

function subsetOnce(file: string, characters: string, name: string): Promise<Buffer> {
  const memoryKey = `${file}\0${name}`;
  let subset = subsets.get(memoryKey);
  if (!subset) {
    subset = makeSubset(file, characters, name);
    subsets.set(memoryKey, subset);
    subset.catch(() => subsets.delete(memoryKey));
    // Keep the last few: a build prints one document, a batch or a test file a handful.
    for (const old of [...subsets.keys()].slice(0, Math.max(0, subsets.size - 32))) subsets.delete(old);
  }
  return subset;
}

async function makeSubset(file: string, characters: string, name: string): Promise<Buffer> {
  const identity = await fileIdentity(file);
  const make = async () => new Uint8Array(await subsetFont(await readFile(file), characters, { targetFormat: 'truetype' }));
  // A file that cannot be identified is read (and fails) as usual, uncached.
  const bytes = identity === undefined ? await make() : await cachedBytes('font-subsets', `${cacheKey(SUBSET_VERSION, identity, name)}.ttf`, make);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
