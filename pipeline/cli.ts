import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { access } from 'node:fs/promises';
import { build } from './build.ts';
import { OUTPUT_FORMATS, type OutputFormat } from './types.ts';
import { formatMessage } from './util/messages.ts';
import { removePendingOutputs } from './util/atomic-write.ts';
import { BrowserNotFoundError } from './browser/find-browser.ts';
import { applyFixesToFile, FixError } from './fix/apply-fixes.ts';

const USAGE = `Usage:
  press build <file.md> [--out <dir>] [--format pdf,docx,html] [--browser <path>] [--embed-fonts] [--reference-docx <file>] [--quiet]
  press check <file.md> [--fix] [--quiet]

Builds a Markdown report into a print PDF, a Word file and an accessible HTML page
(default: all three, into dist/). Messages go to stderr as file:line:column: severity: text [rule].
check --fix rewrites the source in place with the automatic fixes (half-width punctuation in
Chinese text), then checks it again.
Exit status: 0 success, 1 the input has errors (nothing written), 2 usage error.`;

/** Exit statuses of the command line. */
export const EXIT = { ok: 0, inputError: 1, usage: 2 } as const;

class UsageError extends Error {}

/** Run the `press` command line with the given arguments; resolves to the exit status. */
export async function main(argv: string[], stderr: NodeJS.WriteStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseCommand(argv);
  } catch (failure) {
    if (failure instanceof UsageError) {
      stderr.write(`press: ${failure.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw failure;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const { command, input, outDir, formats, quiet, browserPath, fix, embedFonts, referenceDocx } = parsed;
  try {
    await access(input);
  } catch {
    stderr.write(`press: cannot read ${input}: no such file\n`);
    return EXIT.usage;
  }
  const progress = !quiet && stderr.isTTY === true;
  const onStage = progress ? (stage: string, ms: number) => stderr.write(`  ${stage.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms\n`) : undefined;

  const stop = (signal: NodeJS.Signals) => {
    void removePendingOutputs().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    let result = await build({ input, outDir, formats, checkOnly: command === 'check', embedFonts, ...(referenceDocx ? { referenceDocx } : {}), ...(onStage ? { onStage } : {}), ...(browserPath ? { browserPath } : {}) });
    let notFixed = false;
    if (fix) {
      const fixed = await fixSource(input, result.report.file, stderr);
      notFixed = fixed === undefined;
      if (fixed !== undefined && !quiet) process.stdout.write(`${input}: ${fixed === 0 ? 'nothing to fix' : `fixed ${fixed} ${fixed === 1 ? 'problem' : 'problems'}`}\n`);
      // Check the rewritten source again: the messages printed are those of the file as it now is.
      if (fixed !== undefined && fixed > 0) result = await build({ input, outDir, formats, checkOnly: true });
    }
    const { file } = result.report;
    const ordered = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of ordered) if (!quiet || message.fatal === true) stderr.write(`${formatMessage(file, message)}\n`);
    if (notFixed) return EXIT.inputError;
    if (!result.ok) {
      stderr.write(`press: ${input}: not built, fix the errors above\n`);
      return EXIT.inputError;
    }
    if (progress) for (const written of result.written) stderr.write(`  wrote ${written}\n`);
    return EXIT.ok;
  } catch (failure) {
    const reason = failure instanceof BrowserNotFoundError ? failure.message : `build failed: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}`;
    stderr.write(`press: ${reason}\n`);
    return EXIT.inputError;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * Apply the source edits the check collected (`file.data.fixes`) to the source file. Resolves to
 * the number applied, or undefined when the file cannot be rewritten (the reason is printed).
 */
async function fixSource(input: string, file: VFile, stderr: NodeJS.WriteStream): Promise<number | undefined> {
  if (file.messages.some((message) => message.ruleId === 'source-encoding')) {
    stderr.write(`press: ${input}: not fixed: the file is not valid UTF-8\n`);
    return undefined;
  }
  try {
    return await applyFixesToFile(input, String(file.value), file.data.fixes ?? []);
  } catch (failure) {
    if (!(failure instanceof FixError)) throw failure;
    stderr.write(`press: ${input}: not fixed: ${failure.message}\n`);
    return undefined;
  }
}

interface Command {
  command: 'build' | 'check';
  input: string;
  outDir: string;
  formats: OutputFormat[];
  quiet: boolean;
  browserPath: string | undefined;
  /** `check --fix`: rewrite the source with the automatic fixes. */
  fix: boolean;
  /** `build --embed-fonts`: inline the subset web fonts into the HTML page. */
  embedFonts: boolean;
  /** `--reference-docx <file>`: a .docx or .dotx whose styles the Word file uses. */
  referenceDocx: string | undefined;
}

function parseCommand(argv: string[]): Command | 'help' {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        browser: { type: 'string' },
        'embed-fonts': { type: 'boolean' },
        'reference-docx': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        fix: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (failure) {
    throw new UsageError(failure instanceof Error ? failure.message : String(failure));
  }
  if (values.help) return 'help';
  const [command, input, ...extra] = positionals;
  if (command !== 'build' && command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  if (!input) throw new UsageError(`${command}: missing <file.md>`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'check' && (values.out !== undefined || values.format !== undefined || values['embed-fonts'] === true)) throw new UsageError('check writes nothing: --out, --format and --embed-fonts are for build');
  if (command === 'build' && values.fix !== undefined) throw new UsageError('--fix rewrites the source and is only for check');
  return {
    command,
    input,
    outDir: values.out ?? 'dist',
    formats: parseFormats(values.format),
    quiet: values.quiet === true,
    browserPath: values.browser,
    fix: values.fix === true,
    embedFonts: values['embed-fonts'] === true,
    referenceDocx: values['reference-docx'],
  };
}

function parseFormats(list: string | undefined): OutputFormat[] {
  if (list === undefined) return [...OUTPUT_FORMATS];
  const formats = list.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  if (formats.length === 0) throw new UsageError('--format needs at least one of pdf, docx, html');
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (use pdf, docx, html)`);
  }
  return [...new Set(formats)] as OutputFormat[];
}
