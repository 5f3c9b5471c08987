import path from 'node:path';
import { VFile } from 'vfile';
import { flag } from './messages.ts';
import { readRegularFile } from './read-regular-file.ts';

/**
 * A Markdown source held in memory as a VFile named `filePath` (a byte-order mark dropped):
 * messages name the file as the user typed it, and `file.dirname` resolves against the cwd.
 */
export async function sourceFromText(filePath: string, text: string): Promise<VFile> {
  return new VFile({ path: path.normalize(filePath), value: text.startsWith('\uFEFF') ? text.slice(1) : text, cwd: process.cwd() });
}

/**
 * Read a Markdown source as a VFile. Invalid UTF-8 is an error at the first bad byte's line and
 * column (the text is still decoded with replacement characters so other checks can run);
 * a byte-order mark is dropped.
 */
export async function readSource(filePath: string): Promise<VFile> {
  const bytes = await readRegularFile(filePath);
  let text: string;
  let badOffset: number | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    badOffset = text.indexOf('\uFFFD');
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const file = await sourceFromText(filePath, text);
  if (badOffset !== undefined) {
    const before = text.slice(0, Math.max(0, badOffset));
    const line = before.split('\n').length;
    const column = badOffset - before.lastIndexOf('\n');
    flag(file, 'source-encoding', { line, column });
  }
  return file;
}
