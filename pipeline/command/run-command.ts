import type { VFile } from 'vfile';
import { BuildError } from '../build-error.ts';
import { messageLines } from '../util/messages.ts';
import { summariseMessages } from '../util/message-summary.ts';
import { checkFingerprint, recordFingerprint } from '../cache/up-to-date.ts';
import { EXIT, type Command } from './command.ts';
import type { BrowserPool } from '../browser/browser-pool.ts';
import type { runCompare } from './run-compare.ts';

/** Where a command's text goes, and what it may tell about its progress. */
export interface CommandIo {
  /** Write text for the user to standard output or standard error. */
  write: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Standard error is a terminal: stage times and written files are printed (unless `--quiet`). */
  stderrIsTerminal: boolean;
  /** Called when a stage of a build starts, for a supervisor that reports where a build stopped. */
  onStageStart?: (stage: string) => void;
}

/**
 * Run a parsed `build`, `check` or `compare` command: build (or check, and with `--fix` rewrite the
 * source), print the messages as `file:line:column: severity: text [rule]`, and resolve to the
 * exit status. Failures that are not about the source (no browser, the browser stopped twice, a
 * document too deeply nested) are one `press:` line, never a stack trace.
 */
export async function runCommand(command: Command, io: CommandIo): Promise<number> {
  const { input, outDir, formats, quiet, browserPath, fix, embedFonts, referenceDocx, allowRemoteImages, suggestions, suggestionAuthor } = command;
  const isCheck = command.command === 'check';
  const stderr = (text: string) => io.write('stderr', text);
  const progress = !quiet && io.stderrIsTerminal;
  // PRESS_LOG_STAGES=1: a line as each stage starts, also when stderr is not a terminal (logs, CI, tests).
  const logStages = process.env['PRESS_LOG_STAGES'] === '1';
  const stageStarted = (stage: string) => {
    io.onStageStart?.(stage);
    if (logStages) stderr(`press: ${input}: ${stage}\n`);
  };
  const onStage = progress ? (stage: string, ms: number) => stderr(`  ${stage.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms\n`) : undefined;
  const common = {
    input,
    outDir,
    formats,
    embedFonts,
    allowRemoteImages,
    onNotice: (text: string) => stderr(`press: ${text}\n`),
    ...(io.onStageStart || logStages ? { onStageStart: stageStarted } : {}),
    ...(browserPath ? { browserPath } : {}),
  };
  let pool: BrowserPool | undefined;
  try {
    if (command.command === 'compare') return await compare(command, { ...common, ...(onStage ? { onStage } : {}) }, io, progress);
    // A build decides or marks the suggestions in every output; a check lists them (and with
    // --accept/--reject rewrites the source below).
    const buildSuggestions = isCheck ? {} : { suggestions, ...(suggestionAuthor !== undefined ? { suggestionAuthor } : {}) };
    const buildOptions = { ...common, ...buildSuggestions, ...(referenceDocx ? { referenceDocx } : {}) };
    const cache = isCheck ? undefined : await checkFingerprint(buildOptions, { force: command.force });
    if (cache?.upToDate === true) return upToDate(command, cache.fingerprint.messages, cache.outputs, io);
    if (!isCheck && formats.includes('pdf')) {
      // The browser starts, and opens its first page, while the pipeline loads and the report is
      // parsed: a second or so that a build would otherwise wait for after its Node stages.
      const { BrowserPool } = await import('../browser/browser-pool.ts');
      pool = new BrowserPool({ pages: 1, ...(browserPath ? { executablePath: browserPath } : {}) });
      pool.warm();
    }
    // Loaded only now: a build that is up to date starts in a fraction of the time without the pipeline.
    const { build } = await import('../build.ts');
    let result = await build({ ...buildOptions, checkOnly: isCheck, ...(onStage ? { onStage } : {}), ...(pool ? { browsers: pool } : {}) });
    await pool?.close();
    if (cache !== undefined) await recordFingerprint(cache, buildOptions, result);
    let notFixed = false;
    if (isCheck && (suggestions === 'accept' || suggestions === 'reject')) {
      const decided = await decideSuggestions(input, result.report.file, suggestions, suggestionAuthor, stderr);
      notFixed = decided === undefined;
      if (decided !== undefined && !quiet) io.write('stdout', `${input}: ${decidedText(suggestions, decided, suggestionAuthor)}\n`);
      if (decided !== undefined && decided > 0) result = await build({ ...common, checkOnly: true });
    }
    if (fix) {
      const fixed = await fixSource(input, result.report.file, stderr);
      notFixed = fixed === undefined;
      if (fixed !== undefined && !quiet) io.write('stdout', `${input}: ${fixed === 0 ? 'nothing to fix' : `fixed ${fixed} ${fixed === 1 ? 'problem' : 'problems'}`}\n`);
      // Check the rewritten source again: the messages printed are those of the file as it now is.
      if (fixed !== undefined && fixed > 0) result = await build({ ...common, checkOnly: true });
    }
    // A build says many warnings briefly; `check` is the command that lists every one.
    const lines = messageLines(result.report.file, quiet);
    for (const line of isCheck ? lines : summariseMessages(lines, input)) stderr(`${line}\n`);
    if (notFixed) return EXIT.inputError;
    if (!result.ok) {
      stderr(`press: ${input}: not built, fix the errors above\n`);
      return EXIT.inputError;
    }
    if (progress) for (const written of result.written) stderr(`  wrote ${written}\n`);
    return EXIT.ok;
  } catch (failure) {
    // Loaded here, not at the start: a build that is up to date never loads the browser's modules.
    const [{ BrowserNotFoundError }, { BrowserStoppedError }] = await Promise.all([import('../browser/find-browser.ts'), import('../browser/browser-stopped.ts')]);
    const known = failure instanceof BrowserNotFoundError || failure instanceof BrowserStoppedError || failure instanceof BuildError;
    const reason = known ? failure.message : `build failed: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}`;
    stderr(`press: ${reason}\n`);
    return EXIT.inputError;
  } finally {
    await pool?.close();
  }
}

