import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Template } from '../template/load-template.ts';

/** How one heading level is numbered: Word's number format and the text around the number. */
export interface HeadingNumberLevel {
  /** `chineseCounting` (一, 二 … 十一), `decimal` (1, 2 …). */
  format: 'chineseCounting' | 'decimal';
  /** The number's text with `%n` for this level's counter (Word's `w:lvlText`), e.g. `（%2）`. */
  text: string;
}

/**
 * A number a source writes at the start of a heading: 一、 （一） (一) 1. 1、 1． （1） (1) 1.1
 * 第一章 第二部分. Such a source numbers its own headings.
 */
const WRITTEN_NUMBER = /^\s*(?:[一二三四五六七八九十百零〇两]+[、．.]|[（(][一二三四五六七八九十百零〇两\d]+[）)]|\d+(?:\.\d+)*(?:[.、．]|\s)|第[一二三四五六七八九十百零〇两\d]+[章节部分篇条])/;

/** The heading whose text starts with a written number, if any heading does. */
export function headingWithWrittenNumber(tree: Root): Heading | undefined {
  let found: Heading | undefined;
  visit(tree, 'heading', (heading: Heading) => {
    if (found === undefined && WRITTEN_NUMBER.test(toString(heading))) found = heading;
  });
  return found;
}

/** Chinese counting as Word writes it: 一 … 十, 十一, 二十, 二十一, 一百, 一百零一 … */
export function chineseCounting(value: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value < 10) return digits[value] ?? '';
  if (value < 20) return `十${value % 10 === 0 ? '' : digits[value % 10]}`;
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  let rest = value;
  let text = '';
  let zero = false;
  for (const [unit, name] of units) {
    const digit = Math.floor(rest / unit);
    rest %= unit;
    if (digit > 0) {
      text += `${zero ? '零' : ''}${digits[digit]}${name}`;
      zero = false;
    } else if (text !== '') zero = true;
  }
  return rest > 0 ? `${text}${zero ? '零' : ''}${digits[rest]}` : text;
}

function formatNumber(value: number, level: HeadingNumberLevel, index: number): string {
  const number = level.format === 'chineseCounting' ? chineseCounting(value) : String(value);
  return level.text.replace(`%${index + 1}`, number);
}

/**
 * The automatic number of every heading when the template asks for numbering
 * (`headingNumbers`), keyed by heading; levels are Word outline levels (`levelOf`, 1-based,
 * `'title'` for the heading that is the document's title). None when the template does not
 * number headings, or when the source writes its own numbers (it is never numbered twice; a
 * note says which heading showed it).
 */
export function headingNumbers(tree: Root, file: VFile, template: Template, levelOf: (heading: Heading) => number | 'title'): Map<Heading, string> | undefined {
  const levels = template.headingNumbers;
  if (levels === undefined || levels.length === 0) return undefined;
  const written = headingWithWrittenNumber(tree);
  if (written) {
    if (file.messages.some((message) => message.ruleId === 'heading-numbers-written')) return undefined;
    file.info(`Headings are numbered as the source writes them (as in “${toString(written).slice(0, 20)}”): the template's automatic numbering is off`, {
      ...(written.position ? { place: written.position } : {}),
      ruleId: 'heading-numbers-written',
      source: 'report-press',
    });
    return undefined;
  }
  const numbers = new Map<Heading, string>();
  const counters: number[] = [];
  visit(tree, 'heading', (heading: Heading) => {
    const level = levelOf(heading);
    if (level === 'title') return;
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    for (let index = 0; index < level - 1; index++) counters[index] ??= 1;
    const spec = levels[level - 1];
    if (spec) numbers.set(heading, formatNumber(counters[level - 1] ?? 1, spec, level - 1));
  });
  return numbers;
}
