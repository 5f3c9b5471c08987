/**
 * `--editor <cmd>`: open a place of the source in the user's editor. The command is split into
 * words (single or double quotes group words) and run without a shell; `{file}`, `{line}` and
 * `{column}` in it are replaced, else `<file>:<line>` is added as its last argument
 * (`code -g` → `code -g report.md:12`; `vim +{line} {file}`).
 */
import { spawn } from 'node:child_process';

/** The words of a command line: split at white space, quotes grouping (no escapes, no shell). */
export function commandWords(command: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of command.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

/** The program and arguments that open `file` at `line`:`column` with `command`. */
export function editorArguments(command: string, file: string, line: number, column = 1): string[] {
  const words = commandWords(command);
  const placed = words.some((word) => /\{(file|line|column)\}/.test(word));
  if (!placed) return [...words, `${file}:${line}`];
  return words.map((word) => word.replaceAll('{file}', file).replaceAll('{line}', String(line)).replaceAll('{column}', String(column)));
}

/** Run the editor (detached: it may outlive the preview); resolves once it started, rejects if it could not. */
export function openInEditor(command: string, file: string, line: number, column = 1): Promise<void> {
  const [program, ...args] = editorArguments(command, file, line, column);
  if (program === undefined) return Promise.reject(new Error('--editor is empty'));
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { detached: true, stdio: 'ignore' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
