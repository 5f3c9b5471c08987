/**
 * One browser shared by many prints: a batch of reports (and later a build server) prints every
 * report in its own browser context of a single Chromium, at most a fixed number at once. A
 * browser that dies under the prints is replaced, and each print it cut short runs once more.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { closeBrowser, type LaunchBrowserOptions } from './launch-browser.ts';
import { BrowserStoppedError, exitDescription, untilBrowserStops } from './browser-stopped.ts';
import { launch } from './retry-browser.ts';

/** How one print uses the shared browser. */
export interface PrintInContextOptions {
  /** Called before the print runs again, with why the browser (or the print's page) stopped. */
  onRetry?: (stopped: BrowserStoppedError) => void;
  /** Aborting closes the print's context at once (its print then fails) and runs nothing more. */
  signal?: AbortSignal;
}

/**
 * What a build prints with when it does not launch a browser of its own (`BuildOptions.browsers`):
 * runs `work` in a fresh browser context, closed afterwards (or, `press preview`'s, in one warm
 * page kept open: `warm-print-page.ts`); when the browser or the context's page stops under it, `work` runs once more in a new context (of a new browser if the old one
 * died), so `work` must be safe to run again. The second stop is thrown as a {@link BrowserStoppedError}.
 */
export interface PrintBrowsers {
  inContext<T>(work: (context: BrowserContext | Page) => Promise<T>, options?: PrintInContextOptions): Promise<T>;
}

/** Settings of a {@link BrowserPool}. */
export interface BrowserPoolOptions extends LaunchBrowserOptions {
  /** Prints at once, each in its own context and page (at least 1). */
  pages: number;
  /** Called when a browser is launched (the first, and each replacement). */
  onLaunch?: () => void;
}

/**
 * A lazily launched browser shared by up to `pages` prints at once. The browser is launched at the
 * first print; {@link BrowserPool.close} ends it (and any replacement). Not for a single build:
 * there `withBrowserRetry` launches and closes a browser around the one print.
 */
export class BrowserPool implements PrintBrowsers {
  private readonly limit: LimitFunction;
  private current: Promise<Browser> | undefined;
  private readonly launched = new Set<Browser>();
  private closed = false;
  /** The browser {@link BrowserPool.warm} started, for the first print. */
  private warmed: Promise<Browser> | undefined;

  constructor(private readonly options: BrowserPoolOptions) {
    this.limit = pLimit(Math.max(1, Math.floor(options.pages)));
  }

  /** Run `work` in a new context of the shared browser when a page is free (see {@link PrintBrowsers}). */
  inContext<T>(work: (context: BrowserContext) => Promise<T>, options: PrintInContextOptions = {}): Promise<T> {
    return this.limit(() => this.attempt(work, options));
  }

  /**
   * Launch the browser now, while the caller does other work (loading the pipeline, reading and
   * parsing the report): Chromium takes about a second to start, which a build would otherwise
   * wait for after its Node stages. A failure here is not thrown: the print that needs the
   * browser meets it. If this browser fails to start, or dies before the first print uses it,
   * that print's first attempt has failed (it is said, and retried once, like a browser dying
   * under the print).
   */
  warm(): void {
    if (this.warmed !== undefined || this.closed) return;
    const warmed = this.browser();
    warmed.catch(() => undefined);
    this.warmed = warmed;
  }

  /** Close the browser (and any being launched); prints still running fail. Never throws. */
  async close(): Promise<void> {
    this.closed = true;
    const launching = this.current;
    this.current = undefined;
    await launching?.catch(() => undefined);
    await Promise.all([...this.launched].map((browser) => closeBrowser(browser)));
    this.launched.clear();
  }

  private async attempt<T>(work: (context: BrowserContext) => Promise<T>, options: PrintInContextOptions): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted();
      let browser: Browser | undefined;
      let context: BrowserContext | undefined;
      const abort = () => void context?.close().catch(() => undefined);
      try {
        const warmed = await this.takeWarmed();
        browser = warmed ?? (await this.browser());
        // The browser started ahead for this print died before it: the print's first attempt failed.
        if (!browser.connected) throw new BrowserStoppedError(await exitDescription(browser));
        const running = browser;
        context = await running.createBrowserContext().catch(async (failure: unknown) => {
          throw running.connected ? failure : new BrowserStoppedError(await exitDescription(running));
        });
        const own = context;
        options.signal?.addEventListener('abort', abort, { once: true });
        return await untilBrowserStops(running, () => work(own), own);
      } catch (failure) {
        if (!(failure instanceof BrowserStoppedError) || attempt >= 2 || this.closed || options.signal?.aborted === true) throw failure;
        // A crashed page leaves the browser running: only a dead browser is replaced.
        if (browser !== undefined && !browser.connected) await this.retire(browser);
        options.onRetry?.(failure);
      } finally {
        options.signal?.removeEventListener('abort', abort);
        await context?.close().catch(() => undefined);
      }
    }
  }

  /**
   * The browser {@link BrowserPool.warm} started, once (it may have died since); a launch that
   * failed is the print's first attempt failing, thrown as it is.
   */
  private async takeWarmed(): Promise<Browser | undefined> {
    const warmed = this.warmed;
    if (warmed === undefined) return undefined;
    this.warmed = undefined;
    return warmed;
  }

  /** The shared browser, launched now if there is none or the last one died. */
  private async browser(): Promise<Browser> {
    if (this.closed) throw new BrowserStoppedError('the batch was stopped');
    if (this.current !== undefined) {
      const browser = await this.current;
      if (browser.connected) return browser;
      await this.retire(browser);
    }
    if (this.current === undefined) {
      const launching = launch(this.options).then((browser) => {
        this.launched.add(browser);
        this.options.onLaunch?.();
        return browser;
      });
      this.current = launching;
      launching.catch(() => {
        if (this.current === launching) this.current = undefined;
      });
    }
    return this.current;
  }

  /** Stop using a browser that died and end what is left of it. */
  private async retire(browser: Browser): Promise<void> {
    if (this.current !== undefined && (await this.current.catch(() => undefined)) === browser) this.current = undefined;
    if (!this.launched.delete(browser)) return;
    await closeBrowser(browser);
  }
}
