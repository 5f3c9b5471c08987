/**
 * The leaves of a report: every block whose inline content is one paragraph of Word (a
 * paragraph, a heading, a table cell, a caption, a code block, a footnote's paragraph), in
 * document order, each with its text as Word shows it. Review compares documents leaf by leaf.
 *
 * Read from a source tree (with `source`), each leaf also knows where each character of its text
 * stands in the source, so that a change found in the text can be written into the source at the
 * exact place. Read from a tree that holds suggestions (an edited Word file read with its tracked
 * changes), each leaf knows its tracked changes and comments, in the coordinates of its text.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { joinSoftBreaks } from '../render/docx/handlers/phrasing.ts';
import type { Attribution, Suggestion } from '../critic/syntax.ts';
import { alignCharacters } from './align-characters.ts';
import type { CrossrefTarget } from '../types.ts';

/** What kind of block a leaf is. */
export type LeafKind = 'paragraph' | 'heading' | 'cell' | 'caption' | 'code' | 'footnote';

/** A run of a leaf's text that stands in the source, character for character or nearly. */
export interface LeafSegment {
  /** Start of the run in the leaf's text. */
  start: number;
  /** End of the run in the leaf's text. */
  end: number;
  /** Source offset of each text offset from `start` to `end` inclusive (`end - start + 1` entries). */
  sources: number[];
}

/** A tracked change or a comment in a leaf, in the coordinates of the leaf's text. */
export interface LeafMark {
  kind: 'insert' | 'delete' | 'comment';
  /** Range in the leaf's text: an insertion's or a comment anchor's text; a deletion is empty (where it was). */
  start: number;
  end: number;
  /** The deleted text (deletions), the anchored or inserted text otherwise. */
  text: string;
  attribution: Attribution;
}

/** What made a generated text: a citation's formatted text, the bibliography, a cross-reference's or a caption's number. */
export type GeneratedKind = 'citation' | 'bibliography' | 'cross-reference' | 'caption-number';

/**
 * A run of a leaf's text the build generates (source trees only): an edit inside it has no
 * place in the source (the build would make the same text again), and is reported instead.
 */
export interface GeneratedSpan {
  start: number;
  end: number;
  kind: GeneratedKind;
}

/** One leaf of a document. */
export interface Leaf {
  kind: LeafKind;
  text: string;
  /** The headings above it, outermost first. */
  headings: string[];
  /** Its position under its nearest heading: the n-th paragraph, table row and column, footnote label. */
  where: LeafWhere;
  /** Line in the source (source trees only). */
  line?: number;
  /** Runs of the text placed in the source (source trees only). */
  segments: LeafSegment[];
  /** Where the block and its inline content stand in the source (source trees only). */
  range?: LeafRange;
  /** Tracked changes and comments (trees read with their suggestions). */
  marks: LeafMark[];
  /** Runs of the text the build generates (source trees only). */
  generated: GeneratedSpan[];
}

/** Source offsets of a leaf's block, of its inline content, and the text before the block on its first line. */
export interface LeafRange {
  blockStart: number;
  blockEnd: number;
  inlineStart: number;
  inlineEnd: number;
  /** What stands before the block on its line (`> `, `- `, indentation). */
  linePrefix: string;
}

/** Where a leaf stands under its nearest heading. */
export type LeafWhere =
  | { kind: 'paragraph'; index: number }
  | { kind: 'heading' }
  | { kind: 'cell'; table: number; row: number; column: number }
  | { kind: 'caption' }
  | { kind: 'code'; index: number }
  | { kind: 'footnote'; label: string };

/** Which text of suggestions a leaf shows: the suggestions accepted, or rejected. */
export type LeafView = 'accept' | 'reject';

interface Walk {
  source: string | undefined;
  view: LeafView;
  leaves: Leaf[];
  headings: string[];
  paragraphIndex: number;
  tableIndex: number;
  codeIndex: number;
  /** Nodes not to read as leaves (the title heading, shown in Word as the title block). */
  skip: ReadonlySet<Nodes>;
  /** Headings the build made (the bibliography's, at the end of the report). */
  generatedHeadings: ReadonlySet<Nodes>;
}

/**
 * The leaves of `tree` in document order, footnotes last in the order of their first reference.
 * With `source`, the text the tree was parsed from, leaves carry their source segments.
 */
