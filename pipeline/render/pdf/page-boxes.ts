import { PDFName, type PDFDocument } from '@cantoo/pdf-lib';

/** Paper sizes in PDF points (1/72 in), portrait, as ISO 216 defines them. */
export const PAPER_SIZES_PT = {
  A4: { width: 595.28, height: 841.89 },
} as const;

/** A paper size report-press knows. */
export type PaperSize = keyof typeof PAPER_SIZES_PT;

/** How far (in points) a page may be from the paper size and still count as that paper. */
const SNAP_TOLERANCE_PT = 1;

const OTHER_BOXES = ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox'] as const;

/**
 * Give every page that is within a point of `paper` (portrait or landscape) exactly that size.
 * Chromium lays pages out on a 300 dpi grid, so an A4 `@page` comes out as 594.96 × 841.92 pt
 * (2479 × 3508 dots) instead of 595.28 × 841.89 pt; the difference (0.11 mm across, 0.01 mm
 * down) is below anything visible, but print shops and preflight tools check the exact size.
 * Content keeps its coordinates. Pages of another size are left alone. Returns how many
 * pages were changed.
 */
export function snapPageBoxes(document: PDFDocument, paper: PaperSize): number {
  const size = PAPER_SIZES_PT[paper];
  let changed = 0;
  for (const page of document.getPages()) {
    const media = page.getMediaBox();
    const target = near(media.width, size.width) && near(media.height, size.height)
      ? size
      : near(media.width, size.height) && near(media.height, size.width)
        ? { width: size.height, height: size.width }
        : undefined;
    if (!target || (media.width === target.width && media.height === target.height)) continue;
    for (const name of OTHER_BOXES) {
      if (page.node.get(PDFName.of(name)) === undefined) continue;
      const box = boxOf(page, name);
      if (box.x === media.x && box.y === media.y && box.width === media.width && box.height === media.height) {
        setBox(page, name, media.x, media.y, target.width, target.height);
      }
    }
    page.setMediaBox(media.x, media.y, target.width, target.height);
    changed++;
  }
  return changed;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= SNAP_TOLERANCE_PT;
}

type Page = ReturnType<PDFDocument['getPages']>[number];

function boxOf(page: Page, name: (typeof OTHER_BOXES)[number]): { x: number; y: number; width: number; height: number } {
  switch (name) {
    case 'CropBox':
      return page.getCropBox();
    case 'BleedBox':
      return page.getBleedBox();
    case 'TrimBox':
      return page.getTrimBox();
    case 'ArtBox':
      return page.getArtBox();
  }
}

function setBox(page: Page, name: (typeof OTHER_BOXES)[number], x: number, y: number, width: number, height: number): void {
  switch (name) {
    case 'CropBox':
      page.setCropBox(x, y, width, height);
      return;
    case 'BleedBox':
      page.setBleedBox(x, y, width, height);
      return;
    case 'TrimBox':
      page.setTrimBox(x, y, width, height);
      return;
    case 'ArtBox':
      page.setArtBox(x, y, width, height);
      return;
  }
}
