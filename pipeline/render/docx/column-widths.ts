import { toString } from 'mdast-util-to-string';
import type { Table } from 'mdast';

/** Characters set full width (two half-width units): CJK scripts, full-width forms, CJK punctuation. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** A column never asks for less than this many half-width units, nor more than the cap. */
const MIN_UNITS = 4;
const MAX_UNITS = 60;

/** A half-width unit in ems of the table's font, generous enough for bold header text. */
const UNIT_EM = 0.62;

/** Left and right cell margins of the table style, twips. */
const CELL_MARGINS_TWIPS = 2 * 108;

/** The width of a text in half-width units: a Chinese character counts two, a Latin letter one. */
export function textUnits(text: string): number {
  let units = 0;
  for (const character of text) units += WIDE.test(character) ? 2 : 1;
  return units;
}

/** The longest piece of a text that cannot break: a Latin word or number; a Chinese character breaks anywhere. */
function longestWordUnits(text: string): number {
  return Math.max(0, ...text.split(/[\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/u).map(textUnits), WIDE.test(text) ? 2 : 0);
}

function cellTexts(table: Table, column: number): string[] {
  return table.children.map((row) => {
    const cell = row.children[column];
    return cell ? toString(cell).trim() : '';
  });
}

/**
 * Column widths (twips, summing to at most `totalTwips`) in proportion to the longest text of
 * each column, so that a long description is not squeezed beside short numbers as with equal
 * widths; columns of similar text come out equal. Every column is at least as wide as its
 * longest word (at `fontSizePt`), so a header such as `Value` never breaks inside the word,
 * unless the words of all columns together do not fit the width.
 */
export function columnWidths(table: Table, columns: number, totalTwips: number, fontSizePt: number): number[] {
  const texts = Array.from({ length: columns }, (_, column) => cellTexts(table, column));
  const wanted = texts.map((cells) => Math.min(MAX_UNITS, Math.max(MIN_UNITS, ...cells.map(textUnits))));
  const unitTwips = fontSizePt * 20 * UNIT_EM;
  let minimum = texts.map((cells) => Math.max(0, ...cells.map(longestWordUnits)) * unitTwips + CELL_MARGINS_TWIPS);
  const minimumSum = minimum.reduce((sum, width) => sum + width, 0);
  if (minimumSum > totalTwips) minimum = minimum.map((width) => (width * totalTwips) / minimumSum);
  let widths = proportional(wanted, totalTwips);
  // Raise columns below their minimum to it, sharing the rest among the others in proportion.
  for (let pass = 0; pass < columns; pass++) {
    const fixed = widths.map((width, column) => width < (minimum[column] ?? 0) || (pass > 0 && width === minimum[column]));
    if (!widths.some((width, column) => width < (minimum[column] ?? 0))) break;
    const rest = totalTwips - minimum.reduce((sum, width, column) => sum + (fixed[column] ? width : 0), 0);
    const free = proportional(wanted.map((units, column) => (fixed[column] ? 0 : units)), rest);
    widths = widths.map((_, column) => (fixed[column] ? minimum[column] ?? 0 : free[column] ?? 0));
  }
  return widths.map((width) => Math.floor(width));
}

function proportional(weights: number[], total: number): number[] {
  const sum = weights.reduce((accumulated, weight) => accumulated + weight, 0);
  return weights.map((weight) => (sum > 0 ? (total * weight) / sum : total / weights.length));
}
