/**
 * Drawings (`w:drawing`, DrawingML) and VML pictures (`w:pict`): pictures become images (alt text
 * from `wp:docPr/@descr`, else its title, else its name); text boxes give their paragraphs after
 * the current one; charts, SmartArt, shapes and embedded objects are warnings, their text kept.
 */
import { chartPictureIndex, type ChartSource } from '../../render/docx/chart-sources.ts';
import type { Element } from '@xmldom/xmldom';
import type { Image } from 'mdast';
import { type Atom, type ReadContext, warn } from './context.ts';
import type { Marks } from './formatting.ts';
import { mediaFile, mediaUrl } from './media.ts';
import { attribute, childElement, descendants, nameOf, parsePart, pathElement, plainText, rootOf } from './xml.ts';

declare module 'mdast' {
  interface ImageData {
    /** `press import`: the picture is a chart press build drew; its block as written. */
    chartSource?: ChartSource;
  }
  interface ParagraphData {
    /** `press import`: the paragraph is a chart's caption line, written right under its fence. */
    chartCaption?: boolean;
  }
}

function imageAtom(context: ReadContext, relationshipId: string | undefined, alt: string, name: string | undefined, linked: boolean): Atom[] {
  const relationship = relationshipId === undefined ? undefined : context.rels.get(relationshipId);
  if (relationship === undefined || relationship.external || linked || relationship.part === undefined) {
    if (relationship?.external || linked) warn(context, 'import-external', { kind: 'image', target: relationship?.target ?? relationshipId ?? '' });
    else warn(context, 'import-image-missing', { target: relationship?.target ?? relationshipId ?? '' });
    return alt === '' ? [] : [{ kind: 'node', node: { type: 'text', value: alt }, marks: {} }];
  }
  const file = mediaFile(context, relationship.part, name);
  if (file === undefined) {
    warn(context, 'import-image-missing', { target: relationship.target });
    return alt === '' ? [] : [{ kind: 'node', node: { type: 'text', value: alt }, marks: {} }];
  }
  const image: Image = { type: 'image', url: mediaUrl(context.options.mediaFolder, file), alt };
  return [{ kind: 'node', node: image, marks: {} }];
}

function textAtoms(text: string, marks: Marks): Atom[] {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? [] : [{ kind: 'node', node: { type: 'text', value: trimmed }, marks }];
}

/** A SmartArt diagram's text: in its data part (`dgm:relIds/@r:dm`), else inline. */
function diagramText(data: Element, context: ReadContext): string {
  const ids = descendants(data, 'dgm:relIds')[0];
  const part = context.rels.get(attribute(ids, 'r:dm') ?? '')?.part;
  const document = part === undefined ? undefined : parsePart(context.parts, part);
  return document === undefined ? plainText(data) : descendants(rootOf(document), 'a:t').map((text) => text.textContent ?? '').join(' ');
}

/** The atoms of a `w:drawing`. */
export function drawingAtoms(drawing: Element, context: ReadContext): Atom[] {
  const frame = childElement(drawing, 'wp:inline') ?? childElement(drawing, 'wp:anchor');
  if (frame === undefined) return [];
  const docPr = childElement(frame, 'wp:docPr');
  const name = attribute(docPr, 'name');
  const alt = (attribute(docPr, 'descr') || attribute(docPr, 'title') || name || '').trim();
  const data = pathElement(frame, 'a:graphic', 'a:graphicData');
  const uri = attribute(data, 'uri') ?? '';
  if (data === undefined) return [];
  const textBoxes = descendants(data, 'w:txbxContent');
  // A chart press build drew: its block back from the source the file records (the picture is no image of the source).
  const chart = context.chartSources.get(chartPictureIndex(name) ?? 0);
  if (chart && uri.endsWith('/picture')) return [{ kind: 'node', node: { type: 'image', url: '', alt, data: { chartSource: chart } }, marks: {} }];
  if (uri.endsWith('/picture')) {
    const blip = descendants(data, 'a:blip')[0];
    const embed = attribute(blip, 'r:embed');
    const link = attribute(blip, 'r:link');
    return imageAtom(context, embed ?? link, alt, name, embed === undefined && link !== undefined);
  }
  if (uri.includes('/chart')) {
    warn(context, 'import-unsupported', { kind: 'chart' });
    return textAtoms(alt, {});
  }
  if (uri.includes('/diagram')) {
    warn(context, 'import-unsupported', { kind: 'smartart' });
    return textAtoms(diagramText(data, context), {});
  }
  if (textBoxes.length > 0) {
    warn(context, 'import-unsupported', { kind: 'text-box' });
    for (const box of textBoxes) context.textBox(box);
    return [];
  }
  // A group may hold pictures: keep them; anything else is a shape.
  const pictures = descendants(data, 'a:blip');
  if (pictures.length > 0) return pictures.flatMap((blip) => imageAtom(context, attribute(blip, 'r:embed'), alt, name, false));
  warn(context, 'import-unsupported', { kind: 'drawing' });
  return textAtoms(plainText(data), {});
}

/** The atoms of a VML picture (`w:pict`) or an embedded object (`w:object`). */
export function vmlAtoms(element: Element, context: ReadContext): Atom[] {
  if (nameOf(element) === 'w:object') {
    warn(context, 'import-unsupported', { kind: 'ole' });
    return [];
  }
  const textBoxes = descendants(element, 'w:txbxContent');
  if (textBoxes.length > 0) {
    warn(context, 'import-unsupported', { kind: 'text-box' });
    for (const box of textBoxes) context.textBox(box);
    return [];
  }
  const imageData = descendants(element, 'v:imagedata')[0];
  if (imageData !== undefined) {
    const shape = descendants(element, 'v:shape')[0];
    const alt = (attribute(shape, 'alt') || attribute(imageData, 'o:title') || '').trim();
    return imageAtom(context, attribute(imageData, 'r:id'), alt, undefined, false);
  }
  const text = plainText(element);
  // A horizontal line drawn in VML (`o:hr`) is no content.
  if (text.trim() === '' && descendants(element, 'v:rect').some((rect) => attribute(rect, 'o:hr') === 't')) return [];
  warn(context, 'import-unsupported', { kind: 'drawing' });
  return textAtoms(text, {});
}
