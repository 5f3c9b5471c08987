/**
 * `press build` of many reports in one process (`press build a.md b/ 'reports/**\/*.md'`): one
 * browser shared by every print, `--jobs` reports at once, each under its own time limit. One
 * report's failure never stops the others; each gets one result line, the batch a summary.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import { build, BuildError, type BuildResult } from '../build.ts';
import { BrowserPool } from '../browser/browser-pool.ts';
import { checkFingerprint, recordFingerprint } from '../cache/up-to-date.ts';
import { BrowserNotFoundError } from '../browser/find-browser.ts';
import { BrowserStoppedError } from '../browser/browser-stopped.ts';
import { formatMessage } from '../util/messages.ts';
import { summariseMessages } from '../util/message-summary.ts';
import { planBatch, type BatchReport } from './batch-inputs.ts';
import { EXIT, type Command } from './command.ts';
import type { CommandIo } from './run-command.ts';

/** How far a batch has got, for a progress bar. */
export interface BatchProgress {
  /** Reports in the batch. */
  total: number;
  /** Reports finished, built or failed. */
  done: number;
  /** Pages of the PDFs printed so far. */
  pages: number;
}

/** Where a batch's text goes, and who is told of its progress. */
export interface BatchIo extends CommandIo {
  /** Called when the batch starts and after every report, with how far it has got. */
  onProgress?: (progress: BatchProgress) => void;
}

/** What became of one report. */
interface Outcome {
  report: BatchReport;
  ok: boolean;
  pages: number;
}

/** The report's time limit ran out; the stage it was in is named in the result line. */
class ReportTimedOut extends Error {
  override name = 'ReportTimedOut';
}

/**
 * Build every report the command's inputs name (see `batch-inputs.ts`) and resolve to the exit
 * status: 1 if any report failed or an input found no report, else 0. The messages of a report
 * are printed together when it ends, with its result line; the summary comes last.
 */
export async function runBatch(command: Command, io: BatchIo): Promise<number> {
  const started = performance.now();
  const stderr = (text: string) => io.write('stderr', text);
  const plan = await planBatch(command.inputs, command.outDir);
  for (const input of plan.empty) stderr(`press: ${input}: no reports found (a folder is searched for *.md and *.markdown, outside node_modules, dot-folders and --out)\n`);
  if (plan.reports.length === 0) return EXIT.inputError;
  const progress: BatchProgress = { total: plan.reports.length, done: 0, pages: 0 };
  io.onProgress?.({ ...progress });
  const pool = new BrowserPool({ pages: command.jobs, ...(command.browserPath ? { executablePath: command.browserPath } : {}) });
  const limit = pLimit(command.jobs);
  let outcomes: Outcome[];
  try {
    outcomes = await Promise.all(
      plan.reports.map((report) =>
        limit(async () => {
          const outcome = await buildReport(report, command, pool, stderr);
          progress.done++;
          progress.pages += outcome.pages;
          io.onProgress?.({ ...progress });
          return outcome;
        }),
      ),
    );
  } finally {
    await pool.close();
  }
  const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.report.source);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const built = outcomes.length - failed.length;
  if (failed.length > 0) {
    stderr(`press: built ${built} of ${outcomes.length} reports in ${seconds} s; failed: ${failed.join(', ')}\n`);
  } else if (!command.quiet) {
    stderr(`press: built ${built} ${built === 1 ? 'report' : 'reports'} (${progress.pages} pages) in ${seconds} s\n`);
  }
  return failed.length > 0 || plan.empty.length > 0 ? EXIT.inputError : EXIT.ok;
}

