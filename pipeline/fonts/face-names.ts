/**
 * The names a TrueType/OpenType face gives itself (its `name` table), read and rewritten.
 *
 * fontsource's Noto Serif SC and Noto Sans SC files are static instances of Google's variable
 * fonts, cut at the right weight (their outlines and OS/2 weight class are Regular's and Bold's)
 * but still named after the variable font's default master: `NotoSerifSCExtraLight-Regular`,
 * `NotoSansSCThin-Regular`. Chromium writes that PostScript name into the PDF as the font's
 * name, and a print shop's preflight reads it as a hairline face. {@link renameFace} names a
 * face after its family and its real weight instead, as the OpenType specification's naming
 * rules have it (IDs 1, 2, 4, 6, and 16/17 for weights other than Regular and Bold).
 *
 * Hand-written rather than a library: the npm font libraries either only read (fontkit) or
 * rebuild every table of the font (opentype.js), and only the `name` table may change here.
 */

/** The names of a face that say which face it is. */
export interface FaceNames {
  /** Name ID 1: the family as Windows groups it (Regular, Italic, Bold and Bold Italic share it). */
  family: string;
  /** Name ID 2: `Regular`, `Italic`, `Bold` or `Bold Italic`. */
  subfamily: string;
  /** Name ID 4. */
  fullName: string;
  /** Name ID 6, which PDF writers use as the font's name (`NotoSerifSC-Bold`). */
  postScriptName: string;
  /** Name ID 16, when the face is neither Regular nor Bold: the whole family (`Noto Serif SC`). */
  typographicFamily?: string;
  /** Name ID 17, with ID 16: the face within it (`Medium`, `SemiBold Italic`). */
  typographicSubfamily?: string;
}

/** What {@link readFaceNames} finds: the names, and what the face's OS/2 table says it is. */
export interface FaceIdentity extends FaceNames {
  /** Name ID 3, the unique identifier (often `<version>;<vendor>;<PostScript name>`). */
  uniqueId?: string;
  /** OS/2 `usWeightClass` (400 Regular, 700 Bold); 400 when the face has no OS/2 table. */
  weightClass: number;
  /** OS/2 `fsSelection` bit 0. */
  italic: boolean;
}

/** The OpenType weight names, for `usWeightClass` 100 … 900. */
const WEIGHT_NAMES = ['Thin', 'ExtraLight', 'Light', 'Regular', 'Medium', 'SemiBold', 'Bold', 'ExtraBold', 'Black'] as const;

/** The name of a weight class, nearest hundred (an ExtraLight of 250 is ExtraLight). */
export function weightName(weightClass: number): string {
  const index = Math.min(8, Math.max(0, Math.floor((weightClass + 49) / 100) - 1));
  return WEIGHT_NAMES[index] ?? 'Regular';
}

/** The names of the face of `family` with this weight class and slant, as OpenType names them. */
export function namesFor(family: string, weightClass: number, italic: boolean): FaceNames {
  const weight = weightName(weightClass);
  const postScriptFamily = family.replace(/[^\x21-\x7e]|[[\](){}<>/%]/g, '');
  if (weight === 'Regular' || weight === 'Bold') {
    const subfamily = weight === 'Bold' ? (italic ? 'Bold Italic' : 'Bold') : italic ? 'Italic' : 'Regular';
    return { family, subfamily, fullName: `${family} ${subfamily}`, postScriptName: `${postScriptFamily}-${subfamily.replace(' ', '')}` };
  }
  const style = italic ? `${weight} Italic` : weight;
  return {
    family: `${family} ${weight}`,
    subfamily: italic ? 'Italic' : 'Regular',
    fullName: `${family} ${style}`,
    postScriptName: `${postScriptFamily}-${style.replace(' ', '')}`,
    typographicFamily: family,
    typographicSubfamily: style,
  };
}

/** One record of a `name` table, its string as stored. */
interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  nameId: number;
  bytes: Buffer;
}

