/**
 * The first page of a 信函 (GB/T 9704 10.3) in the Word file: the 标志 and the two red double
 * lines lie outside the type area (the 标志 30 mm from the page's top, the lines 170 mm wide), so
 * they are drawings anchored to the page rather than paragraphs of the flow — the 标志 a text box
 * holding an editable paragraph in the 标志's style, each double line two red bars.
 * They are anchored in the 版头's first paragraph, so they stay on the first page; none of them
 * wraps text (`wrapNone`), so the flow keeps the positions the styles give it.
 */
import { HorizontalPositionRelativeFrom, Paragraph, TextRun, TextWrappingType, VerticalPositionRelativeFrom, type IFloating, type ParagraphChild } from 'docx';
import { ShapeRun } from 'docx/shapes';
import { LETTER_LINES_WIDTH_MM, type LetterBar, type LetterGeometry } from './gongwen-geometry.ts';
import { GONGWEN_RED } from './gongwen-styles.ts';
import { mmToPx } from './units.ts';

/** EMUs in a CSS pixel (the docx library takes drawing sizes in pixels at 96 to the inch) and in a millimetre. */
const EMU_PER_PX = 9525;
const EMU_PER_MM = 36000;

/** Floating at `x`, `y` EMUs from the page's top-left corner, over the text and not wrapping it. */
function onPage(x: number, y: number, zIndex: number): IFloating {
  return {
    horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: x },
    verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: y },
    allowOverlap: true,
    lockAnchor: true,
    behindDocument: false,
    layoutInCell: false,
    wrap: { type: TextWrappingType.NONE },
    zIndex,
  };
}

/**
 * The 标志 as a text box on the page, as wide as the type area, its paragraph (`markStyle`,
 * centred, of the line height the geometry gives) with no inner margins.
 */
function letterMarkRun(geometry: LetterGeometry, mark: string, markStyle: string, drawingId: number): ShapeRun {
  return new ShapeRun({
    type: 'rectangle',
    transformation: { width: geometry.mark.width / EMU_PER_PX, height: geometry.mark.height / EMU_PER_PX },
    fill: 'none',
    line: 'none',
    children: [new Paragraph({ style: markStyle, children: [new TextRun(mark)] })],
    // Unwrapped: a client without 小标宋 sets a wider face, which then runs past the box's sides (still centred) rather than onto a second line.
    textOptions: { verticalAlignment: 'top', margins: { top: 0, right: 0, bottom: 0, left: 0 }, wrap: false },
    floating: onPage(geometry.mark.x, geometry.mark.y, 3),
    altText: { id: String(drawingId), name: '发文机关标志', description: mark, title: '发文机关标志' },
  });
}

/**
 * One double line: its two red bars, 170 mm wide, each a rectangle placed from the page's top-left
 * corner (not a group: the docx library numbers a group's shapes from a counter of the process, and
 * the file must be the same on every build). Decorative, so screen readers skip them; described all
 * the same for checkers that ask every drawing for alt text.
 */
function doubleLine(geometry: LetterGeometry, bars: readonly [LetterBar, LetterBar], name: string, nextDrawingId: () => number): ShapeRun[] {
  return bars.map(
    (bar, index) =>
      new ShapeRun({
        type: 'rectangle',
        transformation: { width: mmToPx(LETTER_LINES_WIDTH_MM), height: mmToPx(bar.heightMm) },
        fill: GONGWEN_RED,
        line: 'none',
        floating: onPage(Math.round(geometry.linesLeftMm * EMU_PER_MM), Math.round(bar.topMm * EMU_PER_MM), 2),
        altText: { id: String(nextDrawingId()), name: `${name}${index + 1}`, description: `${name}（红色，装饰）` },
        decorative: true,
      }),
  );
}

/** The 信函's drawings, anchored in the 版头's first paragraph: the 标志, the upper double line's bars, the lower one's. */
export function letterDrawings(geometry: LetterGeometry, mark: string, markStyle: string, nextDrawingId: () => number): ParagraphChild[] {
  return [letterMarkRun(geometry, mark, markStyle, nextDrawingId()), ...doubleLine(geometry, geometry.upper, '信函上双线', nextDrawingId), ...doubleLine(geometry, geometry.lower, '信函下双线', nextDrawingId)];
}
