import type { Template } from '../../pipeline/template/load-template.ts';
import type { WordProfile } from '../../pipeline/render/docx/word-profile.ts';

/** GB/T 9704: page numbers sit 7 mm below the type area, in 4号 (14 pt) Song. */
const PAGE_NUMBER_GAP_MM = 7;
const PAGE_NUMBER_SIZE_PT = 14;
/** GB/T 9704: 22 lines of 28 characters. */
const CHARS_PER_LINE = 28;
/**
 * The body's letter spacing, as in print.css: 28 characters of 16 pt condensed by 0.25 pt fill
 * 441 of the type area's 442.2 pt.
 */
const LETTER_SPACING_PT = -0.25;

/**
 * Word styles of the `gov-report` template (GB/T 9704-2012): a "linesAndChars" document grid with
 * the template's line pitch and 28 characters a line, a 3号 FangSong body with exact line spacing, two-character first-line
 * indents and justified lines; 黑体 and 楷体 headings written as the source numbers them;
 * a 2号 title; `— n —` page numbers outside on odd and even pages.
 */
export function govReportWordProfile(template: Template): WordProfile {
  const body = template.bodySizePt;
  const line = { exactPt: template.lineHeightPt };
  const numberLineMm = (PAGE_NUMBER_SIZE_PT / 72) * 25.4;
  const heading = { basedOn: 'Normal', next: 'Normal', sizePt: body, bold: false, keepNext: true, keepLines: true } as const;
  return {
    gridLinePitchTwips: Math.round(template.lineHeightPt * 20),
    gridCharsPerLine: CHARS_PER_LINE,
    titleBlock: ['title', 'subtitle', 'speaker'],
    closingBlock: ['author', 'date'],
    footer: {
      format: 'dashes',
      oddEvenSides: true,
      distanceMm: Math.round((template.page.marginMm.bottom - PAGE_NUMBER_GAP_MM - numberLineMm) * 10) / 10,
    },
    listIndentChars: 2,
    quoteIndentChars: 2,
    // The 公文 is printed in one colour: every callout framed in black, as in print.css.
    calloutBorders: { note: '000000', tip: '000000', important: '000000', warning: '000000', caution: '000000' },
    paragraph: {
      // The grid is declared (Word's page setup shows 22 lines of 28 characters), but text does not
      // snap to it: 28 characters of 16 pt do not fit 28 cells of 15.79 pt, and where Word and
      // WPS squeeze each character into its cell, LibreOffice gives it two cells (14 a line).
      // Condensed by the print edition's letter spacing, 28 characters fit without the grid in
      // every client; the exact line spacing is the grid's line pitch anyway.
      // Titles, tables, captions, notes, code and page numbers are set without it, as in print.css.
      Normal: { name: 'Normal', font: 'body', sizePt: body, align: 'both', firstLineChars: 2, line, beforePt: 0, afterPt: 0, letterSpacingPt: LETTER_SPACING_PT, snapToGrid: false },
      Title: { name: 'Title', letterSpacingPt: 0, basedOn: 'Normal', next: 'Subtitle', font: 'title', sizePt: 22, align: 'center', firstLineChars: 0, afterPt: template.lineHeightPt, keepNext: true },
      Subtitle: { name: 'Subtitle', letterSpacingPt: 0, basedOn: 'Normal', next: 'Speaker', font: 'heading2', align: 'center', firstLineChars: 0, keepNext: true },
      Speaker: { name: 'Speaker', letterSpacingPt: 0, basedOn: 'Normal', next: 'Normal', font: 'heading2', align: 'center', firstLineChars: 0, afterPt: template.lineHeightPt, keepNext: true },
      // Signature and date (GB/T 9704 7.3.5): right-aligned, the date four characters in from the right margin.
      Author: { name: 'Author', basedOn: 'Normal', next: 'Date', align: 'right', firstLineChars: 0, rightChars: 4, beforePt: template.lineHeightPt * 2, keepNext: true },
      Date: { name: 'Date', basedOn: 'Normal', next: 'Normal', align: 'right', firstLineChars: 0, rightChars: 4 },
      Heading1: { name: 'heading 1', ...heading, font: 'heading1', outlineLevel: 0 },
      Heading2: { name: 'heading 2', ...heading, font: 'heading2', outlineLevel: 1 },
      Heading3: { name: 'heading 3', ...heading, font: 'body', outlineLevel: 2 },
      Heading4: { name: 'heading 4', ...heading, font: 'body', outlineLevel: 3 },
      Heading5: { name: 'heading 5', ...heading, font: 'body', outlineLevel: 4 },
      Heading6: { name: 'heading 6', ...heading, font: 'body', outlineLevel: 5 },
      Quote: { name: 'Quote', basedOn: 'Normal', font: 'heading2', leftChars: 2 },
      // Callouts: a black frame around the title (黑体) and the text, which keeps its indents.
      Callout: { name: 'Callout', basedOn: 'Normal', border: 'box', leftChars: 0.5, rightChars: 0.5 },
      CalloutTitle: { name: 'Callout Title', basedOn: 'Callout', font: 'heading1', firstLineChars: 0, keepNext: true },
      // Definition lists: the term in 黑体, flush left; its definition indented two characters.
      DefinitionTerm: { name: 'Definition Term', basedOn: 'Normal', next: 'Definition', font: 'heading1', firstLineChars: 0, keepNext: true },
      Definition: { name: 'Definition', basedOn: 'Normal', next: 'DefinitionTerm', firstLineChars: 0, leftChars: 2 },
      SourceCode: { name: 'Source Code', letterSpacingPt: 0, basedOn: 'Normal', font: 'mono', sizePt: body - 4, align: 'left', firstLineChars: 0, line: { exactPt: 20 }, shading: 'F2F2F2' },
      // Display equations: centred, not indented like body text.
      // Single spacing (at least a line), not the body's exact pitch, which would cut tall formulas off.
      Equation: { name: 'Equation', basedOn: 'Normal', next: 'Normal', align: 'center', firstLineChars: 0, line: { multiple: 1 } },
      Figure: { name: 'Figure', letterSpacingPt: 0, basedOn: 'Normal', next: 'Caption', align: 'center', firstLineChars: 0, line: { multiple: 1 }, keepNext: true },
      Caption: { name: 'caption', letterSpacingPt: 0, basedOn: 'Normal', next: 'Normal', sizePt: body - 2, align: 'center', firstLineChars: 0 },
      TableCaption: { name: 'Table Caption', basedOn: 'Caption', next: 'Normal', keepNext: true },
      TableText: { name: 'Table Text', letterSpacingPt: 0, basedOn: 'Normal', sizePt: body - 2, align: 'left', firstLineChars: 0, line: { multiple: 1 } },
      TableHeading: { name: 'Table Heading', basedOn: 'TableText', font: 'heading1', align: 'center', keepNext: true },
      ListParagraph: { name: 'List Paragraph', basedOn: 'Normal', firstLineChars: 0 },
      FootnoteText: { name: 'footnote text', letterSpacingPt: 0, basedOn: 'Normal', sizePt: body - 4, firstLineChars: 0, line: { multiple: 1 } },
      // 参考文献: each entry flush left with a hanging indent for its [1] (no first-line indent), on the body's lines.
      Bibliography: { name: 'Bibliography', basedOn: 'Normal', hangingChars: 2 },
      HorizontalRule: { name: 'Horizontal Rule', basedOn: 'Normal', next: 'Normal', firstLineChars: 0, line: { exactPt: template.lineHeightPt / 2 }, border: 'bottom', afterPt: template.lineHeightPt / 2 },
      Footer: { name: 'footer', letterSpacingPt: 0, basedOn: 'Normal', font: 'song', sizePt: PAGE_NUMBER_SIZE_PT, align: 'right', rightChars: 1, firstLineChars: 0, line: { multiple: 1 } },
      // The contents title, 目录 in 黑体 centred as in print.css; no outline level, so it is no heading.
      TOCHeading: { name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', font: 'heading1', align: 'center', firstLineChars: 0, afterPt: template.lineHeightPt, keepNext: true },
      TOC1: { name: 'toc 1', basedOn: 'Normal', next: 'Normal', align: 'left', firstLineChars: 0 },
      TOC2: { name: 'toc 2', basedOn: 'Normal', next: 'Normal', align: 'left', firstLineChars: 0, leftChars: 2 },
      TOC3: { name: 'toc 3', basedOn: 'Normal', next: 'Normal', align: 'left', firstLineChars: 0, leftChars: 4 },
    },
    character: {
      IndexLink: { name: 'Index Link' },
      Strong: { name: 'Strong', bold: true },
      Emphasis: { name: 'Emphasis', font: 'heading2' },
      Strikethrough: { name: 'Strikethrough', strike: true },
      InlineCode: { name: 'Inline Code', font: 'mono' },
      Keyboard: { name: 'Keyboard', font: 'mono', shading: 'EDEDED' },
      Hyperlink: { name: 'Hyperlink', color: '0563C1', underline: true },
      Subscript: { name: 'Subscript', subScript: true },
      Superscript: { name: 'Superscript', superScript: true },
      Underline: { name: 'Underline', underline: true },
      Highlight: { name: 'Highlight', shading: 'FFFF00' },
      FootnoteReference: { name: 'footnote reference', superScript: true },
    },
  };
}
