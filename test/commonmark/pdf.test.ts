/**
 * Every example of the CommonMark spec goes through the PDF renderer's stages and Chromium in
 * one browser, in batches (see `helpers/print-batch.ts`: a fresh browser context per example
 * would take many minutes): no exception, a PDF with one sheet or more per example, and the text
 * of every block of each example printed on its own sheets, in order. An example with a
 * character none of the print fonts has is reported (`missing-glyph`) and its text not checked.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import type { Report } from '../../pipeline/types.ts';
import { blockTexts, missingInOrder } from '../helpers/block-text.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { batchMarker, printBatch } from '../helpers/print-batch.ts';
import { pdfBodyText, pdfInfo } from '../helpers/read-back.ts';
import { reportFrom, temporaryFolder } from '../helpers/report.ts';
import { specExamples } from './examples.ts';

const examples = specExamples();
/** Examples printed together: about fifty pages, two or three seconds of Chromium. */
const BATCH = 50;

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  if (browser) await closeBrowser(browser);
});

describe(`CommonMark spec, ${examples.length} examples, PDF`, () => {
  it('prints every example, with its text', { timeout: 900_000 }, async () => {
    const folder = await temporaryFolder('press-commonmark-pdf-');
    const reports: Report[] = [];
    for (const example of examples) reports.push(await reportFrom(example.markdown, folder));
    const problems: string[] = [];
    const unprintable: number[] = [];
    let printed = 0;
    // Batches of one template each (the spec's examples are all English: `default`).
    for (const template of new Set(reports.map((report) => report.meta.template))) {
      const indexes = reports.flatMap((report, index) => (report.meta.template === template ? [index] : []));
      for (let start = 0; start < indexes.length; start += BATCH) {
        const batch = indexes.slice(start, start + BATCH);
        const batchReports = batch.map((index) => reports[index]).filter((report): report is Report => report !== undefined);
        const pdf = await printBatch(batchReports, await loadTemplate(template), browser, new Date(0), printed);
        const file = path.join(folder, `batch-${printed}.pdf`);
        await writeFile(file, pdf);
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        expect(Number((await pdfInfo(file)).Pages)).toBeGreaterThanOrEqual(batch.length);
        const text = await pdfBodyText(file, true);
        batch.forEach((exampleIndex, offset) => {
          const example = examples[exampleIndex];
          const report = reports[exampleIndex];
          if (!example || !report) return;
          const marker = batchMarker(printed + offset);
          const from = text.indexOf(marker);
          const next = text.indexOf(batchMarker(printed + offset + 1), from);
          if (from < 0) {
            problems.push(`#${example.number}: not printed`);
            return;
          }
          if (report.file.messages.some((message) => message.ruleId === 'missing-glyph')) {
            unprintable.push(example.number);
            return;
          }
          const sheet = text.slice(from + marker.length, next < 0 ? undefined : next);
          const { body, footnotes } = blockTexts(report.tree);
          for (const problem of [...missingInOrder(body, sheet), ...missingInOrder(footnotes, sheet)]) problems.push(`#${example.number} ${JSON.stringify(example.markdown)}: ${problem}`);
        });
        printed += batch.length;
      }
    }
    expect(printed).toBe(examples.length);
    expect(problems).toEqual([]);
    // Symbols such as ≧̸ (example 25) and Malayalam and Kannada letters (27), written as
    // character references: the print fonts are Latin and Chinese.
    expect(unprintable).toEqual([25, 27]);
  });
});
