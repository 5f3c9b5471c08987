import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../pipeline/browser/launch-browser.ts';
import { checkPrintFonts, printEditionHtml } from '../../pipeline/render/pdf/render-pdf.ts';
import { printHtmlToPdf } from '../../pipeline/render/pdf/print-html.ts';
import { LONG_TEXT_RUN, textPieces } from '../../pipeline/render/html/split-text-runs.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { chineseText, logText } from '../../scripts/pathological-inputs.ts';
import { reportFrom, temporaryFolder } from '../helpers/report.ts';
import { pdfTool } from './support.ts';

const DATE = new Date('2024-03-01T00:00:00Z');

describe('long text runs of the print page', () => {
  it('are cut into pieces that join back to the text, at boundaries where there are any', () => {
    const text = chineseText(60_000);
    const pieces = textPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[。！？；，、：]$/u);
    // No boundary at all: cut every thousand characters, never inside a surrogate pair.
    const unbroken = '𠀀'.repeat(5000);
    const cut = textPieces(unbroken);
    expect(cut.join('')).toBe(unbroken);
    for (const piece of cut) expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  describe('printed', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await closeBrowser(browser);
    });

    for (const [name, lang, template, text] of [
      ['Chinese', 'zh-CN', 'gov-report', chineseText(20_000)],
      ['a log without spaces', 'en', 'default', logText(9_000, 1000)],
    ] as const) {
      it(`print the same lines and pages as one text node (${name})`, async () => {
        const folder = await temporaryFolder();
        const report = await reportFrom(`---\ntitle: T\nlang: ${lang}\ntemplate: ${template}\n---\n\n${text}\n\nEnd.\n`, folder);
        const loaded = await loadTemplate(template);
        const html = await printEditionHtml(report, loaded, await checkPrintFonts(loaded), { date: DATE });
        expect(text.length).toBeGreaterThan(LONG_TEXT_RUN);
        expect(html.split('<!---->').length).toBeGreaterThan(5);
        const print = (page: string) => printHtmlToPdf(page, { template: loaded, baseDir: folder, browser, meta: report.meta, date: DATE });
        const [split, whole] = await Promise.all([print(html), print(html.replaceAll('<!---->', ''))]);
        const [splitText, wholeText] = await Promise.all([split, whole].map((pdf) => pdfTool('pdftotext', ['-layout'], pdf)));
        expect(splitText?.split('\f').length).toBeGreaterThan(3);
        expect(splitText).toBe(wholeText);
      });
    }
  });
});
