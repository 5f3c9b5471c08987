import path from 'node:path';
import { VFile } from 'vfile';
import { flag } from './messages.ts';
import { readRegularFile } from './read-regular-file.ts';

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
  // Messages name the file as the user typed it; `file.dirname` still resolves against the cwd.
  const file = new VFile({ path: path.normalize(filePath), value: text, cwd: process.cwd() });
  if (badOffset !== undefined) {
    const before = text.slice(0, Math.max(0, badOffset));
    const line = before.split('\n').length;
    const column = badOffset - before.lastIndexOf('\n');
    flag(file, 'source-encoding', { line, column });
  }
  return file;
}
