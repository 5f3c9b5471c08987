import type { CalloutKind } from '../../util/callout-kinds.ts';

/**
 * Word style ids: the contract between templates and the Word renderer (the same names serve
 * as CSS classes in the HTML). Every paragraph the renderer writes names one of these
 * paragraph styles; inline formatting is one of the character styles.
 */

/** Paragraph styles a template defines for Word. */
export const PARAGRAPH_STYLE_IDS = [
  'Normal',
  'Title',
  'Subtitle',
  'Speaker',
  'Author',
  'Date',
  'Heading1',
  'Heading2',
  'Heading3',
  'Heading4',
  'Heading5',
  'Heading6',
  'Quote',
  'Callout',
  'CalloutTitle',
  'DefinitionTerm',
  'Definition',
  'SourceCode',
  'Equation',
  'Figure',
  'Caption',
  'TableCaption',
  'TableText',
  'TableHeading',
  'ListParagraph',
  'FootnoteText',
  'Bibliography',
  'HorizontalRule',
  'Footer',
  'TOCHeading',
  'TOC1',
  'TOC2',
  'TOC3',
] as const;

/** A paragraph style a template defines. */
export type ParagraphStyleId = (typeof PARAGRAPH_STYLE_IDS)[number];

/** Character styles a template defines for Word. */
export const CHARACTER_STYLE_IDS = [
  'IndexLink',
  'Strong',
  'Emphasis',
  'Strikethrough',
  'InlineCode',
  'Keyboard',
  'Hyperlink',
  'Subscript',
  'Superscript',
  'Underline',
  'Highlight',
  'FootnoteReference',
] as const;

/** A character style a template defines. */
export type CharacterStyleId = (typeof CHARACTER_STYLE_IDS)[number];

/** Id of the table style every table uses (borders, cell margins). */
export const TABLE_STYLE_ID = 'ReportTable';

/** Deepest block-quote nesting with a style of its own (`Quote`, `Quote2`, `Quote3`). */
export const MAX_QUOTE_STYLE_DEPTH = 3;

/** Deepest list level Word numbering has (levels 0 to 8). */
export const MAX_LIST_LEVEL = 8;

/** Paragraph style of a block quote at a nesting depth (1 = outermost). */
export function quoteStyleId(depth: number): string {
  const capped = Math.min(Math.max(depth, 1), MAX_QUOTE_STYLE_DEPTH);
  return capped === 1 ? 'Quote' : `Quote${capped}`;
}

/**
 * Paragraph style of a callout's paragraphs (`CalloutNote`…) or of its title line
 * (`CalloutNoteTitle`…): each kind has its own pair, framed in the kind's colour.
 */
export function calloutStyleId(kind: CalloutKind, title: boolean): string {
  return `Callout${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)}${title ? 'Title' : ''}`;
}

/** Paragraph style of a list item's later paragraphs, indented like the item's text at `level` (0-based). */
export function listContinueStyleId(level: number): string {
  const capped = Math.min(Math.max(level, 0), MAX_LIST_LEVEL);
  return capped === 0 ? 'ListContinue' : `ListContinue${capped + 1}`;
}

/** Paragraph style of the footer on even pages (mirrors `Footer`). */
export const FOOTER_EVEN_STYLE_ID = 'FooterEven';

/** Paragraph style of a heading at an outline level (1-based, capped at 6). */
export function headingStyleId(level: number): ParagraphStyleId {
  const capped = Math.min(Math.max(Math.round(level), 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
  return `Heading${capped}`;
}
