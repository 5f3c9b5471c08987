import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { reportFrom } from '../helpers/report.ts';

/**
 * A header cell of a column without alignment (`| --- |`) lines up with the column's cells, as in
 * the default template's Word file (Table Heading is left-aligned), instead of the browser's
 * centred `th`; columns with alignment keep it. gov-report centres its header row in every output.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

async function headerAlignments(markdown: string, variant: 'screen' | 'print'): Promise<{ header: string[]; cell: string[] }> {
  const report = await reportFrom(markdown);
  const template = await loadTemplate(report.meta.template);
  const page = await loadHtml(browser, await renderHtml(report, template, { date: new Date(0), variant }));
  try {
    if (variant === 'print') await page.emulateMediaType('print');
    return await page.evaluate(() => {
      const align = (selector: string) => [...document.querySelectorAll(selector)].map((element) => {
        const value = getComputedStyle(element).textAlign;
        return ({ start: 'left', '-webkit-left': 'left', '-webkit-right': 'right', '-webkit-center': 'center' } as Record<string, string>)[value] ?? value;
      });
      return { header: align('thead th'), cell: align('tbody tr:first-child td') };
    });
  } finally {
    await page.close();
  }
}

const TABLE = '| Item | 2024 | Note |\n|---|---:|:---:|\n| Donations | 4,812,000 | ok |\n';

describe('table header alignment', () => {
  it.each(['screen', 'print'] as const)('default, %s: each header cell is aligned like its column', async (variant) => {
    const { header, cell } = await headerAlignments(`---\ntitle: T\nlang: en\n---\n\n${TABLE}`, variant);
    expect(header).toEqual(['left', 'right', 'center']);
    expect(cell).toEqual(['left', 'right', 'center']);
  });
});