/** Table tags of an sfnt with their bytes, in the order of its table directory. */
function readTables(font: Uint8Array): { version: number; tables: [string, Buffer][] } {
  const data = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  if (data.length < 12) throw new Error('not a TrueType or OpenType font: too short');
  const version = data.readUInt32BE(0);
  if (version !== 0x00010000 && data.toString('latin1', 0, 4) !== 'OTTO' && data.toString('latin1', 0, 4) !== 'true') {
    throw new Error('not a TrueType or OpenType font (a WOFF, WOFF2 or collection is not renamed)');
  }
  const tables: [string, Buffer][] = [];
  for (let index = 0; index < data.readUInt16BE(4); index++) {
    const record = 12 + index * 16;
    const offset = data.readUInt32BE(record + 8);
    const length = data.readUInt32BE(record + 12);
    if (record + 16 > data.length || offset + length > data.length) throw new Error('truncated font');
    tables.push([data.toString('latin1', record, record + 4), data.subarray(offset, offset + length)]);
  }
  return { version, tables };
}

function readNameRecords(name: Buffer): { records: NameRecord[]; langTags: Buffer[] } {
  const format = name.readUInt16BE(0);
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  const records: NameRecord[] = [];
  for (let index = 0; index < count; index++) {
    const at = 6 + index * 12;
    const length = name.readUInt16BE(at + 8);
    const offset = storage + name.readUInt16BE(at + 10);
    records.push({ platform: name.readUInt16BE(at), encoding: name.readUInt16BE(at + 2), language: name.readUInt16BE(at + 4), nameId: name.readUInt16BE(at + 6), bytes: name.subarray(offset, offset + length) });
  }
  const langTags: Buffer[] = [];
  if (format === 1) {
    const tagsAt = 6 + count * 12;
    for (let index = 0; index < name.readUInt16BE(tagsAt); index++) {
      const at = tagsAt + 2 + index * 4;
      const offset = storage + name.readUInt16BE(at + 2);
      langTags.push(name.subarray(offset, offset + name.readUInt16BE(at)));
    }
  }
  return { records, langTags };
}

function decodeRecord(record: NameRecord): string {
  if (record.platform === 0 || record.platform === 3) return Buffer.from(record.bytes).swap16().toString('utf16le');
  return record.bytes.toString('latin1');
}

/** A name, preferring Windows English (3, 1, 0x409), then any Unicode record, then Macintosh. */
function nameOf(records: readonly NameRecord[], nameId: number): string | undefined {
  const rank = (record: NameRecord): number => (record.platform === 3 && record.language === 0x409 ? 0 : record.platform === 3 || record.platform === 0 ? 1 : 2);
  const found = records.filter((record) => record.nameId === nameId && record.bytes.length % (record.platform === 1 ? 1 : 2) === 0).sort((a, b) => rank(a) - rank(b))[0];
  return found ? decodeRecord(found) : undefined;
}

/** The names of a TrueType/OpenType face and the weight and slant of its OS/2 table. */
export function readFaceNames(font: Uint8Array): FaceIdentity {
  const tables = new Map(readTables(font).tables);
  const name = tables.get('name');
  const { records } = name ? readNameRecords(name) : { records: [] };
  const os2 = tables.get('OS/2');
  const optional = (key: keyof FaceIdentity, nameId: number) => {
    const value = nameOf(records, nameId);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    family: nameOf(records, 1) ?? '',
    subfamily: nameOf(records, 2) ?? '',
    fullName: nameOf(records, 4) ?? '',
    postScriptName: nameOf(records, 6) ?? '',
    ...optional('typographicFamily', 16),
    ...optional('typographicSubfamily', 17),
    ...optional('uniqueId', 3),
    weightClass: os2 && os2.length >= 6 ? os2.readUInt16BE(4) : 400,
    italic: os2 && os2.length >= 64 ? (os2.readUInt16BE(62) & 1) === 1 : false,
  };
}

/** Name IDs {@link renameFace} writes anew (3 only where it held the old PostScript name). */
const RENAMED_IDS = new Set([1, 2, 4, 6, 16, 17]);

/**
 * The face with its names made those of `family` at its real weight and slant (its OS/2
 * `usWeightClass` and `fsSelection`): IDs 1, 2, 4, 6 (16 and 17 outside Regular/Bold) as
 * Windows English records, the old PostScript name inside the unique identifier (ID 3)
 * replaced too. Every other table, and every other name (copyright, version, licence), is kept
 * byte for byte; the table directory's checksums and `head.checkSumAdjustment` are recomputed.
 * A face already named so is returned as it is (the same buffer).
 */