export function leavesOf(tree: Root, options: { source?: string; view?: LeafView; skip?: ReadonlySet<Nodes> } = {}): Leaf[] {
  const walk: Walk = { source: options.source, view: options.view ?? 'accept', leaves: [], headings: [], paragraphIndex: 0, tableIndex: 0, codeIndex: 0, skip: options.skip ?? new Set(), generatedHeadings: bibliographyHeadings(tree) };
  const footnotes = new Map<string, RootContent>();
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') footnotes.set(node.identifier, node);
    else block(node, walk);
  }
  for (const identifier of footnoteOrder(tree, footnotes)) {
    const definition = footnotes.get(identifier);
    if (definition?.type !== 'footnoteDefinition') continue;
    for (const child of definition.children) {
      if (child.type === 'paragraph') addLeaf(walk, 'footnote', child.children, { kind: 'footnote', label: definition.label ?? identifier }, child);
      else block(child, walk);
    }
  }
  return walk.leaves;
}

function footnoteOrder(tree: Root, definitions: ReadonlyMap<string, RootContent>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (node: Nodes) => {
    if (node.type === 'footnoteReference' && !seen.has(node.identifier)) {
      seen.add(node.identifier);
      order.push(node.identifier);
      const definition = definitions.get(node.identifier);
      if (definition) visit(definition);
    }
    if ('children' in node && node.type !== 'footnoteDefinition') for (const child of node.children) visit(child as Nodes);
    if (node.type === 'footnoteDefinition') for (const child of node.children) visit(child);
  };
  for (const child of tree.children) if (child.type !== 'footnoteDefinition') visit(child);
  for (const identifier of definitions.keys()) if (!seen.has(identifier)) order.push(identifier);
  return order;
}

/** The heading the build put above a bibliography at the end of the report (`remarkCitations`). */
function bibliographyHeadings(tree: Root): Set<Nodes> {
  const found = new Set<Nodes>();
  tree.children.forEach((node, index) => {
    const before = tree.children[index - 1];
    if (node.type === 'bibliography' && node.data?.atRefs !== true && before?.type === 'heading' && before.data?.unnumbered === true) found.add(before);
  });
  return found;
}

/** Mark a whole leaf (the last one added) as generated text. */
function generatedLeaf(walk: Walk, kind: GeneratedKind): void {
  const leaf = walk.leaves.at(-1);
  if (leaf) leaf.generated = [{ start: 0, end: leaf.text.length, kind }];
}

function block(node: RootContent, walk: Walk): void {
  if (walk.skip.has(node)) return;
  switch (node.type) {
    case 'heading': {
      const text = plain(node.children, walk.view);
      walk.headings = [...walk.headings.slice(0, Math.max(0, node.depth - 1)), text];
      walk.paragraphIndex = 0;
      walk.tableIndex = 0;
      walk.codeIndex = 0;
      addLeaf(walk, 'heading', node.children, { kind: 'heading' }, node);
      if (walk.generatedHeadings.has(node)) generatedLeaf(walk, 'bibliography');
      return;
    }
    case 'bibliography':
      // Each entry as Word shows it: its margin label, a tab, its text; all of it made by the build.
      for (const entry of node.children) {
        walk.paragraphIndex++;
        const label = entry.data?.bibliographyEntry?.label;
        addLeaf(walk, 'paragraph', [...(label === undefined ? [] : [{ type: 'text' as const, value: `${label}\t` }]), ...entry.children], { kind: 'paragraph', index: walk.paragraphIndex }, node);
        generatedLeaf(walk, 'bibliography');
      }
      return;
    case 'paragraph':
      walk.paragraphIndex++;
      addLeaf(walk, 'paragraph', node.children, { kind: 'paragraph', index: walk.paragraphIndex }, node);
      return;
    case 'table': {
      walk.tableIndex++;
      const caption = node.data?.caption;
      if (caption || node.data?.crossref) {
        addLeaf(walk, 'caption', [...captionNumber(node.data?.crossref, (caption?.length ?? 0) > 0), ...(caption ?? [])], { kind: 'caption' }, undefined);
        captionNumberSpan(walk, node.data?.crossref, (caption?.length ?? 0) > 0);
      }
      node.children.forEach((row, rowIndex) =>
        row.children.forEach((cell: TableCell, columnIndex) => addLeaf(walk, 'cell', cell.children, { kind: 'cell', table: walk.tableIndex, row: rowIndex + 1, column: columnIndex + 1 }, cell)),
      );
      return;
    }
    case 'figure':
      addLeaf(walk, 'caption', [...captionNumber(node.data?.crossref, node.caption.length > 0), ...node.caption], { kind: 'caption' }, undefined);
      captionNumberSpan(walk, node.data?.crossref, node.caption.length > 0);
      return;
    case 'code': {
      // Its text is compared, but has no place in the source: CriticMarkup there would be code.
      walk.codeIndex++;
      const leaf = emptyLeaf(walk, 'code', { kind: 'code', index: walk.codeIndex }, node);
      leaf.text = node.value;
      walk.leaves.push(leaf);
      return;
    }
    default:
      if ('children' in node) for (const child of (node as Parent).children) block(child as RootContent, walk);
  }
}

