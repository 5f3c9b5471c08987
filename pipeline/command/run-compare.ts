/**
 * `press compare <old.md> <new.md>`: the new edition with its differences from the old one as
 * suggestions, built by the one build function into `<dir>/<new>-changes.pdf`, `.docx` and
 * `.html` (all three or none):
 *
 *   old.md, new.md ──compareSources──▶ marked new.md (in memory) ──build (suggestions marked)──▶ <new>-changes.*
 *
 * The marked source is named as the new edition, so its images and links resolve from the new
 * edition's folder; messages about it are given at the new edition's lines.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { BuildOptions, BuildResult } from '../build.ts';
import { build } from '../build.ts';
import { compareSources, type CompareResult } from '../critic/compare-sources.ts';
import { readSource } from '../util/read-source.ts';
import { flag } from '../util/messages.ts';
import type { Command } from './command.ts';

/** What a compare did: the comparison and the build of its marked source (undefined when an edition could not be read). */
export interface CompareRun {
  /** Files whose messages are to be printed (an edition that is not UTF-8, or the built marked source). */
  files: VFile[];
  comparison?: CompareResult;
  result?: BuildResult;
}

/** The `-changes` outputs' name for a new edition `new.md`: `new-changes`. */
export function changesName(input: string): string {
  return `${path.basename(input).replace(/\.(md|markdown)$/i, '')}-changes`;
}

/**
 * Compare the two editions of a parsed `compare` command and build the marked new edition.
 * `common` carries the build options shared with `build` (browser, stage callbacks).
 */
export async function runCompare(command: Command, common: Omit<BuildOptions, 'input' | 'outDir' | 'formats'>): Promise<CompareRun> {
  const oldInput = command.oldInput ?? command.input;
  const [oldFile, newFile] = await Promise.all([readSource(oldInput), readSource(command.input)]);
  const unreadable = [oldFile, newFile].filter((file) => file.messages.some((message) => message.fatal === true));
  if (unreadable.length > 0) return { files: unreadable };
  common.onStageStart?.('compare');
  const comparison = compareSources({ path: oldInput, text: String(oldFile.value) }, { path: command.input, text: String(newFile.value) }, command.author === undefined ? {} : { author: command.author });
  const result = await build({
    ...common,
    input: command.input,
    sourceText: comparison.text,
    outputName: changesName(command.input),
    outDir: command.outDir,
    formats: ['pdf', 'docx', 'html'],
    suggestions: 'marked',
  });
  const { file } = result.report;
  const marked = comparison.text;
  const edition = String(newFile.value);
  for (const message of file.messages) {
    if (message.file !== undefined && message.file !== file.path) continue;
    if (message.line === undefined) continue;
    const point = pointAt(edition, comparison.toNewOffset(offsetAt(marked, message.line, message.column ?? 1)));
    message.line = point.line;
    message.column = point.column;
    message.place = point;
  }
  for (const note of comparison.notes) {
    const place = note.side === 'old' ? { line: note.line, column: 1, path: oldInput } : { line: note.line, column: 1 };
    if (note.kind === 'title-changed') flag(file, 'compare-title', place, { old: note.detail });
    else flag(file, 'compare-not-marked', place, { kind: note.kind, type: note.detail });
  }
  return { files: [file], comparison, result };
}

function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

function pointAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
