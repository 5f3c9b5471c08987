import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { flag } from '../util/messages.ts';
import { collectSuggestions, resolveSuggestionsInTree } from '../critic/suggestions.ts';
import { moveId, type Suggestion } from '../critic/syntax.ts';
import type { SuggestionSummary } from '../util/catalogue/review-rules.ts';

/**
 * What a build does with the suggestions of its source:
 * - `pending` (default): keep them; the Word file shows tracked changes, the web page marks
 *   them, and a PDF is refused (`review-pending` at each one);
 * - `accept` / `reject`: decide them (all, or `author`'s) before every output; comments dropped;
 * - `marked`: keep them, and print them marked in the PDF as on the web page (`press compare`).
 */
export type SuggestionMode = 'pending' | 'accept' | 'reject' | 'marked';

/** How the build treats suggestions, set on `file.data.suggestions` before the transforms run. */
export interface SuggestionSettings {
  mode: SuggestionMode;
  /** Decide only this author's suggestions (`--author`). */
  author?: string;
  /** The PDF, the official edition, is among the outputs. */
  print: boolean;
}

declare module 'vfile' {
  interface DataMap {
    suggestions: SuggestionSettings;
  }
}

const CLOSING: Record<string, string> = { '{++': '++}', '{--': '--}', '{~~': '~> … ~~}', '{==': '==}', '{>>': '<<}' };

/**
 * Report CriticMarkup left unclosed (`critic-unclosed`), then treat the suggestions as
 * `file.data.suggestions` says: decide them in the tree (`accept`, `reject`), or list each one
 * still pending, as an error when the PDF is built (`review-pending`), else as a warning
 * (`review-suggestion`). With `marked` they are kept without a message.
 */
export function remarkSuggestions() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'text', (node: Text) => {
      if (node.data?.criticUnclosed !== true) return;
      const marker = node.value.slice(0, 3);
      flag(file, 'critic-unclosed', node, { marker, closing: CLOSING[marker] ?? '' });
    });
    const settings = file.data.suggestions ?? { mode: 'pending', print: false };
    if (settings.mode === 'accept' || settings.mode === 'reject') resolveSuggestionsInTree(tree, settings.mode, settings.author === undefined ? {} : { author: settings.author });
    if (settings.mode === 'marked') return;
    for (const suggestion of collectSuggestions(tree)) flag(file, settings.print ? 'review-pending' : 'review-suggestion', suggestion, summarize(suggestion));
  };
}

/** A suggestion as its messages describe it. */
export function summarize(node: Suggestion): SuggestionSummary {
  const shorten = (text: string) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
  };
  const kind = moveId(node.attribution) !== undefined ? 'move' : ({ suggestionInsert: 'insert', suggestionDelete: 'delete', suggestionSubstitute: 'substitute', suggestionComment: 'comment' } as const)[node.type];
  const excerpt =
    node.type === 'suggestionSubstitute'
      ? `${shorten(toString(node.children))} → ${shorten(toString(node.inserted))}`
      : node.type === 'suggestionComment'
        ? shorten(node.attribution.text ?? toString(node.children))
        : shorten(toString(node.children));
  const summary: SuggestionSummary = { kind, excerpt };
  if (node.attribution.author !== undefined) summary.author = node.attribution.author;
  if (node.attribution.date !== undefined) summary.date = node.attribution.date;
  return summary;
}
