/**
 * `press`, the command line: parse the arguments, then run the command in a worker thread under
 * `supervise.ts` (a time limit, signals, clean stops). The pipeline itself is loaded only in
 * that thread.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OUTPUT_FORMATS, type OutputFormat } from './types.ts';
import { EXIT, type Command } from './command/command.ts';
import { superviseCommand } from './command/supervise.ts';
import { pathProblem } from './command/check-paths.ts';
import { isBatchRequest } from './command/batch-inputs.ts';

/** Default time a command may take, in seconds (`--timeout`, `PRESS_TIMEOUT`). */
export const DEFAULT_TIMEOUT_SECONDS = 300;

const USAGE = `Usage:
  press build <file.md> [--out <dir>] [--format pdf,docx,html] [--browser <path>] [--embed-fonts] [--reference-docx <file>] [--allow-remote-images] [--accept | --reject [--author <name>] | --marked] [--force] [--timeout <seconds>] [--quiet]
  press build <file.md | folder | 'glob'>... [--jobs <n>] [same options]
  press check <file.md> [--fix | --accept [--author <name>] | --reject [--author <name>]] [--timeout <seconds>] [--quiet]
  press compare <old.md> <new.md> [--out <dir>] [--author <name>] [--browser <path>] [--timeout <seconds>] [--quiet]
  press review <source.md> <edited.docx>... [--out <dir>] [--timeout <seconds>] [--quiet]
  press import <file.docx> [--out <dir>] [--track-changes accept|reject|all] [--timeout <seconds>] [--quiet]
  press preview <file.md> [--port <n>] [--open] [--edit] [--editor <cmd>] [--browser <path>] [--quiet]

Builds a Markdown report into a print PDF, a Word file and an accessible HTML page
(default: all three, into dist/). Messages go to stderr as file:line:column: severity: text [rule].
check --fix rewrites the source in place with the automatic fixes (half-width punctuation in
Chinese text), then checks it again.
Suggestions written in CriticMarkup ({++inserted++}, {--deleted--}, {~~old~>new~~},
{==text==}{>>comment<<}) are tracked changes and comments in Word and marked on the web page;
the PDF refuses them (review-pending) unless the build says --accept or --reject (decide all of
them, or one --author's, before every output) or --marked (print them marked).
check --accept / --reject rewrites the source in place deciding them (all, or one --author's),
then checks it again.
compare writes <dir>/<new>-changes.pdf, .docx and .html: the new edition with its differences
from the old one as suggestions (tracked changes in Word, marked in the PDF), attributed to
--author (default: the new edition's author, else report-press).
review takes the source and the Word copies departments edited (tracked changes, comments, or
edits made with tracking off) and writes, into review/ by default, <name>.md (the source with
every change as attributed CriticMarkup), <name>-opinions.docx and <name>-opinions.csv (the
summary of opinions, 意见汇总表).
import reads a Word file into <dir>/<name>.md and its images into <dir>/<name>-media/ (default
<dir>: the .docx's folder); tracked changes and comments become CriticMarkup (--track-changes all,
the default), or are accepted or rejected.
preview serves a live page on 127.0.0.1 (the one line it prints is its address, with an access
token) showing the web edition and the print edition's PDF pages, rebuilt at every save of the
source or anything it reads, with the messages; --edit adds an editing pane that saves the source,
--editor opens a clicked place in your editor ('code -g' gets file:line; {file} {line} {column}
are replaced), --open opens the page in your browser. It runs until Ctrl-C, writing no outputs.
--allow-remote-images fetches http(s) images at build time (at most 25 MB and 20 s each);
without it they are reported and shown as their alt text. Nothing else is ever fetched.
Several files, a folder (searched for *.md and *.markdown) or a quoted glob build a batch in one
process and one browser, --jobs reports at once (default: the number of cores); the outputs go
under --out in the sources' folders relative to their common folder. One report's failure does
not stop the others; each gets a result line, and a summary names the failed ones.
build skips a report whose outputs are up to date: nothing it reads (the source, its images,
the template, the fonts, the options, report-press itself) changed since the build that wrote
them, and they are as that build left them (a fingerprint in <dir>/.report-press/). It says
so and prints that build's warnings again; --force rebuilds.
--timeout stops the whole command (in a batch: each report) after that many seconds (default
${DEFAULT_TIMEOUT_SECONDS}, or PRESS_TIMEOUT; 0 for no limit), leaving no partial output.
Exit status: 0 success, 1 the input has errors or the build failed or timed out (nothing
written; in a batch: any report failed, or a folder or glob found no report), 2 usage error, 130/143 interrupted by SIGINT/SIGTERM (nothing written).`;

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
  if (parsed.command === 'build' && (await isBatchRequest(parsed.inputs))) parsed = { ...parsed, batch: true };
  const problem = await pathProblem(parsed);
  if (problem !== undefined) {
    stderr.write(`press: ${problem}\n`);
    return EXIT.usage;
  }
  if (parsed.command === 'preview') {
    // Long-running and interactive: run here, not under the supervisor's time limit (it stops itself on signals).
    const { runPreview } = await import('./preview/run-preview.ts');
    return runPreview(parsed, { stdout: process.stdout, stderr });
  }
  return superviseCommand(parsed, { stdout: process.stdout, stderr });
}

