import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument, type SaveOptions } from '@cantoo/pdf-lib';

/** 16 bytes written as the file identifier before the real one is known (hex, 32 digits). */
const PLACEHOLDER = 'A5C3E1F0'.repeat(4);

/**
 * Save a document with a file identifier (the trailer's `/ID`) computed from its own bytes,
 * so that the same content always gives the same identifier and a different content a
 * different one. The document is saved once with a placeholder identifier; the first 16 bytes
 * of the SHA-256 of that output then replace the placeholder in place (same length, so no
 * offset moves). Both halves of `/ID` are the same, as for a newly created file.
 */
export async function saveWithContentId(document: PDFDocument, options: SaveOptions): Promise<Uint8Array> {
  const placeholder = PDFHexString.of(PLACEHOLDER);
  document.context.trailerInfo.ID = document.context.obj([placeholder, placeholder]);
  const bytes = await document.save(options);
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, PLACEHOLDER.length).toUpperCase();
  const output = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(`<${PLACEHOLDER}>`, 'latin1');
  const replacement = Buffer.from(`<${id}>`, 'latin1');
  let found = 0;
  for (let at = output.indexOf(needle); at !== -1; at = output.indexOf(needle, at + needle.length)) {
    replacement.copy(output, at);
    found++;
  }
  if (found !== 2) throw new Error(`PDF file identifier: expected the placeholder twice in the trailer, found it ${found} times`);
  return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
}
