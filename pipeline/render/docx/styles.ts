import {
  LeaderType,
  TabStopType,
  type TabStopDefinition,
  AlignmentType,
  BorderStyle,
  LineRuleType,
  ShadingType,
  type IBaseParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';
import type { Template } from '../../template/load-template.ts';
import { CHARACTER_STYLE_IDS, FOOTER_EVEN_STYLE_ID, MAX_LIST_LEVEL, MAX_QUOTE_STYLE_DEPTH, PARAGRAPH_STYLE_IDS, TABLE_STYLE_ID, calloutStyleId, listContinueStyleId, quoteStyleId } from './style-ids.ts';
import { CALLOUT_KINDS } from '../../util/callout-kinds.ts';
import type { CharacterStyleSpec, ParagraphStyleSpec, StyleAlignment, WordProfile } from './word-profile.ts';
import { runFonts } from './fonts.ts';
import { A4_MM, ptToHalfPoints, ptToTwips } from './units.ts';

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.BOTH,
} as const satisfies Record<StyleAlignment, string>;

/** Language settings for the document defaults: East Asian language from `lang` when it is Chinese. */
export function documentLanguage(lang: string): { value: string; eastAsia?: string } {
  return lang.toLowerCase().startsWith('zh') ? { value: 'en-US', eastAsia: lang } : { value: lang };
}

/**
 * Every style the document uses, from the template's Word profile: document defaults (body
 * font, size, language), the paragraph and character styles of the contract in `style-ids.ts`,
 * and the derived ones (deeper quotes, list continuation paragraphs, the even-page footer).
 */
export function buildStyles(template: Template, profile: WordProfile, lang: string): IStylesOptions {
  const build = new StyleBuilder(template);
  const paragraphStyles: IParagraphStyleOptions[] = PARAGRAPH_STYLE_IDS.map((id) => build.paragraph(id, profile.paragraph[id]));
  paragraphStyles.push(...derivedParagraphStyles(profile).map(([id, spec]) => build.paragraph(id, spec)));
  paragraphStyles.push(numberedEquationStyle());
  const contents = contentsTabStops(template);
  const equation = equationTabStops(template);
  const withTabs = paragraphStyles.map((style) =>
    CONTENTS_STYLE_IDS.has(style.id) ? { ...style, paragraph: { ...style.paragraph, tabStops: contents } } : style.id === NUMBERED_EQUATION_STYLE_ID ? { ...style, paragraph: { ...style.paragraph, tabStops: equation } } : style,
  );
  const characterStyles: ICharacterStyleOptions[] = CHARACTER_STYLE_IDS.map((id) => build.character(id, profile.character[id]));
  return {
    default: {
      document: {
        run: { font: runFonts(template, 'body'), size: ptToHalfPoints(template.bodySizePt), language: documentLanguage(lang) },
      },
    },
    paragraphStyles: withTabs,
    characterStyles,
  };
}

/** Paragraph style of a numbered display equation (see {@link numberedEquationStyle}). */
export const NUMBERED_EQUATION_STYLE_ID = 'NumberedEquation';

/**
 * A numbered display equation: the Equation style, set from the left, with the tab stops of
 * {@link equationTabStops} (the usual Word layout: tab, formula, tab, `(1)`).
 */
function numberedEquationStyle(): IParagraphStyleOptions {
  return { id: NUMBERED_EQUATION_STYLE_ID, name: 'Numbered Equation', basedOn: 'Equation', quickFormat: true, paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, left: 0 } } };
}

/** A centre tab stop in the middle of the text, where the formula stands, and a right one at its edge, where the number stands. */
function equationTabStops(template: Template): TabStopDefinition[] {
  const width = textWidthTwips(template);
  return [
    { type: TabStopType.CENTER, position: Math.round(width / 2) },
    { type: TabStopType.RIGHT, position: width },
  ];
}

function textWidthTwips(template: Template): number {
  const margin = template.page.marginMm;
  return Math.round(((A4_MM.width - margin.left - margin.right) / 25.4) * 1440);
}

