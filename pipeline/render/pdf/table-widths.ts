import type { Page } from 'puppeteer-core';
import type { Template } from '../../template/load-template.ts';
import { PAPER_SIZES_PT } from './page-boxes.ts';

/** A table of the print page that cannot fit across the printed text area. */
export interface WideTable {
  /** Position among the page's tables, in document order (0-based). */
  index: number;
  /** Cells in its widest row. */
  columns: number;
  /** Narrowest width the browser can lay it out at, and the width the page has for it (mm). */
  neededMm: number;
  availableMm: number;
}

const PX_PER_MM = 96 / 25.4;

/** Width of the template's text area across the paper, in millimetres. */
export function textWidthMm(template: Template): number {
  const { size, marginMm } = template.page;
  return (PAPER_SIZES_PT[size].width / 72) * 25.4 - marginMm.left - marginMm.right;
}

/**
 * The tables of a loaded print page that are wider than the text area they are printed in. A
 * table never shrinks below the width its narrowest cells allow (one character each when words
 * may break); past that, Chromium shrinks every page of the PDF to make it fit (measured: body
 * text of 11 pt printed at 7.5 pt for one 30-column table) and, past its largest shrink, prints
 * the last columns beyond the page edge, where they are cut off without a word. The page is laid out at the text area's width to measure (the print
 * itself lays out again at the paper size) and given back its own viewport afterwards. Also
 * returns how many tables the page has, for matching them with the source's.
 */
export async function tablesWiderThanPage(page: Page, template: Template): Promise<{ count: number; wide: WideTable[] }> {
  const width = Math.floor(textWidthMm(template) * PX_PER_MM);
  await page.setViewport({ width, height: 1000 });
  try {
    const measured = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const tables = [...document.querySelectorAll('table')];
      const wide = tables.flatMap((table, index) => {
        const box = table.getBoundingClientRect();
        if (box.right <= limit + 1) return [];
        const columns = Math.max(0, ...[...table.rows].map((row) => row.cells.length));
        return [{ index, columns, neededPx: box.width, availablePx: limit - Math.max(0, box.left) }];
      });
      return { count: tables.length, wide };
    });
    return {
      count: measured.count,
      wide: measured.wide.map(({ index, columns, neededPx, availablePx }) => ({ index, columns, neededMm: Math.ceil(neededPx / PX_PER_MM), availableMm: Math.floor(availablePx / PX_PER_MM) })),
    };
  } finally {
    await page.setViewport(null);
  }
}
