import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { readSource } from '../../pipeline/util/read-source.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';

const sample = path.resolve(import.meta.dirname, '../../source/report.md');

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('self-contained, light web copy', () => {
  it('the sample page without embedded fonts weighs under 60 KB and fetches nothing', async () => {
    const report = await parseReport(await readSource(sample));
    const html = await renderHtml(report, await loadTemplate(report.meta.template), { date: new Date(0), variant: 'screen' });
    expect(Buffer.byteLength(html)).toBeLessThan(60 * 1024);
    const page = await loadHtml(browser, html);
    try {
      expect((page as typeof page & { refusedRequests: string[] }).refusedRequests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('--embed-fonts inlines subset fonts that Chromium uses offline, and reports the bytes added', async () => {
    const report = await parseReport(await readSource(sample));
    const template = await loadTemplate(report.meta.template);
    const plain = await renderHtml(report, template, { date: new Date(0), variant: 'screen' });
    const embedded = await renderHtml(report, template, { date: new Date(0), variant: 'screen', embedFonts: true });
    const note = report.file.messages.find((message) => message.ruleId === 'embed-fonts');
    // The sample is Chinese: 嵌入的字体使 HTML 页面增加 230.1 KB（…）.
    const reported = Number(/增加 ([\d.]+) KB/.exec(note?.reason ?? '')?.[1]);
    const added = (Buffer.byteLength(embedded) - Buffer.byteLength(plain)) / 1024;
    expect(reported).toBeGreaterThan(20);
    expect(Math.abs(added - reported) / reported).toBeLessThan(0.01);
    const page = await loadHtml(browser, embedded);
    try {
      const loaded = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
      });
      expect(new Set(loaded)).toContain('Noto Serif SC');
      expect((page as typeof page & { refusedRequests: string[] }).refusedRequests).toEqual([]);
      // Every character of the body paragraphs is in an embedded subset.
      const missing = await page.evaluate(() => {
        const text = [...document.querySelectorAll('main p')].map((paragraph) => paragraph.textContent ?? '').join('');
        return [...new Set(text)].filter((character) => /\p{Script=Han}/u.test(character) && !document.fonts.check('16px "Noto Serif SC"', character));
      });
      expect(missing).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
