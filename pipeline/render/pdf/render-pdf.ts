import type { Browser } from 'puppeteer-core';
import type { Template } from '../../template/load-template.ts';
import type { Report } from '../../types.ts';
import { error } from '../../util/messages.ts';
import { renderHtml } from '../html/render-html.ts';
import type { RenderOptions } from '../types.ts';
import { printHtmlToPdf } from './print-html.ts';
import { isFontUrl } from './virtual-origin.ts';

/** Options of the PDF renderer: the common ones plus the running browser to print with. */
export interface RenderPdfOptions extends RenderOptions {
  /** One browser per build, owned and closed by the caller (see `withBrowser`). */
  browser: Browser;
}

/**
 * Render the print PDF: the print variant of the HTML page, printed by Chromium and finished
 * with metadata. A font stylesheet or font file that cannot be served, or a font face that
 * fails to load, would print text in some other font; each becomes an error message on the
 * report (the build fails; the PDF is still returned).
 */
export async function renderPdf(report: Report, template: Template, options: RenderPdfOptions): Promise<Uint8Array> {
  const { browser, ...renderOptions } = options;
  const html = await renderHtml(report, template, { ...renderOptions, variant: 'print' });
  const problems = new Set<string>();
  const pdf = await printHtmlToPdf(html, {
    template,
    baseDir: report.baseDir,
    browser,
    meta: report.meta,
    date: options.date,
    onRequest: (entry) => {
      if (isFontUrl(entry.url) && (entry.outcome === 'missing' || entry.outcome === 'refused')) {
        problems.add(`Font file ${decodeURI(new URL(entry.url).pathname.replace(/^.*?\/press-fonts\//, ''))} could not be served for the print PDF (${entry.reason ?? entry.outcome})`);
      }
    },
    onFontError: (face) => {
      problems.add(`Font ${face.family} (weight ${face.weight}, ${face.style}) did not load for the print PDF`);
    },
  });
  for (const problem of problems) error(report.file, `${problem}; check the template's printFontFiles and that its packages are installed`, undefined, 'pdf-font-failed');
  return pdf;
}
