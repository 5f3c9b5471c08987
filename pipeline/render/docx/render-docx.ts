/**
 * The Word renderer: the one transformed tree written as a .docx with the docx library.
 *
 *   Report.tree ──handlers (by node type)──▶ paragraphs, tables, footnotes
 *        │                                         │
 *   template.json + word-styles.ts ──▶ styles, numbering, page, footers
 *                                                  ▼
 *                              Packer ──▶ finishPackage (fixed dates, ids, zip) ──▶ bytes
 *
 * Every paragraph is written in a named style and every run in a character style (see
 * `style-ids.ts`); content Word cannot show is reported on `report.file`, never thrown.
 */
import { Document, Packer } from 'docx';
import type { Renderer } from '../types.ts';
import { createContext, rootState } from './context.ts';
import { renderBlocks } from './dispatch.ts';
import { renderFootnotes } from './handlers/footnote.ts';
import { wordProfileFor } from './profiles.ts';
import { StyleBuilder, buildStyles, tableStylesXml } from './styles.ts';
import { numberingConfig } from './numbering.ts';
import { footers, sectionProperties } from './section.ts';
import { metaParagraphs } from './title-block.ts';
import { declaredFonts } from './fonts.ts';
import { finishPackage } from './package.ts';

/** Render a report as a Word document (.docx bytes), reproducible for a given `options.date`. */
export const renderDocx: Renderer<Uint8Array> = async (report, template, options) => {
  const { meta } = report;
  const profile = wordProfileFor(template);
  const ctx = createContext(report.file, report.tree, template, profile, new StyleBuilder(template));
  const body = [...metaParagraphs(meta, profile.titleBlock), ...renderBlocks(report.tree.children, rootState(ctx)), ...metaParagraphs(meta, profile.closingBlock)];
  const footnotes = renderFootnotes(ctx);

  const document = new Document({
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    ...(meta.subject !== undefined ? { subject: meta.subject } : {}),
    ...(meta.author !== undefined ? { creator: meta.author, lastModifiedBy: meta.author } : { creator: 'report-press', lastModifiedBy: 'report-press' }),
    ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join('; ') } : {}),
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    revision: 1,
    externalStyles: tableStylesXml(),
    styles: buildStyles(template, profile, meta.lang),
    numbering: { config: numberingConfig(template, profile) },
    footnotes,
    evenAndOddHeaderAndFooters: profile.footer.oddEvenSides,
    sections: [{ properties: sectionProperties(template, profile), footers: footers(profile), children: body }],
  });

  const packed = await Packer.toBuffer(document);
  return finishPackage(new Uint8Array(packed), { date: options.date, fonts: declaredFonts(template), lang: meta.lang });
};
