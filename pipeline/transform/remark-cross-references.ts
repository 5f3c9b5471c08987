import { SKIP, visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Heading, Link, Paragraph, PhrasingContent, Root, Table, Text } from 'mdast';
import type { Math } from 'mdast-util-math';
import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';
import type { CrossrefKind, CrossrefTarget, Figure } from '../types.ts';
import { flag } from '../util/messages.ts';
import { closestWord } from '../util/did-you-mean.ts';
import { outlineLevel } from '../render/outline-level.ts';
import { slicePosition, sliceText, sourceText, type SourceText } from './support/text-slice.ts';
import { sourceOffsets } from '../fix/source-offsets.ts';

const LABEL = String.raw`(?:fig|tbl|eq|sec)-[\p{L}\p{N}_-]*[\p{L}\p{N}_]`;
/** `[@fig-a; @tbl-b]` or `@fig-a` (not inside an e-mail address: Chinese text may run right up to it). */
const REFERENCE = new RegExp(String.raw`\[\s*(@${LABEL}(?:\s*[;,]\s*@${LABEL})*)\s*\]|(?<![A-Za-z0-9_@.])@(${LABEL})`, 'gu');

/** One `@label` of a bracketed list. */
const LIST_ITEM = new RegExp(`@(${LABEL})`, 'gu');

/** The word before each kind's number, by language, and what separates a caption's number from its text. */
const WORDS: Record<'en' | 'zh', Record<Exclude<CrossrefKind, 'sec'>, string> & { separator: string }> = {
  en: { fig: 'Figure ', tbl: 'Table ', eq: 'Equation ', separator: ': ' },
  zh: { fig: '图', tbl: '表', eq: '式', separator: '　' },
};

/** A number written by hand at the start of a labelled caption (`图1　`, `Table 2. `): the automatic one replaces it. */
const WRITTEN_NUMBER: Record<'fig' | 'tbl', RegExp> = {
  fig: /^\s*(?:图\s*[0-9０-９一二三四五六七八九十]+(?:[-–.][0-9]+)?|(?:Figure|Fig\.)\s+[0-9A-Z]+(?:[-–.][0-9]+)?)[\s.:：．、　]*/u,
  tbl: /^\s*(?:表\s*[0-9０-９一二三四五六七八九十]+(?:[-–.][0-9]+)?|Table\s+[0-9A-Z]+(?:[-–.][0-9]+)?)[\s.:：．、　]*/u,
};

/** A labelled node, with where its label was written. */
interface Labelled {
  kind: CrossrefKind;
  id: string;
  position: Position | undefined;
  node: Figure | Table | Math | Heading;
  /** Top-level headings before it. */
  chapter: number;
}

/**
 * Number the labelled figures, tables and display equations in document order (by chapter,
 * `2-1`, with `crossref: { chapters: true }`) and resolve the references to them and to labelled
 * sections, in Quarto's syntax: `@fig-targets`, `[@fig-targets; @tbl-budget]`. Each target gets
 * `data.crossref` (its number and how it is named: `图1`, `Figure 1`, `式(1)`); each reference
 * becomes a link to the target's anchor whose text is that name, with `data.crossReference`
 * (the Word renderer writes it as a REF field). A reference to a label no target has, and a label
 * given twice, are errors at their place (`crossref-unknown`, `crossref-duplicate`).
 */
