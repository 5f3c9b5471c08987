import { CHINESE_NUMERAL_CHARACTERS, formatChineseNumber, parseChineseNumber } from './chinese-numerals.ts';

/** The number a heading opens with, in one of the usual styles of Chinese reports. */
export interface HeadingNumber {
  /** The numbering style: numbers of one style under one parent must run 1, 2, 3… */
  style: string;
  /** The number's value. */
  value: number;
  /** The number as written: `四、`, `（二）`, `3.`, `第一章`. */
  label: string;
  /** How this style writes another number (the same brackets and marks). */
  labelFor: (value: number) => string;
}

const CN = `[${CHINESE_NUMERAL_CHARACTERS}]+`;
const ARABIC = '[0-9０-９]+';
const UNITS = '部分|章|节|篇|编|卷|讲';

/** The styles, each a pattern on the start of the heading's text and how to write a number in it. */
const STYLES: readonly { style: string; pattern: RegExp; chinese: boolean; label: (number: string, match: RegExpExecArray) => string }[] = [
  // 第一部分, 第二章, 第3节: the unit is part of the style.
  { style: 'ordinal-cn', pattern: new RegExp(`^第(${CN})(${UNITS})`, 'u'), chinese: true, label: (number, match) => `第${number}${match[2] ?? ''}` },
  { style: 'ordinal-arabic', pattern: new RegExp(`^第(${ARABIC})(${UNITS})`, 'u'), chinese: false, label: (number, match) => `第${number}${match[2] ?? ''}` },
  // 一、 (level-1 headings of GB/T 9704 documents)
  { style: 'cn-comma', pattern: new RegExp(`^(${CN})、`, 'u'), chinese: true, label: (number) => `${number}、` },
  // （一） (level 2), also with half-width brackets
  { style: 'cn-bracket', pattern: new RegExp(`^([（(])(${CN})([）)])`, 'u'), chinese: true, label: (number, match) => `${match[1] ?? '（'}${number}${match[3] ?? '）'}` },
  // （1） (level 4)
  { style: 'arabic-bracket', pattern: new RegExp(`^([（(])(${ARABIC})([）)])`, 'u'), chinese: false, label: (number, match) => `${match[1] ?? '（'}${number}${match[3] ?? '）'}` },
  // 1. 1． 1、 (level 3), but not a decimal such as 1.5
  { style: 'arabic-dot', pattern: new RegExp(`^(${ARABIC})([.．、])(?![0-9０-９])`, 'u'), chinese: false, label: (number, match) => `${number}${match[2] ?? '.'}` },
];

function arabicValue(digits: string): number {
  return Number([...digits].map((digit) => String.fromCharCode(digit.charCodeAt(0) >= 0xff10 ? digit.charCodeAt(0) - 0xfee0 : digit.charCodeAt(0))).join(''));
}

/**
 * The number a heading's text opens with, if it is written in one of the part-numbering styles
 * of Chinese reports: `一、`, `（一）`, `1.`/`1．`/`1、`, `（1）`, `第一部分`/`第一章`/`第1节`….
 * Chinese numerals go beyond ten (`十一、`, `二十、`, `一百零一、`).
 */
export function headingNumber(text: string): HeadingNumber | undefined {
  const trimmed = text.trimStart();
  for (const { style, pattern, chinese, label } of STYLES) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    // The number is the first group of the ordinal and comma styles, the second of the bracket styles.
    const written = style.endsWith('bracket') ? match[2] : match[1];
    if (written === undefined) continue;
    const value = chinese ? parseChineseNumber(written) : arabicValue(written);
    if (value === undefined || !Number.isSafeInteger(value) || value <= 0) continue;
    const unit = style.startsWith('ordinal') ? `-${match[2] ?? ''}` : '';
    return {
      style: `${style}${unit}`,
      value,
      label: label(written, match),
      labelFor: (other) => label(chinese && other < 100_000_000 ? formatChineseNumber(other) : String(other), match),
    };
  }
  return undefined;
}
