import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Template } from '../template/load-template.ts';
import { formatChineseNumber } from '../transform/support/chinese-numerals.ts';
import { headingNumber } from '../transform/support/heading-number.ts';

/** How one heading level is numbered: Word's number format and the text around the number. */
export interface HeadingNumberLevel {
  /** `chineseCounting` (一, 二 … 十一), `decimal` (1, 2 …). */
  format: 'chineseCounting' | 'decimal';
  /** The number's text with `%n` for this level's counter (Word's `w:lvlText`), e.g. `（%2）`. */
  text: string;
}

/** The heading whose text starts with a written number, if any heading does. */
export function headingWithWrittenNumber(tree: Root): Heading | undefined {
  let found: Heading | undefined;
  visit(tree, 'heading', (heading: Heading) => {
    if (found === undefined && headingNumber(toString(heading)) !== undefined) found = heading;
  });
  return found;
}

function formatNumber(value: number, level: HeadingNumberLevel, index: number): string {
  // Word's chineseCounting: 一 … 十, 十一, 二十, 一百零一 (the usual written form).
  const number = level.format === 'chineseCounting' ? formatChineseNumber(value) : String(value);
  return level.text.replace(`%${index + 1}`, number);
}

/**
 * The automatic number of every heading when the template asks for numbering
 * (`headingNumbers`), keyed by heading; levels are Word outline levels (`levelOf`, 1-based,
 * `'title'` for the heading that is the document's title). None when the template does not
 * number headings, or when the source writes its own numbers (it is never numbered twice).
 */
export function headingNumbers(tree: Root, template: Template, levelOf: (heading: Heading) => number | 'title'): Map<Heading, string> | undefined {
  const levels = template.headingNumbers;
  if (levels === undefined || levels.length === 0) return undefined;
  const written = headingWithWrittenNumber(tree);
  if (written) return undefined;
  const numbers = new Map<Heading, string>();
  const counters: number[] = [];
  visit(tree, 'heading', (heading: Heading) => {
    const level = levelOf(heading);
    // A 公文's attachment is a document of its own: its headings are numbered from 一、 again.
    if (heading.data?.attachment !== undefined) counters.length = 0;
    // The bibliography's heading (参考文献) is neither numbered nor counted.
    if (level === 'title' || heading.data?.unnumbered === true) return;
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    for (let index = 0; index < level - 1; index++) counters[index] ??= 1;
    const spec = levels[level - 1];
    if (spec) numbers.set(heading, formatNumber(counters[level - 1] ?? 1, spec, level - 1));
  });
  return numbers;
}
