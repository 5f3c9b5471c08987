/**
 * `press`, the command line: parse the arguments, then run the command in a worker thread under
 * `supervise.ts` (a time limit, signals, clean stops). The pipeline itself is loaded only in
 * that thread.
 */
import { parseArgs } from 'node:util';
import { OUTPUT_FORMATS, type OutputFormat } from './types.ts';
import { EXIT, type Command } from './command/command.ts';
import { superviseCommand } from './command/supervise.ts';
import { pathProblem } from './command/check-paths.ts';

/** Default time a command may take, in seconds (`--timeout`, `PRESS_TIMEOUT`). */
export const DEFAULT_TIMEOUT_SECONDS = 300;

const USAGE = `Usage:
  press build <file.md> [--out <dir>] [--format pdf,docx,html] [--browser <path>] [--embed-fonts] [--reference-docx <file>] [--allow-remote-images] [--timeout <seconds>] [--quiet]
  press check <file.md> [--fix] [--timeout <seconds>] [--quiet]
  press compare <old.md> <new.md> [--out <dir>] [--author <name>] [--browser <path>] [--timeout <seconds>] [--quiet]

Builds a Markdown report into a print PDF, a Word file and an accessible HTML page
(default: all three, into dist/). Messages go to stderr as file:line:column: severity: text [rule].
check --fix rewrites the source in place with the automatic fixes (half-width punctuation in
Chinese text), then checks it again.
compare writes <dir>/<new>-changes.pdf, .docx and .html: the new edition with its differences
from the old one marked (tracked changes in Word), attributed to --author (default: the new
edition's author, else report-press).
--allow-remote-images fetches http(s) images at build time (at most 25 MB and 20 s each);
without it they are reported and shown as their alt text. Nothing else is ever fetched.
--timeout stops the whole command after that many seconds (default ${DEFAULT_TIMEOUT_SECONDS}, or PRESS_TIMEOUT;
0 for no limit), leaving no partial output.
Exit status: 0 success, 1 the input has errors or the build failed or timed out (nothing
written), 2 usage error, 130/143 interrupted by SIGINT/SIGTERM (nothing written).`;

/** Exit statuses of the command line (defined with the command, re-exported for callers of `main`). */
export { EXIT };

class UsageError extends Error {}

/** Run the `press` command line with the given arguments; resolves to the exit status. */
export async function main(argv: string[], stderr: NodeJS.WriteStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseCommand(argv, process.env);
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
  const problem = await pathProblem(parsed);
  if (problem !== undefined) {
    stderr.write(`press: ${problem}\n`);
    return EXIT.usage;
  }
  return superviseCommand(parsed, { stdout: process.stdout, stderr });
}

function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command | 'help' {
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
        'allow-remote-images': { type: 'boolean' },
        timeout: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        fix: { type: 'boolean' },
        author: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (failure) {
    throw new UsageError(failure instanceof Error ? failure.message : String(failure));
  }
  if (values.help) return 'help';
  const [command, first, ...rest] = positionals;
  if (command !== 'build' && command !== 'check' && command !== 'compare') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const [oldInput, input, extra] = command === 'compare' ? [first, rest[0], rest.slice(1)] : [undefined, first, rest];
  if (command === 'compare' && (!oldInput || !input)) throw new UsageError('compare: needs <old.md> <new.md>');
  if (!input) throw new UsageError(`${command}: missing <file.md>`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'compare' && (values.format !== undefined || values.fix !== undefined || values['embed-fonts'] === true || values['reference-docx'] !== undefined || values['allow-remote-images'] === true)) throw new UsageError('compare takes only --out, --author, --browser, --timeout and --quiet: it writes all three formats');
  if (command !== 'compare' && values.author !== undefined) throw new UsageError('--author is for compare');
  if (values.author !== undefined && values.author.trim() === '') throw new UsageError('--author needs a name');
  if (command === 'check' && (values.out !== undefined || values.format !== undefined || values['embed-fonts'] === true)) throw new UsageError('check writes nothing: --out, --format and --embed-fonts are for build');
  if (command === 'build' && values.fix !== undefined) throw new UsageError('--fix rewrites the source and is only for check');
  if (command === 'check' && values['allow-remote-images'] === true) throw new UsageError('--allow-remote-images is for build: check never fetches images');
  return {
    command,
    input,
    oldInput,
    author: values.author,
    outDir: values.out ?? 'dist',
    formats: parseFormats(values.format),
    quiet: values.quiet === true,
    browserPath: values.browser,
    fix: values.fix === true,
    embedFonts: values['embed-fonts'] === true,
    referenceDocx: values['reference-docx'],
    allowRemoteImages: values['allow-remote-images'] === true,
    timeoutMs: parseTimeout(values.timeout, env['PRESS_TIMEOUT']),
  };
}

/** The time limit in milliseconds from `--timeout`, else `PRESS_TIMEOUT`, else the default; 0 for none. */
function parseTimeout(option: string | undefined, fromEnv: string | undefined): number {
  const [value, source] = option !== undefined ? [option, '--timeout'] : fromEnv !== undefined && fromEnv !== '' ? [fromEnv, 'PRESS_TIMEOUT'] : [String(DEFAULT_TIMEOUT_SECONDS), 'default'];
  const seconds = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) throw new UsageError(`${source} must be a number of seconds (0 for no limit), not "${value}"`);
  return Math.round(seconds * 1000);
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
