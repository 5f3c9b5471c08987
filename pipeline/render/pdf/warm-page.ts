/**
 * A print page kept open across prints (`press preview`): loading the print page anew costs
 * seconds, almost all of it Chromium receiving and checking its font files one by one through
 * request interception. A warm page whose document has the same head (stylesheets, font faces)
 * gets the new body put in place instead, its fonts staying loaded — but only while they are
 * still right: the font files are cut to the characters of the page they were served for
 * (`print-font-files.ts`), so a page with a character the loaded faces may lack is loaded anew.
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import { isFontUrl, PAGE_URL } from './virtual-origin.ts';

/** What a warm page holds: its document's outside of the body, and the characters its fonts have. */
interface WarmState {
  /** The page's HTML outside of the body's content: before it (the body's tag included) and after. */
  shell: string;
  /** Every character the font files loaded by the document were cut for. */
  covered: ReadonlySet<string>;
  /** The request handler in use. */
  handler: (request: HTTPRequest) => void;
}

const states = new WeakMap<Page, WarmState>();

/** Whether the last {@link loadIntoWarmPage} of a page put the body in place (`true`) or loaded the page (`false`). */
const lastLoads = new WeakMap<Page, boolean>();

/** The page's HTML split into the body's content and the rest, or `undefined` when it has no single body. */
export function splitBody(html: string): { shell: string; body: string } | undefined {
  const open = /<body\b[^>]*>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf('</body>');
  if (!open || close < open.index + open[0].length) return undefined;
  const start = open.index + open[0].length;
  return { shell: `${html.slice(0, start)}\u0000${html.slice(close)}`, body: html.slice(start, close) };
}

/**
 * Show `html` in a warm page, its requests answered by `handler` (interception on, print media):
 * its body put in place when the page already has the same head and fonts cut for every
 * character of `html`, else the page loaded anew. Resolves once the page and its images have loaded.
 */
export async function loadIntoWarmPage(page: Page, html: string, handler: (request: HTTPRequest) => void, timeoutMs: number): Promise<void> {
  const state = states.get(page);
  if (state) page.off('request', state.handler);
  page.on('request', handler);
  const split = splitBody(html);
  const characters = new Set(html);
  const inPlace = state !== undefined && split !== undefined && split.shell === state.shell && [...characters].every((character) => state.covered.has(character));
  lastLoads.set(page, inPlace);
  if (state && split && inPlace) {
    // A face first needed by the new body is cut for its characters only: from then on, the page's fonts cover only those.
    let fontsLoaded = false;
    const noteFonts = (request: HTTPRequest) => {
      if (isFontUrl(request.url())) fontsLoaded = true;
    };
    page.on('request', noteFonts);
    try {
      await page.evaluate(async (body: string, waitMs: number) => {
        document.body.innerHTML = body;
        const images = [...document.images].filter((image) => !image.complete);
        const loaded = Promise.all(images.map((image) => new Promise((resolve) => {
          image.addEventListener('load', resolve, { once: true });
          image.addEventListener('error', resolve, { once: true });
        })));
        await (waitMs > 0 ? Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, waitMs))]) : loaded);
      }, split.body, timeoutMs);
    } finally {
      page.off('request', noteFonts);
    }
    states.set(page, { shell: state.shell, covered: fontsLoaded ? characters : state.covered, handler });
    return;
  }
  if (!state) {
    await page.setRequestInterception(true);
    await page.emulateMediaType('print');
  }
  // Set before loading: a load that fails leaves a state that forces the next one to load anew.
  states.set(page, { shell: '', covered: new Set(), handler });
  await page.goto(PAGE_URL, { waitUntil: 'load', timeout: timeoutMs });
  states.set(page, { shell: split?.shell ?? '', covered: split ? characters : new Set(), handler });
}

/** Whether the last load of a warm page put the new body in place (for tests); `undefined` before any. */
export function wasLoadedInPlace(page: Page): boolean | undefined {
  return lastLoads.get(page);
}
