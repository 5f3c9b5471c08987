import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from './command.ts';

/** What a path is on disk: a file, a folder, or nothing (or unreadable). */
async function kindOf(target: string): Promise<'file' | 'folder' | 'none'> {
  try {
    return (await stat(target)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'none';
  }
}

/**
 * The usage problem with the command's paths, checked before any work: an input that is missing
 * or a folder, an `--out` (or a folder above it) that is a file. Undefined when both can be used.
 */
export async function pathProblem(command: Command): Promise<string | undefined> {
  const input = await kindOf(command.input);
  if (input === 'none') return `cannot read ${command.input}: no such file`;
  if (input === 'folder') return `cannot read ${command.input}: it is a folder, not a Markdown file`;
  if (command.command !== 'build') return undefined;
  // The nearest part of the --out path that exists must be a folder.
  for (let folder = path.resolve(command.outDir); ; folder = path.dirname(folder)) {
    const kind = await kindOf(folder);
    if (kind === 'folder') return undefined;
    if (kind === 'file') return folder === path.resolve(command.outDir) ? `--out ${command.outDir} is a file, not a folder` : `--out ${command.outDir}: ${folder} is a file, not a folder`;
    if (path.dirname(folder) === folder) return undefined;
  }
}
