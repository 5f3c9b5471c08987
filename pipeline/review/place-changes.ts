/**
 * Write a department's changes into the source: each becomes CriticMarkup at its exact place
 * (`{~~old~>new~~}{>>市发展改革委 2024-12-01<<}`), cut at the edges of the source's inline
 * markup, and a row of the summary of opinions. A change the source has no place for (text
 * the source does not hold, or changed since the copy was made) is a row only, noted so.
 */
import { commentMarkup, deleteMarkup, insertMarkup, substituteMarkup, type Attribution } from '../critic/syntax.ts';
import type { BaseMatches } from './base-to-source.ts';
import type { DepartmentChange } from './department-changes.ts';
import type { GeneratedKind, GeneratedSpan, Leaf } from './leaves.ts';
import { locationOf, type Opinion } from './opinion.ts';
import { sourcePieces, sourcePoint } from './source-pieces.ts';

/** One piece of CriticMarkup for the source: it replaces `[from, to)`. */
export interface PlacedEdit {
  from: number;
  to: number;
  markup: string;
  /** The text replaced and the text proposed, to tell equal edits of two departments from conflicting ones. */
  old: string;
  proposed: string;
  opinion: Opinion;
  /** A whole new paragraph (two departments' new paragraphs after one paragraph both stand). */
  block?: boolean;
}

/** Everything one copy proposes: edits for the source, and the rows of the summary. */
export interface PlacedChanges {
  edits: PlacedEdit[];
  opinions: Opinion[];
}

/** What placing needs besides the changes. */
export interface PlaceContext {
  source: string;
  base: readonly Leaf[];
  sourceLeaves: readonly Leaf[];
  matches: BaseMatches['matches'];
  chinese: boolean;
  copy: string;
  /** Prefix of move ids, unique to the copy. */
  movePrefix: string;
}

/** Place the changes of one copy. */
export function placeChanges(changes: readonly DepartmentChange[], context: PlaceContext): PlacedChanges {
  const placed: PlacedChanges = { edits: [], opinions: [] };
  for (const change of changes) {
    switch (change.kind) {
      case 'edit':
        placeEdit(change, context, placed);
        break;
      case 'insert-leaf':
        placeInsertedLeaf(change, context, placed);
        break;
      case 'delete-leaf':
        placeDeletedLeaf(change, context, placed);
        break;
      case 'comment':
        placeComment(change, context, placed);
        break;
    }
  }
  return placed;
}

function opinionFor(context: PlaceContext, leaf: Leaf | undefined, fields: Pick<Opinion, 'kind' | 'original' | 'proposal' | 'tracked'> & { attribution: Attribution }): Opinion {
  const { attribution, ...rest } = fields;
  const opinion: Opinion = { copy: context.copy, author: attribution.author ?? context.copy, kind: rest.kind, location: leaf ? locationOf(leaf, context.chinese) : '', original: rest.original, proposal: rest.proposal, tracked: rest.tracked, notes: [] };
  const date = attribution.date?.slice(0, 10);
  if (date) opinion.date = date;
  return opinion;
}

/** The attribution written after a change: author and day, and a move's id. */
function written(attribution: Attribution, move?: string): Attribution {
  const result: Attribution = {};
  if (attribution.author) result.author = attribution.author;
  const date = attribution.date?.slice(0, 10);
  if (date) result.date = date;
  if (move) result.text = `move:${move}`;
  return result;
}

function sourceLeafOf(context: PlaceContext, baseIndex: number): { leaf: Leaf; match: NonNullable<BaseMatches['matches'][number]> } | undefined {
  const match = context.matches[baseIndex];
  const leaf = match ? context.sourceLeaves[match.source] : undefined;
  return match && leaf ? { leaf, match } : undefined;
}

/**
 * The generated text a change of a source leaf's `[start, end)` touches, if any: a change inside a
 * citation's or cross-reference's text or a caption's number, or anywhere in the bibliography.
 * Deleting whole citations or references (with text around them or not) is a change of the
 * source, which holds them whole.
 */