/** A numbered caption's head as Word shows it (`图1　`), text with no place in the source. */
function captionNumber(target: CrossrefTarget | undefined, hasText: boolean): PhrasingContent[] {
  return target ? [{ type: 'text', value: hasText ? `${target.prefix}${target.separator}` : target.prefix }] : [];
}

/** The made number at the head of the caption just added (`图1`), without the separator after it. */
function captionNumberSpan(walk: Walk, target: CrossrefTarget | undefined, hasText: boolean): void {
  const leaf = walk.leaves.at(-1);
  const number = captionNumber(target, hasText)[0];
  if (!leaf || !target || number?.type !== 'text') return;
  const length = target.prefix.trim().length;
  if (leaf.text.startsWith(target.prefix.trim()) && length > 0) leaf.generated.push({ start: 0, end: length, kind: 'caption-number' });
}

function emptyLeaf(walk: Walk, kind: LeafKind, where: LeafWhere, node: Nodes | undefined): Leaf {
  const leaf: Leaf = { kind, text: '', headings: kind === 'heading' ? walk.headings.slice(0, -1) : [...walk.headings], where, segments: [], marks: [], generated: [] };
  const line = node?.position?.start.line;
  if (line !== undefined) leaf.line = line;
  return leaf;
}

function addLeaf(walk: Walk, kind: LeafKind, children: readonly PhrasingContent[], where: LeafWhere, node: Nodes | undefined): void {
  const leaf = emptyLeaf(walk, kind, where, node);
  if (leaf.line === undefined && children[0]?.position) leaf.line = children[0].position.start.line;
  const range = walk.source === undefined ? undefined : rangeOf(walk.source, node, children);
  if (range) leaf.range = range;
  inline(children, leaf, walk);
  walk.leaves.push(trimmed(leaf));
}

/**
 * The leaf without whitespace at its ends, as Word shows a paragraph (an image followed by its
 * caption on the next line reads back as a space before the caption).
 */
function trimmed(leaf: Leaf): Leaf {
  const start = leaf.text.length - leaf.text.trimStart().length;
  const end = leaf.text.trimEnd().length;
  if (start === 0 && end === leaf.text.length) return leaf;
  const clip = (offset: number) => Math.min(Math.max(offset, start), Math.max(start, end)) - start;
  leaf.text = leaf.text.slice(start, Math.max(start, end));
  leaf.segments = leaf.segments
    .filter((segment) => segment.end > start && segment.start < end)
    .map((segment) => {
      const from = Math.max(segment.start, start);
      const to = Math.min(segment.end, end);
      return { start: from - start, end: to - start, sources: segment.sources.slice(from - segment.start, to - segment.start + 1) };
    });
  leaf.marks = leaf.marks.map((mark) => ({ ...mark, start: clip(mark.start), end: clip(mark.end) }));
  leaf.generated = leaf.generated.map((span) => ({ ...span, start: clip(span.start), end: clip(span.end) })).filter((span) => span.end > span.start);
  return leaf;
}

/** The text of inline content as a leaf shows it. */
function plain(children: readonly PhrasingContent[], view: LeafView): string {
  const leaf: Leaf = { kind: 'paragraph', text: '', headings: [], where: { kind: 'heading' }, segments: [], marks: [], generated: [] };
  inline(children, leaf, { source: undefined, view, leaves: [], headings: [], paragraphIndex: 0, tableIndex: 0, codeIndex: 0, skip: new Set(), generatedHeadings: new Set() });
  return leaf.text;
}

