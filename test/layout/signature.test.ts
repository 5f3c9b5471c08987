import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { mm, printMarkdown, removeTempDirs, rows, textLayout, type TextLine } from './support.ts';

/**
 * The issuing organ and the date under a gov-report (GB/T 9704 7.3.5), in the PDF as in the Word
 * file (styles Author and Date): right-aligned four characters (4 × 16 pt) in from the right edge
 * of the type area, the date written 2024年12月30日 without a label, two blank lines above.
 */
let browser: Browser;
let lines: TextLine[];
let body: TextLine | undefined;

beforeAll(async () => {
  browser = await startBrowser();
  const printed = await printMarkdown(browser, '---\ntitle: 工作总结\nauthor: 某区教育局\ndate: 2024-12-30\n---\n\n# 一、主要工作\n\n继续抓好落实。\n');
  const [first] = await textLayout(printed.file);
  lines = first ? rows(first) : [];
  body = lines.find((line) => line.text.includes('继续抓好落实'));
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

describe('signature and date, gov-report PDF', () => {
  /** Right edge of the type area: 210 mm − 26 mm, in points. */
  const typeAreaRight = (184 / 25.4) * 72;

  it('the date is written as in the Word file, without a label', () => {
    expect(lines.map((line) => line.text)).toContain('2024年12月30日');
    expect(lines.some((line) => line.text.includes('发布日期'))).toBe(false);
  });

  it('organ and date end four characters (64 pt) in from the right edge of the type area', () => {
    for (const text of ['某区教育局', '2024年12月30日']) {
      const line = lines.find((candidate) => candidate.text === text);
      expect(line, text).toBeDefined();
      expect(typeAreaRight - (line?.xMax ?? 0), text).toBeGreaterThan(64 - 3);
      expect(typeAreaRight - (line?.xMax ?? 0), text).toBeLessThan(64 + 3);
    }
  });

  it('two blank lines (2 × 28.95 pt) separate the text from the organ', () => {
    const organ = lines.find((line) => line.text === '某区教育局');
    const pitch = 28.95;
    expect(mm((organ?.yMin ?? 0) - (body?.yMin ?? 0))).toBeCloseTo(mm(3 * pitch), 0);
  });
});