export function remarkCrossReferences() {
  return (tree: Root, file: VFile): void => {
    const language = (file.data.meta?.lang ?? 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
    const byChapter = file.data.meta?.numberByChapter === true;
    const targets = new Map<string, CrossrefTarget>();
    const firstPlace = new Map<string, number>();
    const counters = new Map<CrossrefKind, number>();
    // A heading's made id is an anchor too: a label equal to it would make two elements of one id.
    visit(tree, 'heading', (heading) => {
      const id = heading.data?.id;
      if (id !== undefined && heading.data?.explicitId === undefined) firstPlace.set(id, heading.position?.start.line ?? 0);
    });
    let chapter = 0;
    for (const labelled of labelledNodes(tree, file)) {
      if (byChapter && labelled.chapter !== chapter) {
        chapter = labelled.chapter;
        counters.clear();
      }
      const line = labelled.position?.start.line ?? labelled.node.position?.start.line ?? 0;
      const first = firstPlace.get(labelled.id);
      if (first !== undefined) {
        flag(file, 'crossref-duplicate', labelled.position?.start ?? labelled.node, { label: labelled.id, firstLine: first });
        continue;
      }
      firstPlace.set(labelled.id, line);
      const target = numbered(labelled, language, byChapter ? `${labelled.chapter}-` : '', counters);
      labelled.node.data = { ...labelled.node.data, crossref: target };
      targets.set(labelled.id, target);
    }
    if (!String(file.value).includes('@')) return;
    resolveReferences(tree, file, targets, language);
  };
}

/** The labelled nodes in document order, each with the number of top-level headings before it. */
function labelledNodes(tree: Root, file: VFile): Labelled[] {
  const found: Labelled[] = [];
  let chapter = 0;
  visit(tree, (node) => {
    if (node.type === 'heading') {
      if (outlineLevel(node, file) === 1) chapter += 1;
      const explicit = node.data?.explicitId;
      // A heading's written id is its label; the id it got differs when another heading had it first.
      if (explicit !== undefined) found.push({ kind: 'sec', id: explicit, position: node.data?.labelPosition ?? node.position, node, chapter });
      return;
    }
    const label = node.type === 'figure' || node.type === 'table' || node.type === 'math' ? node.data?.label : undefined;
    if (label && (node.type === 'figure' || node.type === 'table' || node.type === 'math')) {
      found.push({ kind: node.type === 'figure' ? 'fig' : node.type === 'table' ? 'tbl' : 'eq', id: label.id, position: label.position, node, chapter });
    }
  });
  return found;
}

/** The target a labelled node is: its number (counted per kind) and how it is named. */
function numbered(labelled: Labelled, language: 'en' | 'zh', chapterPrefix: string, counters: Map<CrossrefKind, number>): CrossrefTarget {
  if (labelled.kind === 'sec') {
    const text = toString(labelled.node).trim();
    return { kind: 'sec', id: (labelled.node as Heading).data?.id ?? labelled.id, number: '', text, prefix: '', word: '', separator: '' };
  }
  const count = (counters.get(labelled.kind) ?? 0) + 1;
  counters.set(labelled.kind, count);
  const number = `${chapterPrefix}${count}`;
  const word = WORDS[language][labelled.kind];
  const shown = labelled.kind === 'eq' ? `(${number})` : number;
  if (labelled.kind !== 'eq') dropWrittenNumber(labelled.node as Figure | Table, labelled.kind);
  return { kind: labelled.kind, id: labelled.id, number, text: `${word}${shown}`, prefix: labelled.kind === 'eq' ? shown : `${word}${shown}`, word, separator: WORDS[language].separator };
}

/** Take a hand-written number off the start of a labelled caption: the automatic number stands there. */
function dropWrittenNumber(node: Figure | Table, kind: 'fig' | 'tbl'): void {
  const caption = node.type === 'figure' ? node.caption : node.data?.caption;
  const first = caption?.[0];
  if (!caption || first?.type !== 'text') return;
  const written = WRITTEN_NUMBER[kind].exec(first.value)?.[0];
  if (!written) return;
  const rest = first.value.slice(written.length);
  if (rest === '') caption.shift();
  else caption[0] = { ...first, value: rest };
}

/** Replace every `@label` in the text (outside links and code) with a link to its target. */
function resolveReferences(tree: Root, file: VFile, targets: ReadonlyMap<string, CrossrefTarget>, language: 'en' | 'zh'): void {
  const source = sourceText(String(file.value));
  const known = [...targets.keys()];
  // Captions are no children of their figures and tables: their references are resolved in them.
  const captions: { root: Paragraph; owner: Node }[] = [];
  visit(tree, (node) => {
    const caption = node.type === 'figure' ? node.caption : node.type === 'table' ? node.data?.caption : undefined;
    if (caption) captions.push({ root: { type: 'paragraph', children: caption }, owner: node });
  });
  resolveIn(tree, tree, file, source, targets, known, language);
  for (const { root, owner } of captions) resolveIn(root, owner, file, source, targets, known, language);
}

/**
 * Resolve the references in the text under `root` (outside links and code); a problem in text
 * with no place in the source (an image title's caption) is reported at `owner`.
 */
function resolveIn(root: Root | Paragraph, owner: Node, file: VFile, source: SourceText, targets: ReadonlyMap<string, CrossrefTarget>, known: readonly string[], language: 'en' | 'zh'): void {
  visit(root, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('@')) return undefined;
    const pieces = referencePieces(node, source, targets, language, (label, position) => {
      flag(file, 'crossref-unknown', position?.start ?? (node.position ? node : owner), { label, suggestion: closestWord(label, known) });
    });
    if (!pieces) return undefined;
    (parent.children as PhrasingContent[]).splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
}

/** The text cut around its references, each reference a link (`undefined`: no reference in it). */
function referencePieces(
  node: Text,
  source: SourceText,
  targets: ReadonlyMap<string, CrossrefTarget>,
  language: 'en' | 'zh',
  unknown: (label: string, position: Position | undefined) => void,
): PhrasingContent[] | undefined {
  const pieces: PhrasingContent[] = [];
  let done = 0;
  let found = false;
  for (const match of node.value.matchAll(REFERENCE)) {
    const start = match.index ?? 0;
    // `\@fig-a` is text, as in pandoc.
    if (escaped(node, start + match[0].indexOf('@'), source)) continue;
    let end = start + match[0].length;
    const listStart = start + match[0].indexOf(match[1] ?? '');
    const labels = match[1] !== undefined ? [...match[1].matchAll(LIST_ITEM)].map((each) => ({ label: each[1] ?? '', at: listStart + (each.index ?? 0) })) : [{ label: runningLabel(match[2] ?? '', targets), at: start }];
    if (match[1] === undefined) end = start + 1 + (labels[0]?.label.length ?? 0);
    const resolved = labels.map(({ label, at }) => ({ label, at, target: targets.get(label) }));
    for (const { label, at, target } of resolved) if (!target) unknown(label, slicePosition(node, at, at + label.length + 1, source));
    if (resolved.some(({ target }) => !target)) continue;
    found = true;
    const before = sliceText(node, done, start, source, 'none');
    if (before) pieces.push(before);
    // A bracketed list is one unit of the source: each of its links stands for all of it.
    const whole = match[1] !== undefined ? slicePosition(node, start, end, source) : undefined;
    resolved.forEach(({ target, at, label }, position) => {
      if (position > 0) pieces.push({ type: 'text', value: language === 'zh' ? '、' : ', ' });
      if (target) pieces.push(referenceLink(target, slicePosition(node, at, at + label.length + 1, source), whole));
    });
    done = end;
  }
  if (!found) return undefined;
  const after = sliceText(node, done, node.value.length, source, 'none');
  if (after) pieces.push(after);
  return pieces;
}

/**
 * Whether the character at `index` of a text node is written escaped (`\@`) in the source: the
 * source map of the node's characters leaves such characters out (see `sourceOffsets`).
 */
function escaped(node: Text, index: number, source: SourceText): boolean {
  const offsets = sourceOffsets(node, source.text);
  return offsets.size > 0 && !offsets.has(index);
}

/**
 * The label a bare reference names: Chinese text runs right up to it (`如@fig-targets所示`), so the
 * letters after `@` are cut to the longest known label they start with; with none, to their
 * ASCII start, the label the writer most likely meant.
 */
function runningLabel(candidate: string, targets: ReadonlyMap<string, CrossrefTarget>): string {
  if (targets.has(candidate)) return candidate;
  for (let length = candidate.length - 1; length > 0; length--) {
    const prefix = candidate.slice(0, length);
    if (targets.has(prefix)) return prefix;
  }
  return /^[A-Za-z0-9_-]*[A-Za-z0-9_]/.exec(candidate)?.[0] ?? candidate;
}

/** A reference's link: placed where its label was written, or where its whole bracketed list was (`list`). */
function referenceLink(target: CrossrefTarget, position: Position | undefined, list: Position | undefined): Link {
  const place = list ?? position;
  return { type: 'link', url: `#${target.id}`, title: null, children: [{ type: 'text', value: target.text, ...(position ? { position } : {}) }], data: { crossReference: target }, ...(place ? { position: place } : {}) };
}
