import temml from 'temml';
import { visit } from 'unist-util-visit';
import type { PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';

/**
 * temml's message on one line: its first line (the reason and where, `at position 3`), without
 * the excerpt it underlines with combining characters on the next one.
 */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim().replace(/:$/, '').replace(/:\s*$/, '');
}

/**
 * Compile every TeX formula (`$…$`, `$$…$$`) once with temml, to MathML kept on the node
 * (`data.mathml`) for the renderers: the web page and the PDF show it, the Word file turns it
 * into an equation. TeX temml cannot read is an error at the formula (`math-invalid`) with
 * temml's message; links, classes and styles (`\href`, `\class`, `\style`) are refused as temml
 * refuses them when not trusted.
 */
export function remarkMathCheck() {
  return (tree: Root, file: VFile): void => {
    const check = (root: Root | PhrasingContent): void => {
      visit(root, (node) => {
        // A substitution's new text (`{~~old~>new~~}`) is beside its children, not among them.
        if (node.type === 'suggestionSubstitute') for (const inserted of node.inserted) check(inserted);
        if (node.type !== 'math' && node.type !== 'inlineMath') return;
        try {
          const mathml = temml.renderToString(node.value, { displayMode: node.type === 'math', throwOnError: true, trust: false });
          node.data = { ...node.data, mathml };
        } catch (error) {
          flag(file, 'math-invalid', node, { message: oneLine(error) });
        }
      });
    };
    check(tree);
  };
}
