import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TEMPLATE_NAMES } from './names.ts';

/** Root folder of the templates shipped with report-press. */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

const fontRole = z.object({
  /** East Asian font name written into Word styles. */
  word: z.string(),
  /** Declared fallback name for Word (`w:altName`). */
  wordFallback: z.string(),
  /** Latin font name for Word (`w:ascii`, `w:hAnsi`). */
  latin: z.string(),
  /** Families the print PDF uses, all from `printFontFiles`. */
  print: z.array(z.string()).min(1),
  /** Font stack for the web page (fonts a reader's system may have). */
  screen: z.array(z.string()).min(1),
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
  printFontFiles: z.array(z.object({ family: z.string(), package: z.string(), weights: z.array(z.number()) })),
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
}


/** Load and validate a template by name; throws a one-line error for an unknown name. */
export async function loadTemplate(name: string): Promise<Template> {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown template "${name}" (available: ${TEMPLATE_NAMES.join(', ')})`);
  }
  const dir = path.join(TEMPLATES_DIR, name);
  const json: unknown = JSON.parse(await readFile(path.join(dir, 'template.json'), 'utf8'));
  const data = templateSchema.parse(json);
  const [base, screen, print] = await Promise.all([
    readFile(path.join(TEMPLATES_DIR, 'base.css'), 'utf8'),
    readFile(path.join(dir, 'screen.css'), 'utf8'),
    readFile(path.join(dir, 'print.css'), 'utf8'),
  ]);
  return { ...data, dir, screenCss: `${base}\n${screen}`, printCss: print };
}
