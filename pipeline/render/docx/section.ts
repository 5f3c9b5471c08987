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
    ...(profile.gridLinePitchTwips !== undefined ? { grid: { type: DocumentGridType.LINES, linePitch: profile.gridLinePitchTwips } } : {}),
  };
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
