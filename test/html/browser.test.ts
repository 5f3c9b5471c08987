import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { readSource } from '../../pipeline/util/read-source.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { blockTexts, missingInOrder } from '../helpers/block-text.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { allDocuments, ROOT } from '../helpers/documents.ts';

const root = ROOT;
const documents = await allDocuments();

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('HTML page in Chromium', () => {
  for (const source of documents) {
    it(path.relative(root, source), async () => {
      const report = await parseReport(await readSource(source));
      const template = await loadTemplate(report.meta.template);
      const html = await renderHtml(report, template, { date: new Date(0), variant: 'screen' });
      const page = await loadHtml(browser, html);
      try {
        const facts = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          h1: document.querySelectorAll('h1').length,
          title: document.title,
          text: document.body.innerText,
          main: document.querySelectorAll('main').length,
          scripts: document.querySelectorAll('script').length,
          handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
        }));
        expect(facts.lang).toBe(report.meta.lang);
        expect(facts.h1).toBe(1);
        expect(facts.title.length).toBeGreaterThan(0);
        expect(facts.main).toBe(1);
        expect(facts.scripts).toBe(0);
        expect(facts.handlers).toBe(0);
        const { body, footnotes } = blockTexts(report.tree);
        expect(missingInOrder(body, facts.text)).toEqual([]);
        expect(missingInOrder(footnotes, facts.text)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
