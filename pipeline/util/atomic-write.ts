import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What happens to the outputs of this thread, for a supervisor that must clean up if the thread
 * is stopped: a temporary file is about to be written (`staged`) or is gone (`settled`: renamed
 * into place or removed); an output folder was created (`folder`, the outermost one created);
 * a batch starts or ends renaming its files into place (`committing`, `committed`), a short
 * moment that must not be cut in two.
 */
export type OutputEvent = { kind: 'staged' | 'settled'; file: string } | { kind: 'folder'; dir: string } | { kind: 'committing' | 'committed' };

const listeners = new Set<(event: OutputEvent) => void>();

function emit(event: OutputEvent): void {
  for (const listener of listeners) listener(event);
}

/** Be told of every temporary output and commit of this thread. Returns the function that stops listening. */
export function onOutputEvent(listener: (event: OutputEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The hidden temporary file an output is staged in: beside it, named after it and this process. */
function temporaryPathFor(finalPath: string, pid: number = process.pid): string {
  return path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${pid}.tmp`);
}

/**
 * Make `dir` and the folders above it that are missing, one level at a time; resolves to the
 * outermost folder made (undefined when `dir` existed). Not `mkdir({ recursive: true })`, which
 * under a file system that refuses new folders without saying EACCES (`/proc`: ENOENT) tries
 * again forever at full speed.
 */
async function makeFolders(dir: string): Promise<string | undefined> {
  // The folders that are missing, innermost first, up to one that exists or could be made.
  const missing: string[] = [];
  let outermost: string | undefined;
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    try {
      await mkdir(folder);
      outermost = folder;
      break;
    } catch (failure) {
      const code = (failure as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') break;
      if (code !== 'ENOENT' || path.dirname(folder) === folder) throw failure;
      missing.push(folder);
    }
  }
  // Then the rest, outermost first; a second ENOENT now is a file system that will not have it.
  // Another build of the same process (a batch) may make one of them meanwhile: that is no failure.
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
      outermost ??= folder;
    } catch (failure) {
      if ((failure as NodeJS.ErrnoException).code !== 'EEXIST') throw failure;
    }
  }
  return outermost;
}

/** A set of outputs written to temporary files first and renamed into place together. */
export class OutputBatch {
  private readonly staged: { temporary: string; final: string }[] = [];
  /** Folders this batch created for its outputs, each the outermost of those made by one `mkdir`. */
  private readonly folders: { outermost: string; innermost: string }[] = [];

  /** Write one output to a hidden temporary file beside its final path. */
  async stage(finalPath: string, data: string | Uint8Array): Promise<void> {
    const created = await makeFolders(path.dirname(finalPath));
    if (created !== undefined) {
      this.folders.push({ outermost: created, innermost: path.dirname(finalPath) });
      emit({ kind: 'folder', dir: created });
    }
    const temporary = temporaryPathFor(finalPath);
    emit({ kind: 'staged', file: temporary });
    this.staged.push({ temporary, final: finalPath });
    await writeFile(temporary, data);
  }

  /** Rename every staged file into place (each rename is atomic on one file system). */
  async commit(): Promise<string[]> {
    emit({ kind: 'committing' });
    try {
      for (const { temporary, final } of this.staged) {
        await rename(temporary, final);
        emit({ kind: 'settled', file: temporary });
      }
    } finally {
      emit({ kind: 'committed' });
    }
    return this.staged.map(({ final }) => final);
  }

  /** Remove every staged file and the folders made for them, leaving the previous outputs as they were. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map(({ temporary }) => rm(temporary, { force: true })));
    for (const { temporary } of this.staged) emit({ kind: 'settled', file: temporary });
    for (const { outermost, innermost } of this.folders) await removeEmptyFolders(innermost, outermost);
  }
}

/**
 * Remove `innermost` and its parents up to and including `outermost` while they are empty: the
 * folders a build created for outputs it never wrote. A folder something else put a file in
 * stays. Never throws.
 */
export async function removeEmptyFolders(innermost: string, outermost: string): Promise<void> {
  const relative = path.relative(outermost, innermost);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return;
  for (let dir = innermost; ; dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    if (dir === outermost) return;
  }
}

/**
 * Remove the temporary outputs process `pid` left in `dir` (hidden `.<name>.<pid>.tmp` files),
 * whatever thread was writing them: the sweep after a build was stopped mid-write. Resolves to
 * the files removed. Never throws.
 */
export async function removeTemporaryOutputs(dir: string, pid: number = process.pid): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const suffix = `.${pid}.tmp`;
  const leftovers = names.filter((name) => name.startsWith('.') && name.endsWith(suffix)).map((name) => path.join(dir, name));
  await Promise.all(leftovers.map((file) => rm(file, { force: true }).catch(() => undefined)));
  return leftovers;
}
