import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../util/project-root.ts';
import { z } from 'zod';
import { TEMPLATE_NAMES } from './names.ts';
import { settingsOf } from '../fonts/print-fonts.ts';
import { greyCollisions, HEX_COLOUR } from '../charts/palette.ts';

/** Root folder of the templates shipped with report-press. */
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');

const fontRole = z.object({
  /** East Asian font name written into Word styles. */
  word: z.string(),
  /** Declared fallback name for Word (`w:altName`). */
  wordFallback: z.string(),
  /** Latin font name for Word (`w:ascii`, `w:hAnsi`). */
  latin: z.string(),
  /**
   * Families the print PDF uses, in fallback order, all from `printFontFiles`; a configured
   * family that is not set is left out. No generic family: every glyph must come from these.
   */
  print: z.array(z.string()).min(1),
  /** Font stack for the web page (fonts a reader's system may have). */
  screen: z.array(z.string()).min(1),
});

/** Fonts of a fontsource npm package: `<package>/<weight>.css` per weight. */
const packageFont = z.object({
  family: z.string(),
  /** npm package (a fontsource package: one stylesheet per weight, WOFF and WOFF2 files). */
  package: z.string(),
  weights: z.array(z.number()),
  /**
   * Files of the package (relative to its folder) that each hold every CJK punctuation mark of
   * one weight, such as fontsource's unsplit `chinese-simplified` files. Chromium compresses
   * adjacent punctuation (`text-spacing-trim`) only when both marks come from one font file,
   * and fontsource's split files put `。` and `」` in different ones; the print page takes
   * the punctuation from these files instead.
   */
  punctuationFiles: z.array(z.object({ weight: z.number(), path: z.string().regex(/^[\w./-]+\.woff2?$/).refine((file) => !file.split('/').includes('..'), 'a path inside the package') })).optional(),
});

/** Font files at fixed absolute paths, installed by a Debian package of the project's setup. */
const fileFont = z.object({
  family: z.string(),
  /** Debian package that installs the files (named in error messages and in scripts/install-system-packages.sh). */
  debianPackage: z.string(),
  files: z.array(z.object({ weight: z.number(), path: z.string().startsWith('/') })).min(1),
});

/**
 * A font the user may supply: an environment variable names its file (or `system` for an
 * installed face with one of `systemFamilies`). Unset, the family is left out of the stacks.
 */
const configuredFont = z.object({
  family: z.string(),
  /** Environment variable naming the font file. */
  setting: z.string().regex(/^PRESS_FONT_[A-Z0-9_]+$/),
  /** Family names fontconfig may know the face by, for `<setting>=system`. */
  systemFamilies: z.array(z.string()).min(1),
});

const printFontSource = z.union([packageFont, fileFont, configuredFont]);

/**
 * The print page's math font: an OpenType font with a MATH table and TrueType outlines (Chromium
 * lays out MathML with the MATH table, and embeds TrueType outlines as CID fonts, never as
 * Type 3), one file of an npm package, loaded whole (no `unicode-range`: the formulas' letters are
 * the mathematical italic ones, U+1D434…, which no page text names).
 */
const mathFont = z.object({
  family: z.string(),
  package: z.string(),
  /** The font file, relative to the package's folder. */
  file: z.string().regex(/^[\w./-]+\.woff2?$/).refine((file) => !file.split('/').includes('..'), 'a path inside the package'),
});

/** Where one print font family comes from: an npm package, Debian-installed files, or the configuration. */
export type PrintFontSource = z.infer<typeof printFontSource>;

/**
 * How the template sets charts (```` ```chart ```` blocks): the font role of their text, their
 * colours, and whether Word follows each chart with its data as a table.
 */
const chartStyle = z.object({
  /** The font role whose families set the chart's text (print families in the PDF and Word's picture, screen ones on the web page). */
  font: z.enum(['body', 'heading1', 'heading2', 'title', 'song', 'mono']),
  /**
   * The colours of the chart's series, in order (`#rrggbb`): each differs from the others in
   * luminance (contrast ratio 1.4:1 or more between neighbours), so a greyscale print keeps them apart.
   */
  palette: z
    .array(z.string().regex(HEX_COLOUR, 'a colour written #rrggbb'))
    .min(2)
    .superRefine((palette, context) => {
      for (const [darker, lighter] of greyCollisions(palette)) context.addIssue({ code: 'custom', message: `${darker} and ${lighter} are too close in luminance to tell apart in greyscale print` });
    }),
  /** Word follows each chart with its data as a table (the web page always has it behind a disclosure). */
  dataTable: z.boolean(),
});

