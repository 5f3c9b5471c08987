/**
 * Character formatting and the role names of styles, shared by the style map and the run
 * handler: bold, italic, strike, sub/superscript from character styles (ours, see
 * `render/docx/style-ids.ts`, and Word's built-in names) and from direct formatting.
 */
import type { Element } from '@xmldom/xmldom';
import type { CharacterStyleId, ParagraphStyleId } from '../../render/docx/style-ids.ts';
import { attribute, childElement, childValue, toggle } from './xml.ts';

/** Formatting Markdown can hold. */
export interface Marks {
  strong?: boolean;
  emphasis?: boolean;
  strike?: boolean;
  subscript?: boolean;
  superscript?: boolean;
  code?: boolean;
  keyboard?: boolean;
}

/** What the writer's character styles mean (the names it writes; see `style-ids.ts`). */
export const CHARACTER_STYLE_MARKS: Partial<Record<CharacterStyleId, keyof Marks>> = {
  Strong: 'strong',
  Emphasis: 'emphasis',
  Strikethrough: 'strike',
  Subscript: 'subscript',
  Superscript: 'superscript',
  InlineCode: 'code',
  Keyboard: 'keyboard',
};

/** Paragraph styles with a role in the Markdown (our ids; built-in names are matched in `paragraphRole`). */
export const ROLE_STYLES = {
  title: 'Title',
  subtitle: 'Subtitle',
  speaker: 'Speaker',
  author: 'Author',
  date: 'Date',
  code: 'SourceCode',
  figure: 'Figure',
  caption: 'Caption',
  tableCaption: 'TableCaption',
  rule: 'HorizontalRule',
  tocHeading: 'TOCHeading',
  footnote: 'FootnoteText',
} as const satisfies Record<string, ParagraphStyleId>;

/** Later marks win over earlier ones, key by key. */
export function mergeMarks(base: Marks, over: Marks): Marks {
  const result: Marks = { ...base };
  for (const [key, value] of Object.entries(over) as [keyof Marks, boolean | undefined][]) if (value !== undefined) result[key] = value;
  return result;
}

/** The marks direct run properties (`w:rPr`) set or clear. */
export function marksOfRunProperties(rPr: Element | undefined): Marks {
  const marks: Marks = {};
  if (rPr === undefined) return marks;
  const bold = toggle(rPr, 'w:b') ?? toggle(rPr, 'w:bCs');
  if (bold !== undefined) marks.strong = bold;
  const italic = toggle(rPr, 'w:i') ?? toggle(rPr, 'w:iCs');
  if (italic !== undefined) marks.emphasis = italic;
  const strike = toggle(rPr, 'w:strike') ?? toggle(rPr, 'w:dstrike');
  if (strike !== undefined) marks.strike = strike;
  const vertical = childValue(rPr, 'w:vertAlign');
  if (vertical !== undefined) {
    marks.superscript = vertical === 'superscript';
    marks.subscript = vertical === 'subscript';
  } else {
    // LibreOffice writes HTML's sub and sup as a raised or lowered position.
    const position = Number(childValue(rPr, 'w:position') ?? '0');
    if (position > 0) marks.superscript = true;
    if (position < 0) marks.subscript = true;
  }
  return marks;
}

const HEADING_NAME = /^(?:heading|标题|標題|überschrift|titre|título|titolo|заголовок|見出し)\s*(\d)$/iu;

/**
 * The heading level a style's id or name gives: `Heading1`/`heading 1`, localized names such as
 * `标题 1`, and the numeric ids (`1`, `2`) a Chinese Word writes for its heading styles.
 */
export function headingLevelOfName(id: string, name: string): number | undefined {
  for (const candidate of [name, id]) {
    const match = HEADING_NAME.exec(candidate.trim());
    if (match) return Number(match[1]);
  }
  const numeric = /^([1-9])$/.exec(id);
  if (numeric && (name === id || HEADING_NAME.test(name))) return Number(numeric[1]);
  return undefined;
}

/** East Asian (else ASCII) font a run's properties name. */
export function fontOf(rPr: Element | undefined): string | undefined {
  const fonts = childElement(rPr, 'w:rFonts');
  return attribute(fonts, 'w:eastAsia') ?? attribute(fonts, 'w:ascii') ?? attribute(fonts, 'w:hAnsi');
}

/** Font size in half points (`w:sz`). */
export function sizeOf(rPr: Element | undefined): number | undefined {
  const size = childValue(rPr, 'w:sz') ?? childValue(rPr, 'w:szCs');
  return size === undefined || !/^\d+$/.test(size) ? undefined : Number(size);
}
