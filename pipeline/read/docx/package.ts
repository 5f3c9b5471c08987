/**
 * Open a .docx package: recognise what is not one (a .doc, an encrypted file, something else),
 * and unzip it within limits checked on the central directory before anything is inflated, so
 * that a zip bomb is refused without being expanded.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { DocxReadError } from './errors.ts';

/** Most bytes all parts may hold once inflated. */
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
/** Most bytes one part may hold once inflated. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
/** Highest inflated/compressed ratio of a part over {@link RATIO_FLOOR_BYTES} (XML reaches about 30). */
export const MAX_RATIO = 200;
/** Parts smaller than this are not checked for their ratio. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Most entries a package may hold. */
export const MAX_ENTRIES = 20_000;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The parts of a package, by their names (no leading slash). */
export type DocxParts = ReadonlyMap<string, Uint8Array>;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Whether an OLE2 compound file holds a stream of this name (directory entries are UTF-16LE). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const pattern = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

/**
 * Unzip a .docx. Throws {@link DocxReadError} for an OLE2 file (an encrypted .docx or a Word
 * 97–2003 .doc), a file that is no zip, a corrupt zip, or one whose declared sizes pass the limits.
 */
export function openPackage(bytes: Uint8Array): DocxParts {
  if (startsWith(bytes, OLE2)) {
    if (hasStream(bytes, 'EncryptedPackage') || hasStream(bytes, 'EncryptionInfo')) throw new DocxReadError({ rule: 'import-encrypted' });
    throw new DocxReadError({ rule: 'import-legacy-doc' });
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw new DocxReadError({ rule: 'import-not-docx', kind: 'not-zip' });
  let total = 0;
  let entries = 0;
  const limit = (info: UnzipFileInfo): boolean => {
    entries++;
    total += info.originalSize;
    const ratio = info.size > 0 ? info.originalSize / info.size : info.originalSize;
    if (entries > MAX_ENTRIES || info.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
      throw new DocxReadError({ rule: 'import-too-large', megabytes: Math.round(total / 1048576), limitMegabytes: MAX_TOTAL_BYTES / 1048576 });
    }
    if (info.originalSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
      throw new DocxReadError({ rule: 'import-too-large', megabytes: Math.round(info.originalSize / 1048576), limitMegabytes: MAX_TOTAL_BYTES / 1048576, ratio: Math.round(ratio) });
    }
    // Folders and parts a reader never needs are not inflated.
    return !info.name.endsWith('/');
  };
  let files: Record<string, Uint8Array>;
  try {
    // fflate inflates each entry into a buffer of the size the central directory declares, so a
    // part can never grow past what `limit` accepted.
    files = unzipSync(bytes, { filter: limit });
  } catch (failure) {
    if (failure instanceof DocxReadError) throw failure;
    throw new DocxReadError({ rule: 'import-not-docx', kind: 'corrupt' });
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) parts.set(name.replace(/^\/+/, ''), data);
  if (!parts.has('word/document.xml') && mainDocumentName(parts) === undefined) throw new DocxReadError({ rule: 'import-not-docx', kind: 'no-document' });
  return parts;
}

/** The main document part named by the package relationships (`word/document.xml` as a rule). */
export function mainDocumentName(parts: DocxParts): string | undefined {
  const rels = parts.get('_rels/.rels');
  if (rels === undefined) return parts.has('word/document.xml') ? 'word/document.xml' : undefined;
  const text = new TextDecoder().decode(rels);
  const match = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(text);
  const target = match ? /Target="([^"]*)"/.exec(match[0])?.[1] : undefined;
  const name = target?.replace(/^\/+/, '');
  return name !== undefined && parts.has(name) ? name : parts.has('word/document.xml') ? 'word/document.xml' : undefined;
}
