import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CONFIG_FILE_NAMES } from '../parse/config-file.ts';
import { TEMPLATES_DIR } from '../template/load-template.ts';
import { settingsOf } from '../fonts/print-fonts.ts';
import type { BuildOptions } from '../build.ts';
import type { OutputFormat } from '../types.ts';
import { fileHash, fileStamp, sha256 } from './hash.ts';
import { pressVersion } from './press-version.ts';
import { fontIdentity } from './font-identity.ts';

/** Version of the fingerprint's layout; a file of another version is never trusted. */
export const FINGERPRINT_SCHEMA = 1;

/** Folder, inside the output folder, that holds the fingerprints of the builds written there. */
export const FINGERPRINT_FOLDER = '.report-press';

/** What of a build's options the fingerprint needs: those that change its outputs. */
export type FingerprintOptions = Pick<
  BuildOptions,
  'input' | 'outDir' | 'outputName' | 'formats' | 'browserPath' | 'embedFonts' | 'referenceDocx' | 'allowRemoteImages' | 'suggestions' | 'suggestionAuthor'
>;

const fileEntry = z.object({ path: z.string(), hash: z.string().nullable() });

const keySchema = z.object({
  schema: z.literal(FINGERPRINT_SCHEMA),
  press: z.object({ version: z.string(), code: z.string() }),
  source: fileEntry,
  /** The source's path as the command line gave it: the stored messages name it so. */
  sourceAsGiven: z.string(),
  outputName: z.string(),
  formats: z.array(z.enum(['pdf', 'docx', 'html'])),
  options: z.object({
    embedFonts: z.boolean(),
    referenceDocx: fileEntry.nullable(),
    allowRemoteImages: z.boolean(),
    suggestions: z.string(),
    suggestionAuthor: z.string().nullable(),
  }),
  /** `PRESS_FONT_*` and SOURCE_DATE_EPOCH: the environment that changes outputs. */
  environment: z.record(z.string(), z.string()),
  /** Path and size:mtime of the browser executable, when the PDF is built. */
  browser: z.object({ path: z.string(), stamp: z.string().nullable() }).nullable(),
  fonts: z.record(z.string(), z.string().nullable()),
  /** Every file of the templates folder (base.css and each template), hashed. */
  templates: z.string(),
  /** The configuration files looked for beside the source, hashed (null: absent). */
  config: z.array(fileEntry),
});

/**
 * Everything about a build that is known before it runs: report-press's version, the source,
 * the options, the environment, the browser, the fonts, the templates and the configuration file.
 */
export type FingerprintKey = z.infer<typeof keySchema>;

const fingerprintSchema = z.object({
  key: keySchema,
  /** Other files the build read (images, files the print page loaded), hashed; null: it looked and found none. */
  dependencies: z.array(fileEntry),
  /** The messages the build printed, as printed, so that a skipped build prints them again. */
  messages: z.array(z.string()),
  /** Each output written, by file name in the output folder, with its SHA-256. */
  outputs: z.array(z.object({ name: z.string(), hash: z.string() })),
});

/** A successful build's fingerprint, stored as JSON at {@link fingerprintPath}. */
export type Fingerprint = z.infer<typeof fingerprintSchema>;

/** The outputs' name without extension, as the build chooses it. */
export function outputNameOf(options: Pick<FingerprintOptions, 'input' | 'outputName'>): string {
  return options.outputName ?? path.basename(options.input).replace(/\.(md|markdown)$/i, '');
}

/** Where the fingerprint of the build of `options` lives: `<out>/.report-press/<name>.json`. */
export function fingerprintPath(options: Pick<FingerprintOptions, 'input' | 'outputName' | 'outDir'>): string {
  return path.join(options.outDir, FINGERPRINT_FOLDER, `${outputNameOf(options)}.json`);
}

/** The output file names of the build of `options`, in the order it writes them. */
export function outputNames(options: Pick<FingerprintOptions, 'input' | 'outputName' | 'formats'>): string[] {
  return options.formats.map((format: OutputFormat) => `${outputNameOf(options)}.${format}`);
}

/**
 * Compute the key of a build as things are now. Throws only when report-press's own files
 * cannot be read; a browser that cannot be found gives a key without one (the build will say why).
 */
export async function computeKey(options: FingerprintOptions, env: NodeJS.ProcessEnv = process.env): Promise<FingerprintKey> {
  const source = path.resolve(options.input);
  const folder = path.dirname(source);
  const wantsFonts = options.formats.includes('pdf') || options.embedFonts === true;
  const [press, sourceHash, referenceDocx, browser, fonts, templates, config] = await Promise.all([
    pressVersion(),
    fileHash(source),
    options.referenceDocx !== undefined && options.formats.includes('docx') ? fileEntryOf(path.resolve(options.referenceDocx)) : Promise.resolve(null),
    options.formats.includes('pdf') ? browserIdentity(options.browserPath, env) : Promise.resolve(null),
    wantsFonts ? fontIdentity(env) : Promise.resolve({}),
    templatesHash(),
    Promise.all(CONFIG_FILE_NAMES.map((name) => fileEntryOf(path.join(folder, name)))),
  ]);
  const environment: Record<string, string> = { ...settingsOf(env) };
  if (env['SOURCE_DATE_EPOCH'] !== undefined) environment['SOURCE_DATE_EPOCH'] = env['SOURCE_DATE_EPOCH'];
  return {
    schema: FINGERPRINT_SCHEMA,
    press,
    source: { path: source, hash: sourceHash },
    sourceAsGiven: options.input,
    outputName: outputNameOf(options),
    formats: [...options.formats].sort(),
    options: {
      embedFonts: options.embedFonts === true && options.formats.includes('html'),
      referenceDocx,
      allowRemoteImages: options.allowRemoteImages === true,
      suggestions: options.suggestions ?? 'pending',
      suggestionAuthor: options.suggestionAuthor ?? null,
    },
    environment,
    browser,
    fonts,
    templates,
    config,
  };
}

async function fileEntryOf(file: string): Promise<{ path: string; hash: string | null }> {
  return { path: file, hash: await fileHash(file) };
}

/** The browser that would print, by its real path, size and modification time; null when none is found. */
async function browserIdentity(browserPath: string | undefined, env: NodeJS.ProcessEnv): Promise<{ path: string; stamp: string | null } | null> {
  try {
    const { findBrowser } = await import('../browser/find-browser.ts');
    const found = await findBrowser({ ...(browserPath !== undefined ? { executablePath: browserPath } : {}), env });
    const real = await realpath(found.executablePath);
    return { path: real, stamp: await fileStamp(real) };
  } catch {
    return null;
  }
}

let templatesMemo: Promise<string> | undefined;

/** A hash of every file of the templates folder, computed once per process. */
function templatesHash(): Promise<string> {
  templatesMemo ??= (async () => {
    const entries = await readdir(TEMPLATES_DIR, { withFileTypes: true, recursive: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
    const lines = await Promise.all(files.map(async (file) => `${path.relative(TEMPLATES_DIR, file)}\0${sha256(await readFile(file))}\n`));
    return sha256(lines.join(''));
  })();
  return templatesMemo;
}

/** Parse a stored fingerprint; undefined when it is not one (malformed, another schema). */
export function parseFingerprint(text: string): Fingerprint | undefined {
  try {
    const parsed = fingerprintSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
