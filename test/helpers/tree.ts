import type { Node } from 'unist';

/**
 * The tree as readable JSON for golden files: positions dropped (they churn with every edit) and
 * image bytes replaced by their type and size.
 */
export function treeForGolden(tree: Node): string {
  return `${JSON.stringify(
    tree,
    (key, value: unknown) => {
      if (key === 'position') return undefined;
      if (key === 'loaded' && value && typeof value === 'object') {
        const { type, width, height } = value as { type: string; width: number; height: number };
        return { type, width, height };
      }
      return value;
    },
    2,
  )}\n`;
}
