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
 * Run `measure` with the page laid out at the width of the template's text area (the print
 * itself lays out again at the paper size), then give the page back its own viewport.
 */
export async function atTextWidth<T>(page: Page, template: Template, measure: () => Promise<T>): Promise<T> {
  await page.setViewport({ width: Math.floor(textWidthMm(template) * PX_PER_MM), height: 1000 });
  try {
    return await measure();
  } finally {
    await page.setViewport(null);
  }
}

/**
 * The tables of a print page laid out by {@link atTextWidth} that are wider than the text area.
 * A table never shrinks below the width its narrowest cells allow (one character each when
 * words may break); past that, Chromium shrinks every page of the PDF to make it fit (measured:
 * body text of 11 pt printed at 7.5 pt for one 30-column table) and, past its largest shrink,
 * prints the last columns beyond the page edge, where they are cut off without a word. Also
 * returns how many tables the page has, for matching them with the source's.
 */
export async function tablesWiderThanPage(page: Page): Promise<{ count: number; wide: WideTable[] }> {
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
}

/** A formula (`<math>`) of the print page wider than the printed text area, by its index among the page's formulas. */
export interface WideFormula {
  index: number;
  /** How far it reaches across, and the width the page has (mm). */
  neededMm: number;
  availableMm: number;
}

/**
 * The formulas of a print page laid out by {@link atTextWidth} that reach past the right edge
 * of the text area. Chromium breaks no line inside a formula (temml lets an inline one break
 * only after a top-level relation or operator), so a long one would make it shrink every page,
 * as a wide table does. Also returns how many formulas the page has, for matching them with the
 * source's.
 */
export async function formulasWiderThanPage(page: Page): Promise<{ count: number; wide: WideFormula[] }> {
  const measured = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const formulas = [...document.querySelectorAll('math')];
    const wide = formulas.flatMap((formula, index) => {
      const rights = [formula, ...formula.querySelectorAll('*')].map((element) => element.getBoundingClientRect().right);
      const right = Math.max(...rights);
      return right <= limit + 1 ? [] : [{ index, neededPx: right, availablePx: limit }];
    });
    return { count: formulas.length, wide };
  });
  return {
    count: measured.count,
    wide: measured.wide.map(({ index, neededPx, availablePx }) => ({ index, neededMm: Math.ceil(neededPx / PX_PER_MM), availableMm: Math.floor(availablePx / PX_PER_MM) })),
  };
}

/** Content other than a table that reaches past the right edge of the printed text area. */
export interface WideContent {
  /** Its element's tag name, lower case. */
  tag: string;
  /** The start of its text (at most 40 characters). */
  text: string;
  /** How far it reaches across, and the width the page has (mm). */
  neededMm: number;
  availableMm: number;
}

/**
 * Content of a print page laid out by {@link atTextWidth}, outside the tables, that makes the
 * page wider than its text area: the innermost elements reaching past the right edge, in
 * document order (formulas are measured by {@link formulasWiderThanPage}). Any such content makes Chromium shrink every page, as a wide table does; the
 * templates are written so that none does, and this check is what holds them to it.
 */
export async function contentWiderThanPage(page: Page): Promise<WideContent[]> {
  const measured = await page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    if (root.scrollWidth <= limit + 1) return [];
    // No named functions in here: tsx would wrap them in a `__name` helper the page does not have.
    const rights = new Map([...document.body.querySelectorAll('*')].map((element) => [element, element.getBoundingClientRect().right]));
    const found = [...rights].filter(
      ([element, right]) => right > limit + 1 && !element.closest('table, math') && ![...element.children].some((child) => (rights.get(child) ?? 0) > limit + 1),
    ).map(([element]) => element);
    return found.map((element) => ({
      tag: element.tagName.toLowerCase(),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40),
      neededPx: element.getBoundingClientRect().right,
      availablePx: limit,
    }));
  });
  return measured.map(({ neededPx, availablePx, ...content }) => ({ ...content, neededMm: Math.ceil(neededPx / PX_PER_MM), availableMm: Math.floor(availablePx / PX_PER_MM) }));
}