function inline(nodes: readonly Nodes[], leaf: Leaf, walk: Walk): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        appendText(leaf, joinSoftBreaks(node.value), node, walk.source);
        break;
      case 'inlineCode':
        // No place in the source: CriticMarkup inside a code span would be its literal text.
        appendText(leaf, node.value.replace(/\r?\n/g, ' '), node, undefined);
        break;
      case 'break':
        leaf.text += '\n';
        break;
      case 'footnoteReference':
      case 'image':
      case 'imageReference':
      case 'html':
        break;
      case 'link':
        if (node.data?.crossReference) appendReference(leaf, toString(node), node, walk.source, 'cross-reference');
        else if (node.data?.citation) appendReference(leaf, toString(node), node, walk.source, 'citation');
        else inline(node.children, leaf, walk);
        break;
      default:
        if (isSuggestion(node)) suggestion(node, leaf, walk);
        else if ('children' in node) inline(node.children as Nodes[], leaf, walk);
        else if ('value' in node && typeof node.value === 'string') leaf.text += node.value;
    }
  }
}

function isSuggestion(node: Nodes | Suggestion): node is Suggestion {
  return node.type === 'suggestionInsert' || node.type === 'suggestionDelete' || node.type === 'suggestionSubstitute' || node.type === 'suggestionComment';
}

function suggestion(node: Suggestion, leaf: Leaf, walk: Walk): void {
  // Text inside a suggestion is not placed in the source: an edit there would break its markup.
  const inner: Walk = { ...walk, source: undefined };
  const start = leaf.text.length;
  if (node.type === 'suggestionComment') {
    inline(node.children as Nodes[], leaf, inner);
    leaf.marks.push({ kind: 'comment', start, end: leaf.text.length, text: leaf.text.slice(start), attribution: node.attribution });
    return;
  }
  const deleted = node.type === 'suggestionInsert' ? [] : node.children;
  const inserted = node.type === 'suggestionInsert' ? node.children : node.type === 'suggestionSubstitute' ? node.inserted : [];
  const shown = walk.view === 'accept' ? inserted : deleted;
  inline(shown as Nodes[], leaf, inner);
  if (deleted.length > 0) leaf.marks.push({ kind: 'delete', start, end: start, text: toString({ type: 'paragraph', children: deleted } as Nodes), attribution: node.attribution });
  if (inserted.length > 0 && walk.view === 'accept') leaf.marks.push({ kind: 'insert', start, end: leaf.text.length, text: leaf.text.slice(start), attribution: node.attribution });
}

function appendText(leaf: Leaf, rendered: string, node: Nodes, source: string | undefined): void {
  const start = leaf.text.length;
  leaf.text += rendered;
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (source === undefined || from === undefined || to === undefined || rendered === '') return;
  const slice = source.slice(from, to);
  const sources = slice === rendered ? Array.from({ length: rendered.length + 1 }, (_, index) => from + index) : alignCharacters(rendered, slice).map((offset) => from + offset);
  leaf.segments.push({ start, end: leaf.text.length, sources });
}


/**
 * A cross-reference's text (`图1`), made from its source (`@fig-a`, or a whole `[@fig-a; @tbl-b]`),
 * or a citation's (`[1]`, from `[@a]`): one unit there, so that an edit next to it lands before or
 * after what was written, never inside; an edit inside it is an edit of generated text.
 */
function appendReference(leaf: Leaf, rendered: string, node: Nodes, source: string | undefined, kind: GeneratedKind): void {
  const start = leaf.text.length;
  leaf.text += rendered;
  if (rendered !== '') leaf.generated.push({ start, end: leaf.text.length, kind });
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (source === undefined || from === undefined || to === undefined || rendered === '') return;
  leaf.segments.push({ start, end: leaf.text.length, sources: [...Array.from({ length: rendered.length }, () => from), to] });
}

function rangeOf(source: string, node: Nodes | undefined, children: readonly PhrasingContent[]): LeafRange | undefined {
  // Made text (a caption's number) has no place: the range is that of the written content.
  const inlineStart = children.find((child) => child.position)?.position?.start.offset;
  const inlineEnd = children.findLast((child) => child.position)?.position?.end.offset;
  if (inlineStart === undefined || inlineEnd === undefined) return undefined;
  const blockStart = node?.position?.start.offset ?? inlineStart;
  const blockEnd = node?.position?.end.offset ?? inlineEnd;
  const lineStart = source.lastIndexOf('\n', blockStart - 1) + 1;
  return { blockStart, blockEnd, inlineStart, inlineEnd, linePrefix: source.slice(lineStart, blockStart) };
}
