import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDocument, PDFHeader } from '@cantoo/pdf-lib';
import type { ReportMeta } from '../../types.ts';
import { markArtifacts, type ArtifactStats } from './artifacts.ts';
import { pageContentStreams } from './content-stream.ts';
import { shortenDestinations, type DestinationStats } from './destination-names.ts';
import { saveWithContentId } from './document-id.ts';
import { addLinkContents, type LinkStats } from './link-contents.ts';
import { snapPageBoxes, type PaperSize } from './page-boxes.ts';
import { fixStructure, type StructureFixStats } from './struct-fixes.ts';
import { attachXmp, buildXmp, stableUuid } from './xmp.ts';

/** What the finished PDF says about itself. */
export interface FinishPdfOptions {
  /** Front-matter settings: title, author, subject (else description), keywords, lang. */
  meta: ReportMeta;
  /** Written as both the creation and the modification date. */
  date: Date;
  /** The template's paper: pages within a point of it get its exact size. */
  paper: PaperSize;
  /** Called with what the accessibility steps found and changed, and how long each took. */
  onFinished?: (report: FinishReport) => void;
}

/** What {@link finishPdf} did, for messages, tests and benchmarks. */
export interface FinishReport {
  structure: StructureFixStats;
  links: LinkStats;
  destinations: DestinationStats;
  artifacts: ArtifactStats;
  /** Wall time of each step in milliseconds (`load`, `structure`, `links`, `destinations`, `artifacts`, `xmp`, `save`). */
  milliseconds: Record<string, number>;
}

/** Creator written into every PDF. */
export const PDF_CREATOR = 'report-press';

/**
 * Finish a PDF printed by Chromium, for print shops and for PDF/UA-1:
 *
 * 1. document information (title with DisplayDocTitle, author, subject, keywords, creator,
 *    producer, dates), the catalog's `/Lang`, and an XMP metadata stream that says the same
 *    and declares `pdfuaid:part 1`;
 * 2. structure repairs for PDF 1.7's standard types ({@link fixStructure});
 * 3. a `/Contents` for every link annotation ({@link addLinkContents}), then destination
 *    names within PDF's 127 bytes ({@link shortenDestinations});
 * 4. running content (page numbers, backgrounds) marked as artifacts ({@link markArtifacts});
 * 5. exact paper size, version 1.7 in the header, and a file identifier derived from the
 *    content, so that the same input gives the same bytes.
 *
 * The document is rewritten object by object, never copied page by page, so the structure
 * tree (tags), outline and named destinations stay as Chromium wrote them, apart from the
 * repairs above.
 */
export async function finishPdf(bytes: Uint8Array, options: FinishPdfOptions): Promise<Uint8Array> {
  const milliseconds: Record<string, number> = {};
  let started = performance.now();
  const lap = (step: string): void => {
    const now = performance.now();
    milliseconds[step] = now - started;
    started = now;
  };
  // pdf-lib yields to the event loop every 100 objects parsed and every 50 written, by a
  // `setTimeout(0)` (a millisecond or more each): 67,000 objects (5,000 headings) idled 5 s.
  const document = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const { meta, date } = options;
  // Chromium's own bytes carry the time of printing; the content streams do not.
  const contentHash = createHash('sha256');
  for (const page of document.getPages()) for (const { stream } of pageContentStreams(document.context, page)) contentHash.update(stream.contents);
  lap('load');

  const title = meta.title ?? document.getTitle();
  if (title !== undefined && title !== '') document.setTitle(title, { showInWindowTitleBar: true });
  if (meta.author !== undefined) document.setAuthor(meta.author);
  const subject = meta.subject ?? meta.description;
  if (subject !== undefined) document.setSubject(subject);
  if (meta.keywords.length > 0) document.setKeywords([meta.keywords.join(', ')]);
  const producer = `${PDF_CREATOR} (${document.getProducer() ?? 'Chromium'}, pdf-lib)`;
  document.setCreator(PDF_CREATOR);
  document.setProducer(producer);
  document.setCreationDate(date);
  document.setModificationDate(date);
  document.setLanguage(meta.lang);

  const structure = fixStructure(document);
  lap('structure');
  const links = addLinkContents(document);
  lap('links');
  // After the link descriptions, which may be made from the (long) names.
  const destinations = shortenDestinations(document);
  lap('destinations');
  const artifacts = markArtifacts(document);
  lap('artifacts');

  const identity = JSON.stringify({ title, author: meta.author, lang: meta.lang });
  attachXmp(
    document,
    buildXmp({
      ...(title !== undefined && title !== '' ? { title } : {}),
      lang: meta.lang,
      ...(meta.author !== undefined ? { author: meta.author } : {}),
      ...(subject !== undefined ? { subject } : {}),
      keywords: meta.keywords,
      creatorTool: PDF_CREATOR,
      producer,
      date,
      documentId: stableUuid('report-press document', identity),
      instanceId: stableUuid('report-press instance', identity, contentHash.digest('hex'), date.toISOString(), JSON.stringify(meta)),
    }),
  );
  lap('xmp');
  snapPageBoxes(document, options.paper);
  // Tabs (1.5), the role-mapped structure and PDF/UA-1 itself are PDF 1.7; Chromium writes 1.4.
  document.context.header = PDFHeader.forVersion(1, 7);

  const finished = await saveWithContentId(document, {
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
  lap('save');
  options.onFinished?.({ structure, links, destinations, artifacts, milliseconds });
  return finished;
}