export function renameFace(font: Buffer, family: string): Buffer {
  const current = readFaceNames(font);
  const wanted = namesFor(family, current.weightClass, current.italic);
  const same =
    current.family === wanted.family &&
    current.subfamily === wanted.subfamily &&
    current.fullName === wanted.fullName &&
    current.postScriptName === wanted.postScriptName &&
    current.typographicFamily === wanted.typographicFamily &&
    current.typographicSubfamily === wanted.typographicSubfamily;
  if (same) return font;
  const { version, tables } = readTables(font);
  const name = tables.find(([tag]) => tag === 'name')?.[1];
  const { records: old, langTags } = name ? readNameRecords(name) : { records: [], langTags: [] };
  const oldPostScript = current.postScriptName;
  const uniqueId = current.uniqueId !== undefined && oldPostScript !== '' && current.uniqueId.includes(oldPostScript) ? current.uniqueId.replace(oldPostScript, wanted.postScriptName) : undefined;
  const windows = (nameId: number, text: string): NameRecord => ({ platform: 3, encoding: 1, language: 0x409, nameId, bytes: Buffer.from(text, 'utf16le').swap16() });
  const records = old.filter((record) => !RENAMED_IDS.has(record.nameId) && !(uniqueId !== undefined && record.nameId === 3));
  records.push(windows(1, wanted.family), windows(2, wanted.subfamily), windows(4, wanted.fullName), windows(6, wanted.postScriptName));
  if (uniqueId !== undefined) records.push(windows(3, uniqueId));
  if (wanted.typographicFamily !== undefined) records.push(windows(16, wanted.typographicFamily));
  if (wanted.typographicSubfamily !== undefined) records.push(windows(17, wanted.typographicSubfamily));
  records.sort((a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.nameId - b.nameId);
  const renamed = tables.map(([tag, bytes]): [string, Buffer] => [tag, tag === 'name' ? writeNameTable(records, langTags) : bytes]);
  if (!name) renamed.push(['name', writeNameTable(records, langTags)]);
  renamed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return writeSfnt(version, renamed);
}

function writeNameTable(records: readonly NameRecord[], langTags: readonly Buffer[]): Buffer {
  const headerLength = 6 + records.length * 12 + (langTags.length > 0 ? 2 + langTags.length * 4 : 0);
  const strings: Buffer[] = [];
  let storageLength = 0;
  const place = (bytes: Buffer): number => {
    const offset = storageLength;
    strings.push(bytes);
    storageLength += bytes.length;
    return offset;
  };
  const header = Buffer.alloc(headerLength);
  header.writeUInt16BE(langTags.length > 0 ? 1 : 0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(headerLength, 4);
  records.forEach((record, index) => {
    const at = 6 + index * 12;
    header.writeUInt16BE(record.platform, at);
    header.writeUInt16BE(record.encoding, at + 2);
    header.writeUInt16BE(record.language, at + 4);
    header.writeUInt16BE(record.nameId, at + 6);
    header.writeUInt16BE(record.bytes.length, at + 8);
    header.writeUInt16BE(place(record.bytes), at + 10);
  });
  if (langTags.length > 0) {
    const tagsAt = 6 + records.length * 12;
    header.writeUInt16BE(langTags.length, tagsAt);
    langTags.forEach((tag, index) => {
      header.writeUInt16BE(tag.length, tagsAt + 2 + index * 4);
      header.writeUInt16BE(place(tag), tagsAt + 4 + index * 4);
    });
  }
  if (storageLength > 0xffff) throw new Error('name table too large');
  return Buffer.concat([header, ...strings]);
}

/** Sum of big-endian 32-bit words, the last one padded with zeros (the sfnt checksum). */
function checksum(bytes: Buffer): number {
  let sum = 0;
  const whole = bytes.length - (bytes.length % 4);
  for (let at = 0; at < whole; at += 4) sum = (sum + bytes.readUInt32BE(at)) >>> 0;
  if (whole < bytes.length) {
    const last = Buffer.alloc(4);
    bytes.copy(last, 0, whole);
    sum = (sum + last.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

function writeSfnt(version: number, tables: readonly [string, Buffer][]): Buffer {
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  let headAt = -1;
  tables.forEach(([tag, original], index) => {
    const bytes = Buffer.from(original);
    if (tag === 'head' && bytes.length >= 12) {
      bytes.writeUInt32BE(0, 8);
      headAt = offset;
    }
    const record = 12 + index * 16;
    header.write(tag, record, 4, 'latin1');
    header.writeUInt32BE(checksum(bytes), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(bytes.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(bytes.length / 4) * 4);
    bytes.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat(parts);
  if (headAt >= 0) font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}
