/**
 * One row of the 意见汇总表 (the summary of opinions): one change or comment of one department,
 * where it stands, what the text was and what the department proposes.
 */
import type { GeneratedKind, Leaf } from './leaves.ts';

/** What a department did. */
export type OpinionKind = 'replace' | 'delete' | 'insert' | 'comment' | 'move';

/** One department's change or comment. */
export interface Opinion {
  /** The edited copy it came from (file name). */
  copy: string;
  /** 单位: the author of the change, or the copy's last author. */
  author: string;
  /** When, `YYYY-MM-DD`, if known. */
  date?: string;
  kind: OpinionKind;
  /** 位置: the heading path and the paragraph. */
  location: string;
  /** 原文: the text as it is. */
  original: string;
  /** 修改意见: the proposed text, or the comment. */
  proposal: string;
  /** Made with change tracking on (a comment counts as tracked). */
  tracked: boolean;
  /** The source line, when the change has a place in the source. */
  line?: number;
  /** 说明: conflicts, changes that have no place in the source… */
  notes: string[];
  /** The change is to text the build generates (a citation, the bibliography…): not written into the source. */
  generated?: GeneratedKind;
}

/** The location of a leaf, as the table shows it: `一、总体情况 › （一）主要目标 › 第2段`. */
export function locationOf(leaf: Leaf, chinese: boolean): string {
  const where = leaf.where;
  let last: string;
  switch (where.kind) {
    case 'heading':
      last = chinese ? `标题“${leaf.text}”` : `heading “${leaf.text}”`;
      break;
    case 'paragraph':
      last = chinese ? `第${where.index}段` : `paragraph ${where.index}`;
      break;
    case 'cell':
      last = chinese ? `表${where.table}第${where.row}行第${where.column}列` : `table ${where.table}, row ${where.row}, column ${where.column}`;
      break;
    case 'caption':
      last = chinese ? `题注“${leaf.text}”` : `caption “${leaf.text}”`;
      break;
    case 'code':
      last = chinese ? `第${where.index}个代码块` : `code block ${where.index}`;
      break;
    case 'footnote':
      last = chinese ? `脚注 ${where.label}` : `footnote ${where.label}`;
      break;
  }
  return [...leaf.headings, last].join(' › ');
}
