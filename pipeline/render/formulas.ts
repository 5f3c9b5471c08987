import type { PhrasingContent, Root } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { visit } from 'unist-util-visit';

/**
 * The report's formulas in the order the web page and the print page show them: document
 * order, a substitution suggestion's new text (`{~~old~>new~~}`) right after its old text.
 */
export function formulasOf(tree: Root): (Math | InlineMath)[] {
  const found: (Math | InlineMath)[] = [];
  const walk = (root: Root | PhrasingContent): void => {
    visit(root, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') found.push(node);
      if (node.type === 'suggestionSubstitute') for (const inserted of node.inserted) walk(inserted);
    });
  };
  walk(tree);
  return found;
}
