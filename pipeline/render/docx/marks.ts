import type { IRunOptions } from 'docx';
import type { CharacterStyleId } from './style-ids.ts';
import type { RevisionStamp } from './revisions.ts';

/** Where a link goes: a web address (or relative file), or a bookmark in this document. */
export type LinkTarget = { kind: 'external'; url: string } | { kind: 'internal'; bookmark: string };

/**
 * One entry of the inline formatting stack. Markdown nodes push and pop their mark around their
 * children; raw inline HTML pushes at `<sub>` and pops at `</sub>`, which arrive as separate
 * sibling nodes, so the stack lives for the whole paragraph.
 */
export type Mark =
  | { kind: 'style'; style: CharacterStyleId; tag?: string }
  | { kind: 'link'; target: LinkTarget | undefined; tag?: string }
  /** An element that formats nothing (`<span>`, `<abbr>`…): kept so that its closing tag pops it. */
  | { kind: 'plain'; tag: string }
  /** An element whose content the sanitiser removes (`<script>`…): text inside it is dropped. */
  | { kind: 'strip'; tag: string }
  /** A suggestion: runs inside are a tracked insertion or deletion with this author and date. */
  | { kind: 'revision'; change: 'insert' | 'delete'; stamp: RevisionStamp; tag?: undefined };

/** Run properties of a character style, applied directly when it is not the run's own style. */
export type DirectFormatting = (style: CharacterStyleId) => IRunOptions;

/** The innermost link target on the stack, if any. */
export function activeLink(marks: readonly Mark[]): LinkTarget | undefined {
  for (let index = marks.length - 1; index >= 0; index--) {
    const mark = marks[index];
    if (mark?.kind === 'link') return mark.target;
  }
  return undefined;
}

/** The innermost suggestion around, if any: its runs are tracked changes. */
export function activeRevision(marks: readonly Mark[]): Extract<Mark, { kind: 'revision' }> | undefined {
  for (let index = marks.length - 1; index >= 0; index--) {
    const mark = marks[index];
    if (mark?.kind === 'revision') return mark;
  }
  return undefined;
}

/** Whether text here is inside an element the sanitiser strips with its content. */
export function isStripped(marks: readonly Mark[]): boolean {
  return marks.some((mark) => mark.kind === 'strip');
}

/**
 * Run options for the marks on the stack. A run has one character style: `Hyperlink` inside a
 * link, else the innermost mark's style. Any other marks (nested formatting) add their style's
 * properties directly, the one place where direct formatting is written.
 */
export function runFormatting(marks: readonly Mark[], direct: DirectFormatting): IRunOptions {
  const styles: CharacterStyleId[] = [];
  for (const mark of marks) {
    if (mark.kind === 'style' && !styles.includes(mark.style)) styles.push(mark.style);
  }
  const primary: CharacterStyleId | undefined = activeLink(marks) !== undefined ? 'Hyperlink' : styles.at(-1);
  if (primary === undefined) return {};
  let options: IRunOptions = { style: primary };
  for (const style of styles) {
    if (style !== primary) options = { ...options, ...direct(style), style: primary };
  }
  return options;
}

/** Remove the innermost mark opened by raw HTML tag `tag`; false when no such tag is open. */
export function closeTag(marks: Mark[], tag: string): boolean {
  for (let index = marks.length - 1; index >= 0; index--) {
    if (marks[index]?.tag === tag) {
      marks.splice(index, 1);
      return true;
    }
  }
  return false;
}
