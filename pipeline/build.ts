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
 * The browser that prints the PDF is started over once if it stops under the build (killed,
 * crashed). A document nested too deeply for the parser's stack is refused with the place of its
 * deepest nesting, never with a stack trace.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { VFile } from 'vfile';
import type { Report, OutputFormat } from './types.ts';
import { readSource, sourceFromText } from './util/read-source.ts';
import { parseReport, type StageTimer } from './parse/parse.ts';
import { loadTemplate } from './template/load-template.ts';
import { renderHtml } from './render/html/render-html.ts';
import { renderDocx } from './render/docx/render-docx.ts';
import { renderPdf } from './render/pdf/render-pdf.ts';
import { destinationPages } from './render/pdf/toc-pages.ts';
import { withBrowserRetry } from './browser/retry-browser.ts';
import { BrowserStoppedError } from './browser/browser-stopped.ts';
import type { PrintBrowsers } from './browser/browser-pool.ts';
import { pdfPageCount } from './render/pdf/page-count.ts';
import type { RequestLogEntry } from './render/pdf/serve-requests.ts';
import { deepestNesting, isStackOverflow } from './util/deepest-nesting.ts';
import { flag, hasErrors } from './util/messages.ts';
import { sourceDate } from './util/source-date.ts';
import { OutputBatch } from './util/atomic-write.ts';
import { outputPathProblems } from './util/output-paths.ts';
import { readRegularFile } from './util/read-regular-file.ts';
import type { SuggestionMode } from './transform/remark-suggestions.ts';
import { noteRead } from './cache/reads.ts';
import { BuildError } from './build-error.ts';

/** What to build and where. */
export interface BuildOptions {
  /** Path of the Markdown source. */
  input: string;
  /**
   * The source's text, used instead of reading `input`, which still names it (in messages) and
   * is where its images and links resolve from (`press compare` builds its marked source so).
   */
  sourceText?: string;
  /** Name of the outputs without extension (default: the source's file name without `.md`). */
  outputName?: string;
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
  /** Fetch network images at build time, in Node, with a size and time limit (`--allow-remote-images`). */
  allowRemoteImages?: boolean;
  /** Called when a stage starts (`read`, `parse`, `transform`, `render pdf`…), before its work. */
  onStageStart?: (stage: string) => void;
  /** Called with a note for the user that is not about the source (a retry after the browser stopped). */
  onNotice?: (text: string) => void;
  /** Called for every request the print page makes, with how it was answered (diagnostics, tests). */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * What to do with CriticMarkup suggestions in the source: `pending` (default; the PDF is then
   * refused with `review-pending` at each one), `accept` or `reject` them before every output
   * (`--accept`, `--reject`), or `marked`: print them marked in the PDF (`--marked`).
   */
  suggestions?: SuggestionMode;
  /** With `accept` or `reject`: decide only this author's suggestions (`--author`). */
  suggestionAuthor?: string;
  /**
   * A browser shared with other builds to print the PDF in (a batch: `browser-pool.ts`). Default:
   * the build launches a browser of its own and closes it.
   */
  browsers?: PrintBrowsers;
  /**
   * When aborted (a batch's per-report time limit), the build stops at its next stage, its print
   * is cut short, and it writes nothing: it throws the signal's reason.
   */
  signal?: AbortSignal;
  /**
   * `press preview`: each output is handed here as soon as it is rendered (the web page before the
   * print is done), even when the build then fails, and nothing is written to disk.
   */
  deliver?: (format: OutputFormat, output: string | Uint8Array) => void;
  /**
   * With `deliver`: the print starts only after the web page was handed over and this resolves
   * (the preview lets its page fetch the new web edition first); the print is then returned as
   * Chromium made it, unfinished (only its pages are shown).
   */
  beforePrint?: () => Promise<void>;
  /** `press preview`: the web page and the print page mark each block with its source line (`data-source-line`). */
  sourceLines?: boolean;
}

export { BuildError };

/** What a build did: the report with its messages, and the files written (none on failure). */
export interface BuildResult {
  report: Report;
  written: string[];
  ok: boolean;
  /** Pages of the PDF printed, when one was. */
  pages?: number;
}

