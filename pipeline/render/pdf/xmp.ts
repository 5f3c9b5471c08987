import { createHash } from 'node:crypto';
import { PDFName, type PDFDocument } from '@cantoo/pdf-lib';

/** What the XMP packet says: the same values as the document information dictionary. */
export interface XmpFields {
  title?: string;
  /** BCP 47 language of the document (also the language of the title and description). */
  lang: string;
  author?: string;
  /** Subject or description (dc:description). */
  subject?: string;
  keywords: readonly string[];
  /** The tool that made the content (xmp:CreatorTool, the Info dictionary's /Creator). */
  creatorTool: string;
  /** The tool that wrote the PDF (pdf:Producer). */
  producer: string;
  /** Creation, modification and metadata date. */
  date: Date;
  /** Stable identifiers (xmpMM:DocumentID, InstanceID) as `uuid:…` URNs. */
  documentId: string;
  instanceId: string;
}

/** The PDF/UA part the XMP declares (`pdfuaid:part`). */
export const PDFUA_PART = 1;

/** Characters XML 1.0 forbids, removed from every value. */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A date as XMP writes it: ISO 8601 in UTC, seconds precision (`2024-03-01T00:00:00Z`). */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A UUID URN derived from text (SHA-256, formatted as a version 4/variant 1 UUID so that
 * readers accept it): the same text always gives the same identifier.
 */
export function stableUuid(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  const hex = hash.digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The XMP packet of a PDF/UA-1 document: Dublin Core title (x-default and the document
 * language), creator, description, subject (keywords) and language; pdf:Keywords and
 * pdf:Producer; xmp:CreatorTool and the three dates; xmpMM identifiers; `pdfuaid:part`, and
 * the PDF/A extension schema that describes the pdfuaid namespace (so that the packet also
 * passes a PDF/A validator). No random values, no padding: the same fields give the same bytes.
 */
export function buildXmp(fields: XmpFields): string {
  const lang = escapeXml(fields.lang);
  const date = xmpDate(fields.date);
  const alt = (name: string, value: string): string =>
    `   <${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li>` +
    (fields.lang !== '' && fields.lang.toLowerCase() !== 'x-default' ? `<rdf:li xml:lang="${lang}">${escapeXml(value)}</rdf:li>` : '') +
    `</rdf:Alt></${name}>`;
  const lines: string[] = [];
  if (fields.title !== undefined && fields.title !== '') lines.push(alt('dc:title', fields.title));
  if (fields.author !== undefined && fields.author !== '') lines.push(`   <dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (fields.subject !== undefined && fields.subject !== '') lines.push(alt('dc:description', fields.subject));
  if (fields.keywords.length > 0) {
    lines.push(`   <dc:subject><rdf:Bag>${fields.keywords.map((keyword) => `<rdf:li>${escapeXml(keyword)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`);
  }
  if (fields.lang !== '') lines.push(`   <dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`);
  lines.push('   <dc:format>application/pdf</dc:format>');
  if (fields.keywords.length > 0) lines.push(`   <pdf:Keywords>${escapeXml(fields.keywords.join(', '))}</pdf:Keywords>`);
  lines.push(
    `   <pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>`,
    `   <xmp:CreatorTool>${escapeXml(fields.creatorTool)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `   <xmpMM:DocumentID>${escapeXml(fields.documentId)}</xmpMM:DocumentID>`,
    `   <xmpMM:InstanceID>${escapeXml(fields.instanceId)}</xmpMM:InstanceID>`,
    `   <pdfuaid:part>${PDFUA_PART}</pdfuaid:part>`,
  );
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    ...lines,
    '  </rdf:Description>',
    '  <rdf:Description rdf:about=""',
    '    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
    '    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
    '    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    '   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
    '    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
    '    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
    '    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
    '    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
    '     <pdfaProperty:name>part</pdfaProperty:name>',
    '     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
    '     <pdfaProperty:category>internal</pdfaProperty:category>',
    '     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
    '    </rdf:li></rdf:Seq></pdfaSchema:property>',
    '   </rdf:li></rdf:Bag></pdfaExtension:schemas>',
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * Attach an XMP packet as the catalog's `/Metadata`: a stream of `/Type /Metadata
 * /Subtype /XML`, UTF-8, uncompressed (so that tools that do not inflate streams can read
 * it), replacing any packet that was there.
 */
export function attachXmp(document: PDFDocument, xml: string): void {
  const stream = document.context.stream(Buffer.from(xml, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
}
