import type { Browser, Page } from 'puppeteer-core';
import type { Template } from '../../template/load-template.ts';
import type { ReportMeta } from '../../types.ts';
import { finishPdf } from './finish-pdf.ts';
import { createRequestHandler, type RequestLogEntry } from './serve-requests.ts';
import { PAGE_URL } from './virtual-origin.ts';

/** A font face of the print page that failed to load (the text fell back to another font). */
export interface FailedFontFace {
  family: string;
  weight: string;
  style: string;
}

/** Everything printing one document needs. */
export interface PrintContext {
  template: Template;
  /** The document's folder: the only place relative URLs of the page are served from. */
  baseDir: string;
  /** A running browser; the document gets its own context in it, closed afterwards. */
  browser: Browser;
  meta: ReportMeta;
  /** Creation and modification date written into the PDF. */
  date: Date;
  /** Called for every request the page makes, with how it was answered. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called for every font face that failed to load. */
  onFontError?: (face: FailedFontFace) => void;
  /** Limit for loading the page, loading its fonts, and printing it (each, ms). Default 300 000. */
  timeoutMs?: number;
}

/**
 * Print an HTML page to a finished PDF with Chromium. The page is served from a virtual
 * origin in a fresh browser context, with print media emulated from the start so that the
 * fonts of the print layout are the ones loaded. It may load the template's font packages
 * (`press-fonts/<package>/…`) and files inside `baseDir`; every other request is refused and
 * scripts do not run. After the fonts are ready the page is printed as a tagged PDF with an
 * outline, at the `@page` size (the template's paper and margins as fallback), then finished
 * by {@link finishPdf}: metadata, exact paper size and a reproducible file identifier.
 */
export async function printHtmlToPdf(html: string, context: PrintContext): Promise<Uint8Array> {
  const timeout = context.timeoutMs ?? 300_000;
  const { page: paper } = context.template;
  const browserContext = await context.browser.createBrowserContext();
  let printed: Uint8Array;
  try {
    const page = await browserContext.newPage();
    await page.setRequestInterception(true);
    const handler = createRequestHandler({
      html,
      baseDir: context.baseDir,
      fontPackages: new Set(context.template.printFontFiles.map((entry) => entry.package)),
      ...(context.onRequest ? { onRequest: context.onRequest } : {}),
    });
    page.on('request', (request) => void handler(request));
    await page.emulateMediaType('print');
    await page.goto(PAGE_URL, { waitUntil: 'load', timeout });
    for (const face of await waitForFonts(page, timeout)) context.onFontError?.(face);
    printed = await page.pdf({
      tagged: true,
      outline: true,
      preferCSSPageSize: true,
      printBackground: true,
      format: paper.size,
      margin: {
        top: `${paper.marginMm.top}mm`,
        right: `${paper.marginMm.right}mm`,
        bottom: `${paper.marginMm.bottom}mm`,
        left: `${paper.marginMm.left}mm`,
      },
      waitForFonts: false,
      timeout,
    });
  } finally {
    await browserContext.close().catch(() => undefined);
  }
  return finishPdf(printed, { meta: context.meta, date: context.date, paper: paper.size });
}

/**
 * Wait for `document.fonts.ready` in the page itself (Puppeteer's own `waitForFonts` can hang
 * on pages in the background), then list the faces that failed to load.
 */
async function waitForFonts(page: Page, timeoutMs: number): Promise<FailedFontFace[]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      page.evaluate(async () => {
        await document.fonts.ready;
        const failed: { family: string; weight: string; style: string }[] = [];
        document.fonts.forEach((face) => {
          if (face.status === 'error') failed.push({ family: face.family, weight: face.weight, style: face.style });
        });
        return failed;
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`fonts of the print page did not load within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
