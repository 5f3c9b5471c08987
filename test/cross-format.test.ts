import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { build, type BuildResult } from '../pipeline/build.ts';
import { blockTexts, missingInOrder } from './helpers/block-text.ts';
import { docxParts, pdfBodyText, pdfFonts, pdfInfo, wordText } from './helpers/read-back.ts';
import { closeBrowser, loadHtml, startBrowser } from './helpers/browser.ts';
import { temporaryFolder } from './helpers/report.ts';
import type { Chart } from '../pipeline/charts/chart-node.ts';

const root = path.resolve(import.meta.dirname, '..');
const sources = ['source/report.md', 'source/examples/showcase.md'];

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe.each(sources)('one source, three outputs: %s', (source) => {
  let result: BuildResult;
  let outDir: string;
  const name = path.basename(source, '.md');

  beforeAll(async () => {
    outDir = await temporaryFolder();
    result = await build({ input: path.join(root, source), outDir, formats: ['pdf', 'docx', 'html'] });
  });

  it('builds without errors', () => {
    expect(result.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.written.map((file) => path.basename(file)).sort()).toEqual([`${name}.docx`, `${name}.html`, `${name}.pdf`]);
  });

  it('the PDF shows the text of every source block in source order, on A4, fonts embedded', async () => {
    const pdf = path.join(outDir, `${name}.pdf`);
    const text = await pdfBodyText(pdf);
    const { body, footnotes } = blockTexts(result.report.tree);
    expect(missingInOrder(body, text)).toEqual([]);
    expect(missingInOrder(footnotes, text)).toEqual([]);
    const info = await pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.Tagged).toBe('yes');
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded || font.type.includes('Type 3'))).toEqual([]);
  });

  it('the Word file shows the text of every source block in source order, and every footnote', async () => {
    const parts = await docxParts(path.join(outDir, `${name}.docx`));
    const { body, footnotes } = blockTexts(result.report.tree);
    expect(missingInOrder(body, wordText(parts['word/document.xml'] ?? ''))).toEqual([]);
    expect(missingInOrder(footnotes, wordText(parts['word/footnotes.xml'] ?? ''))).toEqual([]);
  });

  it('the HTML page shows the text of every source block in source order', async () => {
    const page = await loadHtml(browser, await readFile(path.join(outDir, `${name}.html`), 'utf8'));
    try {
      const text = await page.evaluate(() => document.body.innerText);
      const { body, footnotes } = blockTexts(result.report.tree);
      expect(missingInOrder(body, text)).toEqual([]);
      expect(missingInOrder(footnotes, text)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('every citation and bibliography entry reads the same in the PDF, the Word file and the HTML page', async () => {
    const cited: string[] = [];
    visit(result.report.tree, (node) => {
      if (node.type === 'link' && node.data?.citation) cited.push(toString(node));
      if (node.type === 'paragraph' && node.data?.bibliographyEntry) cited.push(`${node.data.bibliographyEntry.label ?? ''}${toString(node)}`);
    });
    if (source.includes('showcase')) expect(cited.length).toBeGreaterThanOrEqual(6);
    const squash = (text: string) => text.replace(/\s+/g, '');
    const pdf = squash(await pdfBodyText(path.join(outDir, `${name}.pdf`)));
    const word = squash(wordText((await docxParts(path.join(outDir, `${name}.docx`)))['word/document.xml'] ?? ''));
    const page = await loadHtml(browser, await readFile(path.join(outDir, `${name}.html`), 'utf8'));
    try {
      const html = squash(await page.evaluate(() => document.body.innerText));
      for (const text of cited.map(squash)) {
        expect(pdf, text).toContain(text);
        expect(word, text).toContain(text);
        expect(html, text).toContain(text);
      }
    } finally {
      await page.close();
    }
  });

  it('every image keeps its alt text in the Word file and the HTML page', async () => {
    const alts: string[] = [];
    visit(result.report.tree, 'image', (image) => {
      if (image.alt) alts.push(image.alt);
    });
    const parts = await docxParts(path.join(outDir, `${name}.docx`));
    const html = await readFile(path.join(outDir, `${name}.html`), 'utf8');
    for (const alt of alts) {
      expect(parts['word/document.xml']).toContain(`descr="${alt}"`);
      expect(html).toContain(`alt="${alt}"`);
    }
  });

  it('every chart shows its data in all three: its text alternative in the Word file and the HTML page, its labels in the PDF and the HTML page', async () => {
    const charts: Chart[] = [];
    visit(result.report.tree, 'chart', (chart: Chart) => {
      charts.push(chart);
    });
    if (source.includes('showcase')) expect(charts.length).toBeGreaterThanOrEqual(1);
    const squash = (text: string) => text.replace(/\s+/g, '');
    const pdf = squash(await pdfBodyText(path.join(outDir, `${name}.pdf`)));
    const word = (await docxParts(path.join(outDir, `${name}.docx`)))['word/document.xml'] ?? '';
    const html = await readFile(path.join(outDir, `${name}.html`), 'utf8');
    for (const chart of charts) {
      const description = chart.data?.description ?? '';
      expect(description).not.toBe('');
      expect(word).toContain(`descr="${description}"`);
      expect(html).toContain(`role="img" aria-label="${description}"`);
      // The category labels: printed by the chart in the PDF, drawn as SVG text on the page.
      for (const value of (chart.data?.table?.rows ?? []).map((row) => row[0]).filter((value): value is string => typeof value === 'string')) {
        expect(pdf, value).toContain(squash(value));
        expect(html, value).toContain(`>${value}</text>`);
      }
    }
  });
});
