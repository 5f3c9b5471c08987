import { visit, SKIP } from 'unist-util-visit';
import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import type { SourceEdit } from '../fix/apply-fixes.ts';
import { isAutolink, lineStarts, pointAt, sourceOffsets } from '../fix/source-offsets.ts';
import { flag } from '../util/messages.ts';
import { effectiveSetting } from '../util/rule-settings.ts';

/** Rule id of the warnings and source edits of this transform. */
export const CJK_PUNCTUATION_RULE = 'cjk-punctuation' as const;

/** The half-width marks this transform normalises, with their full-width forms. */
export const FULL_WIDTH = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' } as const;

type Mark = keyof typeof FULL_WIDTH;

/**
 * Normalise half-width `, ; : ! ? ( )` typed inside Chinese text to their full-width forms
 * (`， ； ： ！ ？ （ ）`), in the tree every output is rendered from. Each change is a warning
 * (`cjk-punctuation`) at the mark's line and column, and a {@link SourceEdit} in
 * `file.data.fixes`, which `press check --fix` writes back into the source.
 *
 * Only `text` nodes change. Each paragraph, heading or table cell is read as one run of
 * characters across its inline nodes (emphasis, strong, links…), so that a mark at the edge of
 * a text node sees its neighbours: `**一是……。**牢固,` and `**坚持**,我们` both work. In that run,
 * inline code, images and autolinks stand for one opaque non-Chinese character (their own
 * content is never changed), inline HTML tags and footnote references are transparent, a hard
 * break is a line break.
 *
 * "Chinese" below means a Han, kana or bopomofo character; a "full-width mark" is anything in
 * CJK Symbols and Punctuation (U+3000–303F), the CJK compatibility and vertical forms, and the
 * Halfwidth and Fullwidth Forms block (U+FF00–FFEF) — `，。、；：！？（）「」《》％` and the like.
 * The quotes `“”‘’`, `…`, `—` and `·` are shared with Western text, so they are looked through.
 *
 * A `, ; : ! ?` is made full width when it is not between two ASCII digits (`1,000`, `10:30`,
 * `3:2` stay) and either
 *
 * 1. it closes Chinese text: the character before it is Chinese or a full-width mark, after
 *    looking back through a Latin word or number and through shared quotes (`一年来,`,
 *    `“牛鼻子”,`, `增长6%!`, `我爱Python!`), and it is not followed by white space and then
 *    something that is not Chinese (`This is 中文, and` stays: an English sentence); or
 * 2. it leads into Chinese text: directly after it comes a Chinese character or a full-width
 *    mark (through shared quotes), and directly before it comes something other than white space
 *    (`增长6%,一般`, `时间10:30,开会`, `使用Python,并且`).
 *
 * 3. it is a `:` or `;` that ends a Chinese line: only spaces come between it and a line break
 *    (or the end of the block), it closes Chinese text as in 1 (looking back through inline code
 *    and images too: ``运行`npm install`:``), and its line holds more Chinese characters than
 *    Latin words. Whatever the next line starts with (`2024年…`, `A类…`, code, an image) says
 *    nothing about the mark: `:` introduces it, `;` closes a clause of this line. (`We use 中文;`
 *    is an English line; a `,` at a line's end stays with the rules above, as the sentence goes on.)
 *
 * A pair of parentheses, matched within the block, is converted as a pair or not at all: when a
 * Chinese character touches either parenthesis from the outside, or a full-width mark the opening
 * one (`指数(CPI)上涨`, `(一)主要目标`, `，(1)`; a full-width mark after the closing one says nothing,
 * so `函数f(x),返回` keeps `(x)`), or when the content holds a Chinese character and the nearest
 * character outside on neither side is a Latin letter or digit (`(节选)`, `2024年 (节选)`; but
 * `Qinhuangdao (秦皇岛) is` stays). Unmatched parentheses stay.
 *
 * With the rule set to `off` (see `rules` in the README), nothing is changed or reported.
 *
 * The rules are applied until nothing changes (a converted mark is context for its neighbours,
 * as in `Hello!?中文`), so that a second run finds nothing: fixing twice equals fixing once. Marks written
 * as a backslash escape (`\,`) or a character reference (`&#44;`) are left as written: that is
 * how an author keeps a half-width mark on purpose.
 */
