import { chmod, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One automatic correction of the source, found by a transform: replace `old` at `offset` by
 * `new`. Offsets count UTF-16 code units in the parsed text (`String(file.value)`, which has no
 * byte-order mark), as unist positions do.
 */
export interface SourceEdit {
  /** Start of the replaced text in the parsed source text. */
  offset: number;
  /** The text found there (checked again before rewriting). */
  old: string;
  /** Its replacement. */
  new: string;
  /** The rule that asked for the edit (the rule id of its warning). */
  ruleId: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Source edits that `press check --fix` applies, in source order. */
    fixes: SourceEdit[];
  }
}

/** Why a source could not be rewritten. */
export class FixError extends Error {}

/**
 * Apply `edits` to `text`, from the end backwards so that earlier offsets stay valid. Every edit
 * is checked against the text it replaces; overlapping edits are refused.
 */
export function applyEdits(text: string, edits: readonly SourceEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1];
    const current = sorted[index];
    if (previous && current && previous.offset + previous.old.length > current.offset) throw new FixError(`overlapping edits at offset ${current.offset}`);
  }
  let result = text;
  for (const edit of sorted.reverse()) {
    if (result.slice(edit.offset, edit.offset + edit.old.length) !== edit.old) {
      throw new FixError(`the source does not have "${edit.old}" at offset ${edit.offset}`);
    }
    result = result.slice(0, edit.offset) + edit.new + result.slice(edit.offset + edit.old.length);
  }
  return result;
}

const BOM = '\uFEFF';

/**
 * Split the bytes of a source file the way `readSource` reads it: the byte-order marks it drops,
 * and the text that positions and edits refer to. Invalid UTF-8 is refused (rewriting would
 * replace the bad bytes).
 */
function splitSource(bytes: Uint8Array): { prefix: string; text: string } {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FixError('the file is not valid UTF-8');
  }
  let prefix = '';
  // readSource loses the BOM in the decoder, then once more with `startsWith`.
  if (decoded.startsWith(BOM)) prefix += BOM;
  if (decoded.startsWith(BOM, prefix.length)) prefix += BOM;
  return { prefix, text: decoded.slice(prefix.length) };
}

/**
 * Rewrite the source file at `filePath` in place with `edits`, which were computed on
 * `parsedText` (the text of the check that found them). Only the edited characters change: the
 * byte-order mark, line endings and every other byte stay as they were. The new content is
 * written to a temporary file beside the real file (symbolic links are followed) and renamed over
 * it, keeping its permissions. Resolves to the number of edits applied.
 */
export async function applyFixesToFile(filePath: string, parsedText: string, edits: readonly SourceEdit[]): Promise<number> {
  if (edits.length === 0) return 0;
  const target = await realpath(filePath);
  const { prefix, text } = splitSource(await readFile(target));
  if (text !== parsedText) throw new FixError('the file changed while it was being checked; run the check again');
  const fixed = applyEdits(text, edits);
  const { mode } = await stat(target);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.fix.tmp`);
  try {
    await writeFile(temporary, prefix + fixed, 'utf8');
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, target);
  } catch (failure) {
    await rm(temporary, { force: true });
    throw failure;
  }
  return edits.length;
}
