import { DocumentGridType, Footer, PageNumber, Paragraph, TextRun, type ISectionOptions, type ISectionPropertiesOptions } from 'docx';
import type { Template } from '../../template/load-template.ts';
import type { WordProfile } from './word-profile.ts';
import { FOOTER_EVEN_STYLE_ID } from './style-ids.ts';
import { A4_MM, mmToTwips } from './units.ts';

/** Page setup: A4 portrait, the template's margins, the profile's footer distance and document grid. */
export function sectionProperties(template: Template, profile: WordProfile): ISectionPropertiesOptions {
  const margin = template.page.marginMm;
  return {
    page: {
      size: { width: mmToTwips(A4_MM.width), height: mmToTwips(A4_MM.height) },
      margin: {
        top: mmToTwips(margin.top),
        right: mmToTwips(margin.right),
        bottom: mmToTwips(margin.bottom),
        left: mmToTwips(margin.left),
        header: mmToTwips(Math.min(15, margin.top / 2)),
        footer: mmToTwips(profile.footer.distanceMm),
        gutter: 0,
      },
    },
    ...(profile.gridLinePitchTwips !== undefined ? { grid: documentGrid(template, profile, profile.gridLinePitchTwips) } : {}),
  };
}

/**
 * `w:charSpace` of a "linesAndChars" grid that fits `charsPerLine` characters of `fontSizePt` into
 * `textWidthMm`. ECMA-376 (17.6.5 docGrid): the value is the difference between the grid's
 * character pitch and the Normal style's font size, in points, multiplied by 4096. Rounded down,
 * so that the pitch never grows past the width: GB/T 9704's 28 characters of 16 pt in 156 mm give
 * a pitch of 15.793 pt and -848.
 */
export function gridCharSpace(textWidthMm: number, charsPerLine: number, fontSizePt: number): number {
  const pitchPt = ((textWidthMm / 25.4) * 72) / charsPerLine;
  return Math.floor((pitchPt - fontSizePt) * 4096);
}

function documentGrid(template: Template, profile: WordProfile, linePitch: number): NonNullable<ISectionPropertiesOptions['grid']> {
  const chars = profile.gridCharsPerLine;
  const fontSizePt = profile.paragraph.Normal.sizePt ?? template.bodySizePt;
  if (chars === undefined) return { type: DocumentGridType.LINES, linePitch };
  const margin = template.page.marginMm;
  const charSpace = gridCharSpace(A4_MM.width - margin.left - margin.right, chars, fontSizePt);
  return { type: DocumentGridType.LINES_AND_CHARS, linePitch, charSpace };
}

function pageNumberParagraph(style: string, profile: WordProfile): Paragraph {
  const children = profile.footer.format === 'dashes' ? ['— ', PageNumber.CURRENT, ' —'] : [PageNumber.CURRENT];
  return new Paragraph({ style, children: [new TextRun({ children })] });
}

/**
 * Footers with a PAGE field in the Footer style: `— n —` or the bare number; with
 * `oddEvenSides`, a mirrored FooterEven one on even pages (the document then turns on
 * different odd and even footers).
 */
export function footers(profile: WordProfile): NonNullable<ISectionOptions['footers']> {
  const odd = new Footer({ children: [pageNumberParagraph('Footer', profile)] });
  if (!profile.footer.oddEvenSides) return { default: odd };
  return { default: odd, even: new Footer({ children: [pageNumberParagraph(FOOTER_EVEN_STYLE_ID, profile)] }) };
}
