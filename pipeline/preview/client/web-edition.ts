/**
 * The web edition in the preview's frame: the real HTML output, updated in place (head and body
 * replaced, the scroll position kept) when a build gives a new one; a click on a block says its
 * source line; each heading shows the page it landed on in the print edition.
 */

/** The style the preview adds to the web page: the page number beside each heading. */
const BADGE_CSS = '[data-press-page]::after { content: "  p. " attr(data-press-page); font: 400 0.55em/1 system-ui, sans-serif; color: #6b7785; white-space: nowrap; }';

/** The web edition's frame. */
export class WebEdition {
  private pages = new Map<number, number>();
  private loaded: Promise<void>;

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly onLine: (line: number) => void,
  ) {
    this.loaded = new Promise((resolve) => {
      const onLoad = () => {
        if (frame.contentWindow?.location.pathname !== '/doc/') return;
        frame.removeEventListener('load', onLoad);
        this.attach();
        resolve();
      };
      frame.addEventListener('load', onLoad);
    });
    frame.src = '/doc/';
  }

  /** Fetch the web page the server now has and put it in place, keeping the scroll position; resolves to its build's number. */
  async update(): Promise<number | undefined> {
    await this.loaded;
    const response = await fetch('/doc/', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const build = Number(response.headers.get('X-Press-Build'));
    const text = await response.text();
    const document = this.frame.contentDocument;
    const view = this.frame.contentWindow as (Window & { DOMParser: typeof DOMParser }) | null;
    if (!document || !view) return undefined;
    // Parsed by the frame's own parser: the new page is under the frame's policy (its inline
    // styles allowed), not the preview page's, which allows none.
    const fresh = new view.DOMParser().parseFromString(text, 'text/html');
    const scroller = document.scrollingElement ?? document.documentElement;
    const top = scroller.scrollTop;
    document.documentElement.lang = fresh.documentElement.lang;
    document.documentElement.className = fresh.documentElement.className;
    document.head.replaceChildren(...[...fresh.head.childNodes].map((node) => document.importNode(node, true)));
    document.body.replaceWith(document.importNode(fresh.body, true));
    this.addBadgeStyle();
    this.showPages();
    scroller.scrollTop = top;
    return Number.isInteger(build) && build > 0 ? build : undefined;
  }

  /** The page each source line of a heading landed on (from the print's page map). */
  setPages(pages: Map<number, number>): void {
    this.pages = pages;
    this.showPages();
  }

  /** Scroll the block that holds `line` into view. */
  reveal(line: number): void {
    const document = this.frame.contentDocument;
    if (!document) return;
    let best: Element | undefined;
    for (const element of document.querySelectorAll('[data-source-line]')) {
      if (Number(element.getAttribute('data-source-line')) <= line) best = element;
    }
    best?.scrollIntoView({ block: 'center' });
  }

  private attach(): void {
    const document = this.frame.contentDocument;
    if (!document) return;
    this.addBadgeStyle();
    this.showPages();
    document.addEventListener('click', (event) => {
      // The frame's elements are of its own window: no `instanceof Element` here.
      const target = event.target as Partial<Element> | null;
      const block = typeof target?.closest === 'function' ? target.closest('[data-source-line]') : null;
      const line = Number(block?.getAttribute('data-source-line'));
      if (Number.isInteger(line) && line > 0) this.onLine(line);
    });
  }

  private addBadgeStyle(): void {
    const document = this.frame.contentDocument;
    if (!document || document.getElementById('press-preview-badges')) return;
    const style = document.createElement('style');
    style.id = 'press-preview-badges';
    style.textContent = BADGE_CSS;
    document.head.append(style);
  }

  private showPages(): void {
    const document = this.frame.contentDocument;
    if (!document) return;
    for (const heading of document.querySelectorAll('h1[data-source-line], h2[data-source-line], h3[data-source-line], h4[data-source-line], h5[data-source-line], h6[data-source-line]')) {
      const page = this.pages.get(Number(heading.getAttribute('data-source-line')));
      if (page === undefined) heading.removeAttribute('data-press-page');
      else heading.setAttribute('data-press-page', String(page));
    }
  }
}
