import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`;
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What goes into a hand-made .docx: the body XML and, optionally, other parts. */
export interface HandMade {
  body: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  comments?: string;
  /** Extra relationships of the document: `<Relationship …/>` elements. */
  relationships?: string;
  /** Extra parts by name (media, settings…). */
  parts?: Record<string, Uint8Array | string>;
  core?: string;
}

/**
 * A minimal WordprocessingML package written by hand, for the cases no word processor here writes
 * (moves, a Chinese office's direct formatting, hostile packages).
 */
export function makeDocx(spec: HandMade): Uint8Array {
  const rels = [
    spec.styles !== undefined ? `<Relationship Id="rIdStyles" Type="${TYPE}/styles" Target="styles.xml"/>` : '',
    spec.numbering !== undefined ? `<Relationship Id="rIdNumbering" Type="${TYPE}/numbering" Target="numbering.xml"/>` : '',
    spec.footnotes !== undefined ? `<Relationship Id="rIdFootnotes" Type="${TYPE}/footnotes" Target="footnotes.xml"/>` : '',
    spec.comments !== undefined ? `<Relationship Id="rIdComments" Type="${TYPE}/comments" Target="comments.xml"/>` : '',
    spec.relationships ?? '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="word/document.xml"/>${spec.core !== undefined ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` : ''}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${spec.body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
  };
  if (spec.styles !== undefined) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${NS}>${spec.styles}</w:styles>`);
  if (spec.numbering !== undefined) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${NS}>${spec.numbering}</w:numbering>`);
  if (spec.footnotes !== undefined) files['word/footnotes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${NS}>${spec.footnotes}</w:footnotes>`);
  if (spec.comments !== undefined) files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments ${NS}>${spec.comments}</w:comments>`);
  if (spec.core !== undefined) files['docProps/core.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">${spec.core}</cp:coreProperties>`);
  for (const [name, data] of Object.entries(spec.parts ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files);
}

/** A paragraph of runs: `p('text')`, or with paragraph properties and raw run XML. */
export function p(content: string, pPr = ''): string {
  return `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${content.startsWith('<') ? content : run(content)}</w:p>`;
}

/** A run of text with optional run properties. */
export function run(text: string, rPr = ''): string {
  return `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`;
}
