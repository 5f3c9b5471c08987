import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';

/**
 * Report footnote problems at their position, for every output alike: a reference whose
 * definition is missing (Markdown then prints `[^id]` literally), a label defined twice (only the
 * first counts), and a definition no reference uses (no output shows it).
 */
export function remarkFootnoteCheck() {
  return (tree: Root, file: VFile): void => {
    const referenced = new Set<string>();
    visit(tree, 'footnoteReference', (reference) => {
      referenced.add(reference.identifier);
    });
    const defined = new Set<string>();
    visit(tree, 'footnoteDefinition', (definition) => {
      if (defined.has(definition.identifier)) {
        flag(file, 'footnote-duplicate', definition, { label: definition.label ?? definition.identifier });
      } else if (!referenced.has(definition.identifier)) {
        flag(file, 'footnote-unused', definition, { label: definition.label ?? definition.identifier });
      }
      defined.add(definition.identifier);
    });
    visit(tree, 'text', (text) => {
      for (const match of text.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
        const start = text.position?.start;
        const offset = match.index;
        const before = text.value.slice(0, offset);
        const lines = before.split('\n');
        const place = start ? { line: start.line + lines.length - 1, column: lines.length > 1 ? (lines.at(-1)?.length ?? 0) + 1 : start.column + offset } : undefined;
        flag(file, 'footnote-undefined', place, { label: match[1] ?? '' });
      }
    });
  };
}
