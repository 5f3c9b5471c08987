import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';

/** The horizontal advances of one font face: how wide each character is set, in em. */
export interface FaceAdvances {
  /** The advance of a character in em, or undefined when the face has no glyph for it. */
  advance(codepoint: number): number | undefined;
}

const TABLES = new Set(['cmap', 'hhea', 'hmtx', 'head']);

/**
 * Read the advance widths of a TrueType/OpenType font (`.ttf`, `.otf`, the first font of a
 * `.ttc`) or a WOFF 1.0 file: its `cmap` (Unicode subtables of format 4 and 12), `hhea`, `hmtx`
 * and `head` (units per em). Kerning and shaping are left out: a chart's labels are measured to
 * lay them out, where a glyph's advance is what counts.
 */
export async function readAdvances(file: string): Promise<FaceAdvances> {
  return parseAdvances(await readFile(file), file);
}

/** {@link readAdvances} on bytes in memory; `name` is used in error messages. */
export function parseAdvances(data: Buffer, name: string): FaceAdvances {
  const tables = fontTables(data, name);
  const [cmap, hhea, hmtx, head] = ['cmap', 'hhea', 'hmtx', 'head'].map((tag) => tables.get(tag));
  if (!cmap || !hhea || !hmtx || !head) throw new Error(`${name}: lacks one of the cmap, hhea, hmtx and head tables`);
  const unitsPerEm = head.readUInt16BE(18) || 1000;
  const metrics = hhea.readUInt16BE(34);
  const lastAdvance = metrics > 0 ? hmtx.readUInt16BE((metrics - 1) * 4) : 0;
  const glyphOf = glyphLookup(cmap);
  return {
    advance(codepoint) {
      const glyph = glyphOf(codepoint);
      if (glyph === 0) return undefined;
      const units = glyph < metrics ? hmtx.readUInt16BE(glyph * 4) : lastAdvance;
      return units / unitsPerEm;
    },
  };
}

function fontTables(data: Buffer, name: string): Map<string, Buffer> {
  const signature = data.toString('latin1', 0, 4);
  const tables = new Map<string, Buffer>();
  if (signature === 'wOFF') {
    const count = data.readUInt16BE(12);
    for (let index = 0; index < count; index++) {
      const record = 44 + index * 20;
      const tag = data.toString('latin1', record, record + 4);
      if (!TABLES.has(tag)) continue;
      const offset = data.readUInt32BE(record + 4);
      const compressed = data.readUInt32BE(record + 8);
      const original = data.readUInt32BE(record + 12);
      const bytes = data.subarray(offset, offset + compressed);
      tables.set(tag, compressed < original ? inflateSync(bytes) : bytes);
    }
    return tables;
  }
  const start = signature === 'ttcf' ? data.readUInt32BE(12) : 0;
  const kind = data.toString('latin1', start, start + 4);
  if (kind !== '\0\x01\0\0' && kind !== 'OTTO' && kind !== 'true') throw new Error(`${name}: not a TrueType, OpenType or WOFF font`);
  const count = data.readUInt16BE(start + 4);
  for (let index = 0; index < count; index++) {
    const record = start + 12 + index * 16;
    const tag = data.toString('latin1', record, record + 4);
    if (TABLES.has(tag)) tables.set(tag, data.subarray(data.readUInt32BE(record + 8), data.readUInt32BE(record + 8) + data.readUInt32BE(record + 12)));
  }
  return tables;
}

/** Glyph id of a code point by the font's best Unicode cmap subtable (format 12, else 4); 0 when none. */
function glyphLookup(cmap: Buffer): (codepoint: number) => number {
  const count = cmap.readUInt16BE(2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let index = 0; index < count; index++) {
    const record = 4 + index * 8;
    const platform = cmap.readUInt16BE(record);
    const encoding = cmap.readUInt16BE(record + 2);
    const offset = cmap.readUInt32BE(record + 4);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) || offset >= cmap.length) continue;
    const format = cmap.readUInt16BE(offset);
    if (format === 12) format12 ??= offset;
    else if (format === 4) format4 ??= offset;
  }
  if (format12 !== undefined) {
    const at = format12;
    const groups = cmap.readUInt32BE(at + 12);
    return (codepoint) => {
      let low = 0;
      let high = groups - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const group = at + 16 + middle * 12;
        if (codepoint < cmap.readUInt32BE(group)) high = middle - 1;
        else if (codepoint > cmap.readUInt32BE(group + 4)) low = middle + 1;
        else return cmap.readUInt32BE(group + 8) + codepoint - cmap.readUInt32BE(group);
      }
      return 0;
    };
  }
  if (format4 === undefined) return () => 0;
  const at = format4;
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codepoint) => {
    if (codepoint > 0xffff) return 0;
    for (let segment = 0; segment < segments; segment++) {
      if (codepoint > cmap.readUInt16BE(ends + segment * 2)) continue;
      const start = cmap.readUInt16BE(starts + segment * 2);
      if (codepoint < start) return 0;
      const delta = cmap.readInt16BE(deltas + segment * 2);
      const rangeOffsetAt = rangeOffsets + segment * 2;
      const rangeOffset = cmap.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (codepoint + delta) & 0xffff;
      const glyphAt = rangeOffsetAt + rangeOffset + (codepoint - start) * 2;
      const glyph = glyphAt + 2 <= cmap.length ? cmap.readUInt16BE(glyphAt) : 0;
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
