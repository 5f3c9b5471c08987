/**
 * Print many small reports through Chromium in one PDF, for suites of hundreds of documents.
 *
 * `renderPdf` opens a fresh browser context per document, which costs Chromium about two
 * seconds of processor time even for a one-line page: hundreds of documents would take many
 * minutes. Here every report goes through the PDF renderer's own stages before the browser
 * (`printEditionHtml`: the glyph check, the print edition of the HTML page, notes moved to the
 * end of their part), and the pages of a batch are then printed together, each starting a new
 * sheet, by the renderer's printing step (`printHtmlToPdf`: request filter, fonts, tagged print,
 * `finishPdf`). The checks `renderPdf` makes on the loaded page (tables too wide) are not made.
 * Each document's page is rendered from its own tree, so one document's raw HTML cannot reach
 * into the next one's.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Browser } from 'puppeteer-core';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Report } from '../../pipeline/types.ts';
import type { Template } from '../../pipeline/template/load-template.ts';
import { checkPrintFonts, printEditionHtml, type PrintFontCheck } from '../../pipeline/render/pdf/render-pdf.ts';
import { printHtmlToPdf } from '../../pipeline/render/pdf/print-html.ts';

/** Class of the wrapper around each document of a batch; each starts a new sheet. */
export const BATCH_DOCUMENT_CLASS = 'press-batch-document';

/** Text printed at the top of each document of a batch, so that its text can be told apart. */
export function batchMarker(index: number): string {
  return `Batch document ${index}`;
}

function element(tree: HastRoot, tagName: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node) => {
    if (!found && node.tagName === tagName) found = node;
  });
  return found;
}

const fontChecks = new Map<string, Promise<PrintFontCheck>>();

/** The template's checked print fonts, read once per template for all batches. */
function fontsOf(template: Template): Promise<PrintFontCheck> {
  let check = fontChecks.get(template.name);
  if (!check) {
    check = checkPrintFonts(template);
    fontChecks.set(template.name, check);
  }
  return check;
}

/**
 * Print `reports` (all of one template) as one PDF: document `i` starts a new sheet with the
 * line {@link batchMarker}`(first + i)`, then its content. Problems go to each report's messages,
 * as with `renderPdf`.
 */
export async function printBatch(reports: readonly Report[], template: Template, browser: Browser, date: Date, first = 0): Promise<Uint8Array> {
  const [head] = reports;
  if (!head) throw new Error('printBatch needs at least one report');
  const fonts = await fontsOf(template);
  const bodies: ElementContent[] = [];
  let page: HastRoot | undefined;
  for (const [index, report] of reports.entries()) {
    if (report.meta.template !== template.name) throw new Error(`report ${index} uses template ${report.meta.template}, the batch ${template.name}`);
    const html = await printEditionHtml(report, template, fonts, { date });
    const tree = fromHtml(html);
    page ??= tree;
    const body = element(tree, 'body');
    bodies.push(h(`div.${BATCH_DOCUMENT_CLASS}`, [h('p', batchMarker(first + index)), ...((body?.children ?? []) as ElementContent[])]));
  }
  if (!page) throw new Error('no page');
  const body = element(page, 'body');
  const pageHead = element(page, 'head');
  if (!body || !pageHead) throw new Error('the print page has no head or body');
  body.children = bodies;
  pageHead.children.push(h('style', `.${BATCH_DOCUMENT_CLASS} + .${BATCH_DOCUMENT_CLASS} { break-before: page; }`));
  return printHtmlToPdf(toHtml(page), { template, baseDir: head.baseDir, browser, meta: head.meta, date });
}
