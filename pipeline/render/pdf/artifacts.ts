import { deflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { nameOf, numberOf, pageContent, pageContentStreams, parseOperations, type Operation } from './content-stream.ts';

/**
 * Running content as artifacts. Chromium tags the document's own content (every piece of it
 * sits in a `BDC … EMC` sequence with an MCID that the structure tree points to) but draws the
 * `@page` margin boxes (the page numbers), the page background, the clip of the page area and
 * CSS generated content (`::before`/`::after`, e.g. URLs printed after links) outside any
 * marked content, so that PDF/UA checkers find "content neither tagged nor marked as
 * artifact". This step wraps every run of such drawing in an artifact sequence: text drawn
 * with no clip in force (the margin boxes: Chromium clips the page area only) as
 * `/Artifact <</Type /Pagination /Subtype /Footer>> BDC` (or `/Header`, by where it stands
 * on the page), everything else as `/Artifact BMC`. The bytes of the stream are otherwise
 * kept as they are, so MCIDs, and with them the structure tree, do not change.
 */

/** Operators that show text (inside `BT … ET`). */
const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
/** Operators that begin or continue a path. */
const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
/** Operators that end a path (paint it, or only use it as a clip). */
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
/** Operators that draw on their own. */
const SINGLE_OBJECTS = new Set(['Do', 'sh', 'BI']);

/** The operators whose operands {@link planArtifacts} reads. */
export const PLANNED_OPERANDS: ReadonlySet<string> = new Set(['cm', 'Tm', 'Td', 'TD', 'TL', 'Do']);

/** A 2D affine matrix `[a b c d e f]`. */
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `first` then `second`: the matrix of applying `first`, then `second`. */
function multiply(first: Matrix, second: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = first;
  const [a2, b2, c2, d2, e2, f2] = second;
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2];
}

/** What the planner needs to know about the page beyond its content. */
export interface ArtifactContext {
  /** The page's vertical middle in default user space: text below it is a footer, above it a header. */
  middleY: number;
  /**
   * Whether the XObject of this resource name carries its own tags (a form XObject with
   * `/StructParent` or `/StructParents`): such a form must not be wrapped as an artifact.
   */
  isTaggedXObject?: (name: string) => boolean;
}

/** Text to insert into a content stream at a byte offset. */
export interface Insertion {
  offset: number;
  text: string;
}

/** The artifact sequences planned for one content stream. */
export interface ArtifactPlan {
  insertions: Insertion[];
  /** How many artifact sequences (each one insertion before and one after). */
  sequences: number;
  /** How many of them are pagination artifacts (text in the page margins). */
  textSequences: number;
}

/** An interval of operations to wrap, with what it holds. */
interface Run {
  first: number;
  last: number;
  text: boolean;
  /** Whether it was drawn with no clip in force, as Chromium draws the `@page` margin boxes. */
  margin: boolean;
  /** Where the first glyph of the run stands, in default user space. */
  textY?: number;
}

/**
 * Plan the artifact sequences of one content stream: find every drawing operation outside
 * marked content (text objects, paths, images and form XObjects, shadings, inline images)
 * and group neighbours that only state operators separate. A run never crosses `q`, `Q` or
 * a marked-content operator, so that artifact sequences and graphics-state saves nest. A text
 * object that holds marked content of its own has only its untagged text-showing operators
 * wrapped, inside the text object.
 */
