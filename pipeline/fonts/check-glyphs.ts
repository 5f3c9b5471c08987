import type { Nodes, Root } from 'mdast';
import type { Report } from '../types.ts';
import { flag } from '../util/messages.ts';
import type { CodepointSet } from './codepoints.ts';

/** Rule id of a character no print font of the template can show. */
export const MISSING_GLYPH = 'missing-glyph' as const;

/**
 * Characters that draw nothing and need no glyph: white space, controls, format characters
 * (joiners, soft hyphen, byte-order mark) and variation selectors.
 */
const NEEDS_NO_GLYPH = /[\s\p{Cc}\p{Cf}\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]/u;

/** A piece of text the PDF prints and where it comes from in the source. */
interface PrintedText {
  value: string;
  /** Line and column of the text's first character, when known. */
  line?: number;
  column?: number;
  /** Whether `value` is exactly the source from `line:column` on (so columns can be counted). */
  verbatim: boolean;
}

/**
 * Check that every character the print PDF will show is in at least one of the template's
 * print fonts (`covered`, the union of their cmaps). The print stacks of every role end with
 * all the template's families, so a character covered anywhere is printed in a template font;
 * one covered nowhere would come from whatever the machine has, or print as a box. Each such
 * character is an error at its source line (`missing-glyph`), once per line and character.
 * `extra` is text the layout itself prints (labels, page numbers), checked without a position.
 * Returns the number of errors added.
 */
export function checkGlyphs(report: Report, covered: CodepointSet, families: readonly string[], extra: readonly string[] = []): number {
  const texts: PrintedText[] = [...frontMatterTexts(report), ...treeTexts(report.tree, String(report.file.value)), ...extra.map((value) => ({ value, verbatim: false }))];
  const reported = new Set<string>();
  let count = 0;
  for (const text of texts) {
    let line = text.line;
    let column = text.column;
    for (const character of text.value) {
      const codepoint = character.codePointAt(0) ?? 0;
      if (!NEEDS_NO_GLYPH.test(character) && !covered.has(codepoint)) {
        const key = `${line ?? '-'}:${codepoint}`;
        if (!reported.has(key)) {
          reported.add(key);
          count++;
          const hex = codepoint.toString(16).toUpperCase().padStart(4, '0');
          const place = line !== undefined && column !== undefined ? { line, column } : undefined;
          flag(report.file, MISSING_GLYPH, place, { character, codepoint: hex, families });
        }
      }
      if (text.verbatim && line !== undefined && column !== undefined) {
        if (character === '\n') {
          line++;
          column = 1;
        } else {
          column += character.length;
        }
      }
    }
  }
  return count;
}

function treeTexts(tree: Root, source: string): PrintedText[] {
  const texts: PrintedText[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') {
      const value = node.type === 'html' ? node.value.replace(/<[^>]*>/g, ' ').replace(/&#?\w+;/g, ' ') : node.value;
      const start = node.position?.start;
      const end = node.position?.end;
      const verbatim = start?.offset !== undefined && end?.offset !== undefined && source.slice(start.offset, end.offset) === node.value && node.type !== 'code';
      texts.push(start ? { value, line: start.line, column: start.column, verbatim } : { value, verbatim: false });
      return;
    }
    if (node.type === 'figure') {
      for (const child of node.caption) walk(child);
    }
    // A chart prints its titles, field names and data text: checked at its block's first line.
    if (node.type === 'chart') {
      const start = node.position?.start;
      for (const value of node.data?.texts ?? []) texts.push(start ? { value, line: start.line, column: start.column, verbatim: false } : { value, verbatim: false });
    }
    // A replacement's new text prints too (`--marked`), beside its old text (its children).
    if (node.type === 'suggestionSubstitute') {
      for (const child of node.inserted) walk(child);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return texts;
}

/** The front-matter values the PDF prints (title block, footer), at their lines, and a title made from the file name. */
function frontMatterTexts(report: Report): PrintedText[] {
  const { meta } = report;
  const lines = String(report.file.value).split('\n');
  const texts: PrintedText[] = [];
  for (const key of ['title', 'subtitle', 'speaker', 'author', 'date'] as const) {
    const value = meta[key];
    if (value === undefined) continue;
    const index = frontMatterLine(lines, key);
    texts.push(index === undefined ? { value, verbatim: false } : { value, line: index + 1, column: 1, verbatim: false });
  }
  // Without a title anywhere in the source, the title block shows the file name.
  const title = report.file.data.title;
  if (title?.source === 'file-name') texts.push({ value: title.text, verbatim: false });
  return texts;
}

function frontMatterLine(lines: readonly string[], key: string): number | undefined {
  if (lines[0]?.trim() !== '---') return undefined;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '---') return undefined;
    if (line.startsWith(`${key}:`)) return index;
  }
  return undefined;
}

