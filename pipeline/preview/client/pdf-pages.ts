/**
 * The print edition as its PDF pages, drawn by pdf.js with its text layer (so the pages' text
 * can be selected and searched). A new print replaces the pages in place: the pages in view are
 * drawn first, off screen, then swapped in at the same scroll position; the others are drawn
 * when they scroll into view (a 300-page print stays light). A click on a page gives the
 * source line of the block there, from the server's page map.
 */
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';

GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.mjs';

/** A block of the source in the print (see `page-map.ts` on the server). */
export interface PlacedBlock {
  line: number;
  page: number;
  y: number;
}

/** Pixels between the pane's edge and the pages. */
const GUTTER = 48;

/** The print pane. */
export class PdfPages {
  private document: PDFDocumentProxy | undefined;
  private observer: IntersectionObserver | undefined;
  private blocks: PlacedBlock[] = [];
  private scale = 1;

  constructor(
    private readonly pane: HTMLElement,
    private holder: HTMLElement,
    private readonly onLine: (line: number) => void,
  ) {
    this.pane.addEventListener('click', (event) => this.clicked(event));
  }

  /** Show a new print; resolves once the pages in view are drawn with their text. */
  async show(bytes: ArrayBuffer): Promise<void> {
    const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
    const first = await document.getPage(1);
    const width = first.getViewport({ scale: 1 }).width;
    this.scale = Math.max(0.5, Math.min(2, (this.pane.clientWidth - GUTTER) / width));
    const holder = this.holder.cloneNode(false) as HTMLElement;
    const top = this.pane.scrollTop;
    const shells: HTMLElement[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = number === 1 ? first : await document.getPage(number);
      const viewport = page.getViewport({ scale: this.scale });
      const shell = window.document.createElement('div');
      shell.className = 'page';
      shell.dataset['page'] = String(number);
      shell.style.width = `${viewport.width}px`;
      shell.style.height = `${viewport.height}px`;
      holder.append(shell);
      shells.push(shell);
    }
    // Draw what will be in view before the swap, so the pane never shows empty pages.
    const inView = shells.filter((shell) => this.wouldBeVisible(shell, holder, top));
    await Promise.all(inView.map((shell) => this.draw(document, shell)));
    this.observer?.disconnect();
    const old = this.document;
    this.holder.replaceWith(holder);
    this.holder = holder;
    this.pane.scrollTop = top;
    this.document = document;
    void old?.destroy();
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting && entry.target instanceof HTMLElement && !entry.target.dataset['drawn']) void this.draw(document, entry.target);
    }, { root: this.pane, rootMargin: '600px 0px' });
    for (const shell of shells) if (!shell.dataset['drawn']) this.observer.observe(shell);
  }

  /** The page map of the print shown. */
  setBlocks(blocks: PlacedBlock[]): void {
    this.blocks = blocks;
  }

  /** Scroll to where `line` landed. */
  reveal(line: number): void {
    let best: PlacedBlock | undefined;
    for (const block of this.blocks) if (block.line <= line && (!best || block.line >= best.line)) best = block;
    const shell = best ? this.holder.querySelector<HTMLElement>(`.page[data-page="${best.page}"]`) : null;
    if (!best || !shell) return;
    const height = shell.clientHeight / this.scale;
    this.pane.scrollTop = shell.offsetTop + (height - best.y) * this.scale - this.pane.clientHeight / 3;
  }

  /** Whether a page of the new holder lies in the pane's view at scroll position `top` (estimated from the page heights). */
  private wouldBeVisible(shell: HTMLElement, holder: HTMLElement, top: number): boolean {
    let offset = 12;
    for (const other of holder.children) {
      const height = parseFloat((other as HTMLElement).style.height) + 12;
      if (other === shell) return offset + height > top - 200 && offset < top + this.pane.clientHeight + 200;
      offset += height;
    }
    return false;
  }

  private async draw(document: PDFDocumentProxy, shell: HTMLElement): Promise<void> {
    shell.dataset['drawn'] = '1';
    const page: PDFPageProxy = await document.getPage(Number(shell.dataset['page']));
    const viewport = page.getViewport({ scale: this.scale });
    const ratio = window.devicePixelRatio || 1;
    const canvas = window.document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const text = window.document.createElement('div');
    text.className = 'textLayer';
    shell.style.setProperty('--scale-factor', String(viewport.scale));
    shell.style.setProperty('--user-unit', '1');
    shell.style.setProperty('--total-scale-factor', String(viewport.scale));
    const number = window.document.createElement('span');
    number.className = 'page-number';
    number.textContent = String(shell.dataset['page']);
    await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] } as Parameters<PDFPageProxy['render']>[0]).promise;
    const layer = new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport });
    await layer.render();
    shell.replaceChildren(canvas, text, number);
    shell.dataset['text'] = '1';
  }

  private clicked(event: MouseEvent): void {
    const shell = (event.target as Element | null)?.closest<HTMLElement>('.page');
    if (!shell) return;
    const page = Number(shell.dataset['page']);
    const box = shell.getBoundingClientRect();
    // PDF points from the page's bottom edge, as the page map measures.
    const y = (box.height - (event.clientY - box.top)) / this.scale;
    let found: PlacedBlock | undefined;
    for (const block of this.blocks) {
      if (block.page < page || (block.page === page && block.y >= y - 2)) found = block;
      else break;
    }
    if (found) this.onLine(found.line);
  }
}