export function planArtifacts(bytes: Uint8Array, operations: readonly Operation[], context: ArtifactContext): ArtifactPlan {
  const insertions: Insertion[] = [];
  let sequences = 0;
  let textSequences = 0;
  let depth = 0;
  let ctm: Matrix = IDENTITY;
  /** Whether a clipping path is in force: Chromium clips the page area, not the margin boxes. */
  let clipped = false;
  const saved: { ctm: Matrix; clipped: boolean }[] = [];
  let run: Run | undefined;

  const close = (): void => {
    if (!run) return;
    const first = operations[run.first];
    const last = operations[run.last];
    if (first && last) {
      let open = '/Artifact BMC\n';
      if (run.text && run.margin) {
        const subtype = run.textY !== undefined && run.textY > context.middleY ? 'Header' : 'Footer';
        open = `/Artifact <</Type /Pagination /Subtype /${subtype}>> BDC\n`;
        textSequences++;
      }
      insertions.push({ offset: first.start, text: open }, { offset: last.end, text: '\nEMC' });
      sequences++;
    }
    run = undefined;
  };
  const extend = (first: number, last: number, text: boolean, textY?: number): void => {
    if (!run) run = { first, last, text: false, margin: !clipped };
    run.last = last;
    if (text && !run.text) {
      run.text = true;
      if (textY !== undefined) run.textY = textY;
    }
  };

  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index];
    if (!operation) continue;
    const operator = operation.operator;
    switch (operator) {
      case 'BMC':
      case 'BDC':
        close();
        depth++;
        continue;
      case 'EMC':
        close();
        if (depth > 0) depth--;
        continue;
      case 'q':
        close();
        saved.push({ ctm, clipped });
        continue;
      case 'Q': {
        close();
        const state = saved.pop();
        ctm = state?.ctm ?? IDENTITY;
        clipped = state?.clipped ?? false;
        continue;
      }
      case 'cm': {
        const matrix = matrixOf(bytes, operation);
        if (matrix) ctm = multiply(matrix, ctm);
        continue;
      }
      case 'BT': {
        const text = readTextObject(bytes, operations, index, ctm, depth === 0);
        if (depth === 0 && !text.hasMarkedContent) {
          if (text.shows) extend(index, text.end, true, text.firstY);
        } else if (depth === 0 || text.depthChange !== 0) {
          close();
          // Tagged and untagged text in one text object: wrap the untagged showing operators.
          let inner = 0;
          let innerRun: { first: number; last: number } | undefined;
          const closeInner = (): void => {
            if (!innerRun) return;
            const first = operations[innerRun.first];
            const last = operations[innerRun.last];
            if (first && last) {
              const subtype = text.firstY !== undefined && text.firstY > context.middleY ? 'Header' : 'Footer';
              const open = clipped ? '/Artifact BMC\n' : `/Artifact <</Type /Pagination /Subtype /${subtype}>> BDC\n`;
              insertions.push({ offset: first.start, text: open }, { offset: last.end, text: '\nEMC' });
              sequences++;
              if (!clipped) textSequences++;
            }
            innerRun = undefined;
          };
          for (let at = index + 1; at < text.end; at++) {
            const inside = operations[at]?.operator ?? '';
            if (inside === 'BMC' || inside === 'BDC') {
              closeInner();
              inner++;
            } else if (inside === 'EMC') {
              closeInner();
              inner--;
            } else if (TEXT_SHOWING.has(inside) && depth + inner <= 0) {
              if (innerRun) innerRun.last = at;
              else innerRun = { first: at, last: at };
            }
          }
          closeInner();
          depth = Math.max(0, depth + text.depthChange);
        }
        index = text.end;
        continue;
      }
      default:
        break;
    }
    if (PATH_CONSTRUCTION.has(operator)) {
      // The path object: construction operators, maybe W or W*, then one painting operator.
      let end = index;
      let clips = false;
      for (;;) {
        const next = operations[end + 1]?.operator ?? '';
        if (PATH_PAINTING.has(next)) {
          end++;
          break;
        }
        if (!PATH_CONSTRUCTION.has(next) && next !== 'W' && next !== 'W*') break; // never painted: malformed, end it here
        clips ||= next === 'W' || next === 'W*';
        end++;
      }
      if (depth === 0) {
        if (clips) close(); // a clip starts an area (the page area): it is a run of its own
        extend(index, end, false);
        if (clips) close();
      }
      clipped ||= clips;
      index = end;
      continue;
    }
    if (SINGLE_OBJECTS.has(operator) && depth === 0) {
      const name = operator === 'Do' ? nameOf(bytes, operation.operands[0]) : undefined;
      if (name !== undefined && context.isTaggedXObject?.(name)) close();
      else extend(index, index, false);
    }
  }
  close();
  return { insertions, sequences, textSequences };
}

