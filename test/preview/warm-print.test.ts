// press preview's speed paths, asserted on what happened (events, requests), never on timing: the
// web edition is handed over before the print starts, a newer change cancels a print in
// progress, and the print page is kept warm (a new body put in place, its fonts kept) only while
// its fonts still have every character.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/report.ts';
import { build } from '../../pipeline/build.ts';
import { WarmPrintPage } from '../../pipeline/browser/warm-print-page.ts';
import { PreviewSession, type PreviewEvent } from '../../pipeline/preview/session.ts';
import { pdfPageTexts } from '../../pipeline/preview/page-map.ts';
import type { RequestLogEntry } from '../../pipeline/render/pdf/serve-requests.ts';

/** The text of a print, squeezed (PDF text breaks lines where it likes). */
async function printText(pdf: Uint8Array | undefined): Promise<string> {
  if (!pdf) return '';
  return (await pdfPageTexts(pdf)).flatMap((page) => page.items.map((item) => item.text)).join('').replace(/\s+/g, '');
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe('press preview builds', () => {
  it('hands over the web edition before the print starts, and a newer change cancels a print in progress', async () => {
    const folder = await temporaryFolder();
    const source = path.join(folder, 'a.md');
    await writeFile(source, '# Report\n\nFirst text.\n');
    const events: PreviewEvent[] = [];
    let waiting: { test: () => boolean; resolve: () => void } | undefined;
    const until = (test: () => boolean) =>
      new Promise<void>((resolve) => {
        if (test()) resolve();
        else waiting = { test, resolve };
      });
    const has = (kind: PreviewEvent['kind'], build: number) => events.some((event) => event.kind === kind && event.build === build);
    const session = new PreviewSession({
      input: source,
      webHeadStartMs: 0,
      onEvent: (event) => {
        events.push(event);
        if (waiting?.test()) waiting.resolve();
      },
    });
    closers.push(() => session.close());
    session.start();
    await until(() => has('pdf', 1));
    expect(events.filter((event) => event.build === 1).map((event) => event.kind)).toEqual(['web', 'print-start', 'pdf']);

    // Build 2's print starts; a newer save arrives while it prints.
    await writeFile(source, '# Report\n\nSecond text.\n');
    session.changed();
    await until(() => has('print-start', 2));
    await writeFile(source, '# Report\n\nThird text.\n');
    session.changed();
    await until(() => has('pdf', 3));
    expect(has('superseded', 2)).toBe(true);
    expect(has('pdf', 2)).toBe(false);
    expect(events.filter((event) => event.build === 3).map((event) => event.kind)).toEqual(['web', 'print-start', 'pdf']);
    expect(session.webPage()).toContain('Third text.');
    expect(await printText(session.pdf())).toContain('Thirdtext.');
  }, 120_000);

  it('keeps the print page warm while its fonts have every character, and loads it anew for a new one', async () => {
    const folder = await temporaryFolder();
    const source = path.join(folder, 'b.md');
    const printer = new WarmPrintPage();
    closers.push(() => printer.close());
    const preview = async (markdown: string) => {
      await writeFile(source, markdown);
      const requests: RequestLogEntry[] = [];
      let pdf: Uint8Array | undefined;
      const result = await build({
        input: source,
        outDir: folder,
        formats: ['html', 'pdf'],
        browsers: printer,
        sourceLines: true,
        onRequest: (entry) => requests.push(entry),
        deliver: (format, output) => {
          if (format === 'pdf' && output instanceof Uint8Array) pdf = output;
        },
      });
      expect(result.ok).toBe(true);
      return { loaded: requests.some((entry) => entry.outcome === 'page'), fonts: requests.filter((entry) => entry.outcome === 'font').length, text: await printText(pdf) };
    };
    const first = await preview('# Report\n\nAbc def.\n');
    expect(first).toMatchObject({ loaded: true, text: expect.stringContaining('Abcdef.') });
    expect(first.fonts).toBeGreaterThan(0);
    // The same characters: the new body is put in place, no font fetched again.
    const second = await preview('# Report\n\nAbc fed.\n');
    expect(second).toEqual({ loaded: false, fonts: 0, text: expect.stringContaining('Abcfed.') });
    // A character the fonts were not cut for: the page is loaded anew, its fonts with it.
    const third = await preview('# Report\n\nAbc fed ü.\n');
    expect(third.loaded).toBe(true);
    expect(third.fonts).toBeGreaterThan(0);
    expect(third.text).toContain('Abcfedü.');
    // A single page served all three prints.
    expect(printer.opened).toBe(1);
  }, 120_000);
});
