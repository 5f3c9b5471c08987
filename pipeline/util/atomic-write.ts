import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files of builds in progress, removed on failure or interruption. */
const pending = new Set<string>();

/** A set of outputs written to temporary files first and renamed into place together. */
export class OutputBatch {
  private readonly staged: { temporary: string; final: string }[] = [];

  /** Write one output to a hidden temporary file beside its final path. */
  async stage(finalPath: string, data: string | Uint8Array): Promise<void> {
    await mkdir(path.dirname(finalPath), { recursive: true });
    const temporary = path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${process.pid}.tmp`);
    pending.add(temporary);
    await writeFile(temporary, data);
    this.staged.push({ temporary, final: finalPath });
  }

  /** Rename every staged file into place (each rename is atomic on one file system). */
  async commit(): Promise<string[]> {
    for (const { temporary, final } of this.staged) {
      await rename(temporary, final);
      pending.delete(temporary);
    }
    return this.staged.map(({ final }) => final);
  }

  /** Remove every staged file, leaving the previous outputs as they were. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map(({ temporary }) => rm(temporary, { force: true })));
    for (const { temporary } of this.staged) pending.delete(temporary);
  }
}

/** Remove every temporary output still pending (for signal handlers; synchronous-safe best effort). */
export async function removePendingOutputs(): Promise<void> {
  await Promise.all([...pending].map((file) => rm(file, { force: true })));
  pending.clear();
}