/** What a text object (`BT … ET`) holds. */
interface TextObject {
  /** Index of its `ET` (or of the last operation when it is not closed). */
  end: number;
  shows: boolean;
  hasMarkedContent: boolean;
  /** Net change of marked-content depth across the object (0 when it is well formed). */
  depthChange: number;
  /** Vertical position of the first glyph shown, in default user space. */
  firstY?: number;
}

function readTextObject(bytes: Uint8Array, operations: readonly Operation[], begin: number, ctm: Matrix, track: boolean): TextObject {
  let lineMatrix: Matrix = IDENTITY;
  let textMatrix: Matrix = IDENTITY;
  let leading = 0;
  let shows = false;
  let hasMarkedContent = false;
  let depthChange = 0;
  let firstY: number | undefined;
  const newLine = (tx: number, ty: number): void => {
    lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
    textMatrix = lineMatrix;
  };
  let index = begin + 1;
  for (; index < operations.length; index++) {
    const operation = operations[index];
    if (!operation) continue;
    const { operator, operands } = operation;
    if (operator === 'ET') break;
    if (!track) {
      if (operator === 'BMC' || operator === 'BDC') depthChange++;
      else if (operator === 'EMC') depthChange--;
      else shows ||= TEXT_SHOWING.has(operator);
      continue;
    }
    switch (operator) {
      case 'BMC':
      case 'BDC':
        hasMarkedContent = true;
        depthChange++;
        break;
      case 'EMC':
        hasMarkedContent = true;
        depthChange--;
        break;
      case 'Tm': {
        const matrix = matrixOf(bytes, operation);
        if (matrix) lineMatrix = textMatrix = matrix;
        break;
      }
      case 'Td':
      case 'TD': {
        const tx = numberOf(bytes, operands[0]);
        const ty = numberOf(bytes, operands[1]);
        if (Number.isFinite(tx) && Number.isFinite(ty)) {
          newLine(tx, ty);
          if (operator === 'TD') leading = -ty;
        }
        break;
      }
      case 'TL': {
        const value = numberOf(bytes, operands[0]);
        if (Number.isFinite(value)) leading = value;
        break;
      }
      case 'T*':
        newLine(0, -leading);
        break;
      default:
        if (TEXT_SHOWING.has(operator)) {
          if (operator !== 'Tj' && operator !== 'TJ') newLine(0, -leading);
          shows = true;
          if (firstY === undefined) firstY = multiply(textMatrix, ctm)[5];
        }
    }
  }
  const text: TextObject = { end: Math.min(index, operations.length - 1), shows, hasMarkedContent: hasMarkedContent || depthChange !== 0, depthChange };
  if (firstY !== undefined) text.firstY = firstY;
  return text;
}

/** The six numbers of a `cm` or `Tm` operation. */
function matrixOf(bytes: Uint8Array, operation: Operation): Matrix | undefined {
  if (operation.operands.length !== 6) return undefined;
  const values = operation.operands.map((operand) => numberOf(bytes, operand));
  if (!values.every(Number.isFinite)) return undefined;
  return values as Matrix;
}

/** Apply insertions (sorted by offset; several at one offset keep their order) to bytes. */
export function applyInsertions(bytes: Uint8Array, insertions: readonly Insertion[]): Uint8Array {
  const sorted = insertions.map((insertion, order) => ({ ...insertion, order })).sort((a, b) => a.offset - b.offset || a.order - b.order);
  const encoded = sorted.map((insertion) => Buffer.from(insertion.text, 'latin1'));
  const output = new Uint8Array(bytes.length + encoded.reduce((sum, part) => sum + part.length, 0));
  let from = 0;
  let to = 0;
  sorted.forEach((insertion, index) => {
    output.set(bytes.subarray(from, insertion.offset), to);
    to += insertion.offset - from;
    from = insertion.offset;
    const text = encoded[index] ?? new Uint8Array();
    output.set(text, to);
    to += text.length;
  });
  output.set(bytes.subarray(from), to);
  return output;
}

