/**
 * Where the 公文 elements of GB/T 9704-2012 sit in the Word file, in twips, so that the Word
 * edition puts them where the print edition (templates/gongwen/print.css) does.
 *
 * Word and LibreOffice lay a line of exact height out with its baseline four fifths down the
 * line; the print edition's distances are between glyphs (the 标志's top, the 发文字号's bottom)
 * and between line boxes (the blank lines). Each distance below is turned into a paragraph's
 * exact line height and spacing before.
 */
import type { Template } from '../../template/load-template.ts';
import type { GongwenFormat } from '../../gongwen/meta.ts';
import { LETTER_LINES_MM, textUnits } from '../../gongwen/html.ts';
import { letterLinesTopMm } from '../../gongwen/letter-page.ts';
import { A4_MM, mmToTwips, ptToTwips } from './units.ts';

/** Where Word and LibreOffice put the baseline of a line of exact height: this share of it from its top (LibreOffice gives a fixed line an ascent of 4/5; measured on its PDF). */
export const BASELINE_SHARE = 0.8;
/**
 * From the baseline up to the top of the 标志's glyphs, per point of its size: the print face's
 * (Noto Serif SC Bold: ascent 1.151 and descent 0.286 put the baseline 0.9325 down a line of
 * height 1, and print.css's `--gw-mark-ink` puts the ink 0.057 down it).
 */
export const MARK_INK_ASCENT = 0.8755;
/** From the top of the 标志's glyphs to the bottom of its line box in print (line height 1), per point of its size. */
const MARK_BOX_BELOW_INK = 1 - 0.057;
/** The 标志's exact line height, per point of its size: room above its glyphs, so neither Word nor LibreOffice clips them. */
export const MARK_LINE_SHARE = 1.4;
/** The bottom of 16 pt text below its baseline (print.css: glyphs end 22.46 pt down the line, the baseline is 21.40 pt down). */
const TEXT_INK_DESCENT_PT = 1.06;
/** The 标志's top edge below the type area's top edge (GB/T 9704 7.2.4; 纪要 likewise). */
export const MARK_TOP_MM = 35;
/** A 命令's 标志 (…令): its top edge this far below the type area's top edge (GB/T 9704 10.2). */
export const ORDER_MARK_TOP_MM = 20;
/** The red separator's distance under the 发文字号's glyphs (GB/T 9704 7.2.7). */
export const RULE_GAP_MM = 4;
/** The separator's weight in eighths of a point (`w:sz`): 1 pt, as print.css draws it. */
export const RULE_SIZE_EIGHTHS = 8;
/** The 印章's width (and height: it is fitted into a square), as print.css sets it. */
export const SEAL_MM = 42;
/** The 印章's centre above the bottom of the 署名's line, as print.css sets it (the 署名 and date in its lower half). */
export const SEAL_CENTRE_ABOVE_MM = 3;
/** Blank lines above the 署名: one without a seal, two with one (print.css: the seal's top within a line of the text). */
export const SIGN_OFF_BLANK_LINES = { sealed: 2, unsealed: 1 } as const;

/** The 标志's size as Word writes it (in half points) for the print edition's `issuerMarkSizePt`. */
export function wordMarkSizePt(printSizePt: number): number {
  return Math.round(printSizePt * 2) / 2;
}

/** The 版头's spacing: each value in twips. */
export interface HeadGeometry {
  /** Exact line height of the 发文机关标志. */
  markLine: number;
  /** Spacing before the 标志: its glyphs' top {@link MARK_TOP_MM} below the type area's top. */
  markBefore: number;
  /** Spacing before the 发文字号: its line two blank lines under the 标志's line box. */
  numberBefore: number;
  /** Distance from the 发文字号's line to the separator under it, whole points (`w:space` of its bottom border). */
  ruleSpacePt: number;
}

/**
 * The 版头's spacing for a 标志 of `markSizePt`, after `marksLines` lines of 份号, 密级 and
 * 紧急程度 (each one line of the body's pitch), the 标志's glyphs `markTopMm` under the type
 * area's top (35 mm; a 命令's 20 mm).
 */
