import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from './command.ts';

/** What a path is on disk: a regular file, a folder, something else (a pipe, a device, a socket), or nothing (or unreadable). */
export async function kindOf(target: string): Promise<'file' | 'folder' | 'other' | 'none'> {
  try {
    const stats = await stat(target);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/**
 * The usage problem with the command's paths, checked before any work: an input (for `compare`,
 * either edition) that is missing, a folder, or no regular file (a named pipe or a device would
 * block the read, or never end it, past any time limit; not checked for a batch), an `--out` (or a folder above it) that is a file. Undefined when both
 * can be used.
 */
export async function pathProblem(command: Command): Promise<string | undefined> {
  // A batch's inputs are checked one by one as it runs: one that cannot be read is a failed report.
  for (const file of command.batch ? [] : command.oldInput === undefined ? [command.input] : [command.oldInput, command.input]) {
    const input = await kindOf(file);
    if (input === 'none') return `cannot read ${file}: no such file`;
    if (input === 'folder') return `cannot read ${file}: it is a folder, not a ${command.command === 'import' ? 'Word' : 'Markdown'} file`;
    if (input === 'other') return `cannot read ${file}: it is not a regular file (a named pipe, a device or a socket)`;
  }
  for (const copy of command.copies) {
    const kind = await kindOf(copy);
    if (kind === 'none') return `cannot read ${copy}: no such file`;
    if (kind === 'folder') return `cannot read ${copy}: it is a folder, not a Word file`;
    if (kind === 'other') return `cannot read ${copy}: it is not a regular file (a named pipe, a device or a socket)`;
  }
  if (command.command === 'check') return undefined;
  // The nearest part of the --out path that exists must be a folder.
  for (let folder = path.resolve(command.outDir); ; folder = path.dirname(folder)) {
    const kind = await kindOf(folder);
    if (kind === 'folder') return undefined;
    if (kind === 'file' || kind === 'other') return folder === path.resolve(command.outDir) ? `--out ${command.outDir} is a file, not a folder` : `--out ${command.outDir}: ${folder} is a file, not a folder`;
    if (path.dirname(folder) === folder) return undefined;
  }
}
