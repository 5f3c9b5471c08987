import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { destinationPages, TOC_ITERATIONS, tocPageId, tocReviser } from '../../pipeline/render/pdf/toc-pages.ts';

/**
 * The contents pass on its own: PDFs made with pdf-lib whose named destinations say where each
 * heading is, print after print (the way Chromium writes them: names percent-encoded).
 */
async function pdfWith(pages: number, destinations: Record<string, number>, style: 'dests' | 'names' = 'dests'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const refs = Array.from({ length: pages }, () => document.addPage([595.28, 841.89]).ref);
  const entries = Object.entries(destinations).map(([id, page]) => [encodeURIComponent(id), document.context.obj([refs[page - 1] ?? refs[0], PDFName.of('XYZ'), 0, 800, 0])] as const);
  if (style === 'dests') {
    document.catalog.set(PDFName.of('Dests'), document.context.obj(Object.fromEntries(entries)));
  } else {
    // A name tree: a root with one kid holding the sorted name/destination pairs.
    const leaf = document.context.obj({ Names: entries.flatMap(([name, destination]) => [PDFString.of(name), destination]) });
    const tree = document.context.obj({ Kids: [document.context.register(leaf)] });
    document.catalog.set(PDFName.of('Names'), document.context.obj({ Dests: tree }));
  }
  return document.save();
}

describe('destinationPages', () => {
  it('reads the catalog /Dests with percent-encoded names, as Chromium writes them', async () => {
    const pages = await destinationPages(await pdfWith(5, { '一总体情况': 2, 'part-2': 5 }));
    expect(Object.fromEntries(pages)).toEqual({ '一总体情况': 2, 'part-2': 5 });
  });

  it('reads a /Names → /Dests name tree too', async () => {
    const pages = await destinationPages(await pdfWith(3, { 'part-1': 1, 'part-3': 3 }, 'names'));
    expect(Object.fromEntries(pages)).toEqual({ 'part-1': 1, 'part-3': 3 });
  });
});

describe('tocReviser', () => {
  const ids = ['a', 'b'];

  it('fills in the pages, prints once more, and keeps that print when nothing moved', async () => {
    const toc = tocReviser(ids);
    const first = await toc.revise(await pdfWith(4, { a: 2, b: 3 }), 1);
    expect(first && Object.fromEntries(first)).toEqual({ [tocPageId('a')]: '2', [tocPageId('b')]: '3' });
    expect(await toc.revise(await pdfWith(4, { a: 2, b: 3 }), 2)).toBeUndefined();
    expect(toc.outcome()).toMatchObject({ prints: 2, settled: true, missing: [] });
  });

  it('prints again when filling in the numbers moved a heading', async () => {
    const toc = tocReviser(ids);
    await toc.revise(await pdfWith(4, { a: 2, b: 3 }), 1);
    const again = await toc.revise(await pdfWith(4, { a: 2, b: 4 }), 2);
    expect(again && Object.fromEntries(again)).toEqual({ [tocPageId('a')]: '2', [tocPageId('b')]: '4' });
    expect(await toc.revise(await pdfWith(4, { a: 2, b: 4 }), 3)).toBeUndefined();
    expect(toc.outcome()).toMatchObject({ prints: 3, settled: true });
  });

  it(`gives up after ${TOC_ITERATIONS} more prints if the pages keep moving, and says so`, async () => {
    const toc = tocReviser(ids);
    let round = 1;
    let revision = await toc.revise(await pdfWith(6, { a: 2, b: 3 }), round);
    while (revision) {
      round++;
      revision = await toc.revise(await pdfWith(9, { a: 2, b: 3 + round }), round);
    }
    expect(round).toBe(1 + TOC_ITERATIONS);
    expect(toc.outcome()).toMatchObject({ prints: 1 + TOC_ITERATIONS, settled: false });
  });

  it('reports headings that have no destination', async () => {
    const toc = tocReviser(['a', 'gone']);
    await toc.revise(await pdfWith(2, { a: 1 }), 1);
    expect(toc.outcome().missing).toEqual(['gone']);
  });
});
