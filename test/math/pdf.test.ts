/**
 * Math in the print PDF (issue 14, point 1): Chromium lays out the MathML itself, in an
 * OpenType math font the print page embeds (STIX Two Math, TrueType outlines and a MATH table):
 * `pdffonts` shows it embedded and no Type 3 font; the text reads back; every formula is a
 * `Formula` element of the structure tree whose alternate text is its TeX.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../pipeline/browser/launch-browser.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { reportFrom, TINY_PNG, writeFiles } from '../helpers/report.ts';
import { parseFonts, pdfTool, squash, taggedElements, tempDir, type TaggedElement } from '../pdf/support.ts';

const DATE = new Date('2024-01-20T00:00:00Z');

const FORMULAS = ['E = mc^2', '\\alpha + \\beta \\le \\gamma', '\\int_0^1 x^2\\,dx = \\frac{1}{3}', '\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}', '\\sqrt{a^2 + b^2}'];

const SOURCE = [
  '---',
  'title: Growth report',
  'lang: en',
  '---',
  '',
  `Energy is $${FORMULAS[0]}$ and the angles satisfy $${FORMULAS[1]}$, while $5 and $10 stay text.`,
  '',
  '$$',
  FORMULAS[2],
  '$$',
  '',
  'The sum of the first numbers:',
  '',
  '$$',
  FORMULAS[3],
  '$$',
  '',
  `The hypotenuse is $${FORMULAS[4]}$.`,
  '',
  '![A red square](red.png)',
  '',
].join('\n');

let browser: Browser;
let pdf: Uint8Array;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  const dir = await tempDir('math-pdf');
  await writeFiles(dir, { 'red.png': TINY_PNG });
  const report = await reportFrom(SOURCE, dir);
  pdf = await renderPdf(report, await loadTemplate('default', { env: {} }), { date: DATE, browser });
  errors = report.file.messages.filter((message) => message.fatal === true).map((message) => `${message.ruleId}: ${message.reason}`);
});

afterAll(async () => {
  await closeBrowser(browser);
});

describe('math in the print PDF', () => {
  it('gives a formula wider than the page as an error at the formula', async () => {
    const terms = Array.from({ length: 60 }, (_, index) => `a_{${index}} x^{${index}}`).join(' + ');
    const report = await reportFrom(`---\ntitle: Wide\nlang: en\n---\n\nShort $x$ first.\n\n$$\n${terms}\n$$\n`, await tempDir('math-wide'));
    await renderPdf(report, await loadTemplate('default', { env: {} }), { date: DATE, browser });
    const errors = report.file.messages.filter((message) => message.fatal === true).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    expect(errors).toEqual(['8:1 pdf-formula-too-wide']);
  });

  it('embeds STIX Two Math as a TrueType font, and no Type 3 font', async () => {
    expect(errors).toEqual([]);
    const fonts = parseFonts(await pdfTool('pdffonts', [], pdf));
    const math = fonts.filter((font) => /STIXTwoMath/i.test(font.name));
    expect(math.length).toBeGreaterThanOrEqual(1);
    for (const font of math) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).toBe('CID TrueType');
    }
    for (const font of fonts) expect(font.type, font.name).not.toMatch(/Type 3/);
  });

  it('keeps the formulas\' characters in the text, and prices as text', async () => {
    const text = squash(await pdfTool('pdftotext', ['-enc', 'UTF-8'], pdf));
    for (const character of ['∫', '∑', '√', '≤', '=']) expect(text).toContain(character);
    expect(text).toMatch(/[𝛼α]\+?[𝛽β]/u);
    expect(text).toContain('while$5and$10staytext.');
  });

  it('tags every formula as a Formula whose alternate text is its TeX', async () => {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    const formulas = taggedElements(document).filter((element: TaggedElement) => element.role === 'Formula');
    expect(formulas.map((formula) => formula.alt)).toEqual([FORMULAS[0], FORMULAS[1], FORMULAS[2], FORMULAS[3], FORMULAS[4]]);
    // The image stays a Figure.
    expect(taggedElements(document).filter((element) => element.role === 'Figure').map((figure) => figure.alt)).toEqual(['A red square']);
  });
});
