import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { reportFrom } from '../helpers/report.ts';

/**
 * A title too long for one line is broken into lines of similar length (GB/T 9704 asks for a
 * trapezoid or diamond, never a last line of one or two characters such as 告 alone).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('a long title', () => {
  it.each([
    ['screen', 900, '关于2024年度全市数字经济发展情况的报告'],
    ['print', 590, '关于2024年度全市数字经济和数字政府建设发展情况的调研报告'],
  ] as const)('%s: its lines are of similar length', async (variant, width, title) => {
    const report = await reportFrom(`---\ntitle: ${title}\n---\n\n正文。\n`);
    const template = await loadTemplate(report.meta.template);
    const page = await loadHtml(browser, await renderHtml(report, template, { date: new Date(0), variant }), { width, height: 900 });
    try {
      if (variant === 'print') await page.emulateMediaType('print');
      const widths = await page.evaluate(() => {
        const title = document.querySelector('.title-block .title');
        if (!title) return [];
        const range = document.createRange();
        range.selectNodeContents(title);
        const lines = new Map<number, number>();
        for (const rect of range.getClientRects()) lines.set(Math.round(rect.top), (lines.get(Math.round(rect.top)) ?? 0) + rect.width);
        return [...lines.values()];
      });
      expect(widths.length, 'the title wraps at this width').toBeGreaterThan(1);
      expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(0.5);
    } finally {
      await page.close();
    }
  });
});
