import { access } from 'node:fs/promises';
import path from 'node:path';
import * as vega from 'vega';
import { resolvePrintFonts, type FontRoleName } from '../fonts/print-fonts.ts';
import { readAdvances, type FaceAdvances } from '../fonts/advances.ts';
import { findPackageDir } from '../render/pdf/local-files.ts';
import type { Template } from '../template/load-template.ts';

/** Where a chart is shown: the web page (screen fonts) or print (the PDF and Word's picture). */
export type ChartMedium = 'screen' | 'print';

/** One face of a chart's fonts: its family, weight, and the file it is read from. */
export interface ChartFace {
  family: string;
  weight: 400 | 700;
  /** A TrueType, OpenType or WOFF 1.0 file (read for advances, and cut down for Word's picture). */
  file: string;
}

/** The fonts of a template's charts in one medium: the family list charts name, and the print faces behind it. */
export interface ChartFonts {
  /** The families, in order, as the SVG's `font-family` names them. */
  families: string[];
  /** The CSS/SVG font list (`"Noto Sans", "Noto Sans SC"`), which is also the key vega measures by. */
  font: string;
  /** The print faces, in the order characters fall through them. */
  faces: ChartFace[];
}

/**
 * The fonts a template's charts are set in: the families of its `chart.font` role, for print
 * the print stack the PDF's page declares (the CJK faces of `punctuationFiles` included), for
 * the screen the role's screen stack. Either way the text is measured with the print faces:
 * the web page names fonts of the reader's system, which report-press cannot read.
 */
export async function chartFonts(template: Template, medium: ChartMedium): Promise<ChartFonts> {
  const role = template.chart.font as FontRoleName;
  const setup = resolvePrintFonts(template);
  const stack = setup.stacks[role];
  const faces: ChartFace[] = [];
  for (const family of stack) {
    for (const weight of [400, 700] as const) {
      const cjk = setup.cjkFaces.find((face) => face.family === family && face.weight === weight);
      if (cjk) {
        const dir = await findPackageDir(cjk.packageName);
        if (dir) faces.push({ family, weight, file: await woffOrSelf(path.join(dir, cjk.file)) });
        continue;
      }
      const local = setup.localFaces.find((face) => face.family === family && face.weight === weight);
      if (local) {
        faces.push({ family, weight, file: local.file });
        continue;
      }
      const source = template.printFontFiles.find((font) => font.family === family && 'package' in font);
      if (source && 'package' in source && source.weights.includes(weight)) {
        const dir = await findPackageDir(source.package);
        const slug = source.package.replace(/^@fontsource\//, '');
        const file = dir && path.join(dir, 'files', `${slug}-latin-${weight}-normal.woff`);
        if (file && (await exists(file))) faces.push({ family, weight, file });
      }
    }
  }
  const families = medium === 'print' ? stack : [...template.fonts[role].screen];
  return { families, font: fontList(families), faces };
}

/** A font list as CSS and SVG write it: names quoted, generic families bare. */
export function fontList(families: readonly string[]): string {
  return families.map((family) => (/^(serif|sans-serif|monospace|system-ui|cursive|fantasy|ui-[a-z]+)$/.test(family) ? family : `"${family.replace(/["\\]/g, '')}"`)).join(', ');
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** fontsource ships a WOFF 1.0 file beside each WOFF2 one: the advances are read from that one. */
async function woffOrSelf(file: string): Promise<string> {
  const woff = file.replace(/\.woff2$/, '.woff');
  return woff !== file && (await exists(woff)) ? woff : file;
}

/** A text's width in px, set in one weight and size. */
type Measure = (text: string, bold: boolean, size: number) => number;

const measures = new Map<string, Measure>();
const advances = new Map<string, Promise<FaceAdvances | undefined>>();
let installed = false;

/** vega's text measurement, which its typings leave out: replaced to measure with real fonts. */
interface TextMetrics {
  width: (item: object, text: unknown) => number;
}
const { textMetrics } = vega as unknown as { textMetrics: TextMetrics };

/**
 * Make vega measure text set in `fonts.font` with the faces' real advances (vega's own estimate
 * assumes Latin letters: a Chinese label came out half its width, and axis titles overlapped
 * the labels). A character none of the faces has is estimated: 1 em if East Asian wide, else 0.6 em.
 */
export async function useChartFonts(fonts: ChartFonts): Promise<void> {
  if (measures.has(fonts.font)) return;
  const loaded = (await Promise.all(fonts.faces.map(async (face) => ({ face, advances: await faceAdvances(face.file) })))).filter(
    (entry): entry is { face: ChartFace; advances: FaceAdvances } => entry.advances !== undefined,
  );
  const byWeight = (bold: boolean) => [...loaded.filter((entry) => entry.face.weight === (bold ? 700 : 400)), ...loaded.filter((entry) => entry.face.weight !== (bold ? 700 : 400))];
  const regular = byWeight(false);
  const bold = byWeight(true);
  measures.set(fonts.font, (text, isBold, size) => {
    let width = 0;
    for (const character of text) {
      const codepoint = character.codePointAt(0) ?? 0;
      let advance: number | undefined;
      for (const entry of isBold ? bold : regular) {
        advance = entry.advances.advance(codepoint);
        if (advance !== undefined) break;
      }
      width += (advance ?? (isWide(codepoint) ? 1 : 0.6)) * size;
    }
    return width;
  });
  if (!installed) {
    installed = true;
    textMetrics.width = (item, text) => {
      const { font, fontWeight, fontSize } = item as { font?: string; fontWeight?: string | number; fontSize?: number };
      // A font no template names (a specification's own `config.font`) is estimated here: vega's
      // own estimate truncates through `textMetrics.width`, which is this function, and recursed.
      const measure = (font === undefined ? undefined : measures.get(font)) ?? estimateWidth;
      const bold = fontWeight === 'bold' || fontWeight === 'bolder' || (typeof fontWeight === 'number' && fontWeight >= 600) || (typeof fontWeight === 'string' && Number(fontWeight) >= 600);
      return measure(String(text ?? ''), bold, fontSize ?? 11);
    };
  }
}

function faceAdvances(file: string): Promise<FaceAdvances | undefined> {
  let read = advances.get(file);
  if (!read) {
    read = readAdvances(file).catch(() => undefined);
    advances.set(file, read);
  }
  return read;
}

/** A text's width in a font report-press cannot read: 1 em a wide character, 0.6 em any other. */
function estimateWidth(text: string, _bold: boolean, size: number): number {
  let width = 0;
  for (const character of text) width += (isWide(character.codePointAt(0) ?? 0) ? 1 : 0.6) * size;
  return width;
}

/** East Asian wide and full-width characters (CJK, kana, Hangul, full-width forms). */
function isWide(codepoint: number): boolean {
  return (codepoint >= 0x1100 && codepoint <= 0x115f) || (codepoint >= 0x2e80 && codepoint <= 0xa4cf) || (codepoint >= 0xac00 && codepoint <= 0xd7a3) || (codepoint >= 0xf900 && codepoint <= 0xfaff) || (codepoint >= 0xfe30 && codepoint <= 0xfe4f) || (codepoint >= 0xff00 && codepoint <= 0xff60) || (codepoint >= 0xffe0 && codepoint <= 0xffe6) || (codepoint >= 0x20000 && codepoint <= 0x3fffd);
}