/** The contents entry styles (`toc 1`–`toc 3`). */
const CONTENTS_STYLE_IDS: ReadonlySet<string> = new Set(['TOC1', 'TOC2', 'TOC3']);

/**
 * The contents styles' page-number tab: right-aligned with a dot leader at the right edge of the
 * template's text. The docx library puts its own at 9025 twips, the A4 width less 1-inch margins,
 * which lies outside gov-report's 156 mm text (8845 twips): LibreOffice then showed no page numbers.
 * The style's stop comes first, so the entry's tab reaches it before the library's.
 */
function contentsTabStops(template: Template): TabStopDefinition[] {
  return [{ type: TabStopType.RIGHT, position: textWidthTwips(template), leader: LeaderType.DOT }];
}

function derivedParagraphStyles(profile: WordProfile): Array<[string, ParagraphStyleSpec]> {
  const derived: Array<[string, ParagraphStyleSpec]> = [];
  const quote = profile.paragraph.Quote;
  for (let depth = 2; depth <= MAX_QUOTE_STYLE_DEPTH; depth++) {
    derived.push([quoteStyleId(depth), { name: `Quote ${depth}`, basedOn: 'Quote', leftChars: (quote.leftChars ?? 0) + profile.quoteIndentChars * (depth - 1) }]);
  }
  for (let level = 0; level <= MAX_LIST_LEVEL; level++) {
    const name = level === 0 ? 'List Continue' : `List Continue ${level + 1}`;
    derived.push([listContinueStyleId(level), { name, basedOn: 'ListParagraph', leftChars: profile.listIndentChars * (level + 1), firstLineChars: 0 }]);
  }
  for (const kind of CALLOUT_KINDS) {
    const color = profile.calloutBorders[kind];
    const name = kind[0]?.toUpperCase() + kind.slice(1);
    derived.push([calloutStyleId(kind, false), { name: `Callout ${name}`, basedOn: 'Callout', border: 'box', borderColor: color }]);
    derived.push([calloutStyleId(kind, true), { name: `Callout ${name} Title`, basedOn: 'CalloutTitle', border: 'box', borderColor: color }]);
  }
  const footer = profile.paragraph.Footer;
  derived.push([
    FOOTER_EVEN_STYLE_ID,
    { name: 'Footer Even', basedOn: 'Footer', ...(footer.align ? { align: mirror(footer.align) } : {}), leftChars: footer.rightChars ?? 0, rightChars: footer.leftChars ?? 0 },
  ]);
  return derived;
}

function mirror(align: StyleAlignment): StyleAlignment {
  if (align === 'right') return 'left';
  if (align === 'left') return 'right';
  return align;
}

/** Turns style specs into docx style options; character-based lengths use the template's body size. */
export class StyleBuilder {
  constructor(private readonly template: Template) {}

  /** A paragraph style: run properties, alignment, indents (characters → twips and `firstLineChars`), spacing. */
  paragraph(id: string, spec: ParagraphStyleSpec): IParagraphStyleOptions {
    const options: IParagraphStyleOptions = {
      id,
      name: spec.name,
      quickFormat: true,
      ...(spec.basedOn !== undefined && spec.basedOn !== id ? { basedOn: spec.basedOn } : {}),
      ...(spec.next !== undefined ? { next: spec.next } : {}),
      run: { ...this.run(spec), ...(spec.letterSpacingPt !== undefined ? { characterSpacing: ptToTwips(spec.letterSpacingPt) } : {}) },
      paragraph: this.paragraphProperties(spec),
    };
    return options;
  }

  /** A character style. */
  character(id: string, spec: CharacterStyleSpec): ICharacterStyleOptions {
    return { id, name: spec.name, uiPriority: 1, run: this.characterRun(spec) };
  }

