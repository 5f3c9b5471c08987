/**
 * Where each block of the source landed in the print edition: the page and the height on it of
 * the first text of every block the web page marks with `data-source-line`. Read from the PDF
 * just printed (its text by page, with pdf.js, the reader the preview page uses too), matching
 * each block's first characters in order; a block whose text is not found (a formula drawn as
 * glyphs, an image) takes none and is skipped.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';

/** One block of the source in the print edition. */
export interface PlacedBlock {
  /** The source line the block starts on. */
  line: number;
  /** Its page, from 1. */
  page: number;
  /** Height of its first text on the page, in PDF points from the bottom edge. */
  y: number;
}

/** What the map of a print edition holds. */
export interface PageMap {
  /** The placed blocks in the document's order. */
  blocks: PlacedBlock[];
  pages: number;
}

/** Characters of a block's text that must match in the PDF (fewer when the block is shorter). */
const NEEDLE = 16;

/** A block of the web page: its line and its text without white space. */
export interface SourceBlock {
  line: number;
  text: string;
}

/** The blocks of a page rendered with source lines (`data-source-line`), in document order. */
export function sourceBlocks(html: string): SourceBlock[] {
  const tree = fromHtml(html);
  const blocks: SourceBlock[] = [];
  visit(tree, 'element', (element: Element) => {
    const line = Number(element.properties['dataSourceLine']);
    if (!Number.isInteger(line) || line < 1) return;
    blocks.push({ line, text: squeeze(toText(element)).slice(0, NEEDLE) });
  });
  return blocks;
}

/** Text without white space: where PDF text and HTML text break lines differently. */
function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** The text of one page as pdf.js reads it: its items' strings and where each starts. */
export interface PageText {
  items: { text: string; y: number }[];
}

/**
 * Read the text of every page of a PDF with pdf.js (Node, no worker thread of its own). Aborting
 * `signal` stops it between pages (it throws the signal's reason): a newer change needs the
 * process more than the map of a print about to be replaced.
 */
export async function pdfPageTexts(pdf: Uint8Array, signal?: AbortSignal): Promise<PageText[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  try {
    const pages: PageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      signal?.throwIfAborted();
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PageText['items'] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        items.push({ text: item.str, y: (item.transform[5] ?? 0) + (item.height ?? 0) });
      }
      pages.push({ items });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * Place the blocks on the pages: each block's first characters are looked for in the pages'
 * text from where the block before it was found (a block and its first child start at the same
 * place), so a phrase repeated later in the document is not taken for an earlier block.
 */
export function placeBlocks(blocks: readonly SourceBlock[], pages: readonly PageText[]): PageMap {
  let all = '';
  const starts: { offset: number; page: number; y: number }[] = [];
  pages.forEach((page, index) => {
    for (const item of page.items) {
      const text = squeeze(item.text);
      if (text === '') continue;
      starts.push({ offset: all.length, page: index + 1, y: item.y });
      all += text;
    }
  });
  const placed: PlacedBlock[] = [];
  let cursor = 0;
  let item = 0;
  for (const block of blocks) {
    if (block.text.length < 2) continue;
    const found = all.indexOf(block.text, cursor);
    if (found < 0) continue;
    cursor = found;
    while (item + 1 < starts.length && (starts[item + 1]?.offset ?? Infinity) <= found) item++;
    const start = starts[item];
    if (start) placed.push({ line: block.line, page: start.page, y: start.y });
  }
  return { blocks: placed, pages: pages.length };
}

/** The page a source line lands on: that of the last placed block starting at or before it. */
export function pageOfLine(map: PageMap, line: number): number | undefined {
  let best: PlacedBlock | undefined;
  for (const block of map.blocks) if (block.line <= line && (best === undefined || block.line >= best.line)) best = block;
  return best?.page;
}