/**
 * Parse, transform and render a report; write the outputs only if everything succeeded.
 * Throws {@link BuildError} for a source nested too deeply to process and
 * {@link BrowserStoppedError} when the browser stopped twice; content problems are messages.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const stage = { current: 'read' };
  try {
    return await buildStages(options, stage);
  } catch (failure) {
    if (!isStackOverflow(failure)) throw failure;
    const deepest = await readFile(options.input).then((bytes) => deepestNesting(new TextDecoder().decode(bytes)), () => undefined);
    const where = deepest ? `${path.normalize(options.input)}:${deepest.line}:${deepest.column}` : path.normalize(options.input);
    throw new BuildError(`${where}: the document is nested too deeply to process (the ${stage.current} stage ran out of stack${deepest ? `; the deepest nesting is on this line, ${deepest.depth} levels` : ''}); nest lists, quotes and HTML less deeply`);
  }
}

async function buildStages(options: BuildOptions, stage: { current: string }): Promise<BuildResult> {
  const time = timer(options, stage);
  const file = await time('read', () => (options.sourceText === undefined ? readSource(options.input) : sourceFromText(options.input, options.sourceText)));
  if (options.allowRemoteImages === true) file.data.allowRemoteImages = true;
  file.data.suggestions = {
    mode: options.suggestions ?? 'pending',
    print: options.checkOnly !== true && options.formats.includes('pdf'),
    ...(options.suggestionAuthor !== undefined ? { author: options.suggestionAuthor } : {}),
  };
  const enter = (name: string) => {
    stage.current = name;
    options.onStageStart?.(name);
  };
  options.signal?.throwIfAborted();
  enter('parse');
  const report = await parseReport(file, (name, milliseconds) => {
    options.onStage?.(name, milliseconds);
    if (name === 'parse') enter('transform');
  });
  if (hasErrors(report.file)) return { report, written: [], ok: false };

  const template = await loadTemplate(report.meta.template);
  const renderOptions = { date: sourceDate(report.meta), ...(options.sourceLines === true ? { sourceLines: true } : {}) };
  let referenceDocx: { path: string; bytes: Uint8Array } | undefined;
  if (options.referenceDocx !== undefined && (options.checkOnly || options.formats.includes('docx'))) {
    try {
      referenceDocx = { path: options.referenceDocx, bytes: new Uint8Array(await readRegularFile(options.referenceDocx)) };
    } catch (failure) {
      flag(report.file, 'docx-reference', undefined, { kind: 'unreadable', path: options.referenceDocx, reason: failure instanceof Error ? failure.message : String(failure) });
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
  const name = options.outputName ?? path.basename(options.input).replace(/\.(md|markdown)$/i, '');
  const outputPath = (format: OutputFormat) => path.join(options.outDir, `${name}.${format}`);
  // Found before rendering: the outputs would otherwise be renamed into place until one failed.
  const blocked = options.deliver ? [] : await outputPathProblems(options.outDir, options.formats.map(outputPath));
  for (const problem of blocked) flag(report.file, 'output-path', undefined, problem);
  if (blocked.length > 0) return { report, written: [], ok: false };
  const batch = new OutputBatch();
  const { deliver } = options;
  // A preview keeps its outputs in memory: handed over as they come, never staged on disk.
  const keep = async (format: OutputFormat, output: string | Uint8Array): Promise<void> => (deliver ? deliver(format, output) : batch.stage(outputPath(format), output));
  let pages: number | undefined;
  try {
    // The web page and the Word file are rendered while Chromium prints (Node waits for it
    // then); only a Word file whose contents show page numbers waits for the PDF's pages.
    const waitsForPages = report.meta.toc === true && options.formats.includes('pdf');
    // The pages the contents pass read from the PDF it kept (parsing the PDF again cost seconds for 5,000 headings).
    let headingPages: ReadonlyMap<string, number> | undefined;
    // A preview shows its web page first: the print starts once that was handed over (rendered or failed).
    let webDone: () => void = () => undefined;
    const webFirst = deliver !== undefined && options.formats.includes('html') ? new Promise<void>((resolve) => (webDone = resolve)) : undefined;
    const print = () =>
      time('render pdf', () =>
        // Timed with the browser's launch, and any retry: the stage is everything the PDF costs.
        // No limit of its own: the command's time limit (`--timeout`) bounds the whole build.
        printPdf(report, options, (browser, file) =>
          renderPdf({ ...report, file }, template, {
            ...renderOptions,
            browser,
            timeoutMs: 0,
            ...(deliver ? { unfinished: true } : {}),
            onRequest: (entry) => noteRequest(report, entry, options),
            onHeadingPages: (pages) => (headingPages = pages),
          }),
        ),
      );
    const printing = options.formats.includes('pdf') ? (webFirst ? webFirst.then(async () => (await options.beforePrint?.(), print())) : print()) : undefined;
    const renders = options.formats.map(async (format): Promise<void> => {
      if (format === 'pdf') {
        const pdf = await (printing as Promise<Uint8Array>);
        pages = pdfPageCount(pdf);
        await keep('pdf', pdf);
      } else if (format === 'html') {
        try {
          const html = await time('render html', () => renderHtml(report, template, { ...renderOptions, variant: 'screen', embedFonts: options.embedFonts === true }), 'render pdf');
          await keep('html', html);
        } finally {
          webDone();
        }
      } else {
        // The Word file's contents show the pages its headings landed on in the PDF.
        let contentsPages: ReadonlyMap<string, number> | undefined;
        if (waitsForPages && printing) {
          const pdf = await printing;
          contentsPages = headingPages ?? (await destinationPages(pdf));
        }
        const docx = await time('render docx', () => renderDocx(report, template, { ...renderOptions, ...docxOptions, ...(contentsPages ? { headingPages: contentsPages } : {}) }), 'render pdf');
        await keep('docx', docx);
      }
    });
    // Every render settles before the outcome is known: a failure discards what the others staged.
    const failed = (await Promise.allSettled(renders)).find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    if (hasErrors(report.file)) {
      await batch.discard();
      return { report, written: [], ok: false };
    }
    options.signal?.throwIfAborted();
    if (deliver) return { report, written: [], ok: true, ...(pages === undefined ? {} : { pages }) };
    const written = await time('write', () => batch.commit());
    return { report, written, ok: true, ...(pages === undefined ? {} : { pages }) };
  } catch (failure) {
    await batch.discard();
    throw failure;
  }
}

/**
 * Print the PDF, starting over once with a new browser if the browser stops under the print
 * (its process killed, a page crashed). Each attempt gives its messages into a file of its own,
 * copied to the report's only when the attempt printed: a failed attempt's messages are dropped
 * (the new attempt gives them again) without touching those the other renderers give meanwhile.
 */
