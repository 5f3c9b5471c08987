import { Bookmark, TextRun, type ParagraphChild } from 'docx';
import { fieldRuns } from './field-runs.ts';
import type { CrossrefTarget } from '../../types.ts';

/**
 * The sequence a SEQ field counts in (`图`, `Figure`, `式`…). By chapter (`2-1`), each chapter
 * counts in a sequence of its own (`图2`), its number written before the count: LibreOffice
 * ignores Word's restart switch (`\s 1`), and went on counting from one chapter into the next.
 */
function sequence(target: CrossrefTarget): { instruction: string; chapter: string; count: string } {
  const dash = target.number.lastIndexOf('-');
  const chapter = dash === -1 ? '' : target.number.slice(0, dash + 1);
  const count = target.number.slice(dash + 1);
  return { instruction: `SEQ ${target.word.trim()}${chapter.slice(0, -1)} \\* ARABIC`, chapter, count };
}

/**
 * A numbered caption's head in Word: the number as text and a SEQ field (`图` + SEQ 图 → 图1,
 * Word renumbers every caption when a department inserts a figure and updates fields), inside
 * the bookmark REF fields point at, then the separator.
 */
export function captionNumberRuns(target: CrossrefTarget, bookmark: string | undefined, hasText: boolean): ParagraphChild[] {
  const { instruction, chapter, count } = sequence(target);
  const number = [new TextRun(`${target.word}${chapter}`), ...fieldRuns(instruction, count)];
  const marked: ParagraphChild[] = bookmark === undefined ? number : [new Bookmark({ id: bookmark, children: number })];
  return hasText ? [...marked, new TextRun(target.separator)] : marked;
}

/** An equation's number, `(1)`: the SEQ field in brackets, inside the bookmark references point at. */
export function equationNumberRuns(target: CrossrefTarget, bookmark: string | undefined): ParagraphChild[] {
  const { instruction, chapter, count } = sequence(target);
  const number = [new TextRun(`(${chapter}`), ...fieldRuns(instruction, count), new TextRun(')')];
  return bookmark === undefined ? number : [new Bookmark({ id: bookmark, children: number })];
}

/**
 * A reference in Word: a REF field to the target's bookmark (`\h`: a link to it), whose result is
 * the bookmarked number (`图1`; a section's heading text), after the word an equation's number
 * lacks (`式`). Without a bookmark, the name as text.
 */
export function referenceRuns(target: CrossrefTarget, bookmark: string | undefined): ParagraphChild[] {
  if (bookmark === undefined) return [new TextRun(target.text)];
  const lead = target.kind === 'eq' ? [new TextRun(target.word)] : [];
  const cached = target.kind === 'eq' ? target.prefix : target.text;
  return [...lead, ...fieldRuns(`REF ${bookmark} \\h`, cached)];
}
