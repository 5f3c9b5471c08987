/**
 * From records to Markdown blocks: tracked paragraph marks applied (a split or a join accepted
 * or rejected), then each paragraph given its role — heading, list item (nested by `w:ilvl`,
 * ordered or not from the numbering, its start counted), quote (nested by our Quote2/Quote3),
 * code, rule, figure with its caption line — and the title-block paragraphs set aside for the
 * front matter.
 */
import type { BlockContent, Blockquote, Code, Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, ThematicBreak } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BlockRecord, ParagraphRecord } from './body.ts';
import { type ReadContext, warn } from './context.ts';
import { ROLE_STYLES } from './formatting.ts';
import { headingLevel } from './headings.ts';
import { applyMode, buildPhrasing } from './inline.ts';
import type { TrackChanges } from './types.ts';
import type { DefListDescriptionNode, DefListNode, DefListTermNode } from 'mdast-util-definition-list';
import type { Math } from 'mdast-util-math';
import { calloutTitle, isCalloutKind, type CalloutKind } from '../../util/callout-kinds.ts';
import { crossrefLabelOf } from '../../render/docx/bookmarks.ts';
import { leaveOutBibliography } from './citations.ts';

/** Title-block roles whose paragraphs become front matter. */
export type MetaRole = 'title' | 'subtitle' | 'speaker' | 'author' | 'date';

type Role = MetaRole | 'tocHeading' | 'code' | 'rule' | 'caption' | 'heading' | 'quote' | 'callout' | 'definitionTerm' | 'definition' | 'list' | 'listContinue' | 'body';

/** What the blocks give: the blocks, and the title-block texts found. */
export interface AssembledBlocks {
  blocks: BlockContent[];
  meta: Partial<Record<MetaRole, string>>;
  /** The heading node each body paragraph became (for bookmarks). */
  headings: Map<ParagraphRecord['element'], RootContent>;
}

/**
 * Apply tracked paragraph marks: accepting a deleted mark, or rejecting an inserted one, joins the
 * paragraph with the next. With `all` the paragraphs stay as they are, with a warning when the
 * mark alone changed (a split or a join, which CriticMarkup cannot hold).
 */
export function applyParagraphMarks(records: BlockRecord[], mode: TrackChanges, context: ReadContext): BlockRecord[] {
  const result: BlockRecord[] = [];
  let joining: ParagraphRecord | undefined;
  for (const record of records) {
    if (record.kind !== 'paragraph') {
      joining = undefined;
      result.push(record);
      continue;
    }
    let current = record;
    if (joining) {
      // A joined paragraph takes the properties of the mark that remains: the second one's (as in Word).
      current = { ...record, index: joining.index, element: joining.element, atoms: [...joining.atoms, ...record.atoms], looks: [...joining.looks, ...record.looks] };
      result[result.length - 1] = current;
    } else {
      result.push(record);
    }
    const mark = current.mark;
    const joins = mark !== undefined && ((mode === 'accept' && mark.kind === 'delete') || (mode === 'reject' && mark.kind === 'insert'));
    if (mode === 'all' && mark !== undefined && !wholly(current, mark.kind)) {
      context.paragraph = current.index;
      context.excerpt = current.element;
      warn(context, 'import-paragraph-mark', { change: mark.kind === 'insert' ? 'split' : 'merge', author: mark.attribution.author ?? '' });
    }
    joining = joins ? current : undefined;
  }
  return result;
}

/** Whether all the paragraph's content has the same change as its mark (a whole paragraph inserted or deleted). */
function wholly(record: ParagraphRecord, kind: 'insert' | 'delete'): boolean {
  const nodes = record.atoms.filter((atom) => atom.kind === 'node');
  return nodes.length > 0 && nodes.every((atom) => atom.change?.kind === kind);
}

