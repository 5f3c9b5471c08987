/**
 * Write an imported document as Markdown: remark-stringify with GFM (tables, footnotes,
 * strikethrough, task lists), CJK-friendly emphasis, YAML front matter, and handlers for the
 * suggestion nodes that write CriticMarkup with `critic/syntax.ts`'s formatters. Chinese text is
 * never hard-wrapped and its punctuation is not escaped.
 */
import type { Blockquote, Parents, PhrasingContent, Root } from 'mdast';
import { defaultHandlers, type Handle, type Info, type State } from 'mdast-util-to-markdown';
import { remarkDefinitionList } from 'remark-definition-list';
import { mathToMarkdown, type Math } from 'mdast-util-math';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
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

/**
 * A quote, or a callout (`data.callout`): GitHub's marker line `> [!NOTE]`, with the title after
 * it when the callout has its own (a first paragraph marked `calloutTitle`), then its blocks.
 */
const blockquote: Handle = (node: Blockquote, parent, state, info) => {
  const kind = node.data?.callout;
  if (kind === undefined) return defaultHandlers.blockquote(node, parent, state, info);
  const [first, ...rest] = node.children;
  const titled = first?.type === 'paragraph' && first.data?.calloutTitle === true;
  const title = titled ? ` ${phrasing(first.children, state, info)}` : '';
  const body = titled ? rest : node.children;
  const marker = `> [!${kind.toUpperCase()}]${title}`;
  return body.length === 0 ? marker : `${marker}\n${defaultHandlers.blockquote({ ...node, children: body }, parent, state, info)}`;
};

const mathHandlers = mathToMarkdown().handlers ?? {};

/** A display formula, with its label after the closing `$$` when it had one (`$$ {#eq-growth}`). */
const math: Handle = (node: Math, parent, state, info) => {
  const written = mathHandlers.math?.(node, parent, state, info) ?? '';
  const label = node.data?.label?.id;
  return label === undefined ? written : `${written} {#${label}}`;
};

const HANDLERS: Record<string, Handle> = {
  blockquote,
  math,
  suggestionInsert: suggestion((node, state, info) => insertMarkup(phrasing(node.children, state, info), node.attribution)),
  suggestionDelete: suggestion((node, state, info) => deleteMarkup(phrasing(node.children, state, info), node.attribution)),
  suggestionSubstitute: suggestion((node, state, info) => substituteMarkup(phrasing(node.children, state, info), phrasing(node.inserted ?? [], state, info), node.attribution)),
  suggestionComment: suggestion((node, state, info) => commentMarkup(phrasing(node.children, state, info), node.attribution)),
};

/**
 * The processor that writes imported documents. Plugin order matters: remark-cjk-friendly's
 * Markdown extension replaces the list-item handler, so remark-gfm's (task lists) comes after it.
 * Table cells are not padded to one width (CJK widths and CriticMarkup make that unreadable).
 */
const processor = unified()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkCjkFriendly)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkDefinitionList)
  .use(remarkMath)
  // Text that reads as CriticMarkup (`{++`, `{--`, `{~~`, `{==`, `{>>`) is escaped: it is the document's text, no suggestion.
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
    handlers: HANDLERS,
    unsafe: [{ character: '{', after: String.raw`\+\+|--|~~|==|>>` }],
    // A chart's caption line stands right under its fence, as the source has it.
    join: [(left, right) => (left.type === 'code' && left.lang === 'chart' && right.type === 'paragraph' && right.data?.chartCaption === true ? 0 : undefined)],
  })
  .freeze();

/** Markdown text of an mdast tree as the import writes it. */
export function treeToMarkdown(tree: Root): string {
  return processor.stringify(tree);
}

/** The Markdown source of an imported Word file. */
export function docxToMarkdown(result: ReadDocxResult): string {
  return treeToMarkdown(result.tree);
}
