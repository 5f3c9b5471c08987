import type { Blockquote, List, Nodes, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';

/**
 * Deepest nesting of lists and block quotes that the outputs keep (a list with its items counts
 * one level, a block quote one). No real report comes near it: Word numbers nine list levels,
 * and text indented a hundred times has no width left. The limit keeps every later stage (the
 * tree walkers, the HTML parser, Chromium's parser, which flattens beyond 512 elements, and
 * its tagged PDF) far from its own recursion limits.
 */
export const MAX_NESTING = 100;

type Container = List | Blockquote;

function isContainer(node: Nodes): node is Container {
  return node.type === 'list' || node.type === 'blockquote';
}

/** The blocks a too-deep container is replaced by: a quote's children, a list's items' children. */
function contents(container: Container): RootContent[] {
  return container.type === 'blockquote' ? container.children : container.children.flatMap((item) => item.children);
}

/**
 * Flatten lists and block quotes nested deeper than {@link MAX_NESTING} levels: each container
 * that would open level `MAX_NESTING + 1` is replaced by its contents, in order, so every word
 * is kept at the deepest level allowed. A warning (`nesting-flattened`) is given at the first
 * container flattened under each parent. The walk is iterative: it is safe however deep the
 * parser's tree is.
 */
export function remarkNestingLimit() {
  return (tree: Root, file: VFile): void => {
    const stack: { node: Parent; depth: number }[] = [{ node: tree, depth: 0 }];
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const { node, depth } = entry;
      if (depth >= MAX_NESTING) flattenChildren(node, file);
      for (const child of node.children) {
        if ('children' in child) stack.push({ node: child, depth: depth + (isContainer(child) ? 1 : 0) });
      }
    }
  };
}

/** Replace every container among `parent`'s children (and among what replaces them) by its contents. */
function flattenChildren(parent: Parent, file: VFile): void {
  if (!parent.children.some((child) => isContainer(child))) return;
  const flat: RootContent[] = [];
  const pending = [...parent.children].reverse();
  let warned = false;
  for (let child = pending.pop(); child; child = pending.pop()) {
    if (!isContainer(child)) {
      flat.push(child);
      continue;
    }
    if (!warned) flag(file, 'nesting-flattened', child, { limit: MAX_NESTING });
    warned = true;
    pending.push(...[...contents(child)].reverse());
  }
  // The contents of lists and quotes are flow content, which every parent at this depth (a list
  // item or a block quote) holds; `Parent['children']` is only the widest type of the two.
  parent.children = flat;
}