export function headGeometry(template: Template, markSizePt: number, marksLines: number, markTopMm = MARK_TOP_MM): HeadGeometry {
  const line = template.lineHeightPt;
  const markLine = markSizePt * MARK_LINE_SHARE;
  const markTop = (markTopMm / 25.4) * 72;
  // The 标志's glyphs start `BASELINE_SHARE * markLine - MARK_INK_ASCENT * size` down its line.
  const markBefore = markTop - marksLines * line - (BASELINE_SHARE * markLine - MARK_INK_ASCENT * markSizePt);
  const markBottom = markTop + (1 - BASELINE_SHARE) * markLine + MARK_INK_ASCENT * markSizePt;
  const numberTop = markTop + MARK_BOX_BELOW_INK * markSizePt + 2 * line;
  const ruleBelowLine = BASELINE_SHARE * line + TEXT_INK_DESCENT_PT + (RULE_GAP_MM / 25.4) * 72 - line;
  return {
    markLine: ptToTwips(markLine),
    markBefore: Math.max(0, ptToTwips(markBefore)),
    numberBefore: Math.max(0, ptToTwips(numberTop - markBottom)),
    ruleSpacePt: Math.max(0, Math.round(ruleBelowLine)),
  };
}

/** Width of the type area in twips. */
export function typeWidthTwips(template: Template): number {
  const margin = template.page.marginMm;
  return mmToTwips(A4_MM.width - margin.left - margin.right);
}

/** Twips of `units` characters of the body size. */
export function charTwips(template: Template, units: number): number {
  return Math.round(units * ptToTwips(template.bodySizePt));
}

/** How one line of the 署名 and 成文日期 is set: alignment and indents, twips. */
export interface SignOffLine {
  alignment: 'left' | 'center' | 'right';
  left: number;
  right: number;
}

/** How the 署名 (each of them) and the 成文日期 are set. */
export interface SignOffLayout {
  signature: SignOffLine;
  date: SignOffLine;
}

/** The space Word puts between a Chinese character and a Latin letter or digit next to it (`w:autoSpaceDE`, `w:autoSpaceDN`, on by default), in characters. */
const WORD_AUTOSPACE_UNITS = 0.25;

/**
 * Width of a line of text as Word sets it, in characters of its size: a half-width character
 * counts half, and each meeting of a Chinese character with a Latin letter or digit adds the space
 * Word puts there (`2024年1月20日`: 6.5 characters and five such spaces).
 */
export function wordTextUnits(text: string): number {
  const chars = Array.from(text);
  let meetings = 0;
  for (let index = 1; index < chars.length; index++) {
    const pair = [chars[index - 1] ?? '', chars[index] ?? ''];
    const han = pair.map((char) => /\p{Script=Han}/u.test(char));
    const latin = pair.map((char) => /[A-Za-z0-9]/.test(char));
    if ((han[0] === true && latin[1] === true) || (latin[0] === true && han[1] === true)) meetings++;
  }
  return textUnits(text) + meetings * WORD_AUTOSPACE_UNITS;
}

/** The 署名 and 成文日期's box, as print.css sets it: its width in characters and its right edge's distance from the type area's. */
export interface SignOffBox {
  units: number;
  rightUnits: number;
}

/**
 * The box of the 署名 and 成文日期 (GB/T 9704 7.3.5), as print.css sets it: without a seal two
 * characters in from the right, as wide as the longest 署名 or the date with two characters
 * before it; with a seal four characters in, as wide as the longest line. Texts are measured in
 * characters of the body size as Word sets them (`wordTextUnits`), without letter spacing.
 */
export function signOffBox(signatures: readonly string[], date: string | undefined, sealed: boolean): SignOffBox {
  const signatureUnits = Math.max(0, ...signatures.map(wordTextUnits));
  const dateUnits = date === undefined ? 0 : wordTextUnits(date);
  return sealed ? { units: Math.max(signatureUnits, dateUnits), rightUnits: 4 } : { units: Math.max(signatureUnits, date === undefined ? 0 : dateUnits + 2), rightUnits: 2 };
}

/**
 * Where the 署名 and the 成文日期 go, as print.css sets them in their box (`signOffBox`). Without a
 * seal each 署名 ends two characters in from the right, and the date starts two characters right
 * of the 署名's start (a date longer than that ends two characters in too). With a seal each line
 * is centred in the box (a date longer than the 署名 ends four characters in).
 *
 * The 署名 (Chinese characters, whose width every face agrees on) may be placed by its centre;
 * the date, whose digits are as wide as the face makes them, is placed by its end and has the
 * whole line's room: a face with wider digits moves its start, never wraps it.
 */
