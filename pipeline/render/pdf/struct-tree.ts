import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';

/**
 * Reading a tagged PDF's logical structure (ISO 32000-1 §14.7): the structure tree root, its
 * elements with their kids (elements, marked-content references, object references), the
 * role map and the parent tree. Shared by the finishing steps that fix tags and by the tests
 * that read them back.
 */

/** One structure element. */
export interface StructNode {
  dict: PDFDict;
  /** Its reference (Chromium writes every element as an indirect object). */
  ref?: PDFRef;
  /** The type as written (`/S`); see {@link standardType} for the role-mapped one. */
  type: string;
  parent?: StructNode;
  kids: StructKid[];
  /** The page of its content (`/Pg`, inherited from the nearest ancestor that has one). */
  page?: PDFRef;
}

/** A kid of a structure element: an element, marked content of a page, or an annotation or XObject. */
export type StructKid =
  | { kind: 'element'; node: StructNode }
  | { kind: 'mcid'; mcid: number; page?: PDFRef }
  | { kind: 'object'; object: PDFRef; page?: PDFRef };

/** The structure tree root and its top-level elements (a node of type `StructTreeRoot`). */
export interface StructTree {
  root: StructNode;
  /** Every element, depth first in document order. */
  elements: StructNode[];
  roleMap: Map<string, string>;
}

/** Text of a string object (literal or hex), or undefined. */
export function textOf(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/** Read the structure tree of a document, or undefined when it has none. */
export function readStructTree(document: PDFDocument): StructTree | undefined {
  const { context } = document;
  const rootDict = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!rootDict) return undefined;
  const roleMap = new Map<string, string>();
  const roles = rootDict.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  if (roles) {
    for (const [key, value] of roles.entries()) {
      const target = value instanceof PDFRef ? context.lookup(value) : value;
      if (target instanceof PDFName) roleMap.set(key.decodeText(), target.decodeText());
    }
  }
  const root: StructNode = { dict: rootDict, type: 'StructTreeRoot', kids: [] };
  const elements: StructNode[] = [];
  const seen = new Set<PDFDict>([rootDict]);
  const pageOf = (dict: PDFDict): PDFRef | undefined => {
    const page = dict.get(PDFName.of('Pg'));
    return page instanceof PDFRef ? page : undefined;
  };
  // Depth first with an explicit stack (deep trees must not overflow the call stack).
  const stack: { node: StructNode; kids: PDFObject[]; index: number }[] = [{ node: root, kids: kidsOf(rootDict), index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (!frame) break;
    if (frame.index >= frame.kids.length) {
      stack.pop();
      continue;
    }
    const entry = frame.kids[frame.index++];
    const parent = frame.node;
    const inheritedPage = parent.page;
    if (entry instanceof PDFNumber) {
      parent.kids.push(mcidKid(entry.asNumber(), inheritedPage));
      continue;
    }
    const ref = entry instanceof PDFRef ? entry : undefined;
    const dict = ref ? context.lookup(ref) : entry;
    if (!(dict instanceof PDFDict) || seen.has(dict)) continue;
    const mcid = dict.lookupMaybe(PDFName.of('MCID'), PDFNumber);
    if (mcid) {
      parent.kids.push(mcidKid(mcid.asNumber(), pageOf(dict) ?? inheritedPage));
      continue;
    }
    const object = dict.get(PDFName.of('Obj'));
    if (object instanceof PDFRef && (dict.get(PDFName.of('Type')) === PDFName.of('OBJR') || !dict.has(PDFName.of('S')))) {
      parent.kids.push(objectKid(object, pageOf(dict) ?? inheritedPage));
      continue;
    }
    const type = dict.lookupMaybe(PDFName.of('S'), PDFName);
    if (!type) continue;
    seen.add(dict);
    const node: StructNode = { dict, type: type.decodeText(), parent, kids: [] };
    if (ref) node.ref = ref;
    const page = pageOf(dict) ?? inheritedPage;
    if (page) node.page = page;
    parent.kids.push({ kind: 'element', node });
    elements.push(node);
    stack.push({ node, kids: kidsOf(dict), index: 0 });
  }
  return { root, elements, roleMap };

  function kidsOf(dict: PDFDict): PDFObject[] {
    const kids = dict.get(PDFName.of('K'));
    const resolved = kids instanceof PDFRef ? context.lookup(kids) : kids;
    if (resolved instanceof PDFArray) return resolved.asArray();
    return kids === undefined ? [] : [kids];
  }
}

function mcidKid(mcid: number, page: PDFRef | undefined): StructKid {
  return page ? { kind: 'mcid', mcid, page } : { kind: 'mcid', mcid };
}

function objectKid(object: PDFRef, page: PDFRef | undefined): StructKid {
  return page ? { kind: 'object', object, page } : { kind: 'object', object };
}

/** The type of an element after following the role map (at most a few steps, no cycles). */
export function standardType(type: string, roleMap: ReadonlyMap<string, string>): string {
  let current = type;
  for (let step = 0; step < 8; step++) {
    const next = roleMap.get(current);
    if (next === undefined || next === current) return current;
    current = next;
  }
  return current;
}

/** A node's alternate description (`/Alt`), if any. */
export function altOf(node: StructNode): string | undefined {
  return textOf(node.dict.lookup(PDFName.of('Alt')));
}

/**
 * An attribute of an element from its `/A` attribute objects (a dictionary or an array of
 * them, possibly with revision numbers), e.g. `Scope` of owner `Table`.
 */
export function attributeOf(document: PDFDocument, node: StructNode, owner: string, key: string): PDFObject | undefined {
  const attributes = node.dict.lookup(PDFName.of('A'));
  const list = attributes instanceof PDFArray ? attributes.asArray() : attributes === undefined ? [] : [attributes];
  for (const entry of list) {
    const dict = entry instanceof PDFRef ? document.context.lookup(entry) : entry;
    if (!(dict instanceof PDFDict) || dict.get(PDFName.of('O')) !== PDFName.of(owner)) continue;
    const value = dict.get(PDFName.of(key));
    if (value !== undefined) return value instanceof PDFRef ? document.context.lookup(value) : value;
  }
  return undefined;
}

/** Where one value of the parent tree sits, so that it can be read and replaced. */
export interface ParentTreeSlot {
  /** The `/Nums` array holding the value. */
  nums: PDFArray;
  /** Index of the value in `nums`. */
  index: number;
}

/**
 * The parent tree (a number tree from `/StructParent(s)` keys to the element, or to an array
 * of elements indexed by MCID, of a page) flattened to a map from key to slot.
 */
export function parentTreeSlots(document: PDFDocument): Map<number, ParentTreeSlot> {
  const { context } = document;
  const slots = new Map<number, ParentTreeSlot>();
  const rootDict = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const tree = rootDict?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  const pending: PDFDict[] = tree ? [tree] : [];
  const seen = new Set<PDFDict>();
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || seen.has(node)) continue;
    seen.add(node);
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (nums) {
      for (let index = 0; index + 1 < nums.size(); index += 2) {
        const key = nums.lookup(index);
        if (key instanceof PDFNumber) slots.set(key.asNumber(), { nums, index: index + 1 });
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let index = kids.size() - 1; index >= 0; index--) {
      const kid = context.lookup(kids.get(index));
      if (kid instanceof PDFDict) pending.push(kid);
    }
  }
  return slots;
}

/** The value of a parent-tree slot, references resolved. */
export function slotValue(document: PDFDocument, slot: ParentTreeSlot): PDFObject | undefined {
  return slot.nums.lookup(slot.index);
}
