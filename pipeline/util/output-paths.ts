import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Why the outputs cannot be written where they are asked for. */
export type OutputPathProblem = { kind: 'not-folder'; path: string } | { kind: 'folder-in-way'; path: string };

/** The file's kind, following symbolic links, or undefined when nothing is there. */
async function kindOf(file: string): Promise<'folder' | 'other' | undefined> {
  try {
    return (await stat(file)).isDirectory() ? 'folder' : 'other';
  } catch {
    return undefined;
  }
}

/**
 * What stands in the way of writing `outputs` into `outDir`, found before anything is rendered
 * or written: the output folder (or the nearest of its parents that exists) is a file, or a
 * folder has the name of an output. Renaming the outputs into place would then fail half way,
 * after some had already replaced their previous versions.
 */
export async function outputPathProblems(outDir: string, outputs: readonly string[]): Promise<OutputPathProblem[]> {
  for (let dir = outDir; ; dir = path.dirname(dir)) {
    const kind = await kindOf(dir);
    if (kind === 'other') return [{ kind: 'not-folder', path: dir }];
    if (kind === 'folder' || path.dirname(dir) === dir) break;
  }
  const problems: OutputPathProblem[] = [];
  for (const output of outputs) if ((await kindOf(output)) === 'folder') problems.push({ kind: 'folder-in-way', path: output });
  return problems;
}