function roleOf(record: ParagraphRecord): Role {
  const id = record.style?.id ?? '';
  const name = (record.style?.name ?? '').toLowerCase();
  for (const [role, styleId] of Object.entries(ROLE_STYLES) as [keyof typeof ROLE_STYLES, string][]) {
    if (id !== styleId) continue;
    if (role === 'figure' || role === 'footnote') return 'body';
    if (role === 'tableCaption') return 'body';
    return role;
  }
  if (name === 'title') return 'title';
  if (name === 'subtitle') return 'subtitle';
  if (name === 'toc heading') return 'tocHeading';
  if (name === 'caption') return 'caption';
  if (headingLevel(record) !== undefined) return 'heading';
  if (/^quote\d?$/i.test(id) || name === 'quote' || name === 'intense quote') return 'quote';
  if (calloutOf(record) !== undefined) return 'callout';
  if (id === 'DefinitionTerm' || name === 'definition term') return 'definitionTerm';
  if (id === 'Definition' || name === 'definition') return 'definition';
  if (id.startsWith('ListContinue')) return 'listContinue';
  if (record.numbering !== undefined) return 'list';
  return 'body';
}

/** The callout kind of one of our callout styles (`CalloutNote`, `CalloutNoteTitle`…), and whether it is the title's. */
function calloutOf(record: ParagraphRecord): { kind: CalloutKind; title: boolean } | undefined {
  const match = /^Callout([A-Z][a-z]+)(Title)?$/.exec(record.style?.id ?? '');
  const kind = match?.[1]?.toLowerCase() ?? '';
  return isCalloutKind(kind) ? { kind, title: match?.[2] !== undefined } : undefined;
}

/** Whether a title is a callout kind's default one (in any language): the marker alone says it. */
function isDefaultTitle(kind: CalloutKind, text: string): boolean {
  return text === calloutTitle(kind, 'en') || text === calloutTitle(kind, 'zh');
}

function quoteDepth(record: ParagraphRecord): number {
  const match = /^quote(\d)$/i.exec(record.style?.id ?? '');
  return match ? Number(match[1]) : 1;
}

function withIndex<T extends RootContent>(node: T, index: number): T {
  node.data = { ...(node.data ?? {}), docxParagraph: index };
  return node;
}

/** Without breaks and white space at the start and the end (a trailing break would be a stray backslash). */
function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const result = [...nodes];
  while (result[0]?.type === 'break') result.shift();
  while (result.at(-1)?.type === 'break') result.pop();
  const first = result[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^[ \t\u3000]+/, '');
    if (value === '') result.shift();
    else if (value !== first.value) result[0] = { ...first, value };
  }
  const last = result.at(-1);
  if (last?.type === 'text') {
    const value = last.value.replace(/[ \t]+$/, '');
    if (value === '') result.pop();
    else if (value !== last.value) result[result.length - 1] = { ...last, value };
  }
  return result.length === nodes.length && result.every((node, index) => node === nodes[index]) ? nodes : trimPhrasing(result);
}

/** The lines of a code paragraph: breaks are line ends. */
function codeText(phrasing: PhrasingContent[]): string {
  return phrasing.map((node) => (node.type === 'break' ? '\n' : toString(node))).join('');
}

