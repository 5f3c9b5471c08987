import { PDFDocument } from '@cantoo/pdf-lib';
import type { ReportMeta } from '../../types.ts';
import { saveWithContentId } from './document-id.ts';
import { snapPageBoxes, type PaperSize } from './page-boxes.ts';

/** What the finished PDF says about itself. */
export interface FinishPdfOptions {
  /** Front-matter settings: title, author, subject (else description), keywords, lang. */
  meta: ReportMeta;
  /** Written as both the creation and the modification date. */
  date: Date;
  /** The template's paper: pages within a point of it get its exact size. */
  paper: PaperSize;
}

/** Creator written into every PDF. */
export const PDF_CREATOR = 'report-press';

/**
 * Finish a PDF printed by Chromium: document information (title with DisplayDocTitle,
 * author, subject, keywords, creator, producer, dates), the catalog's `/Lang`, exact paper
 * size, and a file identifier derived from the content, so that the same input gives the
 * same bytes. The document is rewritten object by object, never copied page by page, so the
 * structure tree (tags), outline and named destinations stay as Chromium wrote them.
 */
export async function finishPdf(bytes: Uint8Array, options: FinishPdfOptions): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const { meta, date } = options;

  const title = meta.title ?? document.getTitle();
  if (title !== undefined && title !== '') document.setTitle(title, { showInWindowTitleBar: true });
  if (meta.author !== undefined) document.setAuthor(meta.author);
  const subject = meta.subject ?? meta.description;
  if (subject !== undefined) document.setSubject(subject);
  if (meta.keywords.length > 0) document.setKeywords([meta.keywords.join(', ')]);
  const printedBy = document.getProducer();
  document.setCreator(PDF_CREATOR);
  document.setProducer(`${PDF_CREATOR} (${printedBy ?? 'Chromium'}, pdf-lib)`);
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.setLanguage(meta.lang);
  snapPageBoxes(document, options.paper);

  return saveWithContentId(document, {
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
}
