import type { Browser } from 'puppeteer-core';
import { closeBrowser, launchBrowser, type LaunchBrowserOptions } from './launch-browser.ts';
import { BrowserStoppedError, untilBrowserStops } from './browser-stopped.ts';
import { BrowserNotFoundError } from './find-browser.ts';

/** How often to start over with a new browser when one stops under the work. */
export interface RetryBrowserOptions extends LaunchBrowserOptions {
  /** Attempts in all, the first included. Default 2: one retry. */
  attempts?: number;
  /** Called before each retry with the reason the browser stopped and the attempt that failed (1-based). */
  onRetry?: (stopped: BrowserStoppedError, attempt: number) => void;
}

/**
 * Like `withBrowser`, but a browser that stops under `fn` (process killed or exited, page
 * crashed: see {@link untilBrowserStops}) or dies while it is being launched is closed, and `fn`
 * runs again with a newly launched one, up to `attempts` times in all. The last attempt's
 * {@link BrowserStoppedError} is thrown when the browser stops every time; a browser that cannot
 * be found, and any other failure of `fn`, is thrown at once. `fn` must be safe to run again (it
 * renders into memory; nothing is written until the build commits).
 */
export async function withBrowserRetry<T>(fn: (browser: Browser) => Promise<T>, options: RetryBrowserOptions = {}): Promise<T> {
  const { attempts = 2, onRetry, ...launchOptions } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      const browser = await launch(launchOptions);
      try {
        return await untilBrowserStops(browser, () => fn(browser));
      } finally {
        await closeBrowser(browser);
      }
    } catch (failure) {
      if (!(failure instanceof BrowserStoppedError) || attempt >= attempts) throw failure;
      onRetry?.(failure, attempt);
    }
  }
}

/** Launch a browser; one that dies while starting is a {@link BrowserStoppedError}, one not found is not. */
export async function launch(options: LaunchBrowserOptions): Promise<Browser> {
  try {
    return await launchBrowser(options);
  } catch (failure) {
    if (failure instanceof BrowserNotFoundError) throw failure;
    throw new BrowserStoppedError(`it did not start: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}`);
  }
}
