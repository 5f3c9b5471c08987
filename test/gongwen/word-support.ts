// What the Word tests of the 公文 share: the gov-report page in millimetres and twips, a source
// built with `press build`, read back from its .docx and converted to PDF by LibreOffice, and
// readers of WordprocessingML attributes.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildResult } from '../../pipeline/build.ts';
import { paragraphs, paragraphStyle, partText, readDocx, type DocxPackage } from '../docx/read-docx.ts';

const run = promisify(execFile);

/** The checkout's root (where `source/examples/` is). */
export const root = path.resolve(import.meta.dirname, '../..');

/** LibreOffice's first start (a new profile) is slow. */
export const CONVERT_TIMEOUT_MS = 240_000;

/** The type area on the A4 page (gov-report: margins 37/26/35/28 mm), mm from the page's top and left. */
export const TYPE = { top: 37, bottom: 297 - 35, left: 28, right: 210 - 26 };
/** The type area's width, 156 mm, in twips. */
export const TYPE_WIDTH_TWIPS = Math.round((156 / 25.4) * 1440);
/** The body's exact line height, twips. */
export const LINE_TWIPS = 579;
/** One character of the body's 3号 (16 pt), twips. */
export const CHAR_TWIPS = 320;
/** Millimetres in twips. */
export const mmTwips = (mm: number): number => (mm / 25.4) * 1440;
/** Word and LibreOffice put the baseline of an exact line four fifths down it. */
export const BASELINE_SHARE = 0.8;
/** The print face's ink rises 0.8755 of its size above the baseline. */
export const MARK_INK_ASCENT = 0.8755;

/** Children of CT_PPrBase in the schema's order: Word refuses a style whose `w:pPr` has them out of order. */
export const PPR_ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];

/** A 公文 source built by `press build`, its .docx read back and converted to PDF by LibreOffice. */
export interface Built {
  /** What `build()` returned. */
  result: BuildResult;
  /** The .docx's parts. */
  docx: DocxPackage;
  /** `word/document.xml`. */
  document: string;
  /** `word/styles.xml`. */
  styles: string;
  /** The body's paragraphs, in order; with `flowOnly`, those of the flow alone (drawings, and the text box paragraphs in them, taken out). */
  body: string[];
  /** The body's drawings (`wp:anchor`), in order. */
  anchors: string[];
  /** report-press's own PDF (absent when built without `print`). */
  printPdf?: string;
  /** The PDF LibreOffice makes of the .docx. */
  wordPdf: string;
}

/** A {@link Built} with report-press's own PDF. */
export type PrintedBuilt = Built & { printPdf: string };

/** How {@link buildGongwen} builds and reads back a source. */
export interface BuildOptions {
  /** The LibreOffice profile folder to convert in (from {@link libreOfficeProfile}). */
  profile: string;
  /** Build report-press's PDF too (default true). */
  print?: boolean;
  /** Take the drawings, and the text box paragraphs in them, out of `body` (default false: they stay in their paragraphs). */
  flowOnly?: boolean;
}

/** A new LibreOffice profile folder (not yet made) in the temporary folder, `lo-<label>-<uuid>`: one per test file, since conversions in one profile must not overlap. */
export function libreOfficeProfile(label: string): string {
  return path.join(tmpdir(), `lo-${label}-${randomUUID()}`);
}

/** Convert a .docx to PDF with LibreOffice in the private `profile`; returns the PDF's path. */
export async function convertWithLibreOffice(docx: string, profile: string): Promise<string> {
  const outDir = path.join(path.dirname(docx), 'libreoffice');
  await mkdir(outDir, { recursive: true });
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx], { timeout: CONVERT_TIMEOUT_MS, maxBuffer: 16 << 20 });
  return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
}

/** Build a source with `press build` (with `print`, the PDF too), read the .docx back and convert it with LibreOffice. */
export function buildGongwen(input: string, outDir: string, options: BuildOptions & { print?: true }): Promise<PrintedBuilt>;
export function buildGongwen(input: string, outDir: string, options: BuildOptions): Promise<Built>;
export async function buildGongwen(input: string, outDir: string, { profile, print = true, flowOnly = false }: BuildOptions): Promise<Built> {
  const result = await build({ input, outDir, formats: print ? ['pdf', 'docx'] : ['docx'] });
  const name = path.basename(input, '.md');
  const docxPath = path.join(outDir, `${name}.docx`);
  const docx = readDocx(new Uint8Array(await readFile(docxPath)));
  const document = docx.xml('word/document.xml');
  const body = document.slice(document.indexOf('<w:body>'), document.lastIndexOf('<w:sectPr'));
  return {
    result,
    docx,
    document,
    styles: docx.xml('word/styles.xml'),
    body: paragraphs(flowOnly ? body.replace(/<w:drawing>.*?<\/w:drawing>/gs, '') : body),
    anchors: [...body.matchAll(/<wp:anchor\b.*?<\/wp:anchor>/gs)].map((match) => match[0]),
    ...(print ? { printPdf: path.join(outDir, `${name}.pdf`) } : {}),
    wordPdf: await convertWithLibreOffice(docxPath, profile),
  };
}

/** A number attribute of the first `<w:element …>` in `xml` (undefined when absent). */
export function numberAttribute(xml: string, element: string, attribute: string): number | undefined {
  const tag = new RegExp(`<w:${element}\\b[^>]*>`).exec(xml)?.[0];
  const value = tag === undefined ? undefined : new RegExp(`\\bw:${attribute}="(-?\\d+)"`).exec(tag)?.[1];
  return value === undefined ? undefined : Number(value);
}

/** A text attribute of the first `<w:element …>` in `xml`. */
export function textAttribute(xml: string, element: string, attribute: string): string | undefined {
  const tag = new RegExp(`<w:${element}\\b[^>]*>`).exec(xml)?.[0];
  return tag === undefined ? undefined : new RegExp(`\\bw:${attribute}="([^"]*)"`).exec(tag)?.[1];
}

/** The paragraphs of `built.body` in a style, as text (line breaks as newlines, tabs as tabs). */
export function texts(built: Built, style: string): string[] {
  return built.body.filter((paragraph) => paragraphStyle(paragraph) === style).map((paragraph) => partText(paragraph).replace(/^\n/, ''));
}
