/**
 * `press import <file.docx> [--out <dir>] [--track-changes accept|reject|all]`: read a Word file
 * and write `<dir>/<name>.md` and its images in `<dir>/<name>-media/`, staged and renamed into
 * place together (nothing half-written, nothing outside `--out`). Warnings are printed as
 * `<file.docx>: paragraph N ("excerpt…"): warning: text [rule-id]`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ruleText } from '../util/catalogue/catalogue.ts';
import { OutputBatch } from '../util/atomic-write.ts';
import { DocxReadError, readDocx, type ImportWarning } from '../read/docx/read-docx.ts';
import { docxToMarkdown } from '../read/docx/markdown.ts';
import { safeFileName } from '../read/docx/media.ts';
import type { TrackChanges } from '../read/docx/types.ts';
import { EXIT } from './command.ts';
import type { CommandIo } from './run-command.ts';

/** What `press import` needs. */
export interface ImportCommand {
  input: string;
  outDir: string;
  trackChanges: TrackChanges;
  quiet: boolean;
}

/** One warning as the command prints it. */
export function formatImportWarning(file: string, warning: ImportWarning): string {
  const where = warning.paragraph > 0 ? `: paragraph ${warning.paragraph}${warning.excerpt === '' ? '' : ` ("${warning.excerpt}…")`}` : '';
  return `${file}${where}: warning: ${warning.message} [${warning.ruleId}]`;
}

/** Run `press import`; resolves to the exit status. */
export async function runImport(command: ImportCommand, io: CommandIo): Promise<number> {
  const stderr = (text: string) => io.write('stderr', text);
  const name = path.basename(command.input).replace(/\.(docx|docm|dotx|doc)$/i, '');
  const baseName = safeFileName(name);
  const mediaFolder = `${baseName}-media`;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(command.input);
  } catch (failure) {
    stderr(`press: cannot read ${command.input}: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}\n`);
    return EXIT.inputError;
  }
  let result;
  try {
    result = readDocx(bytes, { trackChanges: command.trackChanges, mediaFolder, fileName: path.basename(command.input), crossReferences: true, citations: true });
  } catch (failure) {
    if (failure instanceof DocxReadError) {
      const { rule, ...args } = failure.problem;
      // The file cannot be read, so its language is unknown: English, as the usage messages.
      stderr(`${command.input}: error: ${ruleText(rule, 'en', args as never)} [${rule}]\n`);
      return EXIT.inputError;
    }
    stderr(`press: ${command.input}: import failed: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}\n`);
    return EXIT.inputError;
  }
  for (const warning of result.warnings) if (!command.quiet) stderr(`${formatImportWarning(command.input, warning)}\n`);
  const outDir = path.resolve(command.outDir);
  const batch = new OutputBatch();
  try {
    await batch.stage(path.join(outDir, `${baseName}.md`), docxToMarkdown(result));
    for (const [file, data] of result.media) {
      const target = path.join(outDir, mediaFolder, safeFileName(file));
      // Never outside the output folder, whatever the package named its parts.
      if (path.relative(outDir, target).startsWith('..')) continue;
      await batch.stage(target, data);
    }
    const written = await batch.commit();
    if (!command.quiet && io.stderrIsTerminal) for (const file of written) stderr(`  wrote ${file}\n`);
    return EXIT.ok;
  } catch (failure) {
    await batch.discard();
    stderr(`press: ${command.input}: not imported: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}\n`);
    return EXIT.inputError;
  }
}
