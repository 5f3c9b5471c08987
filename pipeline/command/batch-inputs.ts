/**
 * The reports of a batch build (`press build <file.md | folder | glob>...`) and where each one's
 * outputs go: under `--out`, in the source's folder relative to the common ancestor of all the
 * inputs, so that `a/report.md` and `b/report.md` never write over each other.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { kindOf } from './check-paths.ts';

/** One report of a batch. */
export interface BatchReport {
  /** The source as the user would name it (relative to the working folder when inside it). */
  source: string;
  /** The folder its outputs go to. */
  outDir: string;
  /** Name of its outputs without extension. */
  outputName: string;
  /** Why it cannot be built at all (a missing file, outputs another report writes too); built when undefined. */
  problem?: string;
}

/** What the command line's inputs expand to. */
export interface BatchPlan {
  /** The reports, in the order found, each source once. */
  reports: BatchReport[];
  /** Inputs (folders, patterns) that found no report: each is a failure of the batch. */
  empty: string[];
}

/** Extensions of Markdown sources a folder is searched for. */
const MARKDOWN = /\.(md|markdown)$/i;

/** A command-line input of a batch: what it names, and the folder its reports' outputs mirror from. */
interface Expanded {
  input: string;
  /** The folder that counts as the input's own: the file's folder, the folder itself, a pattern's fixed part. */
  root: string;
  /** Absolute paths of its sources; undefined for a path that cannot be read as a report. */
  files: string[] | undefined;
  /** Why `files` is undefined. */
  problem?: string;
}

/** Whether `inputs` ask for a batch: several of them, a folder, or a pattern that is not a file's name. */
export async function isBatchRequest(inputs: readonly string[]): Promise<boolean> {
  if (inputs.length !== 1) return true;
  const [input = ''] = inputs;
  const kind = await kindOf(input);
  return kind === 'folder' || (kind === 'none' && isDynamicPattern(input));
}

/**
 * Expand the inputs of a batch into its reports. A folder is searched recursively for `*.md` and
 * `*.markdown`, skipping `node_modules`, folders whose name starts with a dot and the `--out`
 * folder; a pattern is expanded with tinyglobby (the same skips, and only Markdown files); a
 * file named twice is built once. A plain path that does not exist is a report that fails.
 * Two reports that would write the same output both fail, each naming the other.
 */
export async function planBatch(inputs: readonly string[], outDir: string, cwd: string = process.cwd()): Promise<BatchPlan> {
  const out = path.resolve(cwd, outDir);
  const expanded: Expanded[] = [];
  for (const input of inputs) expanded.push(await expand(input, out, cwd));
  const ancestor = commonAncestor(expanded.map((entry) => entry.root));
  const seen = new Set<string>();
  const reports: BatchReport[] = [];
  const empty: string[] = [];
  for (const { input, root, files, problem } of expanded) {
    if (files === undefined) {
      reports.push({ source: input, outDir: path.join(outDir, path.relative(ancestor, root)), outputName: outputName(input), problem: problem ?? `cannot read ${input}` });
      continue;
    }
    if (files.length === 0) empty.push(input);
    for (const file of files) {
      const real = await realpath(file).catch(() => file);
      if (seen.has(real)) continue;
      seen.add(real);
      reports.push({ source: shown(file, cwd), outDir: path.join(outDir, path.relative(ancestor, path.dirname(file))), outputName: outputName(file) });
    }
  }
  markCollisions(reports);
  return { reports, empty };
}

/** What one input names: a file, a folder's Markdown files, a pattern's matches, or nothing. */
async function expand(input: string, out: string, cwd: string): Promise<Expanded> {
  const absolute = path.resolve(cwd, input);
  const kind = await kindOf(absolute);
  if (kind === 'file') return { input, root: path.dirname(absolute), files: [absolute] };
  if (kind === 'other') return { input, root: path.dirname(absolute), files: undefined, problem: `cannot read ${input}: it is not a regular file (a named pipe, a device or a socket)` };
  if (kind === 'folder') return { input, root: absolute, files: await markdownFiles(['**/*.{md,markdown}'], absolute, out) };
  if (!isDynamicPattern(input)) return { input, root: path.dirname(absolute), files: undefined, problem: `cannot read ${input}: no such file` };
  const root = path.resolve(cwd, fixedPart(input));
  const matches = await markdownFiles([path.relative(root, absolute).split(path.sep).join('/')], root, out);
  return { input, root, files: matches.filter((file) => MARKDOWN.test(file)) };
}

/** Files matching `patterns` under `cwd` (absolute, sorted), outside `node_modules`, dot-folders and `out`. */
async function markdownFiles(patterns: string[], cwd: string, out: string): Promise<string[]> {
  const ignore = ['**/node_modules/**'];
  const relativeOut = path.relative(cwd, out);
  if (relativeOut === '') return [];
  if (!relativeOut.startsWith('..') && !path.isAbsolute(relativeOut)) ignore.push(`${relativeOut.split(path.sep).join('/')}/**`);
  const found = await glob(patterns, { cwd, absolute: true, onlyFiles: true, dot: false, ignore, caseSensitiveMatch: false, expandDirectories: false });
  return found.map((file) => path.normalize(file)).sort();
}

/** The folders of a pattern before its first segment with a wildcard (`reports/2024/*.md` → `reports/2024`). */
function fixedPart(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

/** The deepest folder that contains every one of `folders` (absolute paths). */
function commonAncestor(folders: readonly string[]): string {
  const [first, ...rest] = folders.map((folder) => folder.split(path.sep));
  if (first === undefined) return path.resolve('.');
  let length = first.length;
  for (const parts of rest) {
    let same = 0;
    while (same < Math.min(length, parts.length) && parts[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length).join(path.sep) || path.sep;
}

/** Both reports of every pair that would write the same output fail, each naming the other. */
function markCollisions(reports: BatchReport[]): void {
  const byOutput = new Map<string, BatchReport[]>();
  for (const report of reports) {
    if (report.problem !== undefined) continue;
    const key = path.resolve(report.outDir, report.outputName);
    byOutput.set(key, [...(byOutput.get(key) ?? []), report]);
  }
  for (const [key, group] of byOutput) {
    if (group.length < 2) continue;
    for (const report of group) {
      const others = group.filter((other) => other !== report).map((other) => other.source);
      report.problem = `not built: ${others.join(', ')} would write the same outputs (${path.relative(process.cwd(), key) || key}.*); rename one of them`;
    }
  }
}

/** Name of a source's outputs: its file name without `.md` or `.markdown`. */
function outputName(file: string): string {
  return path.basename(file).replace(MARKDOWN, '');
}

/** A path relative to the working folder when it is inside it, else absolute. */
function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
