import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { VFile } from 'vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import type { Report } from '../../pipeline/types.ts';
import { decodeXml } from '../helpers/xml.ts';

const run = promisify(execFile);

/** Millimetres per PDF point. */
export const MM_PER_PT = 25.4 / 72;

/** Points to millimetres. */
export function mm(points: number): number {
  return points * MM_PER_PT;
}

const created: string[] = [];

/** A fresh temporary folder, removed by {@link removeTempDirs}. */
export async function tempDir(prefix = 'layout'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `report-press-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Remove the temporary folders this test file made (call in `afterAll`). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A printed report: the parsed report (with its messages) and the PDF, also written to a file. */
export interface Printed {
  report: Report;
  pdf: Uint8Array;
  file: string;
}

/**
 * Parse Markdown (as `<dir>/input.md`, or a real source file when `source` is a path ending in
 * `.md` that exists) and print it with its template, the way `press build` does.
 */
export async function printMarkdown(browser: Browser, markdown: string, options: { env?: NodeJS.ProcessEnv; dir?: string } = {}): Promise<Printed> {
  const dir = options.dir ?? (await tempDir());
  const report = await parseReport(new VFile({ path: path.join(dir, 'input.md'), value: markdown }));
  return printReport(browser, report, dir, options.env);
}

/** Print a source file. */
export async function printSource(browser: Browser, source: string, env?: NodeJS.ProcessEnv): Promise<Printed> {
  const report = await parseReport(new VFile({ path: source, value: await readFile(source, 'utf8') }));
  return printReport(browser, report, await tempDir(), env);
}

async function printReport(browser: Browser, report: Report, outDir: string, env: NodeJS.ProcessEnv | undefined): Promise<Printed> {
  const template = await loadTemplate(report.meta.template, env ? { env } : {});
  const pdf = await renderPdf(report, template, { date: new Date('2024-01-15T00:00:00Z'), browser });
  const file = path.join(outDir, 'output.pdf');
  await writeFile(file, pdf);
  return { report, pdf, file };
}

/** One line of text as poppler lays it out: its box in points (y down from the top) and text. */
export interface TextLine {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
  /** Words (poppler splits at spaces and changes of script) with their boxes. */
  words: { xMin: number; xMax: number; text: string }[];
}

/** A page of a PDF: its size and its lines of text in reading order. */
export interface TextPage {
  width: number;
  height: number;
  lines: TextLine[];
}

/** The lines of every page of a PDF, from `pdftotext -bbox-layout`. */
export async function textLayout(file: string): Promise<TextPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 64 << 20 });
  const pages: TextPage[] = [];
  for (const page of stdout.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    const lines: TextLine[] = [];
    for (const match of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...(match[5] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((word) => ({
        xMin: Number(word[1]),
        xMax: Number(word[2]),
        text: decodeXml(word[3] ?? ''),
      }));
      lines.push({ xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: words.map((word) => word.text).join(''), words });
    }
    pages.push({ width, height, lines });
  }
  return pages;
}

/**
 * The rows of a page: poppler's lines merged when they sit at the same height (it splits a line
 * where a wide gap separates its parts, e.g. a contents entry and its page number), left to right.
 */
export function rows(page: TextPage): TextLine[] {
  const merged: TextLine[] = [];
  const sorted = [...page.lines].sort((a, b) => a.yMin + a.yMax - (b.yMin + b.yMax) || a.xMin - b.xMin);
  for (const line of sorted) {
    const row = merged.find((candidate) => Math.abs(candidate.yMin + candidate.yMax - line.yMin - line.yMax) / 2 < 3);
    if (!row) {
      merged.push({ ...line, words: [...line.words] });
      continue;
    }
    row.words.push(...line.words);
    row.words.sort((a, b) => a.xMin - b.xMin);
    row.text = row.words.map((word) => word.text).join('');
    row.xMin = Math.min(row.xMin, line.xMin);
    row.xMax = Math.max(row.xMax, line.xMax);
  }
  return merged;
}

/** Whether a line is a running page number `— n —`. */
export function isPageNumber(line: TextLine): boolean {
  return /^—\s*\d+\s*—$/.test(line.text);
}

/** The text of each page (pdftotext, one string per page). */
export async function pageTexts(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
  const pages = stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Remove all white space. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Output of a command-line tool. */
export async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: 64 << 20 });
  return stdout;
}

/** One row of `pdffonts`: name, type, embedded, subset. */
export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts of a PDF, parsed by the column layout of `pdffonts`. */
export async function pdfFonts(file: string): Promise<FontRow[]> {
  const lines = (await tool('pdffonts', [file])).split('\n');
  const columns = [...(lines[1] ?? '').matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length] as const);
  const cell = (line: string, index: number): string => {
    const [start, end] = columns[index] ?? [0, 0];
    return line.slice(start, end + 1).trim();
  };
  return lines
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ name: cell(line, 0), type: cell(line, 1), embedded: cell(line, 3) === 'yes', subset: cell(line, 4) === 'yes' }));
}

/**
 * Rows (y in points from the top of the page) of a page region that hold ink, read from a
 * grey-scale rendering at `dpi`. The region is given in points.
 */
export async function inkRows(file: string, page: number, region: { x: number; y: number; width: number; height: number }, dpi = 720): Promise<number[]> {
  const scale = dpi / 72;
  const dir = await tempDir('ink');
  const base = path.join(dir, 'region');
  await run('pdftoppm', [
    '-r', String(dpi), '-gray', '-f', String(page), '-l', String(page),
    '-x', String(Math.round(region.x * scale)), '-y', String(Math.round(region.y * scale)),
    '-W', String(Math.round(region.width * scale)), '-H', String(Math.round(region.height * scale)),
    '-singlefile', file, base,
  ]);
  const data = await readFile(`${base}.pgm`);
  // Binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.toString('latin1', 0, 64));
  if (!header) throw new Error('not a PGM file');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[offset + y * width + x] ?? 255) < 128) {
        rows.push(Math.round(region.y * scale + y) / scale);
        break;
      }
    }
  }
  return rows;
}

/** Whether every character of a string takes a full em (Han, kana, full-width punctuation and forms). */
export function isFullWidth(text: string): boolean {
  return /^[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]+$/u.test(text);
}
