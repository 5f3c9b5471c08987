import type { Template } from '../../template/load-template.ts';
import type { CharacterStyleId, ParagraphStyleId } from './style-ids.ts';
import type { CalloutKind } from '../../util/callout-kinds.ts';

/** A font role of a template (`template.fonts.<role>`): body, heading1, heading2, title, song, mono. */
export type FontRoleName = keyof Template['fonts'];

/** Paragraph alignment as a template writes it (`both` = justified). */
export type StyleAlignment = 'left' | 'center' | 'right' | 'both';

/** Line spacing of a paragraph style: an exact height, or a multiple of single spacing. */
export type LineSpacing = { exactPt: number } | { multiple: number };

/** A paragraph style, as template data (turned into Word style XML by `buildStyles`). */
export interface ParagraphStyleSpec {
  /** Name shown in Word's style gallery. */
  name: string;
  basedOn?: ParagraphStyleId;
  /** Style of the paragraph Word starts after this one when the user presses Enter. */
  next?: ParagraphStyleId;
  font?: FontRoleName;
  sizePt?: number;
  bold?: boolean;
  italic?: boolean;
  /** Hex colour without `#`. */
  color?: string;
  align?: StyleAlignment;
  /** First-line indent in characters (2 = two characters); 0 removes an inherited one. */
  firstLineChars?: number;
  /** Left and right indents in characters of the body size. */
  leftChars?: number;
  /** A hanging indent in characters: the lines after the first start this far in (a bibliography's `[1]` entries). */
  hangingChars?: number;
  rightChars?: number;
  line?: LineSpacing;
  beforePt?: number;
  afterPt?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  /** Outline level, 0-based (Heading 1 is 0): what the navigation pane and TOC fields read. */
  outlineLevel?: number;
  /** Background fill, hex without `#`. */
  shading?: string;
  /** A rule under the paragraph (thematic break) or a box around it. */
  border?: 'bottom' | 'box';
  /** Colour of the border's rules, hex without `#` (default: automatic, black). */
  borderColor?: string;
  /** Letter spacing in points (negative condenses), as the print stylesheet's `letter-spacing`. */
  letterSpacingPt?: number;
  /**
   * `false`: the paragraph does not snap to the document grid; its characters take their own
   * width plus `letterSpacingPt`, and its lines their exact spacing (`w:snapToGrid w:val="0"`).
   */
  snapToGrid?: boolean;
}

/** A character style, as template data. */
export interface CharacterStyleSpec {
  name: string;
  font?: FontRoleName;
  sizePt?: number;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  color?: string;
  superScript?: boolean;
  subScript?: boolean;
  /** Background fill behind the text (Word ignores highlighting in styles), hex without `#`. */
  shading?: string;
}

/** Front-matter fields the document can show, each in the paragraph style of the same role. */
export type MetaField = 'title' | 'subtitle' | 'speaker' | 'author' | 'date';

/** How page numbers are written in the footer. */
export interface FooterSpec {
  /** `dashes`: `— 1 —` (GB/T 9704); `plain`: the number alone. */
  format: 'dashes' | 'plain';
  /** Different footers on odd (right) and even (left) pages. */
  oddEvenSides: boolean;
  /** Distance from the bottom edge of the page to the footer's last line, in mm. */
  distanceMm: number;
}

/**
 * The Word side of a template: page grid, title block, footer and the styles every paragraph
 * and run is written in. Values that the PDF and HTML share (page margins, fonts, body size,
 * line height) stay in `template.json`; a template's `word-styles.ts` derives this from them.
 */
export interface WordProfile {
  /** Document grid of the section, "lines" type: the line pitch in twips (GB/T 9704: 579). */
  gridLinePitchTwips?: number;
  /**
   * Characters per line of the document grid (GB/T 9704: 28): with a line pitch, the grid becomes
   * "linesAndChars" and its character pitch fits this many body-size characters into the type area.
   */
  gridCharsPerLine?: number;
  /** Which front-matter fields open the document, in order. */
  titleBlock: readonly MetaField[];
  /** Which front-matter fields close it (the issuer's signature and date), in order. */
  closingBlock: readonly MetaField[];
  footer: FooterSpec;
  /** Indent of each list level, in characters of the body size. */
  listIndentChars: number;
  /** Left indent added per block-quote nesting level, in characters. */
  quoteIndentChars: number;
  /** Colour of each callout kind's frame, hex without `#`. */
  calloutBorders: Record<CalloutKind, string>;
  paragraph: Record<ParagraphStyleId, ParagraphStyleSpec>;
  character: Record<CharacterStyleId, CharacterStyleSpec>;
}

/** A template's Word profile, computed from its data. */
export type WordProfileFactory = (template: Template) => WordProfile;
