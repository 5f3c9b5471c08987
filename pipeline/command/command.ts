import type { OutputFormat } from '../types.ts';
import type { SuggestionMode } from '../transform/remark-suggestions.ts';

/** A `press` command line, parsed and validated: what to do and how. */
export interface Command {
  command: 'build' | 'check' | 'compare' | 'import' | 'review' | 'preview';
  /** The Markdown source (for `compare`, the new edition; for `import`, the Word file; for a batch, the first input). */
  input: string;
  /** `build`: every input named (files, folders, patterns); one file alone is a single build. */
  inputs: string[];
  /** `build`: the inputs ask for a batch (several, a folder or a pattern): see `run-batch.ts`. */
  batch: boolean;
  /** `build --jobs N`: reports of a batch built (and printed) at once. */
  jobs: number;
  /** `review`: the edited Word copies, after the source. */
  copies: string[];
  /** `compare`: the old edition the new one is compared with. */
  oldInput: string | undefined;
  /** `compare --author <name>`: who the differences are attributed to. */
  author: string | undefined;
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
  /** `--allow-remote-images`: fetch network images at build time (in Node, limited), else refuse them. */
  allowRemoteImages: boolean;
  /** `import --track-changes`: keep tracked changes as CriticMarkup, or accept or reject them. */
  trackChanges: 'accept' | 'reject' | 'all';
  /**
   * Suggestions (CriticMarkup): for `build`, what every output does with them (`--accept`,
   * `--reject`, `--marked`; `pending` by default); for `check`, `accept` or `reject` rewrites the
   * source deciding them (`check --accept/--reject`).
   */
  suggestions: SuggestionMode;
  /** `--author <name>`: decide only this author's suggestions. */
  suggestionAuthor: string | undefined;
  /** `build --force`: build even when the fingerprint beside the outputs says nothing changed. */
  force: boolean;
  /** `preview`: its settings (`--port`, `--open`, `--edit`, `--editor`). */
  preview?: PreviewSettings;
  /** Time the whole command (in a batch: each report) may take (`--timeout`, `PRESS_TIMEOUT`), in milliseconds; 0 for no limit. */
  timeoutMs: number;
}

/** How `press preview` runs. */
export interface PreviewSettings {
  /** `--port <n>`: the port on 127.0.0.1 (0: any free one). */
  port: number;
  /** `--open`: open the page in the user's browser. */
  open: boolean;
  /** `--edit`: an editing pane that saves the source. */
  edit: boolean;
  /** `--editor <cmd>`: the command that opens a place of the source in the user's editor. */
  editor: string | undefined;
}

/** Exit statuses of the command line. */
export const EXIT = {
  ok: 0,
  /** The input has errors, or the build failed (no browser, browser stopped twice, timeout): nothing written. */
  inputError: 1,
  usage: 2,
} as const;

/** Exit status of a command stopped by a signal: 128 plus the signal's number, as shells report it. */
export const SIGNAL_EXIT: Readonly<Record<'SIGHUP' | 'SIGINT' | 'SIGTERM', number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