/**
 * Drawing operations of a content stream that are outside any marked content (after
 * {@link markArtifacts}, there should be none). Clip-only paths count too.
 */
export function unmarkedContent(operations: readonly Operation[]): Operation[] {
  const found: Operation[] = [];
  let depth = 0;
  let inPath = false;
  for (const operation of operations) {
    const operator = operation.operator;
    if (operator === 'BMC' || operator === 'BDC') depth++;
    else if (operator === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (TEXT_SHOWING.has(operator) || SINGLE_OBJECTS.has(operator) || (PATH_CONSTRUCTION.has(operator) && !inPath)) found.push(operation);
    }
    if (PATH_CONSTRUCTION.has(operator)) inPath = true;
    else if (PATH_PAINTING.has(operator)) inPath = false;
  }
  return found;
}

/** How many pages and artifact sequences {@link markArtifacts} touched. */
export interface ArtifactStats {
  pages: number;
  /** Pages whose content was rewritten. */
  rewrittenPages: number;
  sequences: number;
  /** Pagination artifacts (text in the page margins: running headers and footers, page numbers). */
  textSequences: number;
}

/**
 * Mark every piece of untagged page content as an artifact (see {@link planArtifacts}).
 * A rewritten page gets one Flate-compressed content stream in place of its old one(s);
 * pages with nothing to mark keep theirs untouched. Deterministic: the same input gives the
 * same bytes (zlib's deflate at its default level, which is 3× faster than pdf-lib's own).
 */
export function markArtifacts(document: PDFDocument): ArtifactStats {
  const { context } = document;
  const stats: ArtifactStats = { pages: 0, rewrittenPages: 0, sequences: 0, textSequences: 0 };
  const done = new Set<PDFRef>();
  for (const page of document.getPages()) {
    stats.pages++;
    const streams = pageContentStreams(context, page);
    const single = streams.length === 1 ? streams[0]?.ref : undefined;
    if (streams.length === 0 || (single !== undefined && done.has(single))) continue;
    const bytes = pageContent(context, page);
    const operations = parseOperations(bytes, { operandsOf: PLANNED_OPERANDS });
    const box = page.getMediaBox();
    const xobjects = inheritedResources(page)?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const plan = planArtifacts(bytes, operations, {
      middleY: box.y + box.height / 2,
      isTaggedXObject: (name) => isTaggedForm(context, xobjects, name),
    });
    if (plan.sequences === 0) continue;
    const rewritten = context.stream(deflateSync(applyInsertions(bytes, plan.insertions)), { Filter: 'FlateDecode' });
    if (single !== undefined) {
      context.assign(single, rewritten);
      done.add(single);
    } else {
      page.node.set(PDFName.of('Contents'), context.register(rewritten));
    }
    stats.rewrittenPages++;
    stats.sequences += plan.sequences;
    stats.textSequences += plan.textSequences;
  }
  return stats;
}

/** A page's resources, inherited from the page tree when the page has none of its own. */
export function inheritedResources(page: PDFPage): PDFDict | undefined {
  let node: PDFDict | undefined = page.node;
  while (node) {
    const resources = node.lookupMaybe(PDFName.of('Resources'), PDFDict);
    if (resources) return resources;
    node = node.lookupMaybe(PDFName.of('Parent'), PDFDict);
  }
  return undefined;
}

function isTaggedForm(context: PDFContext, xobjects: PDFDict | undefined, name: string): boolean {
  const xobject = xobjects?.get(PDFName.of(name));
  const stream = xobject instanceof PDFRef ? context.lookup(xobject) : xobject;
  if (!(stream instanceof PDFRawStream)) return false;
  const dict = stream.dict;
  return dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && (dict.has(PDFName.of('StructParents')) || dict.has(PDFName.of('StructParent')));
}
