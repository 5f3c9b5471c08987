/**
 * The number of pages of a PDF as report-press writes it (`finish-pdf.ts` saves without object
 * streams, so every page object is plain text): counted, not parsed.
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
