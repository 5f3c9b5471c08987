/**
 * Property: generated reports (what the print fonts can set) print to PDF through one shared
 * Chromium without an exception, and pdftotext reads back the text of every block, footnote and
 * missing image in order. Fewer documents than for HTML and Word: each print takes Chromium
 * seconds, not milliseconds.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { pdfBodyText } from '../helpers/read-back.ts';
import { reportFrom, temporaryFolder } from '../helpers/report.ts';
import { generatedDocument, PRINTABLE_CONSTRUCTS } from './documents.ts';
import { RENDER_DATE, sourceFolder, templateNamed } from './fixture.ts';
import { checkParameters, PDF_RUNS, SEED } from './settings.ts';
import { pdfProblems } from './text-checks.ts';
import { taggedElements } from '../pdf/support.ts';

let browser: Browser;
let folder: string;
let outputs: string;
beforeAll(async () => {
  [browser, folder, outputs] = await Promise.all([startBrowser(), sourceFolder(), temporaryFolder('press-property-pdf-')]);
});
afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

describe(`print PDF of ${PDF_RUNS} generated reports (seed ${SEED})`, () => {
  it('prints every one and keeps all its text', { timeout: 900_000 }, async () => {
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(generatedDocument(PRINTABLE_CONSTRUCTS), async (document) => {
        const report = await reportFrom(document.markdown, folder);
        const pdf = await renderPdf(report, await templateNamed(report.meta.template), { date: RENDER_DATE, browser });
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        const file = path.join(outputs, `${printed++}.pdf`);
        await writeFile(file, pdf);
        // Layout mode: a table row is one line, its cells in order (unless a cell wraps: see pdfProblems).
        const cells = taggedElements(await PDFDocument.load(pdf)).flatMap((element) => (element.role === 'TD' || element.role === 'TH' ? [element.text ?? ''] : []));
        expect(pdfProblems(document, await pdfBodyText(file, true), cells), document.markdown).toEqual([]);
      }),
      checkParameters(PDF_RUNS, false),
    );
  });

  it('prints the contents when every heading is inside a quote or list (it threw: no entry to fill in)', async () => {
    const report = await reportFrom('---\ntitle: Nested\ntoc: true\nlang: en\n---\n\n> ## Quoted heading\n\n- ### Listed heading\n', folder);
    const pdf = await renderPdf(report, await templateNamed(report.meta.template), { date: RENDER_DATE, browser });
    const file = path.join(outputs, 'nested-headings.pdf');
    await writeFile(file, pdf);
    const text = await pdfBodyText(file);
    // The contents, then the headings themselves.
    expect(text.split('Quoted heading').length - 1).toBe(2);
    expect(text.split('Listed heading').length - 1).toBe(2);
  });
});
