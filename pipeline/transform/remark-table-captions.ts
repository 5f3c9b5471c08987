import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Paragraph, PhrasingContent, Root } from 'mdast';

declare module 'mdast' {
  interface TableData {
    /** The table's caption, taken from the caption line written right above it. */
    caption?: PhrasingContent[];
  }
}

/** A caption line: `表1 …`, `表 2：…`, `表一 …`, `Table 3. …`, `Table A: …`. */
const CAPTION_LINE = /^\s*(表\s*[0-9０-９一二三四五六七八九十]+|Table\s+[0-9A-Z]+)[\s.:：．、　]/u;

/**
 * Give a table its caption: a one-paragraph caption line written right above the table
 * (`表1 2024年主要预期目标` or `Table 1. Targets`) moves into `table.data.caption`, so that the HTML
 * gets a `<caption>` and Word a Caption paragraph tied to the table.
 */
export function remarkTableCaptions() {
  return (tree: Root): void => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const children = node.children as Root['children'];
      for (let index = 0; index < children.length; index++) {
        const table = children[index];
        const before = children[index - 1];
        const after = children[index + 1];
        if (table?.type !== 'table' || table.data?.caption !== undefined) continue;
        if (after?.type === 'paragraph' && after.data?.tableCaption === 'under') {
          (table.data ??= {}).caption = after.children;
          children.splice(index + 1, 1);
          continue;
        }
        if (before?.type !== 'paragraph' || (before.data?.tableCaption !== 'above' && !isCaptionLine(before))) continue;
        (table.data ??= {}).caption = before.children;
        children.splice(index - 1, 1);
        index -= 1;
      }
    });
  };
}

function isCaptionLine(paragraph: Paragraph): boolean {
  const text = toString(paragraph);
  return CAPTION_LINE.test(`${text} `) && !text.includes('\n') && text.length <= 120;
}