/** Build one report of the batch under its own time limit and print its messages and result line. */
async function buildReport(report: BatchReport, command: Command, browsers: BrowserPool, stderr: (text: string) => void): Promise<Outcome> {
  const fail = (reason: string): Outcome => {
    stderr(`✗ ${report.source}: ${reason}\n`);
    return { report, ok: false, pages: 0 };
  };
  if (report.problem !== undefined) return fail(report.problem);
  const started = performance.now();
  const controller = new AbortController();
  let stage = 'start';
  const timer = command.timeoutMs > 0 ? setTimeout(() => controller.abort(new ReportTimedOut()), Math.min(command.timeoutMs, 2 ** 31 - 1)) : undefined;
  const timedOut = new Promise<'timed out'>((resolve) => controller.signal.addEventListener('abort', () => resolve('timed out'), { once: true }));
  const notices: string[] = [];
  const options = {
    input: report.source,
    outDir: report.outDir,
    outputName: report.outputName,
    formats: command.formats,
    embedFonts: command.embedFonts,
    allowRemoteImages: command.allowRemoteImages,
    suggestions: command.suggestions,
    ...(command.suggestionAuthor !== undefined ? { suggestionAuthor: command.suggestionAuthor } : {}),
    ...(command.referenceDocx !== undefined ? { referenceDocx: command.referenceDocx } : {}),
    ...(command.browserPath !== undefined ? { browserPath: command.browserPath } : {}),
  };
  // A report whose outputs are up to date is not built (see up-to-date.ts): its warnings again, and a line saying so.
  const cache = await checkFingerprint(options, { force: command.force });
  if (cache.upToDate) {
    if (timer) clearTimeout(timer);
    if (!command.quiet) {
      for (const line of cache.fingerprint.messages) stderr(`${line}\n`);
      stderr(`= ${report.source} → ${outputsShown(report, command)} up to date\n`);
    }
    return { report, ok: true, pages: 0 };
  }
  const building = build({
    ...options,
    browsers,
    signal: controller.signal,
    onStageStart: (name) => {
      stage = name;
    },
    onNotice: (text) => notices.push(`press: ${report.source}: ${text}`),
  });
  // Once the limit has passed, the build stops at its next stage and writes nothing; no one waits for it.
  building.catch(() => undefined);
  try {
    const result = await Promise.race([building, timedOut]);
    if (result === 'timed out') return fail(timeoutReason(command, stage));
    printMessages(result, report.source, command.quiet, notices, stderr);
    await recordFingerprint(cache, options, result);
    if (!result.ok) {
      const errors = result.report.file.messages.filter((message) => message.fatal === true).length;
      return fail(errors === 0 ? 'not built' : `${errors} ${errors === 1 ? 'error' : 'errors'}, not built`);
    }
    if (!command.quiet) stderr(`✓ ${report.source} → ${outputsShown(report, command)}${result.pages === undefined ? '' : ` ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}`} ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return { report, ok: true, pages: result.pages ?? 0 };
  } catch (failure) {
    if (controller.signal.aborted) return fail(timeoutReason(command, stage));
    for (const notice of notices) stderr(`${notice}\n`);
    const known = failure instanceof BrowserNotFoundError || failure instanceof BrowserStoppedError || failure instanceof BuildError;
    return fail(known ? failure.message : `build failed: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}`);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** A report's messages, each once, in source order (only errors with `--quiet`; many warnings summarised), after any notice. */
function printMessages(result: BuildResult, source: string, quiet: boolean, notices: readonly string[], stderr: (text: string) => void): void {
  for (const notice of notices) stderr(`${notice}\n`);
  const { file } = result.report;
  const ordered = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const lines = new Set(ordered.filter((message) => !quiet || message.fatal === true).map((message) => formatMessage(file, message)));
  for (const line of summariseMessages([...lines], source)) stderr(`${line}\n`);
}

function timeoutReason(command: Command, stage: string): string {
  const where = stage === 'start' ? 'while starting' : `in the ${stage} stage`;
  return `timed out after ${command.timeoutMs / 1000} s ${where} and was stopped; nothing of it was written (allow more time with --timeout <seconds>)`;
}

/** `out/a/x.{pdf,docx,html}`, or `out/a/x.pdf` for one format. */
function outputsShown(report: BatchReport, command: Command): string {
  const base = path.join(report.outDir, report.outputName);
  return command.formats.length === 1 ? `${base}.${command.formats[0] ?? ''}` : `${base}.{${command.formats.join(',')}}`;
}
