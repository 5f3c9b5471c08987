import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { altOf, parentTreeSlots, readStructTree, standardType, textOf, type ParentTreeSlot, type StructNode } from './struct-tree.ts';

/**
 * Repairs of Chromium's structure tree for PDF/UA-1, which is built on PDF 1.7's standard
 * structure types. Each repair changes tags only, never content or MCIDs:
 *
 * - **Role map.** Chromium writes the PDF 2.0 types `Strong` and `Em` (and may write other
 *   PDF 2.0 types); PDF 1.7 does not know them, and PDF/UA-1 requires every non-standard type
 *   to be role-mapped. They are mapped to their PDF 1.7 equivalents (`Span`, `Div`, `P`, `Note`).
 * - **Figure groups.** An HTML `<figure>` becomes a `Figure` that groups the image's own
 *   `Figure` (with `/Alt`) and the `Caption`. PDF/UA-1 requires alternate text on every
 *   `Figure`; giving the group the image's text would make screen readers skip the caption, so
 *   a `Figure` without alternate text that holds only other elements (no content of its own)
 *   becomes a `Div`.
 * - **Formulas.** The print page gives each formula's `<math>` the role of an image labelled
 *   with its TeX (`print-formulas.ts`), so that Chromium writes a `Figure` with the TeX as
 *   `/Alt`; such a `Figure` (alternate text, and only `NonStruct` elements inside: the MathML
 *   elements, where an image's `Figure` holds its marked content) becomes a `Formula`.
 * - **List bodies.** Chromium's `LI` holds the `Lbl` and then the item's content directly; PDF
 *   1.7 (and PDF/UA checkers) expect `LI` to hold `Lbl` and `LBody`. Everything after the
 *   label is moved into a new `LBody`, and the parent tree follows the marked content and
 *   annotations that moved.
 * - **Identifiers.** Element identifiers (`/ID`, used by table cells' `/Headers`) are
 *   renumbered in document order, so that they do not depend on what the browser printed
 *   before ({@link renumberIdentifiers}).
 */

/** PDF 2.0 structure types (and other types Chromium may write) with their PDF 1.7 role. */
const PDF17_ROLES: Readonly<Record<string, string>> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  Aside: 'Div',
  DocumentFragment: 'Div',
};

/** The standard structure types of PDF 1.7 (ISO 32000-1 §14.8.4). */
export const PDF17_STANDARD_TYPES: ReadonlySet<string> = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

/** What {@link fixStructure} changed. */
export interface StructureFixStats {
  /** Types added to the role map, e.g. `Strong→Span`. */
  roleMapped: string[];
  /** Types that are neither standard nor mapped (left as they are). */
  unmapped: string[];
  /** Grouping `Figure`s retagged as `Div`. */
  figureGroups: number;
  /** `Figure`s of formulas retagged as `Formula`. */
  formulas: number;
  /** `LBody` elements added. */
  listBodies: number;
  /** Element identifiers renumbered in document order. */
  identifiers: number;
}

