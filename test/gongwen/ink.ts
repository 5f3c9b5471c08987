/**
 * Ink on a printed page, read from a colour rendering (pdftoppm): which pixels are red (the 公文's
 * 标志, separator and lines) and which are dark, as runs of rows and columns in millimetres from
 * the page's top-left corner. Geometry tests measure the PDF with these, not the HTML.
 */
import { readFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { tempDir } from '../layout/support.ts';

const run = promisify(execFile);

/** A page rendered at `dpi`: width, height and RGB pixels. */
export interface Raster {
  dpi: number;
  width: number;
  height: number;
  pixels: Buffer;
}

/** Render one page of a PDF as RGB. */
export async function rasterPage(file: string, page: number, dpi = 300): Promise<Raster> {
  const dir = await tempDir('raster');
  const base = path.join(dir, 'page');
  await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, base]);
  const data = await readFile(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.toString('latin1', 0, 64));
  if (!header) throw new Error('not a PPM file');
  return { dpi, width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

/** What a pixel is: red ink, dark (black) ink, or neither. */
export type InkKind = 'red' | 'dark';

function kindAt(raster: Raster, x: number, y: number): InkKind | undefined {
  const offset = (y * raster.width + x) * 3;
  const r = raster.pixels[offset] ?? 255;
  const g = raster.pixels[offset + 1] ?? 255;
  const b = raster.pixels[offset + 2] ?? 255;
  if (r > 150 && g < 110 && b < 110) return 'red';
  if (r < 110 && g < 110 && b < 110) return 'dark';
  return undefined;
}

/** A box in millimetres from the page's top-left corner. */
export interface InkBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The box of the ink of a kind inside a region (mm), or undefined when there is none. */
export function inkBox(raster: Raster, kind: InkKind, region: Partial<InkBox> = {}): InkBox | undefined {
  const { x0, x1, y0, y1, toMm } = pixelRegion(raster, region);
  let box: { top: number; bottom: number; left: number; right: number } | undefined;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (kindAt(raster, x, y) !== kind) continue;
      if (!box) box = { top: y, bottom: y + 1, left: x, right: x + 1 };
      else {
        box.bottom = y + 1;
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x + 1);
      }
    }
  }
  return box ? { top: toMm(box.top), bottom: toMm(box.bottom), left: toMm(box.left), right: toMm(box.right) } : undefined;
}

/**
 * Runs of rows (mm from the top) in a region that hold ink of a kind: each run's top and bottom.
 * With `coverage`, only rows inked across at least that share of the region's width (rules, not text).
 */
export function inkBands(raster: Raster, kind: InkKind, region: Partial<InkBox> = {}, coverage = 0): { top: number; bottom: number }[] {
  const { x0, x1, y0, y1, toMm } = pixelRegion(raster, region);
  const bands: { top: number; bottom: number }[] = [];
  let start: number | undefined;
  for (let y = y0; y <= y1; y++) {
    let inked = false;
    if (y < y1 && coverage > 0) {
      let count = 0;
      for (let x = x0; x < x1; x++) if (kindAt(raster, x, y) === kind) count++;
      inked = count >= coverage * (x1 - x0);
    } else if (y < y1) for (let x = x0; x < x1 && !inked; x++) inked = kindAt(raster, x, y) === kind;
    if (inked && start === undefined) start = y;
    if (!inked && start !== undefined) {
      bands.push({ top: toMm(start), bottom: toMm(y) });
      start = undefined;
    }
  }
  return bands;
}

/** A region in millimetres as pixel bounds of the raster (clamped to it), and pixels back to millimetres. */
function pixelRegion(raster: Raster, region: Partial<InkBox>): { x0: number; x1: number; y0: number; y1: number; toMm: (pixels: number) => number } {
  const toPixels = (millimetres: number) => Math.round((millimetres / 25.4) * raster.dpi);
  return {
    x0: Math.max(0, toPixels(region.left ?? 0)),
    x1: Math.min(raster.width, region.right === undefined ? raster.width : toPixels(region.right)),
    y0: Math.max(0, toPixels(region.top ?? 0)),
    y1: Math.min(raster.height, region.bottom === undefined ? raster.height : toPixels(region.bottom)),
    toMm: (pixels) => (pixels / raster.dpi) * 25.4,
  };
}
