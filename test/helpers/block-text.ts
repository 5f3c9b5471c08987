import { visit, SKIP } from 'unist-util-visit';
import type { Nodes, PhrasingContent, Root } from 'mdast';

/** The visible text of one source block, as fragments that every output must show in order. */
export interface BlockText {
  /** Node type of the block (paragraph, heading, tableCell, code, figure). */
  type: string;
  /** Source line, for failure messages. */
  line: number;
  /** Text runs, broken where outputs put something of their own (footnote marks, images, raw HTML, formulas). */
  fragments: string[];
}

/** Remove all white space: outputs wrap lines differently, the characters must stay. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function fragmentsOf(nodes: PhrasingContent[]): string[] {
  const fragments: string[] = [];
  let current = '';
  const flush = () => {
    if (squash(current)) fragments.push(squash(current));
    current = '';
  };
  const walk = (list: PhrasingContent[]) => {
    for (const node of list) {
      if (node.type === 'text' || node.type === 'inlineCode') current += node.value;
      // A formula is set by each output its own way (MathML, math italics in the PDF, OMML): a break.
      else if (node.type === 'break' || node.type === 'footnoteReference' || node.type === 'image' || node.type === 'html' || node.type === 'imageReference' || node.type === 'inlineMath') flush();
      else if ('children' in node) walk(node.children as PhrasingContent[]);
    }
  };
  walk(nodes);
  flush();
  return fragments;
}

/**
 * Every text-bearing block of the tree in source order: headings, paragraphs, table cells, code
 * blocks and figure captions. Footnote definitions are returned separately, since Word keeps
 * them in their own part.
 */
export function blockTexts(tree: Root): { body: BlockText[]; footnotes: BlockText[] } {
  const body: BlockText[] = [];
  const footnotes: BlockText[] = [];
  const collect = (root: Nodes, into: BlockText[]) => {
    visit(root, (node) => {
      if (node !== root && node.type === 'footnoteDefinition') return SKIP;
      const line = node.position?.start.line ?? 0;
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'defListTerm') {
        into.push({ type: node.type, line, fragments: fragmentsOf(node.children) });
        return SKIP;
      }
      if (node.type === 'code') {
        into.push({ type: 'code', line, fragments: node.value.split('\n').map(squash).filter(Boolean) });
        return SKIP;
      }
      if (node.type === 'table' && node.data?.caption) {
        into.push({ type: 'tableCaption', line, fragments: fragmentsOf(node.data.caption) });
        return undefined;
      }
      if (node.type === 'figure') {
        into.push({ type: 'figure', line, fragments: fragmentsOf(node.caption) });
        return SKIP;
      }
      return undefined;
    });
  };
  collect(tree, body);
  visit(tree, 'footnoteDefinition', (definition) => {
    collect(definition, footnotes);
    return SKIP;
  });
  return { body: body.filter((block) => block.fragments.length > 0), footnotes: footnotes.filter((block) => block.fragments.length > 0) };
}

/**
 * Check that every fragment of `blocks` occurs in `text` (white space removed), each after the
 * previous one; returns the blocks that are missing or out of order (empty when all hold).
 */
export function missingInOrder(blocks: BlockText[], text: string): string[] {
  const haystack = squash(text);
  const problems: string[] = [];
  let position = 0;
  for (const block of blocks) {
    for (const fragment of block.fragments) {
      const found = haystack.indexOf(fragment, position);
      if (found === -1) {
        const anywhere = haystack.indexOf(fragment);
        problems.push(`line ${block.line} (${block.type}): "${fragment.slice(0, 40)}" ${anywhere === -1 ? 'missing' : 'out of order'}`);
      } else {
        position = found + fragment.length;
      }
    }
  }
  return problems;
}