async function printPdf(report: Report, options: BuildOptions, render: (browser: Browser | BrowserContext | Page, file: VFile) => Promise<Uint8Array>): Promise<Uint8Array> {
  const attempt = async (browser: Browser | BrowserContext | Page): Promise<Uint8Array> => {
    const file = new VFile({ path: report.file.path, cwd: report.file.cwd, value: report.file.value });
    file.data = report.file.data;
    const pdf = await render(browser, file);
    report.file.messages.push(...file.messages);
    return pdf;
  };
  const onRetry = (stopped: BrowserStoppedError) => {
    options.onNotice?.(`the browser stopped during the PDF stage (${stopped.message}); retrying with a new browser`);
  };
  try {
    if (options.browsers) return await options.browsers.inContext(attempt, { onRetry, ...(options.signal ? { signal: options.signal } : {}) });
    return await withBrowserRetry(attempt, {
      ...(options.browserPath ? { executablePath: options.browserPath } : {}),
      onRetry,
    });
  } catch (failure) {
    if (failure instanceof BrowserStoppedError) throw new BrowserStoppedError(`the browser stopped again during the PDF stage (${failure.message}); the PDF was not built`);
    throw failure;
  }
}

/** Pass a print-page request on, noting the local file it read (or missed) for the build's fingerprint. */
function noteRequest(report: Report, entry: RequestLogEntry, options: BuildOptions): void {
  if (entry.file !== undefined && (entry.outcome === 'file' || entry.outcome === 'missing')) noteRead(report.file, entry.file);
  options.onRequest?.(entry);
}

function timer(options: BuildOptions, stage: { current: string }) {
  /** Time one stage; `alongside` names the stage it runs beside, which stays the one reported (a stop then names the print). */
  return async <T>(name: string, run: () => Promise<T>, alongside?: string): Promise<T> => {
    options.signal?.throwIfAborted();
    if (alongside === undefined || stage.current !== alongside) {
      stage.current = name;
      options.onStageStart?.(name);
    }
    const started = performance.now();
    const result = await run();
    options.onStage?.(name, performance.now() - started);
    return result;
  };
}
