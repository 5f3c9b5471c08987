/**
 * The 版记 of a 公文 on the last page, an even one, its last rule on the type area's bottom edge
 * (GB/T 9704-2012 10.1). Chromium has no page floats: the first print says where the text ends
 * (the link annotation of a mark there, a link to itself: page and height; Chromium's
 * named destinations give the page but not always the height), and the page is printed again with
 * the 版记 placed — on that page, pushed down by a spacer, when the page is even and has room;
 * else alone on the next even page (after a blank page when the text ends on an even page:
 * Chromium inserts none for `break-before: left`), at the foot of a box as tall as the type area. The blank page and a 版记 page of its
 * own carry no page number (named page `gw-record`; see templates/gongwen/print.css).
 */
import type { Template } from '../../template/load-template.ts';
import type { DraftPrint, PageRevision } from './print-html.ts';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { idOf } from './destination-names.ts';
import { BODY_END_ID, RECORD_END_ID, RECORD_LAYOUT_ID, RECORD_START_ID } from '../../gongwen/html.ts';

const PT_PER_MM = 72 / 25.4;
/** Kept between the 版记's last rule and the type area's bottom edge (pt): Chromium's rounding must never push it over. */
const TARGET_GAP_PT = 0.6;
/** A CSS pixel, pt: the precision of the link boxes the placement is read from. */
const PIXEL_PT = 0.75;
/** Height of a mark's link (templates/gongwen/print.css: `.gw-mark a`). */
const MARK_HEIGHT_PT = 0.5;
/** Prints after the placing one that may correct it, and how far back a 版记 that went over is moved. */
const MAX_REFINEMENTS = 2;
const OVERSHOOT_STEP_PT = 3;

/** How the 版记 was placed. */
type RecordPlacement = { kind: 'same-page'; page: number } | { kind: 'own-page'; afterPage: number } | { kind: 'unknown' };

/** What can be wrong with a printed 版记: its marks not found, not on the last page, or the last page odd. */
export type RecordProblem = 'not-found' | 'not-last' | 'odd-page';

/** The `revise` step that places the 版记 (after the first print; at most two corrections after that), and what is wrong with the last print's 版记, if anything. */
export function recordReviser(template: Template): {
  revise: (printed: Uint8Array, round: number, draft?: DraftPrint) => Promise<PageRevision | undefined>;
  problem: () => RecordProblem | undefined;
} {
  let problem: RecordProblem | undefined;
  let placement: RecordPlacement = { kind: 'unknown' };
  let spacer: number | undefined;
  let refinements = 0;
  const typeBottomPt = (297 - template.page.marginMm.bottom) * PT_PER_MM;
  const spacerCss = (height: number) => new Map([[RECORD_LAYOUT_ID, `.gw-record-spacer { height: ${Math.max(0, height).toFixed(2)}pt; }`]]);
  const revise = async (printed: Uint8Array, _round: number, draft?: DraftPrint): Promise<PageRevision | undefined> => {
    // A draft print has no named destinations: the next print says where the text ends.
    if (draft) return undefined;
    const places = await linkPlaces(printed, [BODY_END_ID, RECORD_START_ID, RECORD_END_ID]);
    const [end, start, finish] = [places.get(BODY_END_ID), places.get(RECORD_START_ID), places.get(RECORD_END_ID)];
    // What is wrong with this print's 版记: kept, so that the last print's is known.
    problem = !end || !start || !finish ? 'not-found' : start.page !== finish.page || finish.page !== finish.pages ? 'not-last' : finish.pages % 2 === 1 ? 'odd-page' : undefined;
    if (!end || !start || !finish || start.page !== finish.page || placement.kind === 'own-page') return undefined;
    if (placement.kind === 'same-page' && spacer !== undefined) {
      // Link boxes are whole CSS pixels (0.75 pt): the first guess may be a little off. The
      // last rule should end just above the type area's bottom edge; move the spacer by what is
      // missing (or back, when the 版记 went over to the next page), at most twice.
      if (refinements >= MAX_REFINEMENTS) return undefined;
      refinements++;
      if (finish.page !== placement.page) return spacerCss((spacer -= OVERSHOOT_STEP_PT));
      const missing = typeBottomPt - TARGET_GAP_PT - (finish.top + MARK_HEIGHT_PT);
      if (missing >= -PIXEL_PT / 2 && missing <= PIXEL_PT) return undefined;
      return spacerCss((spacer += missing));
    }
    // The 版记 as laid out (its rows may wrap), with the marks before and after it.
    const recordHeightPt = finish.top - start.top + MARK_HEIGHT_PT;
    const room = typeBottomPt - end.top - MARK_HEIGHT_PT - recordHeightPt - TARGET_GAP_PT - PIXEL_PT;
    if (end.page % 2 === 0 && room >= 0) {
      placement = { kind: 'same-page', page: end.page };
      spacer = room;
      return spacerCss(room);
    }
    placement = { kind: 'own-page', afterPage: end.page };
    const height = (297 - template.page.marginMm.top - template.page.marginMm.bottom) * PT_PER_MM - TARGET_GAP_PT;
    // The text ends on an even page: the next one (odd) is left blank.
    const blank = end.page % 2 === 0 ? '.gw-blank-page { display: block; break-before: page; page: gw-record; height: 1pt; } ' : '';
    return new Map([[RECORD_LAYOUT_ID, `${blank}.gw-record-page { break-before: page; page: gw-record; position: relative; height: ${height.toFixed(2)}pt; } .gw-record-page .gw-record { position: absolute; left: 0; right: 0; bottom: 0; }`]]);
  };
  return { revise, problem: () => problem };
}

/** Where a link landed: its page (1-based), the PDF's page count, and its top (pt from the page's top). */
export interface LinkPlace {
  page: number;
  pages: number;
  top: number;
}

/** The place of the first link of a PDF pointing to each of the named destinations `names` (the PDF parsed once). */
export async function linkPlaces(pdf: Uint8Array, names: readonly string[]): Promise<Map<string, LinkPlace>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = document.getPages();
  const wanted = new Set(names);
  const found = new Map<string, LinkPlace>();
  for (const [index, page] of pages.entries()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let item = 0; item < (annotations?.size() ?? 0); item++) {
      const annotation = annotations?.lookupMaybe(item, PDFDict);
      const destination = annotation?.get(PDFName.of('Dest'));
      const name = destination instanceof PDFName ? idOf(destination.decodeText()) : undefined;
      if (name === undefined || !wanted.has(name) || found.has(name)) continue;
      const top = annotation?.lookupMaybe(PDFName.of('Rect'), PDFArray)?.lookupMaybe(3, PDFNumber)?.asNumber();
      if (top !== undefined) found.set(name, { page: index + 1, pages: pages.length, top: page.getHeight() - top });
    }
  }
  return found;
}