/** The command line's options. */
const OPTIONS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  browser: { type: 'string' },
  'embed-fonts': { type: 'boolean' },
  'reference-docx': { type: 'string' },
  'allow-remote-images': { type: 'boolean' },
  timeout: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  fix: { type: 'boolean' },
  'track-changes': { type: 'string' },
  accept: { type: 'boolean' },
  reject: { type: 'boolean' },
  marked: { type: 'boolean' },
  author: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  force: { type: 'boolean' },
  port: { type: 'string' },
  open: { type: 'boolean' },
  edit: { type: 'boolean' },
  editor: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The options as `parseArgs` reads them. */
type ParsedValues = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command | 'help' {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: OPTIONS,
    }));
  } catch (failure) {
    throw new UsageError(failure instanceof Error ? failure.message : String(failure));
  }
  if (values.help) return 'help';
  if (values.force !== undefined && positionals[0] !== 'build') throw new UsageError('--force is for build: it rebuilds outputs that are up to date');
  const [command, first, ...rest] = positionals;
  const previewOnly = (['port', 'open', 'edit', 'editor'] as const).find((option) => values[option] !== undefined);
  if (previewOnly !== undefined && command !== 'preview') throw new UsageError(`--${previewOnly} is for preview`);
  if (command !== 'build' && command !== 'check' && command !== 'compare' && command !== 'import' && command !== 'review' && command !== 'preview') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const [oldInput, input, extra] = command === 'compare' ? [first, rest[0], rest.slice(1)] : [undefined, first, rest];
  if (command === 'compare' && (!oldInput || !input)) throw new UsageError('compare: needs <old.md> <new.md>');
  if (!input) throw new UsageError(`${command}: missing ${command === 'import' ? '<file.docx>' : command === 'review' ? '<source.md>' : '<file.md>'}`);
  const trackChanges = values['track-changes'];
  if (trackChanges !== undefined && command !== 'import') throw new UsageError('--track-changes is for import');
  if (trackChanges !== undefined && trackChanges !== 'accept' && trackChanges !== 'reject' && trackChanges !== 'all') throw new UsageError(`--track-changes must be accept, reject or all, not "${trackChanges}"`);
  if (values.jobs !== undefined && command !== 'build') throw new UsageError('--jobs is for build');
  const base: Command = {
    ...commonCommand(values, env),
    command,
    input,
    inputs: [input],
    batch: false,
    jobs: parseJobs(values.jobs),
    oldInput,
    author: undefined,
    copies: [],
    trackChanges: trackChanges ?? 'all',
    suggestions: 'pending',
    suggestionAuthor: undefined,
  };
  if (command === 'review') {
    if (extra.length === 0) throw new UsageError('review: missing <edited.docx> (one or more copies edited by departments)');
    const other = (['format', 'browser', 'embed-fonts', 'reference-docx', 'allow-remote-images', 'fix', 'accept', 'reject', 'marked', 'author'] as const).find((option) => values[option] !== undefined);
    if (other !== undefined) throw new UsageError(`review takes only --out, --timeout and --quiet, not --${other}`);
    return { ...base, copies: extra, outDir: values.out ?? 'review' };
  }
  if (extra.length > 0 && command !== 'build') throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'preview') {
    const other = (['out', 'format', 'embed-fonts', 'reference-docx', 'allow-remote-images', 'fix', 'accept', 'reject', 'marked', 'author', 'timeout'] as const).find((option) => values[option] !== undefined);
    if (other !== undefined) throw new UsageError(`preview takes only --port, --open, --edit, --editor, --browser and --quiet, not --${other}`);
    if (values.editor !== undefined && values.editor.trim() === '') throw new UsageError('--editor needs a command, e.g. --editor "code -g"');
    return { ...base, timeoutMs: 0, preview: { port: parsePort(values.port), open: values.open === true, edit: values.edit === true, editor: values.editor } };
  }
  if (command === 'import') {
    const other = (['format', 'browser', 'embed-fonts', 'reference-docx', 'allow-remote-images', 'fix', 'accept', 'reject', 'marked', 'author'] as const).find((option) => values[option] !== undefined);
    if (other !== undefined) throw new UsageError('import takes only --out, --track-changes, --timeout and --quiet');
    return { ...base, outDir: values.out ?? path.dirname(input) };
  }
  if (command === 'compare') {
    const others = (['format', 'fix', 'embed-fonts', 'reference-docx', 'allow-remote-images', 'accept', 'reject', 'marked'] as const).filter((name) => values[name] !== undefined);
    if (others.length > 0) throw new UsageError(`compare takes only --out, --author, --browser, --timeout and --quiet, not --${others[0]}: it writes all three formats, the suggestions marked`);
    if (values.author !== undefined && values.author.trim() === '') throw new UsageError('--author needs a name');
    return { ...base, author: values.author, suggestions: 'marked' };
  }
  if (command === 'check' && (values.out !== undefined || values.format !== undefined || values['embed-fonts'] === true)) throw new UsageError('check writes nothing: --out, --format and --embed-fonts are for build');
  if (command === 'build' && values.fix !== undefined) throw new UsageError('--fix rewrites the source and is only for check');
  if (command === 'check' && values['allow-remote-images'] === true) throw new UsageError('--allow-remote-images is for build: check never fetches images');
  const modes = (['accept', 'reject', 'marked'] as const).filter((mode) => values[mode] === true);
  if (modes.length > 1) throw new UsageError(`--${modes[0]} and --${modes[1]} cannot be used together`);
  const mode = modes[0];
  if (command === 'check' && mode === 'marked') throw new UsageError('--marked is for build: it prints the suggestions marked in the PDF');
  if (command === 'check' && mode !== undefined && values.fix === true) throw new UsageError(`--fix and --${mode} cannot be used together: run them one after the other`);
  if (values.author !== undefined && mode !== 'accept' && mode !== 'reject') throw new UsageError('--author goes with --accept or --reject');
  if (values.author !== undefined && values.author.trim() === '') throw new UsageError('--author needs a name');
  return { ...base, inputs: [input, ...extra], suggestions: mode ?? 'pending', suggestionAuthor: values.author };
}