/** Turn the records of the body (or a note) into blocks. */
export function assembleBlocks(records: BlockRecord[], context: ReadContext): AssembledBlocks {
  const labels = context.options.crossReferences === true ? targetLabels(context) : new Map<ParagraphRecord['element'], string>();
  const mode = context.options.trackChanges;
  const meta: Partial<Record<MetaRole, string>> = {};
  const headings = new Map<ParagraphRecord['element'], RootContent>();
  const blocks: BlockContent[] = [];
  const lists = new ListBuilder(context);
  let quotes: Blockquote[] = [];
  let callout: Blockquote | undefined;
  let definitions: DefListNode | undefined;
  // A chart's data table the build wrote after it (its caption, then the table): not part of the source.
  let chartTable: string | undefined;
  let skipTable = false;
  let bibliographySeen = false;
  for (const record of applyParagraphMarks(records, mode, context)) {
    if (record.kind === 'table') {
      if (skipTable) {
        skipTable = false;
        continue;
      }
      lists.close();
      quotes = [];
      blocks.push(record.node);
      continue;
    }
    context.paragraph = record.index;
    context.excerpt = record.element;
    // The bibliography press build made: left out (the build makes it again), `::: {#refs}` where it stood.
    if (context.citationSources.bibliography !== undefined && record.style?.id === 'Bibliography') {
      leaveOutBibliography(record, blocks, !bibliographySeen, context);
      bibliographySeen = true;
      continue;
    }
    const role = roleOf(record);
    const read = buildPhrasing(applyMode(record.atoms, mode), context) as PhrasingContent[];
    const built = context.options.crossReferences === true ? withoutReferenceWords(read) : read;
    // Code keeps its lines and indentation; elsewhere white space and breaks at the ends mean nothing in Markdown.
    const unlabelled = role === 'code' ? built : trimPhrasing(built);
    // A numbered target press build wrote: its label back from its bookmark, its made number dropped.
    const label = targetLabel(record, labels);
    const numberless = label === undefined ? unlabelled : withoutCaptionNumber(unlabelled);
    // A table's caption line (above the table) ends with its label.
    const phrasing = label !== undefined && record.style?.id === 'TableCaption' ? [...numberless, { type: 'text', value: ` {#${label}}` } as const] : numberless;
    const text = toString({ type: 'paragraph', children: phrasing }).trim();
    if (role === 'title' || role === 'subtitle' || role === 'speaker' || role === 'author' || role === 'date') {
      if (text !== '' && meta[role] === undefined && !phrasing.some((node) => (node.type as string).startsWith('suggestion'))) {
        meta[role] = text;
        continue;
      }
    }
    if (role === 'tocHeading' && context.toc) continue;
    if (role !== 'quote') quotes = [];
    if (role !== 'callout') callout = undefined;
    if (role !== 'definitionTerm' && role !== 'definition') definitions = undefined;
    if (role === 'listContinue' && lists.open()) {
      lists.continueItem(withIndex({ type: 'paragraph', children: phrasing } as Paragraph, record.index));
      continue;
    }
    if (role === 'list') {
      const level = context.numbering.level(record.numbering?.numId ?? '', record.numbering?.ilvl ?? 0);
      if (level !== undefined) {
        const list = lists.add(record, phrasing, level.ordered, level.start);
        if (list) blocks.push(list);
        continue;
      }
    }
    lists.close();
    if (role === 'heading') {
      // Bold over the whole heading is its look, not emphasis.
      const children = phrasing.length === 1 && phrasing[0]?.type === 'strong' ? phrasing[0].children : phrasing;
      // A heading press build wrote with a section label: the label back after its text.
      const sectionLabel = labels.get(record.element);
      const labelled = sectionLabel?.startsWith('sec-') ? [...children, { type: 'text', value: ` {#${sectionLabel}}` } as const] : children;
      const heading: Heading = withIndex({ type: 'heading', depth: (headingLevel(record) ?? 1) as Heading['depth'], children: labelled } as Heading, record.index);
      headings.set(record.element, heading);
      blocks.push(heading);
      continue;
    }
    if (phrasing.length === 0 || text === '' && !phrasing.some((node) => node.type === 'image')) {
      if (role === 'rule') blocks.push(withIndex({ type: 'thematicBreak' } as ThematicBreak, record.index));
      continue;
    }
    if (role === 'code') {
      blocks.push(withIndex({ type: 'code', lang: null, meta: null, value: codeText(phrasing) } as Code, record.index));
      continue;
    }
    // A chart press build drew: its block as written, the caption line right under it.
    const chartSource = phrasing.length === 1 && phrasing[0]?.type === 'image' ? phrasing[0].data?.chartSource : undefined;
    if (chartSource) {
      lists.close();
      blocks.push(withIndex({ type: 'code', lang: 'chart', meta: chartSource.label === undefined ? null : `{#${chartSource.label}}`, value: chartSource.spec } as Code, record.index));
      chartTable = chartSource.table;
      continue;
    }
    if (chartTable !== undefined && record.style?.id === 'TableCaption' && text === chartTable) {
      chartTable = undefined;
      skipTable = true;
      continue;
    }
    if (role === 'caption') {
      const previous = blocks.at(-1);
      if (previous?.type === 'code' && previous.lang === 'chart') {
        blocks.push(withIndex({ type: 'paragraph', children: phrasing, data: { chartCaption: true } } as Paragraph, record.index));
        continue;
      }
      // A caption right under a picture: the caption line of the figure, in the same paragraph.
      if (previous?.type === 'paragraph' && previous.children.length === 1 && previous.children[0]?.type === 'image') {
        previous.children.push({ type: 'text', value: label === undefined ? '\n' : `{#${label}}\n` }, ...phrasing);
        continue;
      }
    }
    // A display equation alone in its paragraph (press build's Equation paragraphs): a `$$` block.
    // A numbered one (NumberedEquation: tab, formula, tab, its number): the formula alone, the number being made by the build.
    const numberedFormulas = record.style?.id === 'NumberedEquation' ? phrasing.filter((node) => node.type === 'inlineMath') : [];
    const formula = phrasing.length === 1 && phrasing[0]?.type === 'inlineMath' && phrasing[0].data?.display === true ? phrasing[0] : numberedFormulas.length === 1 ? numberedFormulas[0] : undefined;
    if (formula) {
      blocks.push(withIndex({ type: 'math', value: formula.value, ...(label === undefined ? {} : { data: { label: { id: label } } }) } as Math, record.index));
      continue;
    }
    const paragraph = withIndex({ type: 'paragraph', children: phrasing } as Paragraph, record.index);
    if (role === 'callout') {
      const style = calloutOf(record);
      if (!style) continue;
      if (style.title || callout?.data?.callout !== style.kind) {
        callout = withIndex({ type: 'blockquote', children: [], data: { callout: style.kind } } as Blockquote, record.index);
        blocks.push(callout);
        // The marker's line: the kind, and the title when it is the writer's own.
        if (style.title && !isDefaultTitle(style.kind, text)) callout.children.push(withIndex({ type: 'paragraph', children: phrasing, data: { calloutTitle: true } } as Paragraph, record.index));
        if (style.title) continue;
      }
      callout.children.push(paragraph);
      continue;
    }
    if (role === 'definitionTerm' || role === 'definition') {
      if (!definitions) {
        definitions = withIndex({ type: 'defList', children: [] } as DefListNode, record.index);
        blocks.push(definitions as unknown as BlockContent);
      }
      // Each Definition paragraph is a definition of its own: Word does not say which paragraphs one definition has.
      if (role === 'definitionTerm') definitions.children.push(withIndex({ type: 'defListTerm', children: phrasing } as DefListTermNode, record.index));
      else definitions.children.push(withIndex({ type: 'defListDescription', spread: false, children: [paragraph] } as DefListDescriptionNode, record.index));
      continue;
    }
    if (role === 'quote') {
      const depth = quoteDepth(record);
      quotes = quotes.slice(0, depth);
      while (quotes.length < depth) {
        const quote: Blockquote = withIndex({ type: 'blockquote', children: [] } as Blockquote, record.index);
        const parent = quotes.at(-1);
        if (parent) parent.children.push(quote);
        else blocks.push(quote);
        quotes.push(quote);
      }
      quotes.at(-1)?.children.push(paragraph);
      continue;
    }
    blocks.push(paragraph);
  }
  return { blocks, meta, headings };
}

