/**
 * The section of a 公文's Word file: a 信函's first page has no page number (GB/T 9704 10.3), so its
 * section has a different first page (`w:titlePg`) whose footer is an empty paragraph (and which
 * has no header, as no page has); its 标志 and double lines are drawings in the body
 * (gongwen-letter.ts), not the first page's header. Every other 公文, and every other report,
 * keeps the section as it is.
 */
import { Footer, Paragraph, type ISectionOptions } from 'docx';
import type { GongwenMeta } from '../../gongwen/meta.ts';

/** The section with a 信函's empty first page footer (unchanged for anything else). */
export function withGongwenSection(section: ISectionOptions, gongwen: GongwenMeta | undefined): ISectionOptions {
  if (gongwen?.format !== '信函') return section;
  return {
    ...section,
    properties: { ...section.properties, titlePage: true },
    footers: { ...section.footers, first: new Footer({ children: [new Paragraph({ style: 'Footer' })] }) },
  };
}