function generatedIn(leaf: Leaf, start: number, end: number, deletion: boolean): GeneratedSpan | undefined {
  for (const span of leaf.generated) {
    if (span.kind === 'bibliography') return span;
    const inside = start === end ? span.start < start && start < span.end : start < span.end && end > span.start;
    const whole = start <= span.start && end >= span.end;
    if (inside && !(deletion && whole)) return span;
  }
  return undefined;
}

/**
 * A change of generated text: in the table, not in the source. A change inside a citation or
 * a number shows the whole of it, before and after (`[1,2]` → `[1-2]`), not the characters alone.
 */
function generatedChange(opinion: Opinion, span: GeneratedSpan, leaf: Leaf, context: PlaceContext, placed: PlacedChanges, edit?: { start: number; end: number; text: string }): void {
  const kind = span.kind;
  if (edit && kind !== 'bibliography') {
    const from = Math.min(span.start, edit.start);
    const to = Math.max(span.end, edit.end);
    opinion.original = leaf.text.slice(from, to);
    opinion.proposal = `${leaf.text.slice(from, edit.start)}${edit.text}${leaf.text.slice(edit.end, to)}`;
    if (opinion.kind !== 'replace') opinion.kind = 'replace';
  }
  opinion.generated = kind;
  const what = context.chinese ? GENERATED_ZH[kind] : GENERATED_EN[kind];
  opinion.notes.push(context.chinese ? `改动的是自动生成的文字（${what}），未写入源文件` : `a change to generated text (${what}): not written into the source`);
  if (leaf.line !== undefined) opinion.line = leaf.line;
  placed.opinions.push(opinion);
}

/** What generated a text, as the table and the messages name it. */
export const GENERATED_ZH: Readonly<Record<GeneratedKind, string>> = { citation: '文献引用', bibliography: '参考文献表', 'cross-reference': '交叉引用', 'caption-number': '题注编号' };
/** What generated a text, in English. */
export const GENERATED_EN: Readonly<Record<GeneratedKind, string>> = { citation: 'a citation', bibliography: 'the bibliography', 'cross-reference': 'a cross-reference', 'caption-number': 'a caption number' };

function unplaced(opinion: Opinion, context: PlaceContext, placed: PlacedChanges): void {
  opinion.notes.push(context.chinese ? '源文件中没有可对应的位置，未写入源文件' : 'no place for it in the source; not written into the source');
  placed.opinions.push(opinion);
}

function placeEdit(change: Extract<DepartmentChange, { kind: 'edit' }>, context: PlaceContext, placed: PlacedChanges): void {
  const baseLeaf = context.base[change.base];
  const original = baseLeaf?.text.slice(change.start, change.end) ?? '';
  const kind = change.text === '' ? 'delete' : change.start === change.end ? 'insert' : 'replace';
  const proposal = change.text;
  const target = sourceLeafOf(context, change.base);
  const opinion = opinionFor(context, target?.leaf ?? baseLeaf, { kind, original: original === '' ? contextAround(baseLeaf, change.start, context.chinese) : original, proposal, tracked: change.tracked, attribution: change.attribution });
  if (!target) return unplaced(opinion, context, placed);
  const start = target.match.offset(change.start);
  const end = target.match.offset(change.end);
  if (start === undefined || end === undefined) return unplaced(opinion, context, placed);
  const generated = generatedIn(target.leaf, start, end, change.text === '');
  if (generated !== undefined) return generatedChange(opinion, generated, target.leaf, context, placed, { start, end, text: change.text });
  const attribution = written(change.attribution);
  const text = escapeMarkdown(change.text);
  if (start === end) {
    const at = sourcePoint(target.leaf, start, context.source);
    if (at === undefined) return unplaced(opinion, context, placed);
    placed.edits.push({ from: at, to: at, markup: insertMarkup(text, attribution), old: '', proposed: change.text, opinion });
  } else {
    const pieces = sourcePieces(target.leaf, start, end, context.source);
    if (pieces.length === 0) return unplaced(opinion, context, placed);
    pieces.forEach((piece, index) => {
      const old = context.source.slice(piece.from, piece.to);
      const markup = index > 0 || text === '' ? deleteMarkup(old, attribution) : substituteMarkup(old, text, attribution);
      placed.edits.push({ from: piece.from, to: piece.to, markup, old, proposed: index === 0 ? change.text : '', opinion });
    });
  }
  opinion.line = target.leaf.line ?? 0;
  placed.opinions.push(opinion);
}

