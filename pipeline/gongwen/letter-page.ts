/**
 * The first page of a 信函 (GB/T 9704 10.3) in the print edition. Its 标志's top is 30 mm from the
 * page's top, in the page's top margin, and its two red double lines are 170 mm wide, wider than
 * the type area: Chromium paints a page's content only inside the type area, so these are drawn
 * by the first page's margin boxes — the 标志 by the top one, the ends of the upper double line
 * by the left and right ones (its middle is the header's), the lower double line, 20 mm from the
 * page's bottom edge, by the bottom one. The first page has no page number.
 */
import { LETTER_LINES_MM, letterLinesSvg } from './html.ts';

/** From the 标志's line box (line-height 1) to its glyphs' top, per point of its size (measured on the template's Song face; print.css's --gw-mark-ink). */
export const MARK_INK_TOP = 0.057;
/** The 标志's glyphs' height per point of its size (measured likewise; print.css uses it for 信函). */
export const MARK_INK_HEIGHT = 0.973;

const PT_PER_MM = 72 / 25.4;

/** Where the upper double line of a 信函 lies: mm from the page's top (4 mm under the 标志's glyphs, whose top is 30 mm from it). */
export function letterLinesTopMm(markSizePt: number): number {
  return 30 + (markSizePt * MARK_INK_HEIGHT) / PT_PER_MM + 4;
}

/**
 * A CSS string literal of any text, safe inside a `<style>` element: every character but
 * letters, digits and spaces is written as a CSS escape (`\3c ` for `<`), so no text can end the
 * string, the rule or the element.
 */
export function cssString(text: string): string {
  return `"${[...text].map((character) => (/^[\p{L}\p{N} ]$/u.test(character) ? character : `\\${(character.codePointAt(0) ?? 0).toString(16)} `)).join('')}"`;
}

/** The first page's margin boxes of a 信函 whose 标志 is `mark`, set at `markSizePt` in `fontStack` (a CSS font-family list). */
export function letterPageCss(mark: string, markSizePt: number, fontStack: string, marginMm: { top: number; bottom: number; left: number; right: number }): string {
  const linesTop = letterLinesTopMm(markSizePt) - marginMm.top;
  const image = (order: 'thick-first' | 'thin-first') => `url("data:image/svg+xml,${encodeURIComponent(letterLinesSvg(order))}")`;
  const overhang = (170 - (210 - marginMm.left - marginMm.right)) / 2;
  const lineEnd = (side: 'left' | 'right') =>
    `@${side}-top { content: ""; background: ${image('thick-first')} no-repeat ${side === 'left' ? 'right' : 'left'} 0 top ${linesTop.toFixed(3)}mm / ${overhang.toFixed(3)}mm ${LETTER_LINES_MM}mm; }`;
  return `@page gw-letter:first {
  @bottom-left { content: none; }
  @bottom-right { content: none; }
  @top-center {
    content: ${cssString(mark)}; vertical-align: top; text-align: center; white-space: nowrap;
    padding-top: calc(30mm - ${(markSizePt * MARK_INK_TOP).toFixed(3)}pt);
    font-family: ${fontStack}; font-weight: 700; font-size: ${markSizePt}pt; line-height: 1; letter-spacing: 0; color: #e60012;
  }
  ${lineEnd('left')}
  ${lineEnd('right')}
  @bottom-center {
    content: ""; margin: 0 -${overhang.toFixed(3)}mm; padding: 0;
    background: ${image('thin-first')} no-repeat left 0 top ${(marginMm.bottom - 20).toFixed(3)}mm / 170mm ${LETTER_LINES_MM}mm;
  }
}`;
}
