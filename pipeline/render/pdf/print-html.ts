import { BrowserContext, Page, type Browser } from 'puppeteer-core';
import type { Template } from '../../template/load-template.ts';
import type { ReportMeta } from '../../types.ts';
import { finishPdf } from './finish-pdf.ts';
import { createRequestHandler, type RequestLogEntry } from './serve-requests.ts';
import { PAGE_URL } from './virtual-origin.ts';
import { resolvePrintFonts } from '../../fonts/print-fonts.ts';
import { packageFontLoader, servedFontFiles } from './print-font-files.ts';
import { loadIntoWarmPage } from './warm-page.ts';

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
  /**
   * A running browser, in which the document gets its own context, closed afterwards; or a
   * context handed in (a shared browser's: see `browser-pool.ts`), which its owner closes; or
   * a warm page kept open across prints (`press preview`: see `warm-page.ts`), left open.
   */
  browser: Browser | BrowserContext | Page;
  meta: ReportMeta;
  /** Creation and modification date written into the PDF. */
  date: Date;
  /** Called for every request the page makes, with how it was answered. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called for every font face that failed to load. */
  onFontError?: (face: FailedFontFace) => void;
  /** Limit for loading the page, loading its fonts, and printing it (each, ms); 0 for none. Default 300 000. */
  timeoutMs?: number;
  /**
   * Called with every print as Chromium wrote it (before it is finished), with the number of
   * the print (1, 2, …). Return text to put into elements of the page to print it again (for
   * example page numbers of a table of contents), or `undefined` to keep this print.
   */
  revise?: (printed: Uint8Array, round: number, draft?: DraftPrint) => Promise<PageRevision | undefined>;
  /**
   * With `revise`: make the first print a draft, printed with the page's internal links
   * (`href="#…"`) unlinked and handed to `revise` with the ids of the page's headings in order
   * (its outline then says where each heading is). Chromium looks for every link target on every
   * page it prints (pages × targets: 12 s of the 21 s print of 5,000 headings); the links are back
   * for every later print, and a draft is never the PDF returned.
   */
  draftWithoutLinks?: boolean;
  /** Called once with the loaded page, its fonts ready, before the first print (to measure its layout). */
  inspect?: (page: Page) => Promise<void>;
  /**
   * `press preview`: return Chromium's print as it is, untagged and not finished (no metadata,
   * structure repairs or file identifier: only the pages are shown). Never for a written PDF.
   */
  unfinished?: boolean;
}

/** A print made without the page's internal links (see `draftWithoutLinks`). */
export interface DraftPrint {
  /** The id of every `h1`–`h6` element of the page that has a box, in document order (`''` for none). */
  headingIds: string[];
}

/** Text to put into elements of the print page, by element id, before printing it again. */
export type PageRevision = ReadonlyMap<string, string>;

/** Most prints of one page: a `revise` that never settles is a bug, not a reason to loop. */
export const MAX_PRINTS = 6;

/**
 * Print an HTML page to a finished PDF with Chromium. The page is served from a virtual
 * origin in a fresh browser context, with print media emulated from the start so that the
 * fonts of the print layout are the ones loaded. It may load the template's font packages
 * (`press-fonts/<package>/…`), its local font files (`press-font-files/…`) and files inside
 * `baseDir`; every other request is refused and
 * scripts do not run. After the fonts are ready the page is printed as a tagged PDF with an
 * outline, at the `@page` size (the template's paper and margins as fallback); `revise` may
 * change text in the page and have it printed again (a table of contents learning its page
 * numbers). The last print is finished by {@link finishPdf}: metadata, exact paper size and a
 * reproducible file identifier.
 */
