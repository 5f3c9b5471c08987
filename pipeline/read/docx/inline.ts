/**
 * Turn a paragraph's atoms into phrasing content: apply the tracked-change mode, then group
 * comments (`suggestionComment` around their anchor), changes (`suggestionInsert`/`Delete`, a
 * deletion followed by an insertion of the same author becoming a `suggestionSubstitute`),
 * links, and formatting (strong, emphasis, delete, code; sub/superscript and keys as the raw
 * HTML our Markdown uses), merging neighbours of the same kind.
 */
import type { Html, PhrasingContent, Text } from 'mdast';
import type { Attribution, Suggestion } from '../../critic/syntax.ts';
import type { Atom, Change, LinkTarget, ReadContext } from './context.ts';
import type { Marks } from './formatting.ts';
import type { TrackChanges } from './types.ts';
import { restoreCitations } from './citations.ts';

type NodeAtom = Extract<Atom, { kind: 'node' }>;

/** Phrasing content and suggestion nodes (which mdast's content maps do not declare here). */
export type Phrasing = PhrasingContent | Suggestion;

/** A temporary wrapper for raw-HTML formatting (`<sub>…</sub>`), flattened at the end. */
interface HtmlWrap {
  type: 'htmlWrap';
  tag: string;
  children: Phrasing[];
}

type Building = Phrasing | HtmlWrap;

/** Keep, apply or undo tracked changes, as the mode says. */
export function applyMode(atoms: Atom[], mode: TrackChanges): Atom[] {
  if (mode === 'all') return atoms;
  const result: Atom[] = [];
  for (const atom of atoms) {
    if (atom.kind !== 'node' || atom.change === undefined) {
      result.push(atom);
      continue;
    }
    const keep = mode === 'accept' ? atom.change.kind === 'insert' : atom.change.kind === 'delete';
    if (!keep) continue;
    const { change: _dropped, ...rest } = atom;
    result.push(rest);
  }
  return result;
}

/** Build the phrasing content of a paragraph (or cell, or note paragraph) from its atoms; citations press build wrote as written, when asked. */
export function buildPhrasing(read: Atom[], context: ReadContext): Phrasing[] {
  const atoms = restoreCitations(read, context);
  const result: Phrasing[] = [];
  let open: { id: string; atoms: NodeAtom[] } | undefined;
  let loose: NodeAtom[] = [];
  const flush = () => {
    if (loose.length > 0) result.push(...changeLevel(loose, context));
    loose = [];
  };
  const emitComment = (id: string, anchor: NodeAtom[]) => {
    flush();
    const info = context.comments.get(id);
    context.emittedComments.add(id);
    if (info === undefined) {
      result.push(...changeLevel(anchor, context));
      return;
    }
    result.push({ type: 'suggestionComment', children: changeLevel(anchor, context) as PhrasingContent[], attribution: info.attribution });
  };
  for (const atom of atoms) {
    if (atom.kind === 'node') {
      if (open) open.atoms.push(atom);
      else loose.push(atom);
      continue;
    }
    // Accepting or rejecting changes gives a clean text: comments are for the `all` view.
    if (context.options.trackChanges !== 'all' || context.emittedComments.has(atom.id)) continue;
    if (atom.kind === 'commentStart') {
      if (open === undefined) {
        flush();
        open = { id: atom.id, atoms: [] };
      } else emitComment(atom.id, []);
    } else if (atom.kind === 'commentEnd') {
      if (open?.id === atom.id) {
        const { id, atoms: anchor } = open;
        open = undefined;
        emitComment(id, anchor);
      }
    } else if (open?.id !== atom.id) {
      // A reference to a comment with no range: a comment at this point.
      emitComment(atom.id, []);
    }
  }
  // A range that goes on into later paragraphs is anchored to the rest of this one.
  if (open) emitComment(open.id, open.atoms);
  flush();
  return mergeNeighbours(result) as Phrasing[];
}

function changeKey(change: Change | undefined): string {
  if (change === undefined) return '';
  return JSON.stringify([change.kind, change.attribution.author ?? '', change.attribution.date ?? '', change.move ?? '']);
}

function changeLevel(atoms: NodeAtom[], context: ReadContext): Phrasing[] {
  const result: Phrasing[] = [];
  for (const group of runsOf(atoms, (atom) => changeKey(atom.change))) {
    const change = group[0]?.change;
    const children = linkLevel(group, context) as PhrasingContent[];
    if (change === undefined) {
      result.push(...children);
      continue;
    }
    const attribution: Attribution = { ...change.attribution };
    if (change.move !== undefined) attribution.text = `move:${change.move}`;
    result.push(change.kind === 'insert' ? { type: 'suggestionInsert', children, attribution } : { type: 'suggestionDelete', children, attribution });
  }
  return substitutions(result);
}

