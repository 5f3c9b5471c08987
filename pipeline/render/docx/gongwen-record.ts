/**
 * The 版记 of a 公文 in the Word file (GB/T 9704-2012 10): 抄送机关, then 印发机关 and 印发日期,
 * in a table as wide as the type area that floats at the foot of the type area of the page it is
 * on (`w:tblpPr` anchored to the margin, `tblpYSpec="bottom"`), its rules the table's borders:
 * 0.35 mm first and last, 0.25 mm between the rows.
 */
import {
  BorderStyle,
  OverlapType,
  Paragraph,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { GongwenMeta } from '../../gongwen/meta.ts';
import type { Template } from '../../template/load-template.ts';
import { displayDate } from '../display-date.ts';
import { GONGWEN_STYLE_IDS } from './gongwen-styles.ts';
import { typeWidthTwips } from './gongwen-geometry.ts';
import { mmToTwips } from './units.ts';

/** Weight of the 版记's first and last rules in eighths of a point (`w:sz`): 0.35 mm ≈ 1 pt. */
export const RECORD_RULE_THICK = 8;
/** Weight of the rules between the 版记's rows in eighths of a point: 0.25 mm ≈ 0.75 pt. */
export const RECORD_RULE_THIN = 6;

/** The 版记's rows: `抄送：` and the organs, then the 印发机关 and `<date>印发` (absent lines left out). */
export function recordParagraphs(gongwen: GongwenMeta): Paragraph[] {
  const rows: Paragraph[] = [];
  if (gongwen.cc.length > 0) rows.push(new Paragraph({ style: GONGWEN_STYLE_IDS.cc, children: [new TextRun(`抄送：${gongwen.cc.join('，').replace(/[。．.，,；;、]+$/u, '')}。`)] }));
  if (gongwen.printer || gongwen.printDate) {
    const date = gongwen.printDate ? [new TextRun({ children: [new Tab(), `${displayDate(gongwen.printDate, 'zh')}印发`] })] : [];
    rows.push(new Paragraph({ style: GONGWEN_STYLE_IDS.printed, children: [new TextRun(gongwen.printer ?? ''), ...date] }));
  }
  return rows;
}

/**
 * The 版记 as a floating table at the bottom of the type area, each row one cell as wide as the
 * type area (no cell margins: the paragraphs' indents put the text one character in), then the
 * one-point paragraph a document must end with. Nothing when there is no 版记.
 */
export function recordTable(template: Template, gongwen: GongwenMeta): FileChild[] {
  const rows = recordParagraphs(gongwen);
  if (rows.length === 0) return [];
  const width = typeWidthTwips(template);
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 0 });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto', space: 0 };
  const table = new Table({
    rows: rows.map((paragraph) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children: [paragraph] })] })),
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: rule(RECORD_RULE_THICK), bottom: rule(RECORD_RULE_THICK), insideHorizontal: rule(RECORD_RULE_THIN), left: none, right: none, insideVertical: none },
    float: {
      // From the page's edge, at the left margin: LibreOffice keeps a floating table as wide as the
      // type area in the text flow unless it is placed relative to the page.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: mmToTwips(template.page.marginMm.left),
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
      topFromText: 0,
      bottomFromText: 0,
      leftFromText: 0,
      rightFromText: 0,
    },
  });
  return [table, new Paragraph({ style: GONGWEN_STYLE_IDS.recordAnchor })];
}
