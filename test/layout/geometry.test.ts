import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { inkRows, isFullWidth, isPageNumber, mm, MM_PER_PT, pdfFonts, printSource, removeTempDirs, textLayout, type Printed, type TextLine, type TextPage } from './support.ts';

/**
 * GB/T 9704-2012 geometry of the gov-report print edition, measured on the sample report's
 * PDF: type area, lines per page, characters per line, indents, page numbers, title block.
 */
const SAMPLE = path.resolve(import.meta.dirname, '../../source/report.md');

/** GB/T 9704: A4, type area 156 × 225 mm at 37 mm from the top and 28 mm from the left. */
const TARGET = { top: 37, left: 28, width: 156, height: 225, lines: 22, characters: 28 };
const PITCH_PT = ((TARGET.height / TARGET.lines) * 72) / 25.4; // 28.95 pt

let browser: Browser;
let printed: Printed;
let pages: TextPage[];

beforeAll(async () => {
  browser = await startBrowser();
  printed = await printSource(browser, SAMPLE);
  pages = await textLayout(printed.file);
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

/** Text lines of a page without its page number. */
function bodyLines(page: TextPage): TextLine[] {
  return page.lines.filter((line) => !isPageNumber(line));
}

/** Body pages filled to the last line: every line 16 pt text on the grid, 22 of them. */
function fullPages(): { number: number; lines: TextLine[] }[] {
  return pages
    .map((page, index) => ({ number: index + 1, lines: bodyLines(page) }))
    .filter(({ lines }) => lines.length >= TARGET.lines && lines.every((line) => Math.abs(line.yMax - line.yMin - 23) < 1.5));
}

const center = (line: TextLine): number => (line.yMin + line.yMax) / 2;

describe('gov-report geometry on the sample report', () => {
  it('builds without errors and has full body pages to measure', () => {
    expect(printed.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(fullPages().length).toBeGreaterThanOrEqual(2);
  });

  it('is A4', () => {
    for (const page of pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(841.89, 1);
    }
  });

  it('sets 22 lines on a full page, on a 28.95 pt pitch, filling 225 mm from 37 mm', () => {
    for (const { number, lines } of fullPages()) {
      expect(lines, `page ${number}`).toHaveLength(TARGET.lines);
      const first = lines[0];
      const last = lines.at(-1);
      if (!first || !last) throw new Error('no lines');
      const pitch = (center(last) - center(first)) / (lines.length - 1);
      // The template's pitch is Word's exact 579 twips (28.95 pt); Chromium keeps it to 1/64 px.
      expect(Math.abs(pitch - 28.95), `page ${number} line pitch ${pitch.toFixed(3)} pt`).toBeLessThan(0.05);
      const top = mm(center(first) - pitch / 2);
      const bottom = mm(center(last) + pitch / 2);
      expect(Math.abs(top - TARGET.top), `page ${number} top of the type area ${top.toFixed(2)} mm`).toBeLessThanOrEqual(1);
      expect(Math.abs(bottom - top - TARGET.height), `page ${number} height of the type area ${(bottom - top).toFixed(2)} mm`).toBeLessThanOrEqual(1);
      console.log(`page ${number}: ${lines.length} lines, pitch ${pitch.toFixed(3)} pt, type area top ${top.toFixed(2)} mm, height ${(bottom - top).toFixed(2)} mm`);
    }
  });

  it('sets the type area 156 mm wide at 28 mm from the left, lines justified to both edges', () => {
    for (const { number, lines } of fullPages()) {
      const left = Math.min(...lines.map((line) => line.xMin));
      const right = Math.max(...lines.map((line) => line.xMax));
      expect(Math.abs(mm(left) - TARGET.left), `page ${number} left margin ${mm(left).toFixed(2)} mm`).toBeLessThanOrEqual(1);
      expect(Math.abs(mm(right - left) - TARGET.width), `page ${number} width ${mm(right - left).toFixed(2)} mm`).toBeLessThanOrEqual(1);
      // Justified: every line that is not the last of its paragraph ends at the right edge.
      const full = lines.filter((line) => right - line.xMax < 16);
      expect(full.length).toBeGreaterThan(lines.length / 2);
      for (const line of full) expect(Math.abs(line.xMax - right), line.text).toBeLessThan(0.5);
      console.log(`page ${number}: left margin ${mm(left).toFixed(2)} mm, right margin ${(210 - mm(right)).toFixed(2)} mm, width ${mm(right - left).toFixed(2)} mm`);
    }
  });

  it('holds 28 characters on a full line of full-width text, and indents paragraphs by two', () => {
    const counts = new Map<number, number>();
    for (const { lines } of fullPages()) {
      const left = Math.min(...lines.map((line) => line.xMin));
      const right = Math.max(...lines.map((line) => line.xMax));
      for (const line of lines) {
        if (!isFullWidth(line.text) || right - line.xMax > 1) continue;
        const indented = line.xMin - left > 8;
        if (indented) {
          // A paragraph's first line: two characters (of the 15.75 pt pitch) in.
          expect(line.xMin - left, line.text).toBeCloseTo(2 * 15.75, 0);
          continue;
        }
        const n = [...line.text].length;
        counts.set(n, (counts.get(n) ?? 0) + 1);
      }
    }
    console.log('characters per full line of full-width text (count: lines):', Object.fromEntries(counts));
    const [mostCommon] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0];
    expect(mostCommon).toBe(TARGET.characters);
    // Fewer only where a closing mark may not start the next line (the line is then spaced out).
    for (const n of counts.keys()) expect(n).toBeGreaterThanOrEqual(TARGET.characters - 1);
    for (const n of counts.keys()) expect(n).toBeLessThanOrEqual(TARGET.characters);
  });

  it('numbers pages — n — at the outer edge of the type area, one character in, the dash 7 mm below it', async () => {
    for (const [index, page] of pages.entries()) {
      const number = index + 1;
      const found = page.lines.filter(isPageNumber);
      expect(found.map((line) => line.text), `page ${number}`).toEqual([`—${number}—`]);
      const line = found[0];
      if (!line) continue;
      const left = TARGET.left;
      const right = TARGET.left + TARGET.width;
      // 14 pt text: poppler's box is ascent + descent of the font (about 1.44 em).
      expect(line.yMax - line.yMin).toBeCloseTo(14 * 1.437, 0);
      if (number % 2 === 1) expect(Math.abs(right - mm(line.xMax) - mm(14)), `odd page ${number}: right`).toBeLessThanOrEqual(0.5);
      else expect(Math.abs(mm(line.xMin) - left - mm(14)), `even page ${number}: left`).toBeLessThanOrEqual(0.5);
      // The top of the first dash, found in the rendered page: 7 mm below the type area (262 mm).
      const dash = line.words[0];
      if (!dash) throw new Error('no dash');
      const rows = await inkRows(printed.file, number, { x: dash.xMin, y: line.yMin, width: Math.min(dash.xMax - dash.xMin, 12), height: line.yMax - line.yMin });
      const dashTop = mm(rows[0] ?? 0);
      expect(Math.abs(dashTop - (TARGET.top + TARGET.height) - 7), `page ${number}: dash top at ${dashTop.toFixed(2)} mm`).toBeLessThanOrEqual(0.5);
      if (number <= 2) console.log(`page ${number}: page number ${line.text} at x ${mm(line.xMin).toFixed(2)}–${mm(line.xMax).toFixed(2)} mm, dash top ${(dashTop - 262).toFixed(2)} mm below the type area`);
    }
  });

  it('opens with the title block: title 22 pt centred, the subtitle line and the speaker, then a blank line', () => {
    const first = pages[0];
    if (!first) throw new Error('no page');
    const [title, subtitle, speaker, next] = first.lines;
    expect(title?.text).toBe('政府工作报告');
    expect(subtitle?.text).toBe('——2024年在秦皇岛市人民代表大会会议上（节选）');
    expect(speaker?.text).toBe('秦皇岛市市长');
    const middle = (TARGET.left + TARGET.width / 2) / MM_PER_PT; // centre of the type area, in points
    for (const line of [title, subtitle, speaker]) {
      if (!line) continue;
      expect(Math.abs((line.xMin + line.xMax) / 2 - middle), line.text).toBeLessThan(1.5);
    }
    // 22 pt: poppler's box of a line of Noto Serif SC is 1.437 em high (23 pt for the 16 pt body).
    if (title) expect((title.yMax - title.yMin) / 1.437).toBeCloseTo(22, 0);
    // Every line of the block on the grid, and one empty grid line before the text.
    if (subtitle && speaker && next) {
      expect(center(speaker) - center(subtitle)).toBeCloseTo(PITCH_PT, 0);
      expect(center(next) - center(speaker)).toBeCloseTo(2 * PITCH_PT, 0);
    }
  });

  it('embeds every font as a subset CID TrueType font (no Type 3): Song/FangSong substitute, Hei, Kai', async () => {
    const fonts = await pdfFonts(printed.file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.type, font.name).toBe('CID TrueType');
      expect(font.embedded, font.name).toBe(true);
      expect(font.subset, font.name).toBe(true);
    }
    const families = new Set(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')));
    console.log('fonts of the sample PDF:', [...families].sort().join(', '));
    expect([...families].some((name) => name.startsWith('NotoSerifSC'))).toBe(true); // body (FangSong substitute), title, page numbers
    expect([...families].some((name) => name.startsWith('NotoSansSC'))).toBe(true); // level-1 headings (Hei)
    expect([...families].some((name) => name.startsWith('LXGWWenKai'))).toBe(true); // subtitle and speaker (Kai)
  });
});
