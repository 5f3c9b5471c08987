/**
 * Which paragraphs are headings, and at what level: a heading style (by id, name or outline
 * level), a direct outline level, or — for Chinese documents written with direct formatting —
 * the numbering patterns `一、` `（一）` `1.` `（1）` (read by the build's own heading-number parser)
 * set apart by bold, Hei or Kai type over the whole paragraph.
 */
import { headingNumber } from '../../transform/support/heading-number.ts';
import type { ParagraphRecord } from './body.ts';

/** Level of each Chinese numbering style as GB/T 9704 documents use them. */
const LEVEL_OF_STYLE: Readonly<Record<string, number>> = { 'cn-comma': 1, 'cn-bracket': 2, 'arabic-dot': 3, 'arabic-bracket': 4 };

const HEI = /黑体|hei|simhei|方正.*黑|微软雅黑|yahei/i;
const KAI = /楷|kai/i;

/** Longest text (characters) a direct-formatted heading may have. */
const MAX_HEADING_LENGTH = 60;

/** The heading level (1–6) of a paragraph, or undefined for body text. */
export function headingLevel(record: ParagraphRecord): number | undefined {
  const styled = record.style?.headingLevel ?? record.outlineLevel;
  if (styled !== undefined) return Math.min(styled, 6);
  return numberedHeadingLevel(record);
}

/** A heading written as Chinese offices do: a number pattern, and heading type over the whole paragraph. */
function numberedHeadingLevel(record: ParagraphRecord): number | undefined {
  if (record.numbering !== undefined) return undefined;
  const text = record.looks.map((look) => look.text).join('').trim();
  if (text === '' || [...text].length > MAX_HEADING_LENGTH) return undefined;
  const number = headingNumber(text);
  if (number === undefined) return undefined;
  const style = number.style.startsWith('ordinal') ? 'ordinal' : number.style;
  const level = style === 'ordinal' ? 1 : LEVEL_OF_STYLE[style];
  if (level === undefined) return undefined;
  const looks = record.looks.filter((look) => look.text.trim() !== '');
  const all = (test: (font: string | undefined, bold: boolean) => boolean) => looks.length > 0 && looks.every((look) => test(look.font, look.bold));
  const bold = all((_font, isBold) => isBold);
  const hei = all((font) => font !== undefined && HEI.test(font));
  const kai = all((font) => font !== undefined && KAI.test(font));
  if (bold || (level === 1 && hei) || (level === 2 && kai) || (style === 'ordinal' && hei)) return level;
  return undefined;
}
