import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, closeBrowser } from '../../pipeline/browser/launch-browser.ts';

/** One Chromium for a test file: start it in `beforeAll`, close it in `afterAll`. */
export async function startBrowser(): Promise<Browser> {
  return launchBrowser();
}

export { closeBrowser };

/** Load an HTML string in a fresh page that may fetch nothing but `data:` URLs. */
export async function loadHtml(browser: Browser, html: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  await page.setRequestInterception(true);
  const refused: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue();
    else {
      refused.push(request.url());
      void request.abort();
    }
  });
  await page.setContent(html, { waitUntil: 'load' });
  (page as Page & { refusedRequests?: string[] }).refusedRequests = refused;
  return page;
}
