import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { sha256 } from '../cache/hash.ts';
import { renameFace } from '../fonts/face-names.ts';
import { subsetForText } from '../fonts/subset-local.ts';
import type { Template } from '../template/load-template.ts';
import { cacheDir } from '../util/disk-cache.ts';
import type { Chart } from './chart-node.ts';
import { chartFonts } from './chart-fonts.ts';
import { chartSvg } from './render-chart.ts';

/** Resolution of a chart's picture at its natural size (Word shrinks it to the text width, never enlarges it). */
export const CHART_DPI = 300;

/** A chart drawn for Word: the print SVG and a PNG of it. */
export interface ChartPicture {
  /** The SVG in the template's print fonts. */
  svg: string;
  /** The PNG, drawn by resvg with the template's print font files only. */
  bytes: Uint8Array;
  /** Size of the PNG in pixels. */
  width: number;
  height: number;
  /** Size of the chart in CSS pixels (96 to the inch): the size it is shown at. */
  cssWidth: number;
  cssHeight: number;
  /** Dots per inch of the PNG at that size. */
  dpi: number;
}

/**
 * The chart as a picture for Word: the print SVG, and a PNG of it at {@link CHART_DPI} drawn by
 * resvg in the template's print fonts (cut to the chart's characters, converted to TrueType and
 * named after their families, as the PDF's page has them), never a font of the machine.
 */
export async function chartPng(chart: Chart, template: Template, prefix: string): Promise<ChartPicture> {
  const svg = await chartSvg(chart, template, 'print', prefix);
  const fonts = await chartFonts(template, 'print');
  const fontFiles = await Promise.all(fonts.faces.map(async (face) => fontFile(renameFace(await subsetForText(face.file, svg), face.family))));
  // Whole pixels, rounded up: never below CHART_DPI at the chart's size.
  const svgWidth = Number(/^<svg[^>]*? width="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const fitTo = svgWidth > 0 ? ({ mode: 'width', value: Math.ceil((svgWidth * CHART_DPI) / 96) } as const) : ({ mode: 'zoom', value: CHART_DPI / 96 } as const);
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [...new Set(fontFiles)], ...(fonts.families[0] ? { defaultFontFamily: fonts.families[0] } : {}) },
    fitTo,
    background: 'white',
  });
  const cssWidth = resvg.width;
  const cssHeight = resvg.height;
  const image = resvg.render();
  return { svg, bytes: new Uint8Array(image.asPng()), width: image.width, height: image.height, cssWidth, cssHeight, dpi: (image.width / cssWidth) * 96 };
}

/** A font's bytes as a file resvg can load: in the cache folder (else the system's temporary one), named by their hash. */
async function fontFile(bytes: Buffer): Promise<string> {
  const name = `${sha256(bytes)}.ttf`;
  for (const dir of [path.join(cacheDir(), 'chart-fonts'), path.join(os.tmpdir(), 'report-press-chart-fonts')]) {
    const file = path.join(dir, name);
    try {
      await access(file);
      return file;
    } catch {
      // Not there yet: write it.
    }
    try {
      await mkdir(dir, { recursive: true });
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
      return file;
    } catch {
      // This folder cannot be written: try the next.
    }
  }
  throw new Error('no folder to write the chart fonts to');
}
