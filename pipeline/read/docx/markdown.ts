/**
 * Write an imported document as Markdown: remark-stringify with GFM (tables, footnotes,
 * strikethrough, task lists), CJK-friendly emphasis, YAML front matter, and handlers for the
 * suggestion nodes that write CriticMarkup with `critic/syntax.ts`'s formatters. Chinese text is
 * never hard-wrapped and its punctuation is not escaped.
 */
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { toMarkdown, type Handle, type Options, type State, type Info } from 'mdast-util-to-markdown';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { cjkFriendlyToMarkdown } from 'mdast-util-to-markdown-cjk-friendly';
import { commentMarkup, deleteMarkup, insertMarkup, substituteMarkup, type Attribution } from '../../critic/syntax.ts';
import type { ReadDocxResult } from './types.ts';

interface SuggestionLike {
  type: string;
  children: PhrasingContent[];
  inserted?: PhrasingContent[];
  attribution: Attribution;
}

function phrasing(children: PhrasingContent[], state: State, info: Info): string {
  return state.containerPhrasing({ type: 'paragraph', children } as Parents, info);
}

const suggestion =
  (write: (node: SuggestionLike, state: State, info: Info) => string): Handle =>
  (node, _parent, state, info) =>
    write(node as unknown as SuggestionLike, state, info);

const HANDLERS: Record<string, Handle> = {
  suggestionInsert: suggestion((node, state, info) => insertMarkup(phrasing(node.children, state, info), node.attribution)),
  suggestionDelete: suggestion((node, state, info) => deleteMarkup(phrasing(node.children, state, info), node.attribution)),
  suggestionSubstitute: suggestion((node, state, info) => substituteMarkup(phrasing(node.children, state, info), phrasing(node.inserted ?? [], state, info), node.attribution)),
  suggestionComment: suggestion((node, state, info) => commentMarkup(phrasing(node.children, state, info), node.attribution)),
};

/** Markdown text of an mdast tree as the import writes it. */
export function treeToMarkdown(tree: Root): string {
  return toMarkdown(tree as Nodes, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    handlers: HANDLERS as Options['handlers'],
    // Table cells are not padded to one width (CJK widths and CriticMarkup make that unreadable).
    // The CJK-friendly extension replaces the list-item handler, so GFM's (task lists) comes after it.
    extensions: [frontmatterToMarkdown(['yaml']), cjkFriendlyToMarkdown(), gfmToMarkdown({ tablePipeAlign: false })],
  });
}

/** The Markdown source of an imported Word file. */
export function docxToMarkdown(result: ReadDocxResult): string {
  return treeToMarkdown(result.tree);
}