/** Labels of the numbered targets press build wrote (bookmarks `ref_…`), by the paragraph each starts in. */
function targetLabels(context: ReadContext): Map<ParagraphRecord['element'], string> {
  const labels = new Map<ParagraphRecord['element'], string>();
  for (const [bookmark, paragraph] of context.bookmarks) {
    const label = crossrefLabelOf(bookmark);
    if (label !== undefined && /^(?:fig|tbl|eq|sec)-/.test(label)) labels.set(paragraph, label);
  }
  return labels;
}

/** The label of a caption or numbered equation press build wrote, if the paragraph is one. */
function targetLabel(record: ParagraphRecord, labels: ReadonlyMap<ParagraphRecord['element'], string>): string | undefined {
  const label = labels.get(record.element);
  const style = record.style?.id ?? '';
  return label !== undefined && ['Caption', 'TableCaption', 'NumberedEquation'].includes(style) ? label : undefined;
}

/** A made caption number (`图1　`, `Figure 1-2: `) at the head of a caption: the build makes it again. */
const CAPTION_NUMBER = /^(?:图|表|Figure |Table )[0-9]+(?:-[0-9]+)?(?:　|: )?/u;

function withoutCaptionNumber(phrasing: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = phrasing;
  if (first?.type !== 'text') return phrasing;
  const value = first.value.replace(CAPTION_NUMBER, '');
  return value === '' ? rest : [{ ...first, value }, ...rest];
}

