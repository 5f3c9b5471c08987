import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Position } from 'unist';

/** A `$$` fence line with a label after it (Quarto: `$$ {#eq-growth}`), and the label's place. */
const LABELLED_FENCE = /^([ \t]*(?:>[ \t]?)*[ \t]*\$\$)([ \t]*\{#(\p{L}[\p{L}\p{N}_-]*)\})[ \t]*$/gmu;

/** A label written after a `$$` fence: its id, the line, and the text it replaced. */
export interface FenceLabel {
  id: string;
  line: number;
  /** The label as written (`{#eq-growth}` with the blanks before it). */
  written: string;
  position: Position;
}

/** The source as the Markdown parser gets it, and the labels taken out of it. */
export interface MaskedSource {
  text: string;
  labels: FenceLabel[];
}

/**
 * remark-math closes a display formula only at a `$$` line with nothing after it: the labelled
 * fence Quarto writes (`$$ {#eq-growth}`) would leave the formula open to the end of the file.
 * The labels are blanked out (each character a space, so every offset and column stays as it was)
 * for the parser, and given back by {@link attachFenceLabels}.
 */
export function maskFenceLabels(source: string): MaskedSource {
  if (!source.includes('{#')) return { text: source, labels: [] };
  const labels: FenceLabel[] = [];
  const lineStarts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const text = source.replace(LABELLED_FENCE, (whole, fence: string, written: string, id: string, offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    const start = offset + fence.length + (written.length - written.trimStart().length);
    const lineStart = lineStarts[line] ?? 0;
    labels.push({
      id,
      line: line + 1,
      written,
      position: { start: { line: line + 1, column: start - lineStart + 1, offset: start }, end: { line: line + 1, column: offset + fence.length + written.length - lineStart + 1, offset: offset + fence.length + written.length } },
    });
    return fence + ' '.repeat(written.length) + whole.slice(fence.length + written.length);
  });
  return { text, labels };
}

/**
 * Give each display formula the label written on its fence line (`data.label`), and put the
 * label's text back into any other node that held that line (a code block showing the syntax).
 */
export function attachFenceLabels(tree: Root, labels: readonly FenceLabel[]): void {
  if (labels.length === 0) return;
  const byLine = new Map(labels.map((label) => [label.line, label]));
  visit(tree, (node) => {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) return;
    if (node.type === 'math') {
      const label = byLine.get(end) ?? byLine.get(start);
      if (label) node.data = { ...node.data, label: { id: label.id, position: label.position } };
      return;
    }
    if (node.type !== 'code' && node.type !== 'html' && node.type !== 'inlineCode' && node.type !== 'text') return;
    for (const label of labels) {
      if (label.line < start || label.line > end) continue;
      const blank = `$$${' '.repeat(label.written.length)}`;
      if (node.value.includes(blank)) node.value = node.value.replace(blank, () => `$$${label.written}`);
    }
  });
}
