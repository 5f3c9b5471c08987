import type { Break, Delete, Emphasis, InlineCode, Strong, Text } from 'mdast';
import type { InlineState } from '../context.ts';
import { pushBreak, pushText, renderInline, withMark } from '../dispatch.ts';

const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014]/u;

/**
 * Soft line breaks of the source: a space between words, nothing between two East Asian
 * characters (a Chinese paragraph wrapped in the source has no spaces).
 */
export function joinSoftBreaks(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, (match: string, offset: number, whole: string) => {
    const before = whole.charAt(offset - 1);
    const after = whole.charAt(offset + match.length);
    return before && after && EAST_ASIAN.test(before) && EAST_ASIAN.test(after) ? '' : ' ';
  });
}

/** `text`: a run in the current formatting. */
export function text(node: Text, state: InlineState): void {
  pushText(state, joinSoftBreaks(node.value));
}

/** `emphasis`: the Emphasis character style; raised or lowered text of a formatted citation (`data.verticalAlign`), Superscript or Subscript. */
export function emphasis(node: Emphasis, state: InlineState): void {
  const align = node.data?.verticalAlign;
  const style = align === 'superscript' ? 'Superscript' : align === 'subscript' ? 'Subscript' : 'Emphasis';
  withMark(state, { kind: 'style', style }, () => renderInline(node.children, state));
}

/** `strong`: the Strong character style. */
export function strong(node: Strong, state: InlineState): void {
  withMark(state, { kind: 'style', style: 'Strong' }, () => renderInline(node.children, state));
}

/** `delete` (GFM strikethrough): the Strikethrough character style. */
export function deleteHandler(node: Delete, state: InlineState): void {
  withMark(state, { kind: 'style', style: 'Strikethrough' }, () => renderInline(node.children, state));
}

/** `inlineCode`: the InlineCode character style, text as written. */
export function inlineCode(node: InlineCode, state: InlineState): void {
  withMark(state, { kind: 'style', style: 'InlineCode' }, () => pushText(state, node.value.replace(/\r?\n/g, ' ')));
}

/** `break` (hard line break): a line break inside the paragraph. */
export function breakHandler(_node: Break, state: InlineState): void {
  pushBreak(state);
}
