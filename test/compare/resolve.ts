import { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../pipeline/parse/parse.ts';

const COMMENT = String.raw`(?:\{>>(?:\\<<\}|[\s\S])*?<<\})?`;
const INSERT = new RegExp(String.raw`\{\+\+((?:\\\+\+\}|[\s\S])*?)\+\+\}${COMMENT}`, 'g');
const DELETE = new RegExp(String.raw`\{--((?:\\--\}|[\s\S])*?)--\}${COMMENT}`, 'g');
const SUBSTITUTE = new RegExp(String.raw`\{~~((?:\\~>|[\s\S])*?)~>((?:\\~~\}|[\s\S])*?)~~\}${COMMENT}`, 'g');

const unescape = (text: string, closing: string) => text.split(`\\${closing}`).join(closing);

/**
 * Accept or reject every CriticMarkup change in a marked source, as text (an independent reading
 * of the syntax, for tests: insertions, deletions and substitutions with their attributions).
 */
export function resolveMarkup(marked: string, mode: 'accept' | 'reject'): string {
  return marked
    .replace(SUBSTITUTE, (_, old: string, next: string) => (mode === 'accept' ? unescape(next, '~~}') : unescape(old, '~>')))
    .replace(INSERT, (_, text: string) => (mode === 'accept' ? unescape(text, '++}') : ''))
    .replace(DELETE, (_, text: string) => (mode === 'accept' ? '' : unescape(text, '--}')));
}

/** The text blocks of a source (paragraphs, headings, table cells) as `type: text`, white space collapsed, empty ones (and bare task boxes) left out. */
export function blockTexts(source: string): string[] {
  const tree = parseMarkdown(new VFile({ path: 'resolved.md', value: source }));
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    // A task item whose text was deleted keeps its box, which alone is no task.
    if (text !== '' && !/^\[[ xX]\]$/.test(text)) texts.push(`${node.type}: ${text}`);
    return 'skip';
  });
  return texts;
}

/**
 * What the project's parser reads in a marked source: the suggestions (by type) and any
 * CriticMarkup delimiter left over in plain text (which would mean a span it could not read).
 */
export function parsedSuggestions(marked: string): { suggestions: number; leftovers: string[] } {
  const tree = parseMarkdown(new VFile({ path: 'marked.md', value: marked }));
  let suggestions = 0;
  const leftovers: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'suggestionInsert' || node.type === 'suggestionDelete' || node.type === 'suggestionSubstitute') suggestions++;
    if (node.type === 'text' && 'value' in node && typeof node.value === 'string' && /\{\+\+|\{--|\{~~|\+\+\}|--\}|~~\}|\{>>|<<\}/.test(node.value)) leftovers.push(node.value);
  });
  return { suggestions, leftovers };
}

/** The CriticMarkup changes written in a marked source, counted as text. */
export function markupCount(marked: string): number {
  return [...marked.matchAll(INSERT)].length + [...marked.matchAll(DELETE)].length + [...marked.matchAll(SUBSTITUTE)].length;
}
