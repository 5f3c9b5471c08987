// The PDF stage's own reads and writes of a PDF never pause on timers (issue 13, point 2): pdf-lib
// by default waits a `setTimeout(0)` (a millisecond or more) every 100 objects it parses and every
// 50 it writes, which idled 5 s on the 67,000 objects of 5,000 headings. Counted here on a PDF of
// a few thousand objects: the default load pauses (so the count can see a pause), ours do not.
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { finishPdf } from '../../pipeline/render/pdf/finish-pdf.ts';
import { destinationPages } from '../../pipeline/render/pdf/toc-pages.ts';
import { testMeta } from './support.ts';

async function manyObjects(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index++) document.addPage([595.28, 841.89]).drawText(`Page ${index + 1}`, { x: 72, y: 700, size: 12, font });
  return document.save({ useObjectStreams: false });
}

/** How many timers `run` set (the spy calls through: the timers still run). */
async function timersSetBy(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(globalThis, 'setTimeout');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('reading and writing a PDF of 1,500 pages', () => {
  it('pauses on no timer in destinationPages and finishPdf, where pdf-lib’s defaults pause dozens of times', async () => {
    const pdf = await manyObjects(1_500);
    expect(await timersSetBy(() => PDFDocument.load(pdf, { updateMetadata: false }))).toBeGreaterThan(20);
    expect(await timersSetBy(() => destinationPages(pdf))).toBe(0);
    let finished: Uint8Array | undefined;
    expect(await timersSetBy(async () => (finished = await finishPdf(pdf, { meta: testMeta(), date: new Date('2024-01-15T00:00:00Z'), paper: 'A4' })))).toBe(0);
    // Still the whole document.
    expect((await PDFDocument.load(finished ?? new Uint8Array())).getPageCount()).toBe(1_500);
  });
});
