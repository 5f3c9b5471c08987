import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { readSource } from '../../pipeline/util/read-source.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { allDocuments, ROOT } from '../helpers/documents.ts';
import { reportFrom } from '../helpers/report.ts';

const root = ROOT;
const documents = await allDocuments();
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** WCAG 1.4.12 text-spacing overrides. */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

async function pageFor(source: string, viewport?: { width: number; height: number }): Promise<Page> {
  const report = await parseReport(await readSource(source));
  const template = await loadTemplate(report.meta.template);
  return loadHtml(browser, await renderHtml(report, template, { date: new Date(0), variant: 'screen' }), viewport);
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags: string[]) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS);
  return violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** Elements wider than the viewport that are not inside a table's own scrolling region. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const element of document.querySelectorAll('main *, header *, nav *, footer *')) {
      if (element.closest('.table-scroll') || element.closest('.sr-only')) continue;
      const box = element.getBoundingClientRect();
      if (box.right > width + 1) problems.push(`${element.tagName.toLowerCase()} ends at ${Math.round(box.right)}px`);
    }
    return problems;
  });
}

describe.each(documents.map((source) => [path.relative(root, source), source]))('accessible web copy: %s', (_name, source) => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations (WCAG 2.2 AA + best practice) in the ${scheme} colour scheme`, async () => {
      const page = await pageFor(source);
      try {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('reflows at 320 CSS px and at 200 % zoom (640 px) without sideways scrolling, tables aside', async () => {
    for (const width of [320, 640]) {
      const page = await pageFor(source, { width, height: 800 });
      try {
        expect(await sidewaysOverflow(page), `${width}px`).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('wide tables scroll in a labelled, keyboard-focusable region', async () => {
    const page = await pageFor(source, { width: 320, height: 800 });
    try {
      const regions = await page.evaluate(() =>
        [...document.querySelectorAll('table')].map((table) => {
          const region = table.parentElement;
          return { role: region?.getAttribute('role'), label: region?.getAttribute('aria-label') ?? '', tabIndex: region?.tabIndex };
        }),
      );
      for (const region of regions) expect(region).toMatchObject({ role: 'region', tabIndex: 0 });
      for (const region of regions) expect(region.label.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('clips nothing under the WCAG 1.4.12 text-spacing overrides', async () => {
    const page = await pageFor(source, { width: 1280, height: 900 });
    try {
      await page.addStyleTag({ content: TEXT_SPACING });
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => !element.closest('.sr-only, .skip-link, .table-scroll, pre'))
          .filter((element) => {
            const style = getComputedStyle(element);
            const hides = [style.overflow, style.overflowX, style.overflowY].some((value) => value === 'hidden' || value === 'clip');
            return hides && (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1);
          })
          .map((element) => element.tagName.toLowerCase()),
      );
      expect(clipped).toEqual([]);
      expect(await sidewaysOverflow(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('has a skip link as its first focusable element, leading to main', async () => {
    const page = await pageFor(source);
    try {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ href: document.activeElement?.getAttribute('href'), text: document.activeElement?.textContent, visible: (document.activeElement?.getBoundingClientRect().top ?? -1) >= 0 }));
      expect(focused.href).toBe('#content');
      expect(focused.visible).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    } finally {
      await page.close();
    }
  });
});

describe('reading the web copy', () => {
  it('sets a Chinese measure of 35–40 characters per line on a desktop, with a generous line height', async () => {
    const page = await pageFor(path.join(root, 'source/report.md'), { width: 1440, height: 900 });
    try {
      const measure = await page.evaluate(() => {
        const paragraph = document.querySelector('main p');
        if (!paragraph) return { chars: 0, lineHeight: 0 };
        const style = getComputedStyle(paragraph);
        const fontSize = parseFloat(style.fontSize);
        return { chars: paragraph.clientWidth / fontSize, lineHeight: parseFloat(style.lineHeight) / fontSize };
      });
      expect(measure.chars).toBeGreaterThanOrEqual(35);
      expect(measure.chars).toBeLessThanOrEqual(40);
      expect(measure.lineHeight).toBeGreaterThanOrEqual(1.7);
    } finally {
      await page.close();
    }
  });

  it('keeps lang on passages the source marks as another language', async () => {
    const report = await reportFrom('---\ntitle: 报告\nlang: zh-CN\n---\n\n中文段落，引用 <span lang="en">an English phrase</span>。\n\n<p lang="en">An English paragraph.</p>\n');
    const template = await loadTemplate(report.meta.template);
    const page = await loadHtml(browser, await renderHtml(report, template, { date: new Date(0), variant: 'screen' }));
    try {
      const langs = await page.evaluate(() => [...document.querySelectorAll('main [lang]')].map((element) => `${element.tagName.toLowerCase()}:${element.getAttribute('lang')}`));
      expect(langs).toEqual(['span:en', 'p:en']);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    } finally {
      await page.close();
    }
  });

  it('prints cleanly from the browser: no skip link or navigation, black text', async () => {
    const page = await pageFor(path.join(root, 'source/examples/showcase.md'));
    try {
      await page.emulateMediaType('print');
      const printed = await page.evaluate(() => ({
        nav: getComputedStyle(document.querySelector('nav') as Element).display,
        skip: getComputedStyle(document.querySelector('.skip-link') as Element).display,
        color: getComputedStyle(document.querySelector('main p') as Element).color,
      }));
      expect(printed).toEqual({ nav: 'none', skip: 'none', color: 'rgb(0, 0, 0)' });
    } finally {
      await page.close();
    }
  });
});
