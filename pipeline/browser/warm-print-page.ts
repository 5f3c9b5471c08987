/**
 * `press preview`'s printer: one browser and one print page kept open across builds, so that a
 * print after a save finds the page loaded, its fonts with it (`render/pdf/warm-page.ts`). One
 * print at a time. Aborting a print closes the page (Chromium cannot stop a print otherwise);
 * the next print opens a new one. A browser that dies is replaced, and the print cut short runs
 * once more, as in a {@link BrowserPool}.
 */
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import pLimit from 'p-limit';
import { closeBrowser, type LaunchBrowserOptions } from './launch-browser.ts';
import { BrowserStoppedError, exitDescription, untilBrowserStops } from './browser-stopped.ts';
import type { PrintBrowsers, PrintInContextOptions } from './browser-pool.ts';
import { launch } from './retry-browser.ts';

/** The page kept open and its browser context. */
interface OpenPage {
  context: BrowserContext;
  page: Page;
}

/** One warm browser and print page, reused by every print (see the module's comment). */
export class WarmPrintPage implements PrintBrowsers {
  private readonly limit = pLimit(1);
  private browser: Promise<Browser> | undefined;
  private page: Promise<OpenPage> | undefined;
  private closed = false;
  /** Pages opened (the first, and one after every print that was aborted or crashed): for tests. */
  opened = 0;

  constructor(private readonly options: LaunchBrowserOptions = {}) {}

  /** Launch the browser now (a failure is met by the first print). */
  warm(): void {
    void this.currentBrowser().catch(() => undefined);
  }

  /** Run `work` with the warm page when it is free (see {@link PrintBrowsers}). */
  inContext<T>(work: (page: BrowserContext | Page) => Promise<T>, options: PrintInContextOptions = {}): Promise<T> {
    return this.limit(() => this.attempt(work, options));
  }

  /** Close the page and the browser; prints still running fail. Never throws. */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    this.page = undefined;
    const running = await browser?.catch(() => undefined);
    if (running) await closeBrowser(running);
  }

  private async attempt<T>(work: (page: BrowserContext | Page) => Promise<T>, options: PrintInContextOptions): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted();
      let browser: Browser | undefined;
      let held: Promise<OpenPage> | undefined;
      const abort = () => void this.dropPage(held);
      try {
        browser = await this.currentBrowser();
        if (!browser.connected) throw new BrowserStoppedError(await exitDescription(browser));
        held = this.warmPage(browser);
        const { context, page } = await held;
        options.signal?.addEventListener('abort', abort, { once: true });
        options.signal?.throwIfAborted();
        return await untilBrowserStops(browser, () => work(page), context);
      } catch (failure) {
        // A page that failed may be in any state: the next print opens a new one.
        await this.dropPage(held);
        if (!(failure instanceof BrowserStoppedError) || attempt >= 2 || this.closed || options.signal?.aborted === true) throw failure;
        if (browser !== undefined && !browser.connected) await this.retire(browser);
        options.onRetry?.(failure);
      } finally {
        options.signal?.removeEventListener('abort', abort);
      }
    }
  }

  /** The page kept open, opened now (in a context of its own) if there is none. */
  private warmPage(browser: Browser): Promise<OpenPage> {
    if (this.page) return this.page;
    const opening = browser.createBrowserContext().then(async (context) => ({ context, page: await context.newPage() }));
    opening.catch(() => undefined);
    this.page = opening;
    this.opened++;
    return opening;
  }

  /** Close a page (its context with it) and forget it. */
  private async dropPage(held: Promise<OpenPage> | undefined): Promise<void> {
    if (held === undefined) return;
    if (this.page === held) this.page = undefined;
    const opened = await held.catch(() => undefined);
    await opened?.context.close().catch(() => undefined);
  }

  private currentBrowser(): Promise<Browser> {
    if (this.closed) return Promise.reject(new BrowserStoppedError('the preview stopped'));
    if (this.browser === undefined) {
      const launching = launch(this.options);
      this.browser = launching;
      launching.catch(() => {
        if (this.browser === launching) this.browser = undefined;
      });
    }
    return this.browser;
  }

  private async retire(browser: Browser): Promise<void> {
    if (this.browser !== undefined && (await this.browser.catch(() => undefined)) === browser) this.browser = undefined;
    this.page = undefined;
    await closeBrowser(browser);
  }
}