/** For an insertion: the words before it, so the row says where it goes. */
function contextAround(leaf: Leaf | undefined, offset: number, chinese: boolean): string {
  if (!leaf) return '';
  const before = leaf.text.slice(Math.max(0, offset - 12), offset);
  const after = leaf.text.slice(offset, offset + 12);
  if (before === '') return chinese ? `（在“${after}…”之前）` : `(before “${after}…”)`;
  return chinese ? `（在“…${before}”之后）` : `(after “…${before}”)`;
}

function placeInsertedLeaf(change: Extract<DepartmentChange, { kind: 'insert-leaf' }>, context: PlaceContext, placed: PlacedChanges): void {
  // The source leaf of the nearest base leaf before the new paragraph that has one.
  let anchor: Leaf | undefined;
  for (let index = change.after; index >= 0 && !anchor; index--) anchor = sourceLeafOf(context, index)?.leaf;
  const opinion = opinionFor(context, anchor, { kind: change.move ? 'move' : 'insert', original: '', proposal: change.text, tracked: change.tracked, attribution: change.attribution });
  if (context.chinese) opinion.notes.push('新增段落');
  else opinion.notes.push('new paragraph');
  // A paragraph added among the bibliography's entries (the build makes them all).
  const bibliography = anchor?.generated.find((span) => span.kind === 'bibliography');
  if (anchor && bibliography) return generatedChange(opinion, bibliography, anchor, context, placed);
  const attribution = written(change.attribution, change.move ? `${context.movePrefix}${change.move}` : undefined);
  const markup = insertMarkup(escapeMarkdown(change.text), attribution);
  const first = context.sourceLeaves.find((leaf) => leaf.range !== undefined);
  if (!anchor) {
    if (!first?.range) return unplaced(opinion, context, placed);
    placed.edits.push({ from: first.range.blockStart, to: first.range.blockStart, markup: `${markup}\n\n${first.range.linePrefix.replace(/\S/g, ' ')}`, old: '', proposed: change.text, opinion, block: true });
  } else if (anchor.range && (anchor.kind === 'paragraph' || anchor.kind === 'heading' || anchor.kind === 'code')) {
    const prefix = anchor.range.linePrefix.replace(/(?:[-*+]|\d{1,9}[.)])([ \t]+)(?:\[[ xX]\][ \t]+)?$/, (marker) => ' '.repeat(marker.length));
    placed.edits.push({ from: anchor.range.blockEnd, to: anchor.range.blockEnd, markup: `\n\n${prefix}${markup}`, old: '', proposed: change.text, opinion, block: true });
  } else if (anchor.range) {
    // After a table cell, a caption or a footnote a paragraph cannot stand: a comment holds it.
    const note = context.chinese ? `新增段落：${change.text}` : `new paragraph: ${change.text}`;
    placed.edits.push({ from: anchor.range.inlineEnd, to: anchor.range.inlineEnd, markup: commentMarkup('', { ...attribution, text: note }), old: '', proposed: change.text, opinion });
  } else {
    return unplaced(opinion, context, placed);
  }
  opinion.line = anchor?.line ?? first?.line ?? 0;
  placed.opinions.push(opinion);
}