/** Apply the repairs described in the module comment. */
export function fixStructure(document: PDFDocument): StructureFixStats {
  const stats: StructureFixStats = { roleMapped: [], unmapped: [], figureGroups: 0, formulas: 0, listBodies: 0, identifiers: 0 };
  const tree = readStructTree(document);
  if (!tree) return stats;
  const { context } = document;

  // Role map.
  const used = new Set(tree.elements.map((node) => node.type));
  for (const type of [...used].sort()) {
    if (PDF17_STANDARD_TYPES.has(type) || PDF17_STANDARD_TYPES.has(standardType(type, tree.roleMap))) continue;
    const role = PDF17_ROLES[type];
    if (role === undefined) {
      stats.unmapped.push(type);
      continue;
    }
    let roleMap = tree.root.dict.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
    if (!roleMap) {
      roleMap = context.obj({});
      tree.root.dict.set(PDFName.of('RoleMap'), roleMap);
    }
    roleMap.set(PDFName.of(type), PDFName.of(role));
    tree.roleMap.set(type, role);
    stats.roleMapped.push(`${type}→${role}`);
  }

  // Figure groups.
  for (const node of tree.elements) {
    if (standardType(node.type, tree.roleMap) !== 'Figure' || node.kids.length === 0) continue;
    if (altOf(node) !== undefined || textOf(node.dict.lookup(PDFName.of('ActualText'))) !== undefined) continue;
    if (!node.kids.every((kid) => kid.kind === 'element')) continue;
    node.dict.set(PDFName.of('S'), PDFName.of('Div'));
    node.type = 'Div';
    stats.figureGroups++;
  }

  // Formulas.
  for (const node of tree.elements) {
    if (standardType(node.type, tree.roleMap) !== 'Figure' || altOf(node) === undefined || node.kids.length === 0) continue;
    if (!node.kids.every((kid) => kid.kind === 'element' && standardType(kid.node.type, tree.roleMap) === 'NonStruct')) continue;
    node.dict.set(PDFName.of('S'), PDFName.of('Formula'));
    node.type = 'Formula';
    stats.formulas++;
  }

  // List bodies.
  let slots: Map<number, ParentTreeSlot> | undefined;
  for (const node of tree.elements) {
    if (standardType(node.type, tree.roleMap) !== 'LI' || !node.ref) continue;
    const written = node.dict.get(PDFName.of('K'));
    const resolved = written instanceof PDFRef ? context.lookup(written) : written;
    const entries: PDFObject[] = resolved instanceof PDFArray ? resolved.asArray() : written === undefined ? [] : [written];
    if (entries.length !== node.kids.length) continue; // kids that could not be read: leave the item alone
    const types = node.kids.map((kid) => (kid.kind === 'element' ? standardType(kid.node.type, tree.roleMap) : undefined));
    if (types.includes('LBody')) continue;
    const bodyStart = types[0] === 'Lbl' ? 1 : 0;
    if (bodyStart >= entries.length) continue;
    const moved = entries.slice(bodyStart);
    const bodyDict = context.obj({ Type: 'StructElem', S: 'LBody', P: node.ref, K: moved });
    if (node.page) bodyDict.set(PDFName.of('Pg'), node.page);
    const bodyRef = context.register(bodyDict);
    node.dict.set(PDFName.of('K'), context.obj([...entries.slice(0, bodyStart), bodyRef]));
    slots ??= parentTreeSlots(document);
    for (const kid of node.kids.slice(bodyStart)) {
      if (kid.kind === 'element') kid.node.dict.set(PDFName.of('P'), bodyRef);
      else if (kid.kind === 'mcid' && kid.page) repointMcid(document, slots, kid.page, kid.mcid, node.ref, bodyRef);
      else if (kid.kind === 'object') repointObject(document, slots, kid.object, node.ref, bodyRef);
    }
    stats.listBodies++;
  }

  stats.identifiers = renumberIdentifiers(document, tree.root.dict, tree.elements);
  return stats;
}

/**
 * Give the elements that have an `/ID` new identifiers in document order (`node00000001`, …)
 * and update what refers to them: the `/IDTree` (rebuilt as one sorted leaf, the old nodes
 * deleted) and the `/Headers` of table cells. Chromium numbers these identifiers with a
 * counter of the renderer, which keeps counting across the documents a browser prints: two
 * prints of the same table in one browser got `node00000064` and `node00000078`. Returns how
 * many identifiers were renumbered.
 */
