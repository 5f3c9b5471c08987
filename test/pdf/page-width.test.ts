import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atTextWidth, contentWiderThanPage, tablesWiderThanPage } from '../../pipeline/render/pdf/page-widths.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { textLayout } from '../layout/support.ts';
import { reportFrom, temporaryFolder } from '../helpers/report.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const LONG_WORD = 'w'.repeat(300);

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
}, 60_000);
afterAll(async () => {
  await closeBrowser(browser);
});

describe('content wider than the printed page', () => {
  it('finds the innermost element outside tables that reaches past the text area, and nothing in a page that fits', async () => {
    const template = await loadTemplate('default');
    const html = (style: string) =>
      `<!doctype html><html><head><style>body { margin: 0; } ${style}</style></head><body><main><p>Fits.</p><p class="long">Start <span class="inner">${LONG_WORD}</span></p><table><tr><td>a</td></tr></table></main></body></html>`;
    const fitting = await loadHtml(browser, html('p { overflow-wrap: anywhere; }'));
    expect(await atTextWidth(fitting, template, () => contentWiderThanPage(fitting))).toEqual([]);
    await fitting.close();

    const wide = await loadHtml(browser, html('.long { white-space: nowrap; }'));
    const found = await atTextWidth(wide, template, async () => ({ content: await contentWiderThanPage(wide), tables: await tablesWiderThanPage(wide) }));
    expect(found.content).toHaveLength(1);
    expect(found.content[0]).toMatchObject({ tag: 'span', text: 'w'.repeat(40), availableMm: 159 });
    expect(found.content[0]?.neededMm).toBeGreaterThan(159);
    expect(found.tables).toEqual({ count: 1, wide: [] });
    // The page gets its own viewport back for printing.
    expect(wide.viewport()).toBeNull();
    await wide.close();
  });

  it.each(['default', 'gov-report'])('prints a contents entry holding a 300-letter word without shrinking the pages (%s)', async (name) => {
    const template = await loadTemplate(name);
    const body = (toc: boolean) => `---\ntitle: Title\nlang: en\ntoc: ${toc}\n---\n\n# Head ${LONG_WORD}\n\nControl paragraph.\n`;
    const sizes: number[] = [];
    for (const toc of [false, true]) {
      const report = await reportFrom(body(toc));
      const pdf = await renderPdf(report, template, { browser, date: new Date(Date.UTC(2024, 0, 1)) });
      expect(report.file.messages.map((message) => message.ruleId)).not.toContain('pdf-content-too-wide');
      const file = path.join(await temporaryFolder(), 'out.pdf');
      await writeFile(file, pdf);
      const control = (await textLayout(file)).flatMap((page) => page.lines).find((line) => line.text.startsWith('Control'));
      expect(control).toBeDefined();
      sizes.push(control ? control.xMax - control.xMin : 0);
    }
    // The same line is as wide with the contents as without: no page was scaled down.
    expect(sizes[1]).toBeCloseTo(sizes[0] ?? 0, 1);
  }, 120_000);

  it.each(['default', 'gov-report'])('prints an ordered list numbered in the hundred millions with whole numbers, inside the paper (%s)', async (name) => {
    const template = await loadTemplate(name);
    const report = await reportFrom('---\ntitle: Title\nlang: zh\n---\n\n正文。\n\n123456789. 第一项\n123456790. 第二项\n\n正文。\n\n7. 七\n');
    const pdf = await renderPdf(report, template, { browser, date: new Date(Date.UTC(2024, 0, 1)) });
    const file = path.join(await temporaryFolder(), 'out.pdf');
    await writeFile(file, pdf);
    const lines = (await textLayout(file)).flatMap((page) => page.lines);
    for (const [number, text] of [['123456789.', '第一项'], ['123456790.', '第二项'], ['7.', '七']] as const) {
      const line = lines.find((candidate) => candidate.text.endsWith(text));
      expect(line?.text).toBe(`${number}${text}`);
      // The number starts inside the page's left margin, not at or past the paper's edge.
      expect(line?.xMin).toBeGreaterThan(10);
    }
  }, 120_000);
});