function placeDeletedLeaf(change: Extract<DepartmentChange, { kind: 'delete-leaf' }>, context: PlaceContext, placed: PlacedChanges): void {
  const baseLeaf = context.base[change.base];
  const target = sourceLeafOf(context, change.base);
  const opinion = opinionFor(context, target?.leaf ?? baseLeaf, { kind: change.move ? 'move' : 'delete', original: baseLeaf?.text ?? '', proposal: '', tracked: change.tracked, attribution: change.attribution });
  if (context.chinese) opinion.notes.push(change.move ? '段落移动（原位置）' : '删除整段');
  else opinion.notes.push(change.move ? 'paragraph moved (from here)' : 'whole paragraph deleted');
  const range = target?.leaf.range;
  const generated = target ? generatedIn(target.leaf, 0, target.leaf.text.length, true) : undefined;
  if (target && generated !== undefined) return generatedChange(opinion, generated, target.leaf, context, placed);
  if (!target || !range || target.leaf.text !== baseLeaf?.text) return unplaced(opinion, context, placed);
  const old = context.source.slice(range.inlineStart, range.inlineEnd);
  const attribution = written(change.attribution, change.move ? `${context.movePrefix}${change.move}` : undefined);
  placed.edits.push({ from: range.inlineStart, to: range.inlineEnd, markup: deleteMarkup(old, attribution), old, proposed: '', opinion });
  opinion.line = target.leaf.line ?? 0;
  placed.opinions.push(opinion);
}

function placeComment(change: Extract<DepartmentChange, { kind: 'comment' }>, context: PlaceContext, placed: PlacedChanges): void {
  const baseLeaf = context.base[change.base];
  const target = sourceLeafOf(context, change.base);
  const opinion = opinionFor(context, target?.leaf ?? baseLeaf, { kind: 'comment', original: change.anchor, proposal: change.attribution.text ?? '', tracked: true, attribution: change.attribution });
  if (!target) return unplaced(opinion, context, placed);
  // A comment in the bibliography has no place in the source (the build makes it).
  const bibliography = target.leaf.generated.find((span) => span.kind === 'bibliography');
  if (bibliography) return generatedChange(opinion, bibliography, target.leaf, context, placed);
  const start = target.match.offset(change.start);
  const end = target.match.offset(change.end);
  const attribution = { ...written(change.attribution), ...(change.attribution.text ? { text: change.attribution.text } : {}) };
  const pieces = start !== undefined && end !== undefined && end > start ? sourcePieces(target.leaf, start, end, context.source) : [];
  const single = pieces.length === 1 && pieces[0] && pieces[0].textStart === start && pieces[0].textEnd === end ? pieces[0] : undefined;
  if (single) {
    const old = context.source.slice(single.from, single.to);
    placed.edits.push({ from: single.from, to: single.to, markup: commentMarkup(old, attribution), old, proposed: old, opinion });
  } else {
    const at = (end !== undefined ? sourcePoint(target.leaf, end, context.source) : undefined) ?? target.leaf.range?.inlineEnd;
    if (at === undefined) return unplaced(opinion, context, placed);
    const quoted = change.anchor === '' ? attribution : { ...attribution, text: `${context.chinese ? `（批注“${change.anchor}”）` : `(on “${change.anchor}”) `}${attribution.text ?? ''}` };
    placed.edits.push({ from: at, to: at, markup: commentMarkup('', quoted), old: '', proposed: '', opinion });
  }
  opinion.line = target.leaf.line ?? 0;
  placed.opinions.push(opinion);
}

/**
 * Text from Word written into Markdown: the characters Markdown would read as syntax escaped (an
 * entity-like `&copy;`, a CriticMarkup opener `{++` included), and line breaks (Shift+Enter, a
 * second paragraph in a cell) made spaces, which keep a table row or a heading whole.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>~|]/g, (character) => `\\${character}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\{(?=\+\+|--|~~|==|>>)/g, '\\{')
    // Text that reads as a cross-reference (`@fig-a`) is the document's text, no reference.
    .replace(/@(?=(?:fig|tbl|eq|sec)-)/g, '\\@');
}
