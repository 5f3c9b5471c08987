/** Id of the page's `<main>`, the skip link's target. */
export const MAIN_ID = 'content';

/** Id of the contents' title, which names the contents' `<nav>`. */
export const TOC_LABEL_ID = 'toc-label';

/** Id of the element holding a contents entry's page number, in the print variant (filled in by `../pdf/toc-pages.ts`). */
export function tocPageId(headingId: string): string {
  return `toc-page-${headingId}`;
}

/** Whether `id` is one the page's frame (`shell.ts`) gives its own elements. */
export function isFrameId(id: string): boolean {
  return id === MAIN_ID || id === TOC_LABEL_ID || id.startsWith(tocPageId(''));
}
