import type { Template } from '../../pipeline/template/load-template.ts';
import type { WordProfile } from '../../pipeline/render/docx/word-profile.ts';

/**
 * Word styles of the `default` template: a neutral report with a serif body at the template's
 * size and line height, bold sans-serif headings, and a centred page number.
 */
export function defaultWordProfile(template: Template): WordProfile {
  const body = template.bodySizePt;
  const heading = { basedOn: 'Normal', next: 'Normal', font: 'heading1', bold: true, keepNext: true, keepLines: true, line: { multiple: 1.15 } } as const;
  return {
    titleBlock: ['title', 'subtitle', 'speaker'],
    closingBlock: ['author', 'date'],
    footer: { format: 'plain', oddEvenSides: false, distanceMm: 12.7 },
    listIndentChars: 2,
    quoteIndentChars: 2,
    // GitHub's alert colours, as in base.css.
    calloutBorders: { note: '0969DA', tip: '1A7F37', important: '8250DF', warning: '9A6700', caution: 'CF222E' },
    paragraph: {
      Normal: { name: 'Normal', font: 'body', sizePt: body, align: 'left', line: { multiple: template.lineHeightPt / body }, beforePt: 0, afterPt: 6 },
      Title: { name: 'Title', basedOn: 'Normal', next: 'Subtitle', font: 'title', sizePt: 26, bold: true, line: { multiple: 1.1 }, afterPt: 6, keepNext: true },
      Subtitle: { name: 'Subtitle', basedOn: 'Normal', next: 'Normal', font: 'title', sizePt: 15, color: '595959', afterPt: 12, keepNext: true },
      Speaker: { name: 'Speaker', basedOn: 'Normal', next: 'Normal', color: '404040', afterPt: 18, keepNext: true },
      Author: { name: 'Author', basedOn: 'Normal', next: 'Date', color: '404040', beforePt: 24, afterPt: 0, keepNext: true },
      Date: { name: 'Date', basedOn: 'Normal', next: 'Normal', color: '404040', afterPt: 0 },
      Heading1: { name: 'heading 1', ...heading, sizePt: 20, beforePt: 18, afterPt: 6, outlineLevel: 0 },
      Heading2: { name: 'heading 2', ...heading, sizePt: 16, beforePt: 14, afterPt: 4, outlineLevel: 1 },
      Heading3: { name: 'heading 3', ...heading, sizePt: 13, beforePt: 12, afterPt: 4, outlineLevel: 2 },
      Heading4: { name: 'heading 4', ...heading, sizePt: 12, italic: true, beforePt: 10, afterPt: 2, outlineLevel: 3 },
      Heading5: { name: 'heading 5', ...heading, sizePt: body, beforePt: 10, afterPt: 2, outlineLevel: 4 },
      Heading6: { name: 'heading 6', ...heading, sizePt: body, bold: false, italic: true, color: '404040', beforePt: 10, afterPt: 2, outlineLevel: 5 },
      Quote: { name: 'Quote', basedOn: 'Normal', color: '404040', leftChars: 2, rightChars: 2 },
      Callout: { name: 'Callout', basedOn: 'Normal', border: 'box', shading: 'F3F3F3', leftChars: 0.5, rightChars: 0.5 },
      CalloutTitle: { name: 'Callout Title', basedOn: 'Callout', bold: true, keepNext: true },
      DefinitionTerm: { name: 'Definition Term', basedOn: 'Normal', next: 'Definition', bold: true, afterPt: 0, keepNext: true },
      Definition: { name: 'Definition', basedOn: 'Normal', next: 'DefinitionTerm', leftChars: 2 },
      SourceCode: { name: 'Source Code', basedOn: 'Normal', font: 'mono', sizePt: body - 1.5, line: { multiple: 1 }, shading: 'F3F3F3' },
      Equation: { name: 'Equation', basedOn: 'Normal', next: 'Normal', align: 'center', beforePt: 6, afterPt: 6 },
      Figure: { name: 'Figure', basedOn: 'Normal', next: 'Caption', align: 'center', line: { multiple: 1 }, afterPt: 4, keepNext: true },
      Caption: { name: 'caption', basedOn: 'Normal', next: 'Normal', sizePt: body - 1, italic: true, color: '404040', align: 'center', afterPt: 12 },
      TableCaption: { name: 'Table Caption', basedOn: 'Caption', next: 'Normal', afterPt: 4, keepNext: true },
      TableText: { name: 'Table Text', basedOn: 'Normal', sizePt: body - 1, line: { multiple: 1.1 }, afterPt: 0 },
      TableHeading: { name: 'Table Heading', basedOn: 'TableText', bold: true, keepNext: true },
      ListParagraph: { name: 'List Paragraph', basedOn: 'Normal', afterPt: 2 },
      FootnoteText: { name: 'footnote text', basedOn: 'Normal', sizePt: body - 2, line: { multiple: 1 }, afterPt: 0 },
      // Bibliography entries: a hanging indent for the `[1]` of numeric styles and the lines after an author-date entry's first.
      Bibliography: { name: 'Bibliography', basedOn: 'Normal', align: 'left', hangingChars: 2.5, afterPt: 4 },
      HorizontalRule: { name: 'Horizontal Rule', basedOn: 'Normal', next: 'Normal', line: { multiple: 1 }, border: 'bottom', afterPt: 12 },
      Footer: { name: 'footer', basedOn: 'Normal', sizePt: body - 2, align: 'center', line: { multiple: 1 }, afterPt: 0 },
      // The contents title, as the PDF's: no outline level, so it is no heading.
      TOCHeading: { name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', font: 'heading1', bold: true, sizePt: 16, beforePt: 12, afterPt: 6, keepNext: true },
      TOC1: { name: 'toc 1', basedOn: 'Normal', next: 'Normal', afterPt: 2 },
      TOC2: { name: 'toc 2', basedOn: 'Normal', next: 'Normal', leftChars: 2, afterPt: 2 },
      TOC3: { name: 'toc 3', basedOn: 'Normal', next: 'Normal', leftChars: 4, afterPt: 2 },
    },
    character: {
      IndexLink: { name: 'Index Link' },
      Strong: { name: 'Strong', bold: true },
      Emphasis: { name: 'Emphasis', italic: true },
      Strikethrough: { name: 'Strikethrough', strike: true },
      InlineCode: { name: 'Inline Code', font: 'mono', shading: 'F3F3F3' },
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
