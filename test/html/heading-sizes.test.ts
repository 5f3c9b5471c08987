import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { reportFrom } from '../helpers/report.ts';

/**
 * Every heading level, down to `h6`, is set at least as large as the body text, in the web page
 * and in the print edition of both templates: a level-5 heading (`####` under a title) smaller
 * than the paragraph it introduces reads as a footnote, not a heading.
 */
const SOURCES = {
  default: '---\ntitle: Sizes\nlang: en\n---\n\n# Two\n\nBody text.\n\n## Three\n\n### Four\n\n#### Five\n\n##### Six\n\nBody text.\n',
  'gov-report': '---\ntitle: 字号\n---\n\n# 二级\n\n正文。\n\n## 三级\n\n### 四级\n\n#### 五级\n\n##### 六级\n\n正文。\n',
};

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe.each(Object.entries(SOURCES))('heading sizes, template %s', (_name, markdown) => {
  it.each(['screen', 'print'] as const)('%s: no heading is smaller than the body text', async (variant) => {
    const report = await reportFrom(markdown);
    const template = await loadTemplate(report.meta.template);
    const page = await loadHtml(browser, await renderHtml(report, template, { date: new Date(0), variant }));
    try {
      if (variant === 'print') await page.emulateMediaType('print');
      const sizes = await page.evaluate(() => {
        const size = (element: Element | null): number => (element ? Number.parseFloat(getComputedStyle(element).fontSize) : Number.NaN);
        return {
          body: size(document.querySelector('main p')),
          headings: ['h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => ({ tag, size: size(document.querySelector(`main ${tag}`)) })),
        };
      });
      expect(sizes.body).toBeGreaterThan(0);
      for (const { tag, size } of sizes.headings) expect(size, tag).toBeGreaterThanOrEqual(sizes.body);
    } finally {
      await page.close();
    }
  });
});
