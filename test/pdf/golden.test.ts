import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { readSource } from '../../pipeline/util/read-source.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { expectGolden } from '../helpers/golden.ts';
import { pdfBodyText, pdfInfo } from '../helpers/read-back.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { temporaryFolder } from '../helpers/report.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const cases = (await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('PDF renderer golden fixtures (text as printed, page count)', () => {
  for (const name of cases) {
    it(name, async () => {
      const report = await parseReport(await readSource(path.join(fixtures, name, 'input.md')));
      const template = await loadTemplate(report.meta.template);
      const pdf = await renderPdf(report, template, { date: new Date(0), browser });
      const file = path.join(await temporaryFolder(), 'output.pdf');
      await writeFile(file, pdf);
      const pages = (await pdfInfo(file)).Pages;
      const lines = (await pdfBodyText(file)).split('\n').map((line) => line.trimEnd()).filter(Boolean);
      await expectGolden(path.join(fixtures, name, 'pdf-text.txt'), `pages: ${pages}\n${lines.join('\n')}\n`);
    });
  }
});