export function signOffLayout(template: Template, signatures: readonly string[], date: string | undefined, sealed: boolean): SignOffLayout {
  const width = typeWidthTwips(template);
  const box = signOffBox(signatures, date, sealed);
  const dateUnits = date === undefined ? 0 : wordTextUnits(date);
  if (sealed) {
    // Centred in the box widened by two characters on each side: room for a wider face, the same centre.
    return {
      signature: { alignment: 'center', left: Math.max(0, width - charTwips(template, box.rightUnits + box.units + 2)), right: charTwips(template, box.rightUnits - 2) },
      date: { alignment: 'right', left: 0, right: charTwips(template, box.rightUnits + (box.units - dateUnits) / 2) },
    };
  }
  return {
    signature: { alignment: 'right', left: 0, right: charTwips(template, box.rightUnits) },
    date: { alignment: 'right', left: 0, right: charTwips(template, box.rightUnits + box.units - 2 - dateUnits) },
  };
}

/** EMUs in one point (the unit of DrawingML offsets and sizes). */
const EMU_PER_PT = 12700;

/** The 印章's size and place, EMUs: from the left margin and from the top of the paragraph it is anchored in. */
export interface SealPlacement {
  width: number;
  height: number;
  x: number;
  y: number;
}

/**
 * The 印章 as print.css places it: fitted into a square of {@link SEAL_MM}, centred across the box
 * of the 署名 and 成文日期 (`signOffBox`), its centre {@link SEAL_CENTRE_ABOVE_MM} above the bottom
 * of the box's first line — measured here from the top of the box's last line (`lines` lines in
 * all), the paragraph it is anchored in.
 */
export function sealPlacement(template: Template, pixelWidth: number, pixelHeight: number, box: SignOffBox, lines: number): SealPlacement {
  const mmPt = (mm: number) => (mm / 25.4) * 72;
  const scale = mmPt(SEAL_MM) / Math.max(pixelWidth, pixelHeight, 1);
  const widthPt = pixelWidth * scale;
  const heightPt = pixelHeight * scale;
  const line = template.lineHeightPt;
  const centreX = typeWidthTwips(template) / 20 - template.bodySizePt * (box.rightUnits + box.units / 2);
  const centreY = -(lines - 1) * line + line - mmPt(SEAL_CENTRE_ABOVE_MM);
  return {
    width: Math.round(widthPt * EMU_PER_PT),
    height: Math.round(heightPt * EMU_PER_PT),
    x: Math.round((centreX - widthPt / 2) * EMU_PER_PT),
    y: Math.round((centreY - heightPt / 2) * EMU_PER_PT),
  };
}

/** The 附件说明's indents and tab stop, twips. */
export interface AttachmentNoteGeometry {
  /** Where the names start, and their later lines: the paragraph's left indent. */
  nameStart: number;
  /** The first line's start (two characters in): the hanging indent is `nameStart` less this. */
  firstLine: number;
  /** Where the numbers of the later names stand: a left tab stop under the first number. */
  numberStart: number;
}

/** The body's letter spacing in twips (negative: condensed), which the 附件说明 keeps. */
function letterSpacingTwips(spacingPt: number): number {
  return Math.round(spacingPt * 20);
}

/**
 * The 附件说明 (GB/T 9704 7.3.3): `附件：` two characters in, the names after it, each name's later
 * lines and the later names aligned under the first name. Widths are those of the body's
 * characters with its letter spacing: `附件：` is three full-width characters, a number such as
 * `1.` is set in the Latin face (a digit half a character, the full stop a quarter).
 */
export function attachmentNoteGeometry(template: Template, count: number, letterSpacingPt: number): AttachmentNoteGeometry {
  const char = ptToTwips(template.bodySizePt);
  const spacing = letterSpacingTwips(letterSpacingPt);
  const firstLine = 2 * char;
  const numberStart = firstLine + 3 * (char + spacing);
  // The first number's width (`1.`): a digit and the full stop, each with the letter spacing. A
  // single attachment has no number. Numbers of two digits push their names on, as in print.
  const numberWidth = count > 1 ? char / 2 + spacing + (char / 4 + spacing) : 0;
  return { nameStart: Math.round(numberStart + numberWidth), firstLine, numberStart };
}

/** A 信函's 标志: its glyphs' top this far from the page's top edge (GB/T 9704 10.3). */
export const LETTER_MARK_TOP_MM = 30;
/** A 信函's double lines: 170 mm wide, centred on the type area. */
export const LETTER_LINES_WIDTH_MM = 170;
/** The lower double line's top above the page's bottom edge (print.css: 20 mm). */
export const LETTER_FOOT_LINES_MM = 20;
/** The double line's thick and thin lines and the gap between them, mm, as the print draws them (pipeline/gongwen/html.ts: 1.5 pt, 0.5 pt, 1 pt apart). */
export const LETTER_THICK_MM = 0.53;
export const LETTER_THIN_MM = 0.18;
export const LETTER_GAP_MM = 0.35;
/** From the bottom of the upper double line to the first line box of the 份号, 密级, 紧急程度 and 发文字号 (print.css `--gw-under-lines`). */
const LETTER_UNDER_LINES_MM = 3;

