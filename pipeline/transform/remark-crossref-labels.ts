import { visit } from 'unist-util-visit';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { slicePosition, sliceText, sourceText, type SourceText } from './support/text-slice.ts';

/** `{#id}`: pandoc's and Quarto's attribute holding an identifier. */
const LABEL = String.raw`\{#(\p{L}[\p{L}\p{N}_-]*)\}`;
const TRAILING_LABEL = new RegExp(String.raw`[ \t]*${LABEL}[ \t]*$`, 'u');
const LEADING_LABEL = new RegExp(String.raw`^[ \t]*${LABEL}`, 'u');
const WHOLE_LABEL = new RegExp(String.raw`^[ \t]*${LABEL}[ \t]*$`, 'u');
/** Quarto's table caption written under the table: `: Budget {#tbl-budget}` (or pandoc's `Table: …`). */
const CAPTION_UNDER = /^(?::|Table:)[ \t]+/u;

/** A label taken from the source text: the id and where `{#…}` was. */
interface TakenLabel {
  id: string;
  position?: Position;
}

/**
 * Read the identifiers written in pandoc's and Quarto's attribute syntax, `{#id}`, and take them
 * out of the text:
 * - after a heading's text (`## Goals {#sec-goals}`): the heading's anchor id (`data.explicitId`);
 * - right after an image (`![Targets](a.png){#fig-targets}`): the label of the figure it becomes;
 * - at the end of a table's caption line, written above it (`表1　预算 {#tbl-budget}`) or, as
 *   Quarto writes it, under it (`: Budget {#tbl-budget}`): the table's label, the line its caption;
 * - after a display formula (`$$…$$ {#eq-growth}`; the fence form is read at parse time, see
 *   `parse/equation-labels.ts`): the equation's label.
 * `remarkCrossReferences` numbers them and resolves the references to them.
 */
export function remarkCrossrefLabels() {
  return (tree: Root, file: VFile): void => {
    const source = sourceText(String(file.value));
    markTableCaptions(tree, source);
    if (!source.text.includes('{#')) return;
    visit(tree, 'heading', (heading) => {
      const label = takeTrailingLabel(heading, source);
      if (label) heading.data = { ...heading.data, explicitId: label.id, ...(label.position ? { labelPosition: label.position } : {}) };
    });
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const [first, second] = paragraph.children;
      if (first?.type === 'image' && second?.type === 'text') {
        const match = LEADING_LABEL.exec(second.value);
        // Only an image that becomes a figure (alone in a top-level paragraph, maybe with its caption line) takes a label.
        if (match?.[1] && parent?.type === 'root' && figureShaped(second.value.slice(match[0].length), paragraph.children[2])) {
          const rest = sliceText(second, match[0].length, second.value.length, source, 'none');
          paragraph.children.splice(1, 1, ...(rest ? [rest] : []));
          const open = match[0].indexOf('{');
          first.data = { ...first.data, label: placed(match[1], slicePosition(second, open, match[0].length, source)) };
        }
        return;
      }
      if (first?.type === 'inlineMath' && paragraph.children.length === 2 && second?.type === 'text' && parent && index !== undefined) {
        const match = WHOLE_LABEL.exec(second.value);
        if (match?.[1]) parent.children[index] = displayEquation(paragraph, first, placed(match[1], slicePosition(second, second.value.indexOf('{'), second.value.lastIndexOf('}') + 1, source)));
      }
    });
  };
}

/**
 * Mark the caption lines of tables (`data.tableCaption`), for `remarkTableCaptions` to move into
 * their tables once the text checks have seen them: a line under the table in Quarto's form
 * (`: Budget {#tbl-budget}`, its `: ` taken off), and a one-line paragraph above it that ends in
 * a label. The label goes to the table.
 */
function markTableCaptions(tree: Root, source: SourceText): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as RootContent[];
    children.forEach((table, index) => {
      if (table.type !== 'table') return;
      const under = children[index + 1];
      const above = children[index - 1];
      if (under?.type === 'paragraph' && startsCaptionUnder(under)) {
        const label = takeTrailingLabel(under, source);
        dropCaptionMark(under, source);
        under.data = { ...under.data, tableCaption: 'under' };
        if (label) table.data = { ...table.data, label };
      } else if (above?.type === 'paragraph' && above.data?.tableCaption === undefined && isOneLine(above)) {
        const label = takeTrailingLabel(above, source);
        if (!label) return;
        above.data = { ...above.data, tableCaption: 'above' };
        table.data = { ...table.data, label };
      }
    });
  });
}

/** What follows an image's label leaves it a figure: nothing, or a caption on the next line. */
function figureShaped(rest: string, next: PhrasingContent | undefined): boolean {
  return rest.trim() === '' ? next === undefined || next.type === 'break' : /^[ \t]*\n/.test(rest);
}

function placed(id: string, position: Position | undefined): TakenLabel {
  return position ? { id, position } : { id };
}

/** Take `{#id}` off the end of a heading or paragraph; returns the label, if there was one. */
function takeTrailingLabel(parent: Heading | Paragraph, source: SourceText): TakenLabel | undefined {
  const last = parent.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = TRAILING_LABEL.exec(last.value);
  if (!match?.[1]) return undefined;
  const at = match.index;
  const open = last.value.indexOf('{', at);
  const label = placed(match[1], slicePosition(last, open, open + match[1].length + 3, source));
  const rest = sliceText(last, 0, at, source, 'end');
  parent.children.splice(parent.children.length - 1, 1, ...(rest ? [rest] : []));
  const trailing = parent.children.at(-1);
  if (trailing?.type === 'text' && trailing.value.trim() === '') parent.children.pop();
  return label;
}

function startsCaptionUnder(paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  return first?.type === 'text' && CAPTION_UNDER.test(first.value) && isOneLine(paragraph);
}

/** Take the `: ` (or `Table: `) off the start of a caption written under its table. */
function dropCaptionMark(paragraph: Paragraph, source: SourceText): void {
  const first = paragraph.children[0] as Text;
  const mark = CAPTION_UNDER.exec(first.value)?.[0] ?? '';
  const rest = sliceText(first, mark.length, first.value.length, source, 'start');
  paragraph.children.splice(0, 1, ...(rest ? [rest] : []));
}

function isOneLine(paragraph: Paragraph): boolean {
  return paragraph.children.every((child) => child.type !== 'break' && !(child.type === 'text' && child.value.includes('\n')));
}

/** A paragraph holding only `$$…$$ {#eq-…}` on one line: the display equation it means. */
function displayEquation(paragraph: Paragraph, formula: InlineMath, label: TakenLabel): Math {
  return { type: 'math', value: formula.value, meta: null, data: { label }, ...(paragraph.position ? { position: paragraph.position } : {}) };
}