export function remarkCjkPunctuation() {
  return (tree: Root, file: VFile): void => {
    if (effectiveSetting(file, CJK_PUNCTUATION_RULE) === 'off') return;
    const source = String(file.value);
    const lines = lineStarts(source);
    const edits: SourceEdit[] = [];
    visit(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell' && node.type !== 'defListTerm') return undefined;
      for (const change of normaliseRun(node.children, source)) {
        const { line, column } = pointAt(lines, change.offset);
        flag(file, CJK_PUNCTUATION_RULE, { line, column }, { mark: change.mark, full: FULL_WIDTH[change.mark] });
        edits.push({ offset: change.offset, old: change.mark, new: FULL_WIDTH[change.mark], ruleId: CJK_PUNCTUATION_RULE });
      }
      return SKIP;
    });
    if (edits.length > 0) (file.data.fixes ??= []).push(...edits);
  };
}

/** One character of a block's run. */
interface Slot {
  /** The character (one code point), as converted so far. */
  char: string;
  /** The text node it comes from; absent for stand-ins (opaque nodes, breaks). */
  text?: Text;
  /** Its code-unit index in `text.value`. */
  index?: number;
  /** Its source offset, when the source has exactly this character there (a mark that may be edited). */
  offset?: number;
}

/** A converted mark. */
interface Change {
  mark: Mark;
  offset: number;
}

/** Stand-in for inline code, images and autolinks: not Chinese, not white space. */
const OPAQUE = '\uFFFC';

const CHINESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]$/u;
const SHARED = new Set(['“', '”', '‘', '’', '…', '—', '―', '·']);
const WORD = /^[A-Za-z0-9%‰.]$/;
const LATIN_OR_DIGIT = /^[A-Za-z0-9]$/;
const DIGIT = /^[0-9]$/;
const SPACE = /^\s$/u;
const SIMPLE_MARKS = new Set<string>([',', ';', ':', '!', '?']);
/** Marks that go with the line they end, whatever the next line holds (rule 3). */
const LINE_END_MARKS = new Set<string>([':', ';']);
const LINE_BREAK = /^[\n\r]$/;
const LATIN_WORD = /[A-Za-z]+/g;

function isChinese(char: string): boolean {
  return CHINESE.test(char);
}

function isFullWidthMark(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xfe10 && code <= 0xfe1f) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xffef);
}

/** Chinese character or full-width mark. */
function isCjk(char: string | undefined): boolean {
  return char !== undefined && (isChinese(char) || isFullWidthMark(char));
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && !isFullWidthMark(char) && SPACE.test(char);
}

/** Convert the marks of one block's inline content; returns the changes in source order. */
function normaliseRun(children: PhrasingContent[], source: string): Change[] {
  const slots: Slot[] = [];
  collect(children, slots, source);
  const converted = new Set<number>();
  const convert = (at: number) => {
    const slot = slots[at];
    if (!slot) return;
    slot.char = FULL_WIDTH[slot.char as Mark];
    converted.add(at);
  };
  // Conversions only ever add full-width marks, so this ends (at worst one pass per mark).
  for (;;) {
    const before = converted.size;
    for (const [open, close] of pairsToConvert(slots)) {
      convert(open);
      convert(close);
    }
    for (let at = 0; at < slots.length; at++) {
      const slot = slots[at];
      if (slot?.offset !== undefined && SIMPLE_MARKS.has(slot.char) && markToConvert(slots, at)) convert(at);
    }
    if (converted.size === before) break;
  }
  const changes: Change[] = [];
  for (const at of [...converted].sort((a, b) => a - b)) {
    const slot = slots[at];
    if (!slot?.text || slot.index === undefined || slot.offset === undefined) continue;
    const mark = source[slot.offset] as Mark;
    const value = slot.text.value;
    slot.text.value = value.slice(0, slot.index) + slot.char + value.slice(slot.index + 1);
    changes.push({ mark, offset: slot.offset });
  }
  return changes;
}

/** Whether a `, ; : ! ?` at `at` stands in Chinese text (see the rules on {@link remarkCjkPunctuation}). */
function markToConvert(slots: Slot[], at: number): boolean {
  const before = slots[at - 1]?.char;
  const after = slots[at + 1]?.char;
  if (before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after)) return false;
  if (LINE_END_MARKS.has(slots[at]?.char ?? '') && endsChineseLine(slots, at)) return true;
  const right = rightContext(slots, at);
  if (closesChinese(slots, at) && right !== 'space-other') return true;
  return right === 'chinese' && before !== undefined && !isSpace(before);
}