/** Say that a build is up to date: the messages its last real build gave (unless `--quiet`), then one line on stdout. */
function upToDate(command: Command, messages: readonly string[], outputs: readonly string[], io: CommandIo): number {
  if (command.quiet) return EXIT.ok;
  for (const line of summariseMessages(messages, command.input)) io.write('stderr', `${line}\n`);
  io.write('stdout', `press: ${command.input}: up to date (${outputs.join(', ')}); --force rebuilds\n`);
  return EXIT.ok;
}

/** Run `compare`, print its messages and what it counted, and resolve to the exit status. */
async function compare(command: Command, common: Parameters<typeof runCompare>[1], io: CommandIo, progress: boolean): Promise<number> {
  const stderr = (text: string) => io.write('stderr', text);
  const { runCompare } = await import('./run-compare.ts');
  const run = await runCompare(command, common);
  for (const file of run.files) {
    for (const line of messageLines(file, command.quiet)) stderr(`${line}\n`);
  }
  if (!run.result?.ok || !run.comparison) {
    stderr(`press: ${command.input}: changes not built, fix the errors above\n`);
    return EXIT.inputError;
  }
  const { insertions, deletions, substitutions, moves } = run.comparison.counts;
  if (!command.quiet) io.write('stdout', `${command.input}: ${insertions} insertions, ${deletions} deletions, ${substitutions} replacements, ${moves} moves since ${command.oldInput ?? ''}\n`);
  if (progress) for (const written of run.result.written) stderr(`  wrote ${written}\n`);
  return EXIT.ok;
}

function decidedText(decision: 'accept' | 'reject', count: number, author: string | undefined): string {
  const by = author === undefined ? '' : ` by ${author}`;
  if (count === 0) return `no suggestions${by} to ${decision}`;
  return `${decision === 'accept' ? 'accepted' : 'rejected'} ${count} ${count === 1 ? 'suggestion' : 'suggestions'}${by}`;
}

/**
 * Rewrite the source deciding its suggestions (all, or `author`'s), every other byte unchanged.
 * Resolves to the number decided, or undefined when the file cannot be rewritten (the reason is
 * printed).
 */
async function decideSuggestions(input: string, file: VFile, decision: 'accept' | 'reject', author: string | undefined, stderr: (text: string) => void): Promise<number | undefined> {
  if (file.messages.some((message) => message.ruleId === 'source-encoding' || message.ruleId === 'critic-unclosed')) {
    stderr(`press: ${input}: suggestions not decided: ${file.messages.some((message) => message.ruleId === 'source-encoding') ? 'the file is not valid UTF-8' : 'close the CriticMarkup reported above first'}\n`);
    return undefined;
  }
  const [{ decideSource }, { applyFixesToFile, FixError }] = await Promise.all([import('../critic/decide-source.ts'), import('../fix/apply-fixes.ts')]);
  const { edits, count } = decideSource(file, decision, author === undefined ? {} : { author });
  try {
    await applyFixesToFile(input, String(file.value), edits);
    return count;
  } catch (failure) {
    if (!(failure instanceof FixError)) throw failure;
    stderr(`press: ${input}: suggestions not decided: ${failure.message}\n`);
    return undefined;
  }
}

/**
 * Apply the source edits the check collected (`file.data.fixes`) to the source file. Resolves to
 * the number applied, or undefined when the file cannot be rewritten (the reason is printed).
 */
async function fixSource(input: string, file: VFile, stderr: (text: string) => void): Promise<number | undefined> {
  if (file.messages.some((message) => message.ruleId === 'source-encoding')) {
    stderr(`press: ${input}: not fixed: the file is not valid UTF-8\n`);
    return undefined;
  }
  const { applyFixesToFile, FixError } = await import('../fix/apply-fixes.ts');
  try {
    return await applyFixesToFile(input, String(file.value), file.data.fixes ?? []);
  } catch (failure) {
    if (!(failure instanceof FixError)) throw failure;
    stderr(`press: ${input}: not fixed: ${failure.message}\n`);
    return undefined;
  }
}