export async function printHtmlToPdf(html: string, context: PrintContext): Promise<Uint8Array> {
  const timeout = context.timeoutMs ?? 300_000;
  const { page: paper } = context.template;
  const fonts = resolvePrintFonts(context.template);
  const fontFiles = await servedFontFiles(fonts, html);
  const warm = context.browser instanceof Page ? context.browser : undefined;
  const handedIn = context.browser instanceof BrowserContext;
  const browserContext = warm ? undefined : context.browser instanceof BrowserContext ? context.browser : await (context.browser as Browser).createBrowserContext();
  let printed: Uint8Array;
  try {
    const page = warm ?? (await (browserContext as BrowserContext).newPage());
    if (!warm) await page.setRequestInterception(true);
    const handler = createRequestHandler({
      html,
      baseDir: context.baseDir,
      fontPackages: fonts.packages,
      fontFiles: new Map([...fontFiles].map(([key, served]) => [key, served.file])),
      loadFontFile: (file) => [...fontFiles.values()].find((served) => served.file === file)?.bytes ?? Promise.reject(new Error('not a font of the print page')),
      loadPackageFont: packageFontLoader(context.template, html),
      ...(context.onRequest ? { onRequest: context.onRequest } : {}),
    });
    if (warm) await loadIntoWarmPage(warm, html, (request) => void handler(request), timeout);
    else {
      page.on('request', (request) => void handler(request));
      await page.emulateMediaType('print');
      await page.goto(PAGE_URL, { waitUntil: 'load', timeout });
    }
    // The CJK faces may be needed only by text laid out at print time (the `—` of the
    // page numbers); a face still loading then prints its text invisibly. Load them first.
    const preload = fonts.cjkFaces.map((face) => face.family);
    for (const face of await waitForFonts(page, timeout, preload)) context.onFontError?.(face);
    await context.inspect?.(page);
    const print = () =>
      page.pdf({
        tagged: context.unfinished !== true,
        // The contents pass reads the headings' pages from the outline.
        outline: context.unfinished !== true || context.revise !== undefined,
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
    const draft = context.revise && context.draftWithoutLinks === true ? await unlinkPage(page) : undefined;
    printed = await print();
    for (let round = 1; context.revise; round++) {
      const revision = await context.revise(printed, round, round === 1 ? draft : undefined);
      if (round === 1 && draft) await relinkPage(page);
      if (!revision && !(round === 1 && draft)) break;
      if (round >= MAX_PRINTS) throw new Error(`the print page was still being revised after ${MAX_PRINTS} prints`);
      if (revision) await revisePage(page, revision);
      printed = await print();
    }
    // Closed before the PDF is finished: the renderer's layout of a long report (gigabytes at
    // 3,000 pages) is freed before pdf-lib parses the PDF, not held beside it. Only a page that
    // printed: closing a crashed one can wait for ever; its context's owner disposes of it.
    if (handedIn) await page.close();
  } finally {
    if (!handedIn) await browserContext?.close().catch(() => undefined);
  }
  if (context.unfinished === true) return printed;
  return finishPdf(printed, { meta: context.meta, date: context.date, paper: paper.size });
}

/** Unlink the page's internal links for a draft print; returns its headings (see {@link DraftPrint}). */
async function unlinkPage(page: Page): Promise<DraftPrint> {
  const headingIds = await page.evaluate(() => {
    for (const link of document.querySelectorAll('a[href^="#"]')) {
      link.setAttribute('data-press-draft-href', link.getAttribute('href') ?? '');
      link.removeAttribute('href');
    }
    // Chromium's outline has the headings that are laid out, as its tags do.
    return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((heading) => heading.getClientRects().length > 0).map((heading) => heading.id);
  });
  return { headingIds };
}

/** Put back the links {@link unlinkPage} took out. */
async function relinkPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const link of document.querySelectorAll('a[data-press-draft-href]')) {
      link.setAttribute('href', link.getAttribute('data-press-draft-href') ?? '');
      link.removeAttribute('data-press-draft-href');
    }
  });
}

/** Put the revision's text into the page's elements (the page runs no script of its own). */
async function revisePage(page: Page, revision: PageRevision): Promise<void> {
  const missing = await page.evaluate((entries: [string, string][]) => {
    const notFound: string[] = [];
    for (const [id, text] of entries) {
      const element = document.getElementById(id);
      if (element) element.textContent = text;
      else notFound.push(id);
    }
    return notFound;
  }, [...revision]);
  if (missing.length > 0) throw new Error(`print page revision: no element with id ${missing.join(', ')}`);
}

/**
 * Load the faces of the `preload` families, wait for `document.fonts.ready` in the page itself
 * (Puppeteer's own `waitForFonts` can hang on pages in the background), then list the faces that
 * failed to load.
 */
async function waitForFonts(page: Page, timeoutMs: number, preload: readonly string[]): Promise<FailedFontFace[]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      page.evaluate(async (families: readonly string[]) => {
        const loading: Promise<unknown>[] = [];
        document.fonts.forEach((face) => {
          if (families.includes(face.family.replace(/^["']|["']$/g, ''))) loading.push(face.load().catch(() => undefined));
        });
        await Promise.all(loading);
        await document.fonts.ready;
        const failed: { family: string; weight: string; style: string }[] = [];
        document.fonts.forEach((face) => {
          if (face.status === 'error') failed.push({ family: face.family, weight: face.weight, style: face.style });
        });
        return failed;
      }, preload),
      new Promise<never>((_, reject) => {
        if (timeoutMs > 0) timer = setTimeout(() => reject(new Error(`fonts of the print page did not load within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
