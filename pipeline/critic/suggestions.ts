/**
 * Finding the suggestions of a tree, and deciding them: what accepting or rejecting a suggestion
 * keeps, in the tree (`resolveSuggestionsInTree`, for a build with `--accept`/`--reject`) and in
 * the source text (`suggestionEdits`, for `check --accept/--reject`).
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Suggestion } from './syntax.ts';
import type { SourceEdit } from '../fix/apply-fixes.ts';
import './node-types.ts';

/** What to do with suggestions: accept or reject them. */
export type Decision = 'accept' | 'reject';

/** Which suggestions a decision applies to: all, or one author's (`--author`). */
export interface SuggestionFilter {
  author?: string;
}

/** Whether a node is one of the four suggestion nodes. */
export function isSuggestion(node: Nodes | RootContent): node is Suggestion {
  return node.type === 'suggestionInsert' || node.type === 'suggestionDelete' || node.type === 'suggestionSubstitute' || node.type === 'suggestionComment';
}

function selected(node: Suggestion, filter: SuggestionFilter): boolean {
  return filter.author === undefined || node.attribution.author === filter.author;
}

/** The children of a node, a substitution's new text included. */
function childLists(node: Nodes): PhrasingContent[][] {
  const lists: PhrasingContent[][] = [];
  if ('children' in node) lists.push(node.children as PhrasingContent[]);
  if (node.type === 'suggestionSubstitute') lists.push(node.inserted);
  return lists;
}

/** Every suggestion in the tree, outer before inner, in source order (a substitution's new text last). */
export function collectSuggestions(tree: Root): Suggestion[] {
  const found: Suggestion[] = [];
  const walk = (node: Nodes) => {
    if (node.type !== 'root' && isSuggestion(node)) found.push(node);
    for (const list of childLists(node)) for (const child of list) walk(child);
  };
  walk(tree);
  return found;
}

/** What a decided suggestion leaves in the tree. */
function keptChildren(node: Suggestion, decision: Decision): PhrasingContent[] {
  switch (node.type) {
    case 'suggestionInsert':
      return decision === 'accept' ? node.children : [];
    case 'suggestionDelete':
      return decision === 'accept' ? [] : node.children;
    case 'suggestionSubstitute':
      return decision === 'accept' ? node.inserted : node.children;
    case 'suggestionComment':
      return node.children;
  }
}

/**
 * Accept or reject the suggestions of the tree (all, or one author's), in place: each decided
 * suggestion is replaced by what it keeps; comments are dropped, their anchored text kept.
 * Resolves to the number decided.
 */
export function resolveSuggestionsInTree(tree: Root, decision: Decision, filter: SuggestionFilter = {}): number {
  let count = 0;
  const resolveList = (list: PhrasingContent[]): PhrasingContent[] =>
    list.flatMap((child) => {
      resolveNode(child);
      if (!isSuggestion(child) || !selected(child, filter)) return [child];
      count++;
      return keptChildren(child, decision);
    });
  const resolveNode = (node: Nodes) => {
    if ('children' in node) (node as Parent).children = resolveList(node.children as PhrasingContent[]) as Parent['children'];
    if (node.type === 'suggestionSubstitute') node.inserted = resolveList(node.inserted);
  };
  resolveNode(tree);
  return count;
}

/**
 * The source edits that accept or reject the suggestions of `tree` (parsed from `text`), all or
 * one author's: each decided suggestion's whole span (markers and attribution comment) becomes
 * the source of what it keeps, with the decided suggestions inside that resolved too. Every other
 * character stays as it was.
 */
export function suggestionEdits(tree: Root, text: string, decision: Decision, filter: SuggestionFilter = {}, ruleId = 'review-suggestion'): SourceEdit[] {
  const edits: SourceEdit[] = [];
  // The source of [start, end) with the decided suggestions inside it replaced.
  const sourceOf = (start: number, end: number, inner: readonly Suggestion[]): string => {
    let result = '';
    let at = start;
    for (const node of inner) {
      const span = spanOf(node);
      if (!span || span[0] < at || span[1] > end) continue;
      result += text.slice(at, span[0]) + replacementOf(node);
      at = span[1];
    }
    return result + text.slice(at, end);
  };
  const replacementOf = (node: Suggestion): string => {
    const span = spanOf(node);
    if (!span) return '';
    const decided = selected(node, filter);
    const ranges = node.data?.critic;
    const kept = !decided ? span : keptRange(node, decision, ranges);
    if (!kept) return '';
    return sourceOf(kept[0], kept[1], outermost(nestedSuggestions(node)));
  };
  for (const node of outermost(collectSuggestions(tree))) {
    const span = spanOf(node);
    if (!span) continue;
    const replacement = replacementOf(node);
    const [start, end] = replacement === '' ? wholeParagraph(text, span) : span;
    const old = text.slice(start, end);
    if (replacement !== old) edits.push({ offset: start, old, new: replacement, ruleId });
  }
  return edits;
}

/**
 * A suggestion that leaves nothing and stood alone as a paragraph (a paragraph added with
 * `{++…++}` and rejected, or removed with `{--…--}` and accepted) takes its paragraph with it:
 * the blank line before it and its indentation, so that no empty lines are left behind.
 */
function wholeParagraph(text: string, span: [number, number]): [number, number] {
  const lineStart = text.lastIndexOf('\n', span[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', span[1]);
  const alone = /^[ \t]*$/.test(text.slice(lineStart, span[0])) && /^[ \t]*$/.test(text.slice(span[1], lineEnd < 0 ? text.length : lineEnd));
  if (!alone || lineStart < 2 || text.slice(lineStart - 2, lineStart) !== '\n\n') return span;
  return [lineStart - 2, lineEnd < 0 ? text.length : lineEnd];
}

function keptRange(node: Suggestion, decision: Decision, ranges: { content?: [number, number]; inserted?: [number, number] } | undefined): [number, number] | undefined {
  switch (node.type) {
    case 'suggestionInsert':
      return decision === 'accept' ? ranges?.content : undefined;
    case 'suggestionDelete':
      return decision === 'accept' ? undefined : ranges?.content;
    case 'suggestionSubstitute':
      return decision === 'accept' ? ranges?.inserted : ranges?.content;
    case 'suggestionComment':
      return ranges?.content;
  }
}

function spanOf(node: Suggestion): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** The suggestions inside a suggestion (not itself), outer before inner. */
function nestedSuggestions(node: Suggestion): Suggestion[] {
  const found: Suggestion[] = [];
  const walk = (current: Nodes) => {
    if (current !== node && isSuggestion(current)) found.push(current);
    for (const list of childLists(current)) for (const child of list) walk(child);
  };
  walk(node);
  return found;
}

/** Those of `nodes` (source order, outer first) not inside another of them, sorted by offset. */
function outermost(nodes: readonly Suggestion[]): Suggestion[] {
  const result: Suggestion[] = [];
  let end = -1;
  const sorted = [...nodes].sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
  for (const node of sorted) {
    const span = spanOf(node);
    if (!span || span[0] < end) continue;
    result.push(node);
    end = span[1];
  }
  return result;
}
