import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Point } from 'unist';

/**
 * Deepest element nesting the web page keeps. Markdown alone stays far below it (lists and quotes
 * are flattened past 100 levels); only raw HTML reaches it. Tree walkers that keep each node's
 * ancestors cost time and memory in the square of the depth: 20000 nested `<span>`s took minutes
 * and gigabytes before this limit.
 */
export const MAX_ELEMENT_DEPTH = 1000;

/**
 * Replace every element nested deeper than `limit` by its children, in place, so every word is
 * kept at the deepest level allowed. Iterative, as the tree may be too deep for recursion.
 * Returns where the first replaced element started, or `undefined` when none was (or it had no
 * position), with whether any was.
 */
export function flattenDeepElements(tree: HastRoot, limit = MAX_ELEMENT_DEPTH): { flattened: boolean; place?: Point } {
  let flattened = false;
  let place: Point | undefined;
  const pending: { parent: HastRoot | Element; depth: number }[] = [{ parent: tree, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { parent, depth } = next;
    if (depth < limit) {
      for (const child of parent.children) if (child.type === 'element') pending.push({ parent: child, depth: depth + 1 });
      continue;
    }
    // `parent` is at the limit: splice the contents of its element descendants into it.
    const kept: (RootContent | ElementContent)[] = [];
    const stack: (RootContent | ElementContent)[] = [...parent.children].reverse();
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.type !== 'element') {
        kept.push(node);
        continue;
      }
      if (!flattened) place = node.position?.start;
      flattened = true;
      for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index] as ElementContent);
    }
    parent.children = kept as typeof parent.children;
  }
  return place ? { flattened, place } : { flattened };
}