/** `--port`: a TCP port, 1–65535; default 0 (any free port). */
function parsePort(option: string | undefined): number {
  if (option === undefined) return 0;
  const port = Number(option.trim());
  if (option.trim() === '' || !Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a port number from 1 to 65535, not "${option}"`);
  return port;
}

/** `--jobs`: a whole number of reports at once, at least 1; default the number of cores. */
function parseJobs(option: string | undefined): number {
  if (option === undefined) return os.availableParallelism();
  const jobs = Number(option.trim());
  if (option.trim() === '' || !Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of reports at once, 1 or more, not "${option}"`);
  return jobs;
}

/** What every command takes from the options the same way. */
function commonCommand(values: ParsedValues, env: NodeJS.ProcessEnv): Omit<Command, 'command' | 'input' | 'inputs' | 'batch' | 'jobs' | 'oldInput' | 'author' | 'copies' | 'trackChanges' | 'suggestions' | 'suggestionAuthor'> {
  return {
    outDir: values.out ?? 'dist',
    formats: parseFormats(values.format),
    quiet: values.quiet === true,
    browserPath: values.browser,
    fix: values.fix === true,
    embedFonts: values['embed-fonts'] === true,
    referenceDocx: values['reference-docx'],
    allowRemoteImages: values['allow-remote-images'] === true,
    force: values.force === true,
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
