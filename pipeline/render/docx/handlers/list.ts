import { Paragraph, TextRun, type FileChild } from 'docx';
import type { List, ListItem } from 'mdast';
import type { BlockState, ItemNumbering } from '../context.ts';
import { renderBlock, renderBlocks } from '../dispatch.ts';
import { listNumbering, TASK_REFERENCE } from '../numbering.ts';
import { MAX_LIST_LEVEL } from '../style-ids.ts';
import { withoutItem } from './blocks.ts';

/** Task list boxes: ☒ done, ☐ to do. */
function taskPrefix(item: ListItem): string | undefined {
  if (item.checked === true) return '☒ ';
  if (item.checked === false) return '☐ ';
  return undefined;
}

/**
 * The blocks of one list item at a numbering level: its first paragraph carries the number
 * (and the task box); later blocks are indented to the item's text. An item that does not
 * start with a paragraph gets an empty numbered paragraph so its number is still shown.
 */
function itemBlocks(item: ListItem, state: BlockState, numbering: ItemNumbering): FileChild[] {
  const inner: BlockState = { ...withoutItem(state), listLevel: numbering.level };
  const prefix = taskPrefix(item);
  const [first, ...rest] = item.children;
  if (first?.type === 'paragraph') {
    const head: BlockState = { ...inner, item: { numbering, ...(prefix !== undefined ? { prefix } : {}) } };
    return [...renderBlock(first, head), ...renderBlocks(rest, inner)];
  }
  const marker = new Paragraph({
    style: 'ListParagraph',
    numbering: { reference: numbering.reference, level: numbering.level, instance: numbering.instance },
    children: prefix !== undefined ? [new TextRun(prefix)] : [],
  });
  return [marker, ...renderBlocks(item.children, inner)];
}

/**
 * `list`: real Word numbering, bullets (none for a task item, whose box is its marker) or
 * decimals, one level deeper than the list around it;
 * every ordered list is a numbering instance of its own, so it restarts (at its `start`).
 */
export function list(node: List, state: BlockState): FileChild[] {
  const { ctx } = state;
  const numbering: ItemNumbering = {
    reference: listNumbering(node, ctx.template, ctx.profile),
    level: Math.min(state.listLevel + 1, MAX_LIST_LEVEL),
    instance: node.ordered ? ctx.nextListInstance() : 0,
  };
  // A task item of a bulleted list shows its box instead of a bullet, as on the web page.
  const task: ItemNumbering = { ...numbering, reference: TASK_REFERENCE };
  return node.children.flatMap((item) => itemBlocks(item, state, !node.ordered && taskPrefix(item) !== undefined ? task : numbering));
}

/** `listItem` outside a list (not made by remark): its blocks, unnumbered. */
export function listItem(node: ListItem, state: BlockState): FileChild[] {
  return renderBlocks(node.children, withoutItem(state));
}
