/**
 * Saving the source from the preview's editor (`--edit`): only the source file, only when it is
 * still the text the editor loaded (by the SHA-256 of its bytes), written to a temporary file
 * beside it and renamed over it (atomic on one file system), keeping its permissions and any
 * byte-order mark. A file changed on disk since is never overwritten: the caller gets both texts.
 */
import { chmod, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { textVersion } from './session.ts';

/** The source as the editor loads it. */
export interface SourceText {
  text: string;
  /** SHA-256 of the file's bytes. */
  version: string;
}

/** What became of a save. */
export type SaveOutcome = { saved: true; version: string } | { saved: false; disk: SourceText };

const BOM = '\uFEFF';

/** Read the source for the editor. */
export async function readSourceText(file: string): Promise<SourceText> {
  const bytes = await readFile(file);
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text: text.startsWith(BOM) ? text.slice(1) : text, version: textVersion(bytes) };
}

/** Save `text` to the source if it is still at `version`; else give the text on disk. */
export async function saveSourceText(file: string, text: string, version: string): Promise<SaveOutcome> {
  const target = await realpath(file);
  const before = await readFile(target);
  if (textVersion(before) !== version) return { saved: false, disk: await readSourceText(target) };
  const bytes = Buffer.from((before.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? BOM : '') + text, 'utf8');
  const { mode } = await stat(target);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.preview.tmp`);
  try {
    await writeFile(temporary, bytes);
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, target);
  } catch (failure) {
    await rm(temporary, { force: true });
    throw failure;
  }
  return { saved: true, version: textVersion(bytes) };
}
