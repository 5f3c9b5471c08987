import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { pngBytes } from '../helpers/png.ts';
import { isPageNumber, pageTexts, printMarkdown, removeTempDirs, squash, tempDir, textLayout, tool, type Printed, type TextPage } from './support.ts';

/**
 * Page breaks in Chromium with the gov-report print stylesheet, on documents built to put a
 * heading, a figure and a table exactly at the end of a page.
 */

/** 26 Han characters: with the two-character indent, exactly one full line of 28. */
const ONE_LINE = '坚持稳中求进工作总基调完整准确全面贯彻新发展理念着力';

function lines(count: number): string {
  return Array.from({ length: count }, () => ONE_LINE).join('\n\n');
}

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

function bodyLines(page: TextPage | undefined): string[] {
  return (page?.lines ?? []).filter((line) => !isPageNumber(line)).map((line) => squash(line.text));
}

describe('a heading never ends a page', () => {
  let capacity = 0;
  let near: Printed;

  beforeAll(async () => {
    // How many one-line paragraphs fit on the first page under the title block.
    const control = await printMarkdown(browser, `---\ntitle: 标题\n---\n\n${lines(30)}\n`);
    const [first] = await textLayout(control.file);
    capacity = bodyLines(first).filter((line) => line === ONE_LINE).length;
    // One paragraph fewer, then a heading: the heading would be the page's last line.
    near = await printMarkdown(browser, `---\ntitle: 标题\n---\n\n${lines(capacity - 1)}\n\n# 二、标题正好落在页末\n\n${lines(3)}\n`);
  });

  it('the control document fills its first page to the last line of the type area', () => {
    // Title, a blank line, then the paragraphs: 22 grid lines in all.
    expect(capacity).toBe(20);
  });

  it('a heading that would be the last line of a page moves to the next page with its paragraph', async () => {
    const [first, second] = await textLayout(near.file);
    const body = bodyLines(first);
    expect(body.filter((line) => line === ONE_LINE)).toHaveLength(capacity - 1);
    expect(body).not.toContain('二、标题正好落在页末');
    expect(bodyLines(second)[0]).toBe('二、标题正好落在页末');
    expect(bodyLines(second)[1]).toBe(ONE_LINE);
  });
});

describe('a long table', () => {
  let printed: Printed;

  beforeAll(async () => {
    const rows = Array.from({ length: 70 }, (_, index) => `| 第${index + 1}行 | 地区生产总值 | ${(index * 1.5).toFixed(1)} |`);
    printed = await printMarkdown(browser, `${lines(5)}\n\n| 序号 | 指标名称 | 增长率 |\n| --- | --- | --- |\n${rows.join('\n')}\n\n${lines(2)}\n`);
  });

  it('repeats its header row on every page it spans', async () => {
    const texts = (await pageTexts(printed.file)).map(squash);
    const spanned = texts.map((text, index) => ({ page: index + 1, text })).filter(({ text }) => /第\d+行/.test(text));
    expect(spanned.length).toBeGreaterThanOrEqual(2);
    for (const { page, text } of spanned) {
      expect(text, `page ${page}`).toContain('序号指标名称增长率');
      // The header comes before the page's first row.
      expect(text.indexOf('序号指标名称增长率'), `page ${page}`).toBeLessThan(text.search(/第\d+行/));
    }
    // No row is split or lost.
    const all = texts.join('');
    for (let row = 1; row <= 70; row++) expect(all).toContain(`第${row}行地区生产总值`);
  });
});

describe('a figure at the end of a page', () => {
  let printed: Printed;

  beforeAll(async () => {
    const dir = await tempDir('figure');
    // 300 × 370 px = 79 × 98 mm: it fits into the 10 lines (102 mm) left after 12 lines, its caption does not.
    await writeFile(path.join(dir, 'chart.png'), pngBytes(300, 370, [40, 90, 160]));
    printed = await printMarkdown(browser, `${lines(12)}\n\n![2023年主要指标](chart.png "图1　2023年主要指标完成情况")\n\n${lines(3)}\n`, { dir });
  });

  it('keeps the image and its caption together, on the next page', async () => {
    expect(printed.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    const list = await tool('pdfimages', ['-list', printed.file]);
    const imagePages = list
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells[3] === '300' && cells[4] === '370')
      .map((cells) => Number(cells[0]));
    expect(imagePages).toHaveLength(1);
    const texts = (await pageTexts(printed.file)).map(squash);
    const captionPage = 1 + texts.findIndex((text) => text.includes('图12023年主要指标完成情况'));
    expect(captionPage).toBe(imagePages[0]);
    expect(captionPage).toBe(2);
  });
});

/** The pages (1-based) on which `pdfimages -list` finds an image of the given pixel size. */
async function imagePagesOf(file: string, width: number, height: number): Promise<number[]> {
  const list = await tool('pdfimages', ['-list', file]);
  return list
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[3] === String(width) && cells[4] === String(height))
    .map((cells) => Number(cells[0]));
}

describe('an image taller than a page', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('tall-image');
    // 300 × 2400 px = 79 × 635 mm: more than two type areas high.
    await writeFile(path.join(dir, 'tall.png'), pngBytes(300, 2400, [40, 90, 160]));
  });

  it('default template: a figure is scaled to fit one page, with its caption and the heading above it', async () => {
    const printed = await printMarkdown(browser, `---\ntitle: Tall\nlang: en\n---\n\n# Intro\n\nText.\n\n# A tall image\n\n![A tall strip](tall.png "Figure 1. A tall strip")\n\nAfter.\n`, { dir });
    expect(await imagePagesOf(printed.file, 300, 2400)).toEqual([2]);
    const texts = (await pageTexts(printed.file)).map(squash);
    expect(texts[1]).toContain('Atallimage');
    expect(texts[1]).toContain('Figure1.Atallstrip');
  });

  it('gov-report: an image inside a paragraph is scaled to fit one page', async () => {
    const printed = await printMarkdown(browser, `${lines(2)}\n\n![很高的图片](tall.png)\n\n${lines(2)}\n`, { dir });
    expect((await imagePagesOf(printed.file, 300, 2400))).toHaveLength(1);
  });

  it('default template: an image inside a paragraph is scaled to fit one page', async () => {
    const printed = await printMarkdown(browser, `---\nlang: en\n---\n\nText.\n\n![A tall strip](tall.png)\n\nAfter.\n`, { dir });
    expect(await imagePagesOf(printed.file, 300, 2400)).toHaveLength(1);
  });
});
