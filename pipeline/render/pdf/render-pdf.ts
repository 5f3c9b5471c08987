import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { Heading, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { isContentsEntry } from '../contents-entry.ts';
import type { Template } from '../../template/load-template.ts';
import type { Report } from '../../types.ts';
import { flag } from '../../util/messages.ts';
import { CodepointSet } from '../../fonts/codepoints.ts';
import { checkGlyphs } from '../../fonts/check-glyphs.ts';
import { fontCoverage } from '../../fonts/coverage.ts';
import { resolvePrintFonts } from '../../fonts/print-fonts.ts';
import { renderHtml } from '../html/render-html.ts';
import { labelsFor } from '../html/labels.ts';
import type { RenderOptions } from '../types.ts';
import { notesAtPartEnds } from './part-notes.ts';
import { printHtmlToPdf } from './print-html.ts';
import { tocReviser, TOC_ITERATIONS } from './toc-pages.ts';
import { recordReviser } from './record-placement.ts';
import { gongwenRecord } from '../../gongwen/html.ts';
import type { DraftPrint, PageRevision } from './print-html.ts';
import { isFontUrl } from './virtual-origin.ts';
import type { RequestLogEntry } from './serve-requests.ts';
import { atTextWidth, contentWiderThanPage, formulasWiderThanPage, tablesWiderThanPage } from './page-widths.ts';
import { formulasOf } from '../formulas.ts';

/** Options of the PDF renderer: the common ones plus the running browser to print with. */
export interface RenderPdfOptions extends RenderOptions {
  /** One browser per build, a context of a shared one, or a warm page (`press preview`); owned and closed by the caller (see `withBrowser`, `browser-pool.ts`, `warm-page.ts`). */
  browser: Browser | BrowserContext | Page;
  /** `press preview`: Chromium's print as it is, untagged and not finished (see `printHtmlToPdf`). */
  unfinished?: boolean;
  /** Called for every request the print page makes, with how it was answered (diagnostics, tests). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Limit of each step of the print (loading the page, its fonts, printing), ms; 0 for none (see `printHtmlToPdf`). */
  timeoutMs?: number;
  /**
   * With `toc: true`, called with the page of every heading id in the returned PDF, as the
   * contents pass read it from the last print (its named destinations): the Word file's contents
   * use it instead of parsing the whole PDF once more.
   */
  onHeadingPages?: (pages: ReadonlyMap<string, number>) => void;
}

/** Text the print layout adds of its own: page numbers and labels (checked against the fonts too). */
const LAYOUT_TEXT = ['— 0123456789 —'];

/**
 * Render the print PDF: the print variant of the HTML page, printed by Chromium and finished
 * with metadata.
 *
 * 1. Fonts: the template's print fonts are resolved (npm packages, Debian files, a configured
 *    FangSong) and their cmaps read; a configuration problem, a font Chromium would embed as
 *    Type 3, and every character of the report that none of the fonts has are errors, the
 *    last at its source line (`missing-glyph`).
 * 2. The print page: notes move to the end of their part (`part-notes.ts`); once loaded, a
 *    table too wide for the page (its last columns would be cut off) is an error at the table
 *    (`pdf-table-too-wide`), a formula too wide one at the formula (`pdf-formula-too-wide`), and
 *    any other content too wide an error too (`pdf-content-too-wide`).
 * 3. Printing: with `toc: true`, printed, the headings' pages read back and filled into the
 *    contents, and printed again until nothing moves (`toc-pages.ts`).
 *
 * A font stylesheet or file that cannot be served, or a face that fails to load, would print
 * text in some other font; each is an error too. Errors fail the build; the PDF is still returned.
 */
export async function renderPdf(report: Report, template: Template, options: RenderPdfOptions): Promise<Uint8Array> {
  const { browser, onRequest, timeoutMs, onHeadingPages, unfinished, ...renderOptions } = options;
  const fonts = await checkPrintFonts(template);
  const problems = new Set(fonts.problems);
  const html = await printEditionHtml(report, template, fonts, renderOptions);
  const toc = report.meta.toc ? tocReviser(headingIds(report)) : undefined;
  const gongwen = report.meta.gongwen;
  const record = gongwen && gongwenRecord(gongwen) ? recordReviser(template) : undefined;
  const revise = combineRevisers(toc?.revise, record?.revise);
  const pdf = await printHtmlToPdf(html, {
    template,
    baseDir: report.baseDir,
    browser,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(unfinished === true ? { unfinished } : {}),
    meta: report.meta,
    date: options.date,
    ...(revise ? { revise, draftWithoutLinks: toc !== undefined } : {}),
    inspect: async (page) => {
      // A table wider than the page loses its last columns in print: an error at the table.
      const tables: Table[] = [];
      visit(report.tree, 'table', (table: Table) => {
        tables.push(table);
      });
      const { count, wide, content, formulas } = await atTextWidth(page, template, async () => ({ ...(await tablesWiderThanPage(page)), content: await contentWiderThanPage(page), formulas: await formulasWiderThanPage(page) }));
      for (const table of wide) {
        const { index, ...args } = table;
        // Raw HTML tables are in the page too: positions are known only when the counts agree.
        flag(report.file, 'pdf-table-too-wide', count === tables.length ? tables[index] : undefined, args);
      }
      // A formula too wide: an error at the formula (raw HTML <math> is in the page too: positions only when the counts agree).
      const sourceFormulas = formulasOf(report.tree);
      for (const { index, ...args } of formulas.wide) flag(report.file, 'pdf-formula-too-wide', formulas.count === sourceFormulas.length ? sourceFormulas[index] : undefined, args);
      // Anything else too wide is the stylesheet's fault, not the author's: name the first few.
      for (const item of content.slice(0, 3)) flag(report.file, 'pdf-content-too-wide', undefined, item);
    },
    onRequest: (entry) => {
      onRequest?.(entry);
      if (isFontUrl(entry.url) && (entry.outcome === 'missing' || entry.outcome === 'refused')) {
        problems.add(`Font file ${decodeURI(new URL(entry.url).pathname.replace(/^.*?\/press-font(s|-files)\//, ''))} could not be served for the print PDF (${entry.reason ?? entry.outcome})`);
      }
    },
    onFontError: (face) => {
      problems.add(`Font ${face.family} (weight ${face.weight}, ${face.style}) did not load for the print PDF`);
    },
  });
  for (const problem of problems) flag(report.file, 'pdf-font-failed', undefined, { problem });
  const recordProblem = record?.problem();
  if (recordProblem) flag(report.file, 'gongwen-record-placement', undefined, { problem: recordProblem });
  if (toc) {
    const outcome = toc.outcome();
    if (outcome.missing.length > 0) flag(report.file, 'toc-pages', undefined, { kind: 'missing', headings: outcome.missing });
    else if (!outcome.settled) flag(report.file, 'toc-pages', undefined, { kind: 'unsettled', prints: TOC_ITERATIONS });
    onHeadingPages?.(outcome.pages);
  }
  return pdf;
}

/** The print fonts of a template, checked: what is wrong with them, and what they cover. */
export interface PrintFontCheck {
  /** Configuration problems, fonts Chromium would embed as Type 3, unreadable files. */
  problems: readonly string[];
  /** Families that are available, in the template's order. */
  available: string[];
  /** Every character one of the available families has. */
  covered: CodepointSet;
}

/** Resolve and read a template's print fonts (stage 1 of {@link renderPdf}, before any report). */
export async function checkPrintFonts(template: Template): Promise<PrintFontCheck> {
  const fonts = resolvePrintFonts(template);
  const coverage = await fontCoverage(fonts);
  const available = fonts.families.filter((family) => family.available).map((family) => family.family);
  const covered = CodepointSet.fromRanges(available.flatMap((family) => coverage.families.get(family)?.ranges ?? []));
  return { problems: [...fonts.problems, ...coverage.problems], available, covered };
}

/**
 * The print edition's HTML page of a report (stages 1 and 2 of {@link renderPdf} before the
 * browser): every character checked against the fonts (`missing-glyph`), the print variant of
 * the page, notes moved to the end of their part.
 */
export async function printEditionHtml(report: Report, template: Template, fonts: PrintFontCheck, options: RenderOptions): Promise<string> {
  const labels = labelsFor(report.meta.lang);
  checkGlyphs(report, fonts.covered, fonts.available, [...LAYOUT_TEXT, labels.contents, labels.published]);
  return notesAtPartEnds(await renderHtml(report, template, { ...options, variant: 'print' }), labels.footnotes);
}

/** Ids of the headings the contents lists (those with an id, the title heading excepted), in order. */
function headingIds(report: Report): string[] {
  const ids: string[] = [];
  visit(report.tree, 'heading', (heading: Heading) => {
    if (heading.data?.id && isContentsEntry(heading, report.file)) ids.push(heading.data.id);
  });
  return ids;
}

type Reviser = (printed: Uint8Array, round: number, draft?: DraftPrint) => Promise<PageRevision | undefined>;

/** Revisers run one after the other on each print: their revisions together, or none when none revises. */
function combineRevisers(...revisers: (Reviser | undefined)[]): Reviser | undefined {
  const present = revisers.filter((reviser): reviser is Reviser => reviser !== undefined);
  if (present.length <= 1) return present[0];
  return async (printed, round, draft) => {
    const revisions: PageRevision[] = [];
    for (const reviser of present) {
      const revision = await reviser(printed, round, draft);
      if (revision) revisions.push(revision);
    }
    return revisions.length === 0 ? undefined : new Map(revisions.flatMap((revision) => [...revision]));
  };
}
