import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import type { DraftPrint, PageRevision } from './print-html.ts';
import { tocPageId } from '../html/page-ids.ts';
import { idOf, shortDestinationName } from './destination-names.ts';

/** Prints after the first one in which the contents may still settle (the issue allows three). */
export const TOC_ITERATIONS = 3;

/** Id of the element holding a contents entry's page number (written by the HTML shell's print variant). */
export { tocPageId };

/**
 * The page (1-based) of every named destination of a PDF. Chromium writes one for every element
 * with an id that a link of the page points to, in the catalog's `/Dests` dictionary (older
 * style) or its `/Names` → `/Dests` name tree; both are read. Names are returned decoded: the
 * element ids. A finished PDF calls an over-long id by a short name (`destination-names.ts`):
 * each of `ids` found only by its short name is returned under the id too.
 */
export async function destinationPages(pdf: Uint8Array, ids: readonly string[] = []): Promise<Map<string, number>> {
  // Parsed without pdf-lib's pause every 100 objects (a `setTimeout(0)` each: see finish-pdf.ts).
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pageNumbers = new Map<string, number>();
  document.getPages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1));
  const pages = new Map<string, number>();
  const lookup = (object: PDFObject | undefined): PDFObject | undefined => (object instanceof PDFRef ? document.context.lookup(object) : object);
  const add = (name: string, value: PDFObject | undefined) => {
    let destination = lookup(value);
    if (destination instanceof PDFDict) destination = lookup(destination.get(PDFName.of('D')));
    if (!(destination instanceof PDFArray)) return;
    const page = destination.get(0);
    const number = page instanceof PDFRef ? pageNumbers.get(page.toString()) : undefined;
    if (number !== undefined) pages.set(name, number);
  };

  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(idOf(key.decodeText()), value);

  const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walk = (node: PDFDict, depth: number): void => {
    if (depth > 32) return;
    const leaves = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (leaves) {
      for (let index = 0; index + 1 < leaves.size(); index += 2) {
        const key = lookup(leaves.get(index));
        if (key instanceof PDFString || key instanceof PDFHexString) add(idOf(key.decodeText()), leaves.get(index + 1));
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let index = 0; index < kids.size(); index++) {
      const kid = lookup(kids.get(index));
      if (kid instanceof PDFDict) walk(kid, depth + 1);
    }
  };
  if (tree) walk(tree, 0);
  for (const id of ids) {
    const page = pages.has(id) ? undefined : pages.get(idOf(shortDestinationName(id)));
    if (page !== undefined) pages.set(id, page);
  }
  return pages;
}

/**
 * The page (1-based) of every heading of a PDF by its outline, which Chromium writes from the
 * headings that are laid out, in document order, each entry with an explicit destination:
 * `headingIds` are the page's headings in the same order. When the outline does not have one
 * entry per heading, nothing is known (an empty map) rather than a guess.
 */
export async function outlinePages(pdf: Uint8Array, headingIds: readonly string[]): Promise<Map<string, number>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pageNumbers = new Map<string, number>();
  document.getPages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1));
  const entries: (number | undefined)[] = [];
  const walk = (first: PDFDict | undefined, depth: number): void => {
    for (let item = first, count = 0; item && depth <= 32 && count <= headingIds.length; item = item.lookupMaybe(PDFName.of('Next'), PDFDict), count++) {
      const destination = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const page = destination?.get(0);
      entries.push(page instanceof PDFRef ? pageNumbers.get(page.toString()) : undefined);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  const pages = new Map<string, number>();
  if (entries.length !== headingIds.length) return pages;
  headingIds.forEach((id, index) => {
    const page = entries[index];
    if (id !== '' && page !== undefined) pages.set(id, page);
  });
  return pages;
}


/** How the contents pass ended. */
export interface TocOutcome {
  /** Prints made (1 + re-prints). */
  prints: number;
  /** Whether the last print's numbers are the pages its headings are on. */
  settled: boolean;
  /** Heading ids Chromium wrote no destination for (their entries show `?`). */
  missing: string[];
  /** Page of each heading id in the last print. */
  pages: Map<string, number>;
}

/**
 * The `revise` step of a print with a table of contents: after each print, read the page of
 * every heading (its named destination) and compare with the numbers the contents show. Equal:
 * keep the print. Different: fill in the pages and print again, at most {@link TOC_ITERATIONS}
 * times; if the pages still move the last print is kept and `outcome().settled` is false.
 */
export function tocReviser(headingIds: readonly string[]): {
  revise: (printed: Uint8Array, round: number, draft?: DraftPrint) => Promise<PageRevision | undefined>;
  outcome: () => TocOutcome;
} {
  let shown: Map<string, string> | undefined;
  let outcome: TocOutcome = { prints: 0, settled: false, missing: [], pages: new Map() };
  const revise = async (printed: Uint8Array, round: number, draft?: DraftPrint): Promise<PageRevision | undefined> => {
    // A draft has no link targets, so no named destinations: its outline places the headings.
    const pages = draft ? await outlinePages(printed, draft.headingIds) : await destinationPages(printed);
    const missing = headingIds.filter((id) => !pages.has(id));
    const numbers = new Map(headingIds.map((id) => [tocPageId(id), String(pages.get(id) ?? '?')]));
    const settled = shown !== undefined && [...numbers].every(([id, text]) => shown?.get(id) === text);
    outcome = { prints: round, settled, missing, pages };
    if (settled || round > TOC_ITERATIONS) return undefined;
    shown = numbers;
    return numbers;
  };
  return { revise, outcome: () => outcome };
}
