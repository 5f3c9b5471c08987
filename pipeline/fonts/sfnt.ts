import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { CodepointSet, type CodepointRange } from './codepoints.ts';

/** How a font draws its glyphs, which decides how Chromium embeds it in a PDF. */
export type OutlineFormat = 'truetype' | 'cff';

/** What report-press needs to know about a font file. */
export interface FontFileInfo {
  /** Code points the font maps to a glyph (its `cmap`). */
  codepoints: CodepointSet;
  /**
   * `truetype` (a `glyf` table): Chromium embeds it as a subset CID TrueType font.
   * `cff` (`CFF `/`CFF2`): Chromium turns it into Type 3 fonts, which print shops reject.
   */
  outlines: OutlineFormat;
  /** A variable font (`fvar`): Chromium prints those as Type 3 too. */
  variable: boolean;
}

/** A font file that cannot be read as TrueType/OpenType (or WOFF around one). */
export class FontFileError extends Error {}

interface Table {
  tag: string;
  bytes: Buffer;
}

/**
 * Read a font file: a TrueType or OpenType font (`.ttf`, `.otf`), the first font of a
 * collection (`.ttc`), or a WOFF 1.0 file (`.woff`). WOFF2 is not read (its tables are one
 * Brotli stream with transformed glyphs); fontsource packages ship a `.woff` beside each
 * `.woff2`, and report-press reads that one.
 */
export async function readFontFile(file: string): Promise<FontFileInfo> {
  return parseFont(await readFile(file), file);
}

/** {@link readFontFile} on bytes already in memory; `name` is used in error messages. */
export function parseFont(data: Buffer, name: string): FontFileInfo {
  const tables = readTables(data, name);
  const cmap = tables.get('cmap');
  if (!cmap) throw new FontFileError(`${name}: no cmap table`);
  const outlines: OutlineFormat | undefined = tables.has('glyf') ? 'truetype' : tables.has('CFF ') || tables.has('CFF2') ? 'cff' : undefined;
  if (!outlines) throw new FontFileError(`${name}: neither TrueType (glyf) nor CFF outlines`);
  return { codepoints: readCmap(cmap, name), outlines, variable: tables.has('fvar') };
}

function readTables(data: Buffer, name: string): Map<string, Buffer> {
  if (data.length < 12) throw new FontFileError(`${name}: too short to be a font`);
  const signature = data.toString('latin1', 0, 4);
  if (signature === 'wOFF') return readWoffTables(data, name);
  if (signature === 'wOF2') throw new FontFileError(`${name}: WOFF2 is not read; name the .woff, .ttf or .otf file`);
  if (signature === 'ttcf') {
    const first = data.readUInt32BE(12);
    return readSfntTables(data, first, name);
  }
  if (signature === '\0\x01\0\0' || signature === 'OTTO' || signature === 'true') return readSfntTables(data, 0, name);
  throw new FontFileError(`${name}: not a TrueType, OpenType or WOFF font`);
}

function readSfntTables(data: Buffer, start: number, name: string): Map<string, Buffer> {
  const count = data.readUInt16BE(start + 4);
  const tables = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    const record = start + 12 + index * 16;
    if (record + 16 > data.length) throw new FontFileError(`${name}: truncated table directory`);
    const tag = data.toString('latin1', record, record + 4);
    const offset = data.readUInt32BE(record + 8);
    const length = data.readUInt32BE(record + 12);
    if (offset + length > data.length) throw new FontFileError(`${name}: table ${tag} runs past the end of the file`);
    tables.set(tag, data.subarray(offset, offset + length));
  }
  return tables;
}

function readWoffTables(data: Buffer, name: string): Map<string, Buffer> {
  const count = data.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  const wanted = new Set(['cmap', 'glyf', 'CFF ', 'CFF2', 'fvar']);
  for (let index = 0; index < count; index++) {
    const record = 44 + index * 20;
    const tag = data.toString('latin1', record, record + 4);
    if (!wanted.has(tag)) continue;
    const offset = data.readUInt32BE(record + 4);
    const compressed = data.readUInt32BE(record + 8);
    const original = data.readUInt32BE(record + 12);
    const bytes = data.subarray(offset, offset + compressed);
    // Only the cmap is read; the other tables just need to be present.
    const table: Table = { tag, bytes: tag === 'cmap' && compressed < original ? inflateSync(bytes) : bytes };
    tables.set(table.tag, table.bytes);
  }
  if (tables.size === 0) throw new FontFileError(`${name}: a WOFF file without the tables a font needs`);
  return tables;
}

/**
 * The code points of every Unicode subtable of a `cmap` (platform 0, and platform 3 with
 * encodings 1 and 10), formats 4 and 12; code points mapped to glyph 0 (`.notdef`) are left out.
 */
function readCmap(cmap: Buffer, name: string): CodepointSet {
  const count = cmap.readUInt16BE(2);
  const ranges: CodepointRange[] = [];
  const seen = new Set<number>();
  for (let index = 0; index < count; index++) {
    const record = 4 + index * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    const offset = cmap.readUInt32BE(record + 4);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    if (seen.has(offset) || offset >= cmap.length) continue;
    seen.add(offset);
    const format = cmap.readUInt16BE(offset);
    if (format === 4) readFormat4(cmap, offset, ranges);
    else if (format === 12) readFormat12(cmap, offset, ranges);
  }
  if (ranges.length === 0) throw new FontFileError(`${name}: no Unicode cmap subtable of format 4 or 12`);
  return CodepointSet.fromRanges(ranges);
}

function readFormat4(cmap: Buffer, offset: number, ranges: CodepointRange[]): void {
  const segments = cmap.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment++) {
    const end = cmap.readUInt16BE(ends + segment * 2);
    const start = cmap.readUInt16BE(starts + segment * 2);
    const delta = cmap.readInt16BE(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = cmap.readUInt16BE(rangeOffsetAt);
    if (start === 0xffff) continue;
    let runStart = -1;
    for (let codepoint = start; codepoint <= end; codepoint++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (codepoint + delta) & 0xffff;
      } else {
        const at = rangeOffsetAt + rangeOffset + (codepoint - start) * 2;
        glyph = at + 2 <= cmap.length ? cmap.readUInt16BE(at) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0 && runStart === -1) runStart = codepoint;
      if (glyph === 0 && runStart !== -1) {
        ranges.push([runStart, codepoint - 1]);
        runStart = -1;
      }
    }
    if (runStart !== -1) ranges.push([runStart, end]);
  }
}

function readFormat12(cmap: Buffer, offset: number, ranges: CodepointRange[]): void {
  const groups = cmap.readUInt32BE(offset + 12);
  for (let group = 0; group < groups; group++) {
    const at = offset + 16 + group * 12;
    const first = cmap.readUInt32BE(at);
    const last = cmap.readUInt32BE(at + 4);
    const glyph = cmap.readUInt32BE(at + 8);
    ranges.push([glyph === 0 ? first + 1 : first, last]);
  }
}