const templateSchema = z.object({
  name: z.string(),
  description: z.string(),
  page: z.object({
    size: z.literal('A4'),
    marginMm: z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }),
  }),
  bodySizePt: z.number().positive(),
  lineHeightPt: z.number().positive(),
  fonts: z.object({ body: fontRole, heading1: fontRole, heading2: fontRole, title: fontRole, song: fontRole, mono: fontRole }),
  printFontFiles: z.array(printFontSource),
  /** The font formulas are printed in (their MathML), before the body's stack. */
  mathFont: mathFont.optional(),
  /**
   * Automatic heading numbers by outline level (Word numbering in the .docx, the same text in
   * the HTML and PDF). A source that writes its own numbers is never numbered twice.
   */
  headingNumbers: z.array(z.object({ format: z.enum(['chineseCounting', 'decimal']), text: z.string().regex(/%[1-9]/) })).max(6).optional(),
  /** How charts are set: font role, palette, data table in Word. */
  chart: chartStyle,
});

/** One font role of a template (body, heading1, heading2, title, song, mono). */
export type FontRole = z.infer<typeof fontRole>;

/** A template: data shared by the three renderers, plus its folder for CSS files. */
export interface Template extends z.infer<typeof templateSchema> {
  /** Absolute folder of the template. */
  dir: string;
  /** Stylesheet for the web page. */
  screenCss: string;
  /** Stylesheet for the print edition (added after the screen one). */
  printCss: string;
  /**
   * The `PRESS_FONT_*` settings read when the template was loaded (else `process.env` is read
   * when the print fonts are resolved).
   */
  fontSettings?: Readonly<Record<string, string>>;
}

/** Options of {@link loadTemplate}. */
export interface LoadTemplateOptions {
  /** Environment to read the `PRESS_FONT_*` settings from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}


/**
 * Load and validate a template by name; throws a one-line error for an unknown name. The
 * `PRESS_FONT_*` settings of the environment are read here, once, into `fontSettings`.
 */
export async function loadTemplate(name: string, options: LoadTemplateOptions = {}): Promise<Template> {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown template "${name}" (available: ${TEMPLATE_NAMES.join(', ')})`);
  }
  const dir = path.join(TEMPLATES_DIR, name);
  const own = await readTemplateFiles(dir);
  // A template may extend a shipped one: its settings over the parent's, its stylesheets after.
  const parentName = typeof own.json['extends'] === 'string' ? own.json['extends'] : undefined;
  if (parentName !== undefined && !(TEMPLATE_NAMES as readonly string[]).includes(parentName)) throw new Error(`template "${name}" extends an unknown template "${parentName}"`);
  const parent = parentName === undefined ? undefined : await readTemplateFiles(path.join(TEMPLATES_DIR, parentName));
  const { extends: _extends, ...settings } = { ...parent?.json, ...own.json };
  const data = templateSchema.parse(settings);
  const base = await readFile(path.join(TEMPLATES_DIR, 'base.css'), 'utf8');
  const screen = [parent?.screen, own.screen].filter((css) => css !== undefined).join('\n');
  const print = [parent?.print, own.print].filter((css) => css !== undefined).join('\n');
  const fontSettings = settingsOf(options.env ?? process.env);
  return { ...data, dir, screenCss: `${base}\n${screen}`, printCss: print, fontSettings };
}

/** A template folder's settings (as written) and stylesheets. */
async function readTemplateFiles(dir: string): Promise<{ json: Record<string, unknown>; screen: string; print: string }> {
  const [json, screen, print] = await Promise.all([readFile(path.join(dir, 'template.json'), 'utf8'), readFile(path.join(dir, 'screen.css'), 'utf8'), readFile(path.join(dir, 'print.css'), 'utf8')]);
  return { json: JSON.parse(json) as Record<string, unknown>, screen, print };
}