/** A deletion right before an insertion by the same author (not part of a move) is a substitution. */
function substitutions(nodes: Phrasing[]): Phrasing[] {
  const result: Phrasing[] = [];
  for (const node of nodes) {
    const previous = result.at(-1);
    if (
      node.type === 'suggestionInsert' &&
      previous?.type === 'suggestionDelete' &&
      previous.attribution.author === node.attribution.author &&
      previous.attribution.text === undefined &&
      node.attribution.text === undefined
    ) {
      result[result.length - 1] = { type: 'suggestionSubstitute', children: previous.children, inserted: node.children, attribution: previous.attribution };
      continue;
    }
    result.push(node);
  }
  return result;
}

function linkKey(link: LinkTarget | undefined): string {
  if (link === undefined) return '';
  return 'url' in link ? `u:${link.url}` : `b:${link.bookmark}:${link.citation ?? ''}`;
}

function linkLevel(atoms: NodeAtom[], context: ReadContext): Phrasing[] {
  const result: Phrasing[] = [];
  for (const group of runsOf(atoms, (atom) => linkKey(atom.link))) {
    const target = group[0]?.link;
    const children = flattenWraps(mergeNeighbours(group.map(markAtom))) as PhrasingContent[];
    if (target === undefined) {
      result.push(...children);
      continue;
    }
    if ('url' in target) {
      result.push({ type: 'link', url: target.url, children });
    } else {
      const link = { type: 'link' as const, url: `#${target.bookmark}`, children };
      context.bookmarkLinks.set(link, target.bookmark);
      result.push(link);
    }
  }
  return result;
}

const HTML_MARKS: readonly [keyof Marks, string][] = [
  ['subscript', 'sub'],
  ['superscript', 'sup'],
  ['keyboard', 'kbd'],
];

/** Wrap one atom's node in its formatting (only text is formatted). */
function markAtom(atom: NodeAtom): Building {
  const { node, marks } = atom;
  if (node.type !== 'text') return node;
  if (marks.code) return { type: 'inlineCode', value: node.value };
  let current: Building = node;
  for (const [mark, tag] of HTML_MARKS) if (marks[mark]) current = { type: 'htmlWrap', tag, children: [current as Phrasing] };
  if (marks.strike) current = { type: 'delete', children: [current as PhrasingContent] };
  if (marks.emphasis) current = { type: 'emphasis', children: [current as PhrasingContent] };
  if (marks.strong) current = { type: 'strong', children: [current as PhrasingContent] };
  return current;
}

function sameWrapper(a: Building, b: Building): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'htmlWrap' && b.type === 'htmlWrap') return a.tag === b.tag;
  if (a.type === 'link' && b.type === 'link') return a.url === b.url;
  return a.type === 'strong' || a.type === 'emphasis' || a.type === 'delete';
}

/** Merge adjacent text nodes and adjacent wrappers of one kind, recursively. */
export function mergeNeighbours(nodes: Building[]): Building[] {
  const result: Building[] = [];
  for (const node of nodes) {
    const previous = result.at(-1);
    if (previous?.type === 'text' && node.type === 'text') {
      result[result.length - 1] = { type: 'text', value: previous.value + node.value };
    } else if (previous?.type === 'inlineCode' && node.type === 'inlineCode') {
      result[result.length - 1] = { type: 'inlineCode', value: previous.value + node.value };
    } else if (previous !== undefined && 'children' in previous && 'children' in node && sameWrapper(previous, node)) {
      (previous.children as Building[]).push(...(node.children as Building[]));
    } else {
      result.push(node);
    }
  }
  for (const node of result) {
    if ('children' in node && Array.isArray(node.children)) (node as { children: Building[] }).children = mergeNeighbours(node.children as Building[]);
    if (node.type === 'suggestionSubstitute') node.inserted = mergeNeighbours(node.inserted) as PhrasingContent[];
  }
  return result;
}

/** Replace raw-HTML wrappers by their opening tag, content and closing tag. */
function flattenWraps(nodes: Building[]): Phrasing[] {
  const result: Phrasing[] = [];
  for (const node of nodes) {
    if (node.type === 'htmlWrap') {
      const open: Html = { type: 'html', value: `<${node.tag}>` };
      const close: Html = { type: 'html', value: `</${node.tag}>` };
      result.push(open, ...flattenWraps(node.children), close);
    } else {
      if ('children' in node && Array.isArray(node.children)) (node as { children: Phrasing[] }).children = flattenWraps(node.children as Building[]);
      result.push(node);
    }
  }
  return result;
}

/** Consecutive items with the same key. */
function runsOf<T>(items: T[], key: (item: T) => string): T[][] {
  const groups: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    const current = key(item);
    if (groups.length > 0 && current === last) groups.at(-1)?.push(item);
    else groups.push([item]);
    last = current;
  }
  return groups;
}

/** A text atom. */
export function textNode(value: string): Text {
  return { type: 'text', value };
}
