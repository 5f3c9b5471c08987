/**
 * report-press pipeline: one source, one tree, three outputs.
 *
 *   source.md ──read──▶ VFile ──parse──▶ mdast ──transform──▶ Report (tree + meta + messages)
 *                                                                │
 *                 ┌──────────────────────────┬──────────────────┼───────────────────┐
 *                 ▼                          ▼                  ▼                   ▼
 *         render/html (screen)     render/html (print) ──▶ render/pdf        render/docx
 *         <name>.html              Chromium via Puppeteer   <name>.pdf        <name>.docx
 *
 * Outputs are staged as temporary files and renamed into place only when every requested
 * format rendered without an error, so a failed build never loses the previous good outputs.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'puppeteer-core';
import type { Report, OutputFormat } from './types.ts';
import { readSource } from './util/read-source.ts';
import { parseReport, type StageTimer } from './parse/parse.ts';
import { loadTemplate } from './template/load-template.ts';
import { renderHtml } from './render/html/render-html.ts';
import { renderDocx } from './render/docx/render-docx.ts';
import { renderPdf } from './render/pdf/render-pdf.ts';
import { destinationPages } from './render/pdf/toc-pages.ts';
import { withBrowser } from './browser/launch-browser.ts';
import { error, hasErrors } from './util/messages.ts';
import { sourceDate } from './util/source-date.ts';
import { OutputBatch } from './util/atomic-write.ts';

/** What to build and where. */
export interface BuildOptions {
  /** Path of the Markdown source. */
  input: string;
  /** Folder the outputs go to. */
  outDir: string;
  /** Formats to write. */
  formats: readonly OutputFormat[];
  /** Explicit browser executable (else found automatically). */
  browserPath?: string;
  /** Called after each stage with its wall time. */
  onStage?: StageTimer;
  /** Inline the template's web fonts, subset, into the HTML page. */
  embedFonts?: boolean;
  /** A .docx or .dotx whose styles the Word file uses in place of the template's (`--reference-docx`). */
  referenceDocx?: string;
  /** Check only: parse and transform, write nothing. */
  checkOnly?: boolean;
}

/** What a build did: the report with its messages, and the files written (none on failure). */
export interface BuildResult {
  report: Report;
  written: string[];
  ok: boolean;
}

/** Parse, transform and render a report; write the outputs only if everything succeeded. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const time = timer(options.onStage);
  const file = await time('read', () => readSource(options.input));
  const report = await parseReport(file, options.onStage);
  if (hasErrors(report.file)) return { report, written: [], ok: false };

  const template = await loadTemplate(report.meta.template);
  const renderOptions = { date: sourceDate(report.meta) };
  let referenceDocx: { path: string; bytes: Uint8Array } | undefined;
  if (options.referenceDocx !== undefined && (options.checkOnly || options.formats.includes('docx'))) {
    try {
      referenceDocx = { path: options.referenceDocx, bytes: new Uint8Array(await readFile(options.referenceDocx)) };
    } catch (failure) {
      error(report.file, `Reference document ${options.referenceDocx} cannot be read (${failure instanceof Error ? failure.message : String(failure)})`, undefined, 'docx-reference');
      return { report, written: [], ok: false };
    }
  }
  const docxOptions = referenceDocx ? { referenceDocx } : {};
  if (options.checkOnly) {
    // Render the web page and the Word file in memory so that `check` reports what `build` would.
    await time('render html', () => renderHtml(report, template, { ...renderOptions, variant: 'screen' }));
    // No pages for the contents here, and no note about them: `build` fills them in from the PDF.
    await time('render docx', () => renderDocx(report, template, { ...renderOptions, ...docxOptions, headingPages: new Map() }));
    return { report, written: [], ok: !hasErrors(report.file) };
  }
  const name = path.basename(options.input).replace(/\.(md|markdown)$/i, '');
  const batch = new OutputBatch();
  try {
    // The PDF first: the Word file's contents show the pages its headings landed on.
    let headingPages: Map<string, number> | undefined;
    if (options.formats.includes('pdf')) {
      const launchOptions = options.browserPath ? { executablePath: options.browserPath } : {};
      const pdf = await withBrowser((browser: Browser) => time('render pdf', () => renderPdf(report, template, { ...renderOptions, browser })), launchOptions);
      await batch.stage(path.join(options.outDir, `${name}.pdf`), pdf);
      if (report.meta.toc && options.formats.includes('docx')) headingPages = await destinationPages(pdf);
    }
    for (const format of options.formats.filter((format) => format !== 'pdf')) {
      if (format === 'html') {
        const html = await time('render html', () => renderHtml(report, template, { ...renderOptions, variant: 'screen', embedFonts: options.embedFonts === true }));
        await batch.stage(path.join(options.outDir, `${name}.html`), html);
      } else {
        const docx = await time('render docx', () => renderDocx(report, template, { ...renderOptions, ...docxOptions, ...(headingPages ? { headingPages } : {}) }));
        await batch.stage(path.join(options.outDir, `${name}.docx`), docx);
      }
    }
    if (hasErrors(report.file)) {
      await batch.discard();
      return { report, written: [], ok: false };
    }
    const written = await time('write', () => batch.commit());
    return { report, written, ok: true };
  } catch (failure) {
    await batch.discard();
    throw failure;
  }
}

function timer(onStage: StageTimer | undefined) {
  return async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    onStage?.(stage, performance.now() - started);
    return result;
  };
}
