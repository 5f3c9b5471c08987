import { visit, SKIP } from 'unist-util-visit';
import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { SourceEdit } from '../fix/apply-fixes.ts';
import { isAutolink, lineStarts, pointAt, sourceOffsets } from '../fix/source-offsets.ts';
import { flag, type Place } from '../util/messages.ts';

/** Rule id of the warnings and source edits of this transform. */
export const DIGIT_WIDTH_RULE = 'digit-width-mixed' as const;

const NUMBER = /[0-9０-９]+/g;
const FULL_WIDTH_DIGIT = /[０-９]/;
const HALF_WIDTH_DIGIT = /[0-9]/;

/** The half-width form of full-width digits (`２０２４` → `2024`); other characters stay. */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** A run of digits in one text node. */
interface NumberToken {
  text: Text;
  /** Code-unit index in `text.value`. */
  index: number;
  value: string;
}

/**
 * Report full-width digits (`０`–`９`) that stand beside half-width ones (`digit-width-mixed`):
 *
 * 1. a number mixing both widths (`２024年`), always;
 * 2. a number in full-width digits (`２０２４年`) in a document whose text also writes numbers in
 *    half-width digits (GB/T 15835 uses half-width Arabic numerals). A document that writes all
 *    its numbers full width is consistent and is not reported.
 *
 * A number is a run of digits within one text node; text in code, URLs of autolinks and image
 * alt text are not looked at. Each warning comes with source edits that make the full-width
 * digits half width (`press check --fix`), except for digits written as character references.
 * Runs before `remarkFigures` and `remarkTableCaptions`, which move caption text out of the
 * tree's children.
 */
export function remarkDigitWidth() {
  return (tree: Root, file: VFile): void => {
    const tokens: NumberToken[] = [];
    visit(tree, (node) => {
      if (node.type === 'link' && isAutolink(node)) return SKIP;
      if (node.type === 'text') for (const match of node.value.matchAll(NUMBER)) tokens.push({ text: node, index: match.index, value: match[0] });
      return undefined;
    });
    const halfWidthUsed = tokens.some((token) => HALF_WIDTH_DIGIT.test(token.value));
    const source = String(file.value);
    const lines = lineStarts(source);
    const offsetsOf = new Map<Text, Map<number, number>>();
    const edits: SourceEdit[] = [];
    for (const token of tokens) {
      if (!FULL_WIDTH_DIGIT.test(token.value)) continue;
      const mixed = HALF_WIDTH_DIGIT.test(token.value);
      if (!mixed && !halfWidthUsed) continue;
      let offsets = offsetsOf.get(token.text);
      if (!offsets) offsetsOf.set(token.text, (offsets = sourceOffsets(token.text, source)));
      const start = tokenStart(token, offsets);
      const place: Place = start === undefined ? token.text : pointAt(lines, start);
      flag(file, DIGIT_WIDTH_RULE, place, { token: token.value, fixed: halfWidthDigits(token.value), mixed });
      edits.push(...tokenEdits(token, offsets, source));
    }
    if (edits.length > 0) (file.data.fixes ??= []).push(...edits);
  };
}

/**
 * Source offset where a token starts: its first digit's, or, for a digit written as a character
 * reference or escape, the end of the last character before it written as itself (or the text's start).
 */
function tokenStart(token: NumberToken, offsets: Map<number, number>): number | undefined {
  const own = offsets.get(token.index);
  if (own !== undefined) return own;
  for (let index = token.index - 1; index >= 0; index--) {
    const before = offsets.get(index);
    if (before !== undefined) return before + ((token.text.value.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
  }
  return token.text.position?.start.offset;
}

/** Edits making a token's full-width digits half width: one per run of them written as themselves in the source. */
function tokenEdits(token: NumberToken, offsets: Map<number, number>, source: string): SourceEdit[] {
  const edits: SourceEdit[] = [];
  let run: { offset: number; old: string } | undefined;
  const flush = () => {
    if (run) edits.push({ offset: run.offset, old: run.old, new: halfWidthDigits(run.old), ruleId: DIGIT_WIDTH_RULE });
    run = undefined;
  };
  for (let at = 0; at < token.value.length; at++) {
    const offset = offsets.get(token.index + at);
    const digit = token.value[at] ?? '';
    if (offset === undefined || !FULL_WIDTH_DIGIT.test(digit) || source[offset] !== digit) {
      flush();
    } else if (run && run.offset + run.old.length === offset) {
      run.old += digit;
    } else {
      flush();
      run = { offset, old: digit };
    }
  }
  flush();
  return edits;
}