/** An equation reference is written `式` + REF (`(1)`): read back as `@eq-…`, the word goes, the build writes it. */
function withoutReferenceWords(phrasing: PhrasingContent[]): PhrasingContent[] {
  return phrasing.map((node) => (node.type === 'text' && node.value.includes('@eq-') ? { ...node, value: node.value.replace(/(?:式|Equation )(@eq-)/gu, '$1') } : node));
}

const TASK = /^([☒☐])\s?/;

/** Builds nested lists from numbered paragraphs, counting each level for start values. */
class ListBuilder {
  private stack: { list: List; level: number }[] = [];
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(private readonly context: ReadContext) {}

  open(): boolean {
    return this.stack.length > 0;
  }

  close(): void {
    this.stack = [];
  }

  continueItem(paragraph: Paragraph): void {
    this.stack.at(-1)?.list.children.at(-1)?.children.push(paragraph);
  }

  /** Add an item; returns a new top-level list to place, if one was started. */
  add(record: ParagraphRecord, phrasing: PhrasingContent[], ordered: boolean, start: number): List | undefined {
    const numbering = record.numbering ?? { numId: '', ilvl: 0 };
    const level = numbering.ilvl;
    // Instances of one definition share its counters (as in Word), unless an instance restarts a
    // level (`w:startOverride`) where it is first used; an item resets the levels below it.
    const key = this.context.numbering.abstractOf(numbering.numId) ?? numbering.numId;
    const counts = this.counts.get(key) ?? [];
    this.counts.set(key, counts);
    const first = `${numbering.numId}/${level}`;
    if (!this.used.has(first)) {
      this.used.add(first);
      if (this.context.numbering.restarts(numbering.numId, level)) counts[level] = undefined;
    }
    counts[level] = (counts[level] ?? start - 1) + 1;
    counts.length = level + 1;
    while (this.stack.length > 0 && (this.stack.at(-1)?.level ?? 0) > level) this.stack.pop();
    const top = this.stack.at(-1);
    let created: List | undefined;
    let list: List;
    if (top && top.level === level && top.list.ordered === ordered) {
      list = top.list;
    } else {
      if (top && top.level === level) this.stack.pop();
      list = withIndex({ type: 'list', ordered, spread: false, children: [] } as List, record.index);
      if (ordered) list.start = counts[level] ?? start;
      const parent = this.stack.at(-1);
      const parentItem = parent?.list.children.at(-1);
      if (parentItem) parentItem.children.push(list);
      else {
        this.stack = [];
        created = list;
      }
      this.stack.push({ list, level });
    }
    const item: ListItem = withIndex({ type: 'listItem', spread: false, children: [] } as ListItem, record.index);
    const head = phrasing[0];
    if (head?.type === 'text') {
      const task = TASK.exec(head.value);
      if (task) {
        item.checked = task[1] === '☒';
        const rest = head.value.slice(task[0].length);
        phrasing = rest === '' ? phrasing.slice(1) : [{ ...head, value: rest }, ...phrasing.slice(1)];
      }
    }
    item.children.push(withIndex({ type: 'paragraph', children: phrasing } as Paragraph, record.index));
    list.children.push(item);
    return created;
  }
}
