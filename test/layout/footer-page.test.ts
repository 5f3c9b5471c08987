import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { greyPng } from '../helpers/png.ts';
import { printMarkdown, removeTempDirs, rows, tempDir, textLayout, type TextPage } from './support.ts';

/**
 * The publication footer (author, date) of a `default`-template report keeps company with the
 * end of the text: it never stands alone on a last page, and is never split over two pages.
 * An English report with `toc: true` whose text ended a little above the foot of a page printed
 * its footer alone on an extra page. The text's end is put where it matters by an image whose
 * height is measured out from a first print: 6 to 30 mm above the foot of the type area, where
 * the footer (3 em of margin, a rule and two lines) cannot fit under it.
 */
interface Case {
  template: 'default' | 'gov-report';
  lang: string;
  title: string;
  heading: string;
  paragraph: string;
  /** The footer's first line (the author) and how its second line (the date) starts, as poppler reads them (spaces removed). */
  author: string;
  date: string;
  /** Bottom margin of the template's page, mm. */
  bottomMm: number;
  /** Where the text is made to end, mm above the foot of the type area: the footer fits only at the last. */
  gapsMm: number[];
}

const CASES: Case[] = [
  {
    template: 'default',
    lang: 'en',
    title: 'Annual Report 2024',
    heading: 'Results',
    paragraph: 'The foundation supported forty projects in twelve regions this year, and each of them reported its results to the board in time for this report. '.repeat(2),
    author: 'Example Foundation',
    date: 'Published',
    bottomMm: 25,
    // The footer: 3 em of margin, 1 em of padding, a rule and two lines of 11 pt, about 28 mm.
    gapsMm: [8, 16, 24, 32],
  },
  {
    template: 'gov-report',
    lang: 'zh-CN',
    title: '工作总结',
    heading: '一、主要工作',
    paragraph: '各位代表，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展，全面深化改革开放。'.repeat(2),
    author: '某区教育局',
    date: '2024年3月1日',
    bottomMm: 35,
    // The footer: two blank lines and two lines on the 28.95 pt grid, about 41 mm.
    gapsMm: [6, 16, 26, 36, 46],
  },
];

function markdown(test: Case, imageMm: number): { markdown: string; pixels: number } {
  const pixels = Math.round((imageMm / 25.4) * 96);
  const lines = ['---', `title: ${test.title}`, `author: ${test.author}`, 'date: 2024-03-01', `lang: ${test.lang}`, `template: ${test.template}`, 'toc: true', '---', ''];
  lines.push(`# ${test.heading}`, '', '![A tall grey block](block.png)', '', test.paragraph, '', test.paragraph, '');
  return { markdown: lines.join('\n'), pixels };
}

async function print(browser: Browser, test: Case, imageMm: number): Promise<TextPage[]> {
  const dir = await tempDir('footer');
  const { markdown: source, pixels } = markdown(test, imageMm);
  await writeFile(path.join(dir, 'block.png'), greyPng(40, pixels));
  const printed = await printMarkdown(browser, source, { dir });
  expect(printed.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
  return textLayout(printed.file);
}

/** Whether a line is the page number at the foot of a page (`3`, `— 3 —`). */
const pageNumber = (text: string): boolean => /^(—\s*)?\d+(\s*—)?$/.test(text.trim());

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

describe.each(CASES)('publication footer of the $template template', (test) => {
  const squashed = (text: string) => text.replace(/\s+/g, '');
  const isFooter = (text: string) => squashed(text).startsWith(squashed(test.author)) || squashed(text).startsWith(squashed(test.date));

  it('never stands alone on the last page, and is never split, wherever the text ends', async () => {
    // First print: where does the text end on the page after the contents?
    const first = await print(browser, test, 40);
    const page = first[1];
    expect(page, 'the text starts on page 2, after the contents').toBeDefined();
    const text = rows(page!).filter((line) => !pageNumber(line.text));
    const lastBody = text[text.findIndex((line) => isFooter(line.text)) - 1];
    expect(lastBody, `the footer follows the text on page 2: ${first.map((each) => rows(each).map((line) => line.text).join(' | ')).join(' // ')}`).toBeDefined();
    const typeAreaBottom = page!.height - (test.bottomMm / 25.4) * 72;
    const spareMm = ((typeAreaBottom - lastBody!.yMax) / 72) * 25.4;
    const outcomes: string[] = [];
    for (const gapMm of test.gapsMm) {
      const pages = await print(browser, test, 40 + spareMm - gapMm);
      const lastLines = rows(pages.at(-1)!).map((line) => line.text).filter((line) => !pageNumber(line));
      const footerPages = pages.flatMap((candidate, index) => (rows(candidate).some((line) => isFooter(line.text)) ? [index + 1] : []));
      const alone = lastLines.every(isFooter);
      outcomes.push(`${test.template}: text ending ${gapMm} mm above the foot: ${pages.length} pages, footer on ${footerPages.join(', ')}${alone ? ' ALONE' : ''}`);
      expect.soft(alone, `${gapMm} mm: the footer alone on the last page (${lastLines.join(' | ')})`).toBe(false);
      expect.soft(footerPages, `${gapMm} mm: the footer on one page`).toHaveLength(1);
    }
    console.log(outcomes.join('\n'));
  });
});
