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
import { headingNumbers } from '../heading-numbers.ts';
import { outlineLevel } from '../outline-level.ts';
import { Document, Packer, Paragraph } from 'docx';
import type { RenderOptions } from '../types.ts';
import type { Report } from '../../types.ts';
import type { Template } from '../../template/load-template.ts';
import { createContext, rootState } from './context.ts';
import { chartPictures, chartSourceProperties } from './charts.ts';
import { citationProperties } from './citation-sources.ts';
import { renderBlocks } from './dispatch.ts';
import { renderFootnotes } from './handlers/footnote.ts';
import { wordProfileFor } from './profiles.ts';
import { StyleBuilder, buildStyles, tableStylesXml } from './styles.ts';
import { numberingConfig } from './numbering.ts';
import { footers, sectionProperties } from './section.ts';
import { metaParagraphs } from './title-block.ts';
import { declaredFonts } from './fonts.ts';
import { finishPackage, type PackageOptions } from './package.ts';
import { styleSwitchesOf } from './style-switches.ts';
import { tableOfContents } from './toc.ts';
import { labelsFor } from '../html/labels.ts';
import { referenceStylesXml } from './reference-styles.ts';
import type { VFile } from 'vfile';
import { flag } from '../../util/messages.ts';
import path from 'node:path';
import { SOURCE_STAMP_PROPERTY, formatStamp, stampOf } from './source-stamp.ts';
import { gongwenBody } from './gongwen-document.ts';
import { gongwenStyles, withGongwenStyles, withGongwenSwitches } from './gongwen-styles.ts';
import { withGongwenSection } from './gongwen-section.ts';

/** Options of the Word renderer. */
export interface DocxRenderOptions extends RenderOptions {
  /**
   * Page of each heading id in the print PDF (built first): the cached entries of the contents
   * field show them. Without it, with `toc: true`, the entries carry no page numbers.
   */
  headingPages?: ReadonlyMap<string, number>;
  /** A department's .docx or .dotx whose styles replace the template's, matched by id or name. */
  referenceDocx?: { path: string; bytes: Uint8Array };
}

/** Render a report as a Word document (.docx bytes), reproducible for a given `options.date`. */
export async function renderDocx(report: Report, template: Template, options: DocxRenderOptions): Promise<Uint8Array> {
  const { meta } = report;
  const profile = wordProfileFor(template);
  const numbers = headingNumbers(report.tree, template, (heading) => outlineLevel(heading, report.file)) ?? new Map();
  const ctx = { ...createContext(report.file, report.tree, template, profile, new StyleBuilder(template), numbers, options.date), charts: await chartPictures(report.tree, template) };
  // The contents under their title (目录, Contents), as in the PDF and on the web page.
  const contents = meta.toc ? [new Paragraph({ style: 'TOCHeading', text: labelsFor(meta.lang).contents }), tableOfContents(report.tree, ctx.bookmarks, options.headingPages, report.file, numbers)] : [];
  // A 公文 (template gongwen) is laid out with its own elements and styles (gongwen-*.ts).
  const gongwen = gongwenStyles(report, template, profile, ctx.styles);
  const body = gongwenBody(report, ctx, contents) ?? [...metaParagraphs(meta, profile.titleBlock), ...contents, ...renderBlocks(report.tree.children, rootState(ctx)), ...metaParagraphs(meta, profile.closingBlock)];
  const footnotes = renderFootnotes(ctx);

  const document = new Document({
    // The title Word shows (File › Info, the accessibility checker): the front matter's, else
    // the title heading or the file name, as in the other outputs.
    ...((meta.title ?? report.file.data.title?.text) !== undefined ? { title: meta.title ?? report.file.data.title?.text ?? '' } : {}),
    ...(meta.subject !== undefined ? { subject: meta.subject } : {}),
    ...(meta.author !== undefined ? { creator: meta.author, lastModifiedBy: meta.author } : { creator: 'report-press', lastModifiedBy: 'report-press' }),
    ...(meta.keywords.length > 0 ? { keywords: meta.keywords.join('; ') } : {}),
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    revision: 1,
    // Which source this file was built from: `press review` and `press import` read it back.
    customProperties: [{ name: SOURCE_STAMP_PROPERTY, value: formatStamp(stampOf(path.basename(report.file.path), stampedText(report))) }, ...chartSourceProperties(report.tree, ctx.charts, template, meta.lang), ...citationProperties(report.tree, ctx.citations, ctx.bookmarks, meta)],
    externalStyles: tableStylesXml(),
    styles: withGongwenStyles(buildStyles(template, profile, meta.lang), gongwen),
    numbering: { config: numberingConfig(template, profile) },
    footnotes,
    ...(ctx.revisions.comments().length > 0 ? { comments: { children: ctx.revisions.comments() } } : {}),
    evenAndOddHeaderAndFooters: profile.footer.oddEvenSides,
    sections: [withGongwenSection({ properties: sectionProperties(template, profile), footers: footers(profile), children: body }, meta.gongwen)],
  });

  const packed = await Packer.toBuffer(document);
  const referenceStyles = options.referenceDocx === undefined ? undefined : referenceStylesFor(options.referenceDocx, report.file);
  const styleSwitches = withGongwenSwitches(styleSwitchesOf(profile.paragraph), gongwen);
  return finishPackage(new Uint8Array(packed), { date: options.date, fonts: declaredFonts(template), lang: meta.lang, styleSwitches, moves: ctx.revisions.moveEnds(), ...(referenceStyles ? { referenceStyles } : {}) });
}

/**
 * The text the stamp is made from: the source, or, when the build decided its suggestions
 * (`--accept`, `--reject`), the source and that decision, since the file then shows another text
 * than the source's (review takes such a copy for another edition).
 */
function stampedText(report: Report): string {
  const source = String(report.file.value);
  const settings = report.file.data.suggestions;
  if (settings?.mode !== 'accept' && settings?.mode !== 'reject') return source;
  return `${source}\u0000${settings.mode}\u0000${settings.author ?? ''}`;
}

/** The reference's styles part and what to report after merging; an error if the file has none. */
function referenceStylesFor(reference: { path: string; bytes: Uint8Array }, file: VFile): NonNullable<PackageOptions['referenceStyles']> | undefined {
  const styles = referenceStylesXml(reference.bytes);
  if ('problem' in styles) {
    flag(file, 'docx-reference', undefined, { kind: 'invalid', path: reference.path, problem: styles.problem });
    return undefined;
  }
  return {
    xml: styles.xml,
    onMerged: (added, renamed) => {
      if (added.length > 0) flag(file, 'docx-reference-styles', undefined, { path: reference.path, styles: added });
      if (renamed.length > 0) flag(file, 'docx-reference-renamed', undefined, { path: reference.path, renamed });
    },
  };
}
