/**
 * The block walk: the children of the body (or of a table cell, a note, a text box) as records —
 * paragraphs with their style, numbering, tracked paragraph mark, atoms and run looks, and
 * tables already made into mdast — with a handler map keyed by OOXML element.
 */
import type { Element } from '@xmldom/xmldom';
import type { PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import type { Attribution } from '../../critic/syntax.ts';
import { type Atom, type ReadContext, type RunLook, warn } from './context.ts';
import { applyMode, buildPhrasing } from './inline.ts';
import { attributionOf, inlineAtoms } from './runs.ts';
import type { StyleInfo } from './styles.ts';
import { attribute, childElement, childElements, childValue, nameOf, pathElement, plainText } from './xml.ts';

/** A paragraph as read, before it is given its Markdown role. */
export interface ParagraphRecord {
  kind: 'paragraph';
  element: Element;
  /** Body paragraph number (see `data.docxParagraph`). */
  index: number;
  style?: StyleInfo;
  numbering?: { numId: string; ilvl: number };
  outlineLevel?: number;
  alignment?: string;
  atoms: Atom[];
  looks: RunLook[];
  /** Its paragraph mark was inserted or deleted with track changes on. */
  mark?: { kind: 'insert' | 'delete'; attribution: Attribution };
}

/** A table as read. */
export interface TableRecord {
  kind: 'table';
  index: number;
  node: Table;
}

/** One block of the walk. */
export type BlockRecord = ParagraphRecord | TableRecord;

type BlockHandler = (element: Element, context: ReadContext, out: BlockRecord[]) => void;

const BLOCK_HANDLERS: Readonly<Record<string, BlockHandler>> = {
  'w:p': (element, context, out) => readParagraph(element, context, out),
  'w:tbl': (element, context, out) => out.push(readTable(element, context)),
  'w:sdt': (element, context, out) => {
    const gallery = attribute(pathElement(element, 'w:sdtPr', 'w:docPartObj', 'w:docPartGallery'), 'w:val');
    if (gallery === 'Table of Contents') {
      // A generated contents: the Markdown asks for one with `toc: true`.
      context.toc = true;
      return;
    }
    const content = childElement(element, 'w:sdtContent');
    if (content !== undefined) walkBlocks(content, context, out);
  },
  'w:customXml': (element, context, out) => walkBlocks(element, context, out),
  'mc:AlternateContent': (element, context, out) => {
    const choice = childElement(element, 'mc:Choice') ?? childElement(element, 'mc:Fallback');
    if (choice !== undefined) walkBlocks(choice, context, out);
  },
  'w:ins': (element, context, out) => walkBlocks(element, context, out),
  'w:del': (element, context, out) => walkBlocks(element, context, out),
  // A moved block of paragraphs: both ends share the range's name (`move:<name>`).
  'w:moveFromRangeStart': (element, context) => {
    const name = attribute(element, 'w:name') ?? attribute(element, 'w:id');
    if (name !== undefined) context.currentMove = name;
  },
  'w:moveToRangeStart': (element, context) => {
    const name = attribute(element, 'w:name') ?? attribute(element, 'w:id');
    if (name !== undefined) context.currentMove = name;
  },
  'w:bookmarkStart': () => undefined,
  'w:sectPr': () => undefined,
};

/** Read the block children of a container into records (appended to `out`). */
export function walkBlocks(container: Element, context: ReadContext, out: BlockRecord[] = []): BlockRecord[] {
  for (const child of childElements(container)) BLOCK_HANDLERS[nameOf(child)]?.(child, context, out);
  return out;
}

function readParagraph(element: Element, context: ReadContext, out: BlockRecord[]): void {
  const number = context.paragraphNumbers.get(element);
  const outer = { paragraph: context.paragraph, excerpt: context.excerpt, element: context.paragraphElement };
  if (number !== undefined) {
    context.paragraph = number;
    context.excerpt = element;
    context.paragraphElement = element;
  }
  const pPr = childElement(element, 'w:pPr');
  const styleId = childValue(pPr, 'w:pStyle') ?? context.styles.defaultParagraph;
  const style = styleId === undefined ? undefined : context.styles.byId.get(styleId);
  const showing = context.fields.length === 0 || context.fields.every((frame) => frame.phase === 'result' && !frame.skip);
  const boxes: BlockRecord[] = [];
  const previousTextBox = context.textBox;
  context.textBox = (content) => walkBlocks(content, context, boxes);
  const looks: RunLook[] = [];
  const atoms = inlineAtoms(element, context, { looks });
  context.textBox = previousTextBox;
  const record: ParagraphRecord = { kind: 'paragraph', element, index: context.paragraph, atoms, looks };
  if (style) record.style = style;
  const numPr = childElement(pPr, 'w:numPr');
  const numId = childValue(numPr, 'w:numId');
  if (numId !== undefined) {
    if (numId !== '0') record.numbering = { numId, ilvl: Number(childValue(numPr, 'w:ilvl') ?? '0') || 0 };
  } else if (style?.numbering) {
    record.numbering = style.numbering;
  }
  const outline = childValue(pPr, 'w:outlineLvl');
  if (outline !== undefined && Number(outline) < 9) record.outlineLevel = Number(outline) + 1;
  const alignment = childValue(pPr, 'w:jc') ?? style?.alignment;
  if (alignment) record.alignment = alignment;
  const markRpr = childElement(pPr, 'w:rPr');
  const inserted = childElement(markRpr, 'w:ins') ?? childElement(markRpr, 'w:moveTo');
  const deleted = childElement(markRpr, 'w:del') ?? childElement(markRpr, 'w:moveFrom');
  if (deleted) record.mark = { kind: 'delete', attribution: attributionOf(deleted) };
  else if (inserted) record.mark = { kind: 'insert', attribution: attributionOf(inserted) };
  // A paragraph wholly inside a generated contents is left out; one that ends it keeps the rest.
  if (showing || atoms.some((atom) => atom.kind === 'node')) out.push(record);
  out.push(...boxes);
  if (number !== undefined) {
    context.paragraph = outer.paragraph;
    context.excerpt = outer.excerpt;
    context.paragraphElement = outer.element;
  }
}

/** The phrasing of a cell: its paragraphs' content, separated by spaces (a cell holds one line in Markdown). */
function cellPhrasing(cell: Element, context: ReadContext): PhrasingContent[] {
  const records = walkBlocks(cell, context);
  const parts: PhrasingContent[] = [];
  for (const record of records) {
    if (record.kind === 'table') {
      warn(context, 'import-nested-table');
      parts.push({ type: 'text', value: tableText(record.node) });
      continue;
    }
    const phrasing = buildPhrasing(applyMode(record.atoms, context.options.trackChanges), context) as PhrasingContent[];
    if (phrasing.length === 0) continue;
    if (parts.length > 0) parts.push({ type: 'text', value: ' ' });
    parts.push(...phrasing.map((node) => (node.type === 'break' ? ({ type: 'text', value: ' ' } as const) : node)));
  }
  return parts;
}

function tableText(table: Table): string {
  return table.children.map((row) => row.children.map((cell) => cell.children.map((node) => ('value' in node ? node.value : '')).join('')).join(' ')).join(' ');
}

const ALIGN: Readonly<Record<string, 'left' | 'right' | 'center'>> = { left: 'left', start: 'left', right: 'right', end: 'right', center: 'center' };

function readTable(element: Element, context: ReadContext): TableRecord {
  context.tables++;
  const tableNumber = context.tables;
  const firstParagraph = firstBodyParagraph(element, context);
  const rows: TableRow[] = [];
  let merged = false;
  let align: ('left' | 'right' | 'center' | null)[] | undefined;
  const mode = context.options.trackChanges;
  for (const tr of childElements(element, 'w:tr')) {
    const trPr = childElement(tr, 'w:trPr');
    if (mode === 'accept' && childElement(trPr, 'w:del')) continue;
    if (mode === 'reject' && childElement(trPr, 'w:ins')) continue;
    const cells: TableCell[] = [];
    const rowAlign: ('left' | 'right' | 'center' | null)[] = [];
    for (const tc of cellsOf(tr)) {
      const tcPr = childElement(tc, 'w:tcPr');
      const span = Math.max(1, Number(childValue(tcPr, 'w:gridSpan') ?? '1') || 1);
      const vMerge = childElement(tcPr, 'w:vMerge');
      const continued = vMerge !== undefined && (attribute(vMerge, 'w:val') ?? 'continue') === 'continue';
      if (span > 1 || continued) merged = true;
      const firstP = childElement(tc, 'w:p');
      const jc = childValue(childElement(firstP, 'w:pPr'), 'w:jc');
      cells.push({ type: 'tableCell', children: continued ? [] : cellPhrasing(tc, context) });
      rowAlign.push(jc === undefined ? null : ALIGN[jc] ?? null);
      for (let extra = 1; extra < span; extra++) {
        cells.push({ type: 'tableCell', children: [] });
        rowAlign.push(null);
      }
    }
    align ??= rowAlign;
    rows.push({ type: 'tableRow', children: cells });
  }
  if (merged) {
    // Reported at the table's first paragraph.
    const outer = { paragraph: context.paragraph, excerpt: context.excerpt };
    context.paragraph = firstParagraph;
    context.excerpt = element;
    warn(context, 'import-merged-cell', { table: tableNumber });
    Object.assign(context, outer);
  }
  // Markdown rows all have the header's number of cells.
  const width = Math.max(0, ...rows.map((row) => row.children.length));
  for (const row of rows) while (row.children.length < width) row.children.push({ type: 'tableCell', children: [] });
  const node: Table = { type: 'table', align: (align ?? []).concat(Array(Math.max(0, width - (align?.length ?? 0))).fill(null)), children: rows };
  node.data = { docxParagraph: firstParagraph };
  return { kind: 'table', index: firstParagraph, node };
}

/** The cells of a row, also those wrapped in content controls or custom XML. */
function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (const child of childElements(row)) {
    const name = nameOf(child);
    if (name === 'w:tc') cells.push(child);
    else if (name === 'w:sdt') {
      const content = childElement(child, 'w:sdtContent');
      if (content) cells.push(...cellsOf(content));
    } else if (name === 'w:customXml') cells.push(...cellsOf(child));
  }
  return cells;
}

function firstBodyParagraph(element: Element, context: ReadContext): number {
  const stack: Element[] = [element];
  while (stack.length > 0) {
    const current = stack.shift() as Element;
    if (nameOf(current) === 'w:p') return context.paragraphNumbers.get(current) ?? context.paragraph;
    stack.unshift(...childElements(current));
  }
  return context.paragraph;
}
