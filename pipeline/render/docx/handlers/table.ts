import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import { toString } from 'mdast-util-to-string';
import type { AlignType, Table as MdTable, TableCell as MdTableCell } from 'mdast';
import type { BlockState } from '../context.ts';
import { paragraphContent } from '../dispatch.ts';
import { TABLE_STYLE_ID } from '../style-ids.ts';
import { withoutItem } from './blocks.ts';
import { columnWidths } from '../column-widths.ts';
import { flag } from '../../../util/messages.ts';
import { captionNumberRuns } from '../crossref-fields.ts';

/** Cell margins left and right (twips) of the table style, in CSS pixels: images in a cell fit inside them. */
const CELL_PADDING_PX = (2 * 108) / 15;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cellParagraph(cell: MdTableCell | undefined, align: AlignType | undefined, header: boolean, state: BlockState): Paragraph {
  return new Paragraph({
    style: header ? 'TableHeading' : 'TableText',
    // Column alignment is content (the source's `:---:`), so it is the one paragraph property written directly.
    ...(align ? { alignment: ALIGN[align] } : {}),
    children: cell ? paragraphContent(cell.children, state) : [],
  });
}

/**
 * `table`: its caption line (if any) in the TableCaption style, kept with the table, then a full-width
 * Word table in the ReportTable style; the first row is the header row
 * (repeated on every page), column alignment from the source, column widths after the
 * length of each column's text.
 * Word footnotes cannot hold tables: there, each row becomes a paragraph and a warning is given.
 */
export function table(node: MdTable, state: BlockState): FileChild[] {
  const { ctx } = state;
  if (state.inFootnote) {
    flag(ctx.file, 'docx-table-in-footnote', node);
    return node.children.map((row) => new Paragraph({ style: state.paragraphStyle, text: row.children.map((cell) => toString(cell)).join(' | ') }));
  }
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const align = node.align ?? [];
  const cellState: BlockState = {
    ...withoutItem(state),
    paragraphStyle: 'TableText',
    listLevel: -1,
    quoteDepth: 0,
    maxImageWidthPx: Math.max(16, state.maxImageWidthPx / columns - CELL_PADDING_PX),
  };
  const widths = columnWidths(node, columns, ctx.textWidthTwips, ctx.template.bodySizePt);
  // An image in a cell fits its own column (twips / 15 = CSS pixels).
  const columnStates = widths.map((width): BlockState => ({ ...cellState, maxImageWidthPx: Math.max(16, Math.min(state.maxImageWidthPx, width / 15) - CELL_PADDING_PX) }));
  const rows = node.children.map(
    (row, rowIndex) =>
      new TableRow({
        tableHeader: rowIndex === 0,
        cantSplit: true,
        children: Array.from(
          { length: columns },
          (_, column) =>
            new TableCell({
              width: { size: widths[column] ?? 0, type: WidthType.DXA },
              children: [cellParagraph(row.children[column], align[column] ?? undefined, rowIndex === 0, columnStates[column] ?? cellState)],
            }),
        ),
      }),
  );
  const caption = node.data?.caption;
  const target = node.data?.crossref;
  const number = target ? captionNumberRuns(target, state.ctx.bookmarks.get(target.id), (caption?.length ?? 0) > 0) : [];
  const captionParagraph = caption?.length || target ? [new Paragraph({ style: 'TableCaption', children: [...number, ...paragraphContent(caption ?? [], cellState)] })] : [];
  return [
    ...captionParagraph,
    new Table({
      style: TABLE_STYLE_ID,
      width: { size: 100, type: WidthType.PERCENTAGE },
      tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
      columnWidths: widths,
      rows,
    }),
  ];
}