/** One red bar of a double line: its top from the page's top edge and its height, mm. */
export interface LetterBar {
  topMm: number;
  heightMm: number;
}

/** The 信函's first page, in the units each part is written in. */
export interface LetterGeometry {
  /** The 标志's text box, EMUs from the page's top-left corner: as wide as the type area, as tall as the 标志's line. */
  mark: { x: number; y: number; width: number; height: number };
  /** The 标志's exact line height, twips (its glyphs' top {@link LETTER_MARK_TOP_MM} from the page's top, measured from the box's top). */
  markLine: number;
  /** The double lines' left edge from the page's left edge, mm (170 mm wide, centred on the type area). */
  linesLeftMm: number;
  /** The upper double line (thick, then thin) 4 mm under the 标志's glyphs, and the lower one (thin, then thick) {@link LETTER_FOOT_LINES_MM} from the page's foot. */
  upper: [LetterBar, LetterBar];
  lower: [LetterBar, LetterBar];
  /** Spacing before the first line of the 版头 under the upper double line (份号, or the 发文字号 alone), twips from the type area's top. */
  headBefore: number;
}

/** EMUs in a millimetre. */
const EMU_PER_MM = 36000;

/**
 * The 信函's 标志 and double lines (GB/T 9704 10.3) as the print edition places them
 * (print.css and pipeline/gongwen/letter-page.ts): the 标志's glyphs 30 mm from the page's top,
 * the upper double line 4 mm under them, the 版头's lines 3 mm under it, the lower double line
 * 20 mm from the page's foot.
 */
export function letterGeometry(template: Template, markSizePt: number): LetterGeometry {
  const margin = template.page.marginMm;
  const mmPt = (mm: number) => (mm / 25.4) * 72;
  const markLine = markSizePt * MARK_LINE_SHARE;
  const boxTopPt = mmPt(LETTER_MARK_TOP_MM) - (BASELINE_SHARE * markLine - MARK_INK_ASCENT * markSizePt);
  const upperTop = letterLinesTopMm(markSizePt);
  const lowerTop = A4_MM.height - LETTER_FOOT_LINES_MM;
  const bars = (top: number, first: number, second: number): [LetterBar, LetterBar] => [
    { topMm: top, heightMm: first },
    { topMm: top + first + LETTER_GAP_MM, heightMm: second },
  ];
  return {
    mark: {
      x: Math.round(margin.left * EMU_PER_MM),
      y: Math.round(boxTopPt * EMU_PER_PT),
      width: Math.round((A4_MM.width - margin.left - margin.right) * EMU_PER_MM),
      height: Math.round(markLine * EMU_PER_PT),
    },
    markLine: ptToTwips(markLine),
    linesLeftMm: margin.left + (A4_MM.width - margin.left - margin.right - LETTER_LINES_WIDTH_MM) / 2,
    upper: bars(upperTop, LETTER_THICK_MM, LETTER_THIN_MM),
    lower: bars(lowerTop, LETTER_THIN_MM, LETTER_THICK_MM),
    headBefore: Math.max(0, mmToTwips(upperTop + LETTER_LINES_MM + LETTER_UNDER_LINES_MM - margin.top)),
  };
}

/** Where a format puts its 标志: a 信函's in a text box on the page, the others' in the flow this far under the type area's top. */
export function markTopMm(format: GongwenFormat): number {
  return format === '命令' ? ORDER_MARK_TOP_MM : MARK_TOP_MM;
}

/** The 出席, 请假 and 列席 lines' indents (GB/T 9704 10.4), twips. */
export interface AttendanceGeometry {
  /** Where the names start, and their later lines: the paragraph's left indent. */
  nameStart: number;
  /** The label's start, two characters in: the hanging indent is `nameStart` less this. */
  firstLine: number;
}

/**
 * The 出席, 请假 and 列席 lines of a 纪要: the label (`出席：`, three full-width characters with the
 * body's letter spacing) two characters in, the names after it, their later lines under the first name.
 */
export function attendanceGeometry(template: Template, letterSpacingPt: number): AttendanceGeometry {
  const char = ptToTwips(template.bodySizePt);
  const firstLine = 2 * char;
  return { nameStart: firstLine + 3 * (char + letterSpacingTwips(letterSpacingPt)), firstLine };
}