  /** Run properties shared by paragraph and character styles: font, size, weight, slant, colour. */
  run(spec: CharacterStyleSpec | ParagraphStyleSpec): IRunStylePropertiesOptions {
    return {
      ...(spec.font !== undefined ? { font: runFonts(this.template, spec.font) } : {}),
      ...(spec.sizePt !== undefined ? { size: ptToHalfPoints(spec.sizePt) } : {}),
      ...(spec.bold !== undefined ? { bold: spec.bold, boldComplexScript: spec.bold } : {}),
      ...(spec.italic !== undefined ? { italics: spec.italic, italicsComplexScript: spec.italic } : {}),
      ...(spec.color !== undefined ? { color: spec.color } : {}),
    };
  }

  /** Run properties of a character style (also applied directly when marks nest, see `marks.ts`). */
  characterRun(spec: CharacterStyleSpec): IRunStylePropertiesOptions {
    return {
      ...this.run(spec),
      ...(spec.strike !== undefined ? { strike: spec.strike } : {}),
      ...(spec.underline ? { underline: {} } : {}),
      ...(spec.superScript ? { superScript: true } : {}),
      ...(spec.subScript ? { subScript: true } : {}),
      ...(spec.shading !== undefined ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: spec.shading } } : {}),
    };
  }

  private paragraphProperties(spec: ParagraphStyleSpec): NonNullable<IBaseParagraphStyleOptions['paragraph']> {
    const charTwips = ptToTwips(this.template.bodySizePt);
    const indent = {
      ...(spec.firstLineChars !== undefined && spec.hangingChars === undefined ? { firstLineChars: Math.round(spec.firstLineChars * 100), firstLine: Math.round(spec.firstLineChars * charTwips) } : {}),
      ...(spec.leftChars !== undefined ? { left: Math.round(spec.leftChars * charTwips) } : {}),
      // A hanging indent: the first line starts at the left indent less it (`w:hanging`, never with a first-line indent).
      ...(spec.hangingChars !== undefined ? { left: Math.round(((spec.leftChars ?? 0) + spec.hangingChars) * charTwips), hanging: Math.round(spec.hangingChars * charTwips), firstLineChars: 0 } : {}),
      ...(spec.rightChars !== undefined ? { right: Math.round(spec.rightChars * charTwips) } : {}),
    };
    const spacing = {
      ...(spec.beforePt !== undefined ? { before: ptToTwips(spec.beforePt) } : {}),
      ...(spec.afterPt !== undefined ? { after: ptToTwips(spec.afterPt) } : {}),
      ...(spec.line !== undefined
        ? 'exactPt' in spec.line
          ? { line: ptToTwips(spec.line.exactPt), lineRule: LineRuleType.EXACT }
          : { line: Math.round(spec.line.multiple * 240), lineRule: LineRuleType.AUTO }
        : {}),
    };
    const rule = { style: BorderStyle.SINGLE, size: 6, color: spec.borderColor ?? 'auto', space: spec.border === 'box' ? 4 : 1 } as const;
    return {
      ...(spec.align !== undefined ? { alignment: ALIGNMENT[spec.align] } : {}),
      ...(Object.keys(indent).length > 0 ? { indent } : {}),
      ...(Object.keys(spacing).length > 0 ? { spacing } : {}),
      ...(spec.keepNext !== undefined ? { keepNext: spec.keepNext } : {}),
      ...(spec.keepLines !== undefined ? { keepLines: spec.keepLines } : {}),
      ...(spec.outlineLevel !== undefined ? { outlineLevel: spec.outlineLevel } : {}),
      ...(spec.shading !== undefined ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: spec.shading } } : {}),
      ...(spec.border === 'bottom' ? { border: { bottom: rule } } : {}),
      ...(spec.border === 'box' ? { border: { top: rule, bottom: rule, left: rule, right: rule } } : {}),
    };
  }
}

/**
 * The table style every table uses, as a styles part the docx library merges in
 * (`externalStyles`): thin borders on every side and between cells, small cell margins,
 * and a shaded header row.
 */
export function tableStylesXml(): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  const sides = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">' +
    `<w:style w:type="table" w:styleId="${TABLE_STYLE_ID}"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    `<w:tblPr><w:tblBorders>${sides}</w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    '<w:tblStylePr w:type="firstRow"><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr>' +
    '</w:style></w:styles>'
  );
}