/**
 * Whether the text before `at`, looking back through a Latin word or number and shared quotes
 * (and with `throughOpaque`, inline code and images), is Chinese.
 */
function closesChinese(slots: Slot[], at: number, throughOpaque = false): boolean {
  let index = at - 1;
  while (index >= 0) {
    const char = slots[index]?.char ?? '';
    if (!WORD.test(char) && !SHARED.has(char) && !(throughOpaque && char === OPAQUE)) break;
    index--;
  }
  return isCjk(slots[index]?.char);
}

/** Whether the mark at `at` ends a Chinese line (rule 3 on {@link remarkCjkPunctuation}). */
function endsChineseLine(slots: Slot[], at: number): boolean {
  let index = at + 1;
  while (isSpace(slots[index]?.char) && !LINE_BREAK.test(slots[index]?.char ?? '')) index++;
  const next = slots[index]?.char;
  if (next !== undefined && !LINE_BREAK.test(next)) return false;
  if (!closesChinese(slots, at, true)) return false;
  let start = at;
  while (start > 0 && !LINE_BREAK.test(slots[start - 1]?.char ?? '')) start--;
  const line = slots.slice(start, at).map((slot) => slot.char);
  const chinese = line.filter(isChinese).length;
  return chinese > (line.join('').match(LATIN_WORD)?.length ?? 0);
}

type Right = 'chinese' | 'end' | 'attached' | 'space-chinese' | 'space-other';

/** What follows the mark at `at`. */
function rightContext(slots: Slot[], at: number): Right {
  let index = at + 1;
  let spaced = false;
  while (isSpace(slots[index]?.char)) {
    spaced = true;
    index++;
  }
  const next = slots[index]?.char;
  if (next === undefined) return 'end';
  while (SHARED.has(slots[index]?.char ?? '')) index++;
  const beyond = slots[index]?.char;
  const chinese = isCjk(beyond);
  if (spaced) return chinese || beyond === undefined ? 'space-chinese' : 'space-other';
  if (chinese) return 'chinese';
  return SHARED.has(next) && beyond === undefined ? 'end' : 'attached';
}

/** Parenthesis pairs of the run (matched by nesting) that stand in Chinese text, both editable. */
function pairsToConvert(slots: Slot[]): [number, number][] {
  const open: number[] = [];
  const pairs: [number, number][] = [];
  slots.forEach((slot, at) => {
    if (slot.char === '(') open.push(at);
    else if (slot.char === ')') {
      const start = open.pop();
      if (start !== undefined) pairs.push([start, at]);
    }
  });
  return pairs.filter(([start, end]) => {
    if (slots[start]?.offset === undefined || slots[end]?.offset === undefined) return false;
    if (isCjk(slots[start - 1]?.char) || isChinese(slots[end + 1]?.char ?? '')) return true;
    const content = slots.slice(start + 1, end);
    if (!content.some((slot) => isChinese(slot.char))) return false;
    return !LATIN_OR_DIGIT.test(nearestOutside(slots, start, -1)) && !LATIN_OR_DIGIT.test(nearestOutside(slots, end, 1));
  });
}

/** The nearest character outside a parenthesis, skipping white space and shared quotes ('' at the block's edge). */
function nearestOutside(slots: Slot[], from: number, step: 1 | -1): string {
  let index = from + step;
  while (index >= 0 && index < slots.length) {
    const char = slots[index]?.char ?? '';
    if (!isSpace(char) && !SHARED.has(char)) return char;
    index += step;
  }
  return '';
}

/** Flatten inline content into slots (see {@link remarkCjkPunctuation} for what each node stands for). */
function collect(nodes: PhrasingContent[], slots: Slot[], source: string): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const offsets = sourceOffsets(node, source);
      let index = 0;
      for (const char of node.value) {
        const slot: Slot = { char, text: node, index };
        const offset = offsets.get(index);
        if (offset !== undefined) slot.offset = offset;
        slots.push(slot);
        index += char.length;
      }
    } else if (node.type === 'break') {
      slots.push({ char: '\n' });
    } else if (node.type === 'html' || node.type === 'footnoteReference') {
      // Transparent: tags and note marks do not separate the characters around them.
    } else if (node.type === 'link' && isAutolink(node)) {
      slots.push({ char: OPAQUE });
    } else if ('children' in node && Array.isArray(node.children)) {
      collect(node.children as PhrasingContent[], slots, source);
    } else {
      slots.push({ char: OPAQUE });
    }
  }
}