export function renumberIdentifiers(document: PDFDocument, root: PDFDict, elements: readonly StructNode[]): number {
  const { context } = document;
  const renamed = new Map<string, string>();
  const names: [string, PDFObject][] = [];
  for (const node of elements) {
    const id = textOf(node.dict.lookup(PDFName.of('ID')));
    if (id === undefined || renamed.has(id)) continue;
    const next = `node${String(renamed.size + 1).padStart(8, '0')}`;
    renamed.set(id, next);
    node.dict.set(PDFName.of('ID'), PDFString.of(next));
    names.push([next, node.ref ?? node.dict]);
  }
  const done = new Set<PDFObject>();
  for (const node of elements) {
    const attributes = node.dict.lookup(PDFName.of('A'));
    const list = attributes instanceof PDFArray ? attributes.asArray() : attributes === undefined ? [] : [attributes];
    for (const entry of list) {
      const dict = entry instanceof PDFRef ? context.lookup(entry) : entry;
      const headers = dict instanceof PDFDict ? dict.lookup(PDFName.of('Headers')) : undefined;
      if (!(headers instanceof PDFArray) || done.has(headers)) continue;
      done.add(headers);
      for (let index = 0; index < headers.size(); index++) {
        const target = renamed.get(textOf(headers.lookup(index)) ?? '');
        if (target !== undefined) headers.set(index, PDFString.of(target));
      }
    }
  }
  const oldTree = root.get(PDFName.of('IDTree'));
  if (renamed.size === 0 && oldTree === undefined) return 0;
  deleteTree(context, oldTree);
  names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const flat: PDFObject[] = names.flatMap(([name, element]) => [PDFString.of(name), element]);
  root.set(PDFName.of('IDTree'), context.register(context.obj({ Names: context.obj(flat) })));
  return renamed.size;
}

/** Delete the indirect objects of a name tree (its nodes and their `/Names` and `/Kids` arrays). */
function deleteTree(context: PDFDocument['context'], node: PDFObject | undefined): void {
  const pending: (PDFObject | undefined)[] = [node];
  while (pending.length > 0) {
    const current = pending.pop();
    const dict = current instanceof PDFRef ? context.lookup(current) : current;
    if (current instanceof PDFRef) context.delete(current);
    if (!(dict instanceof PDFDict)) continue;
    for (const key of ['Names', 'Kids', 'Limits']) {
      const value = dict.get(PDFName.of(key));
      if (value instanceof PDFRef) {
        const array = context.lookup(value);
        context.delete(value);
        if (key === 'Kids' && array instanceof PDFArray) pending.push(...array.asArray());
      } else if (key === 'Kids' && value instanceof PDFArray) pending.push(...value.asArray());
    }
  }
}

/** Make the parent-tree entry of a page's MCID point to `to` (when it pointed to `from`). */
function repointMcid(document: PDFDocument, slots: Map<number, ParentTreeSlot>, pageRef: PDFRef, mcid: number, from: PDFRef, to: PDFRef): void {
  const page = document.context.lookup(pageRef);
  const key = page instanceof PDFDict ? page.get(PDFName.of('StructParents')) : undefined;
  const slot = key === undefined ? undefined : slots.get(Number(key.toString()));
  const array = slot?.nums.lookup(slot.index);
  if (array instanceof PDFArray && array.get(mcid) === from) array.set(mcid, to);
}

/** Make the parent-tree entry of an annotation (or XObject) point to `to`. */
function repointObject(document: PDFDocument, slots: Map<number, ParentTreeSlot>, objectRef: PDFRef, from: PDFRef, to: PDFRef): void {
  const object = document.context.lookup(objectRef);
  const dict = object instanceof PDFDict ? object : undefined;
  const key = dict?.get(PDFName.of('StructParent'));
  const slot = key === undefined ? undefined : slots.get(Number(key.toString()));
  if (slot && slot.nums.get(slot.index) === from) slot.nums.set(slot.index, to);
}

/** Nodes of a tree whose type (after the role map) is `type`. */
export function nodesOfType(nodes: readonly StructNode[], type: string, roleMap: ReadonlyMap<string, string>): StructNode[] {
  return nodes.filter((node) => standardType(node.type, roleMap) === type);
}
