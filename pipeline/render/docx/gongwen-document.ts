/**
 * The Word file of a 公文 (template `gongwen`, GB/T 9704-2012): the same elements in the same
 * order as the print edition (pipeline/gongwen/html.ts), each an editable paragraph in the style
 * of its role (gongwen-styles.ts):
 *
 *   版头   份号 · 密级 · 紧急程度 · 发文机关标志 · 发文字号 (+ 签发人) with the red separator;
 *          信函: the 标志 and the red double lines drawn on the first page (gongwen-letter.ts), the
 *          发文字号 at the right of the first line under them; 命令: the 令号 under the 标志, no separator
 *   主体   标题 · 主送机关 · the text · 附件说明 · 出席, 请假, 列席 (纪要) · 发文机关署名 · 成文日期 (+ 印章) · 附注
 *          · each `# 附件n` on a new page: 附件n, its title, its text (heading numbers from 一 again)
 *   版记   a floating table at the foot of the type area (gongwen-record.ts)
 */
import { Bookmark, Paragraph, Tab, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Heading, RootContent } from 'mdast';
import type { Report } from '../../types.ts';
import type { GongwenMeta } from '../../gongwen/meta.ts';
import { TITLE_CHARS_PER_LINE, issuerMark, issuerMarkSizePt } from '../../gongwen/html.ts';
import { breakTitle } from '../../gongwen/title-lines.ts';
import { displayDate } from '../display-date.ts';
import { outlineLevel } from '../outline-level.ts';
import { rootState, type BlockState, type DocxContext } from './context.ts';
import { paragraphContent, renderBlock, renderBlocks } from './dispatch.ts';
import { HEADING_REFERENCE } from './numbering.ts';
import { paragraphMarkRevision } from './paragraph-mark.ts';
import { headingStyleId } from './style-ids.ts';
import { ATTENDANCE_LABEL_STYLE_ID, GONGWEN_STYLE_IDS as ids, LETTER_NUMBER_STYLE_ID, SIGNER_STYLE_ID, attendanceGroups, headMarks, headSigners } from './gongwen-styles.ts';
import { sealImage, sealRun } from './gongwen-seal.ts';
import { recordTable } from './gongwen-record.ts';
import { letterGeometry, sealPlacement, signOffBox, wordMarkSizePt } from './gongwen-geometry.ts';
import { letterDrawings } from './gongwen-letter.ts';

/** A paragraph of plain text in a style. */
function styled(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: text === '' ? [] : [new TextRun(text)] });
}

/** A title broken where the print edition breaks it (`breakTitle`), its lines joined by line breaks. */
export function titleRuns(title: string): TextRun[] {
  return breakTitle(title, TITLE_CHARS_PER_LINE).map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) }));
}

/** The 签发人 after the 发文字号, against its line's right tab. */
function signerRuns(signers: readonly string[]): ParagraphChild[] {
  return signers.length === 0 ? [] : [new TextRun({ children: [new Tab(), '签发人：'] }), new TextRun({ text: signers.join(' '), style: SIGNER_STYLE_ID })];
}

/**
 * The 版头: 份号, 密级, 紧急程度, the 标志, and the 发文字号 line (文件, 纪要: its bottom border the red
 * separator; 命令: the 令号).
 */
function head(report: Report, gongwen: GongwenMeta, ctx: DocxContext): Paragraph[] {
  if (gongwen.format === '信函') return letterHead(report, gongwen, ctx);
  const paragraphs = headMarks(gongwen).map(({ style, text }) => styled(style, text));
  paragraphs.push(styled(ids.issuerMark, issuerMark(report.meta, gongwen)));
  // Written even without a 发文字号: the separator is its border (命令: the text's distance is its spacing after).
  const number: ParagraphChild[] = gongwen.docNumber ? [new TextRun(gongwen.docNumber)] : [];
  number.push(...signerRuns(headSigners(gongwen)));
  paragraphs.push(new Paragraph({ style: ids.docNumber, children: number }));
  return paragraphs;
}

/**
 * A 信函's 版头: the 份号, 密级 and 紧急程度 under the upper double line, the 发文字号 (and any 签发人)
 * after a tab at the right of the first of them, or alone at the right; the 标志 and the double lines
 * anchored in that first paragraph.
 */
function letterHead(report: Report, gongwen: GongwenMeta, ctx: DocxContext): Paragraph[] {
  const mark = issuerMark(report.meta, gongwen);
  const geometry = letterGeometry(ctx.template, wordMarkSizePt(issuerMarkSizePt(mark)));
  const drawings = letterDrawings(geometry, mark, ids.issuerMark, () => ctx.nextDrawingId());
  const number: ParagraphChild[] = gongwen.docNumber ? [new TextRun({ text: gongwen.docNumber, style: LETTER_NUMBER_STYLE_ID })] : [];
  const signers = headSigners(gongwen);
  if (signers.length > 0) number.push(new TextRun({ text: '　签发人：', style: LETTER_NUMBER_STYLE_ID }), new TextRun({ text: signers.join(' '), style: SIGNER_STYLE_ID }));
  const marks = headMarks(gongwen);
  if (marks.length === 0) return [new Paragraph({ style: ids.docNumber, children: [...drawings, ...number] })];
  return marks.map(({ style, text }, index) => {
    const children: ParagraphChild[] = [new TextRun(text)];
    if (index === 0) children.unshift(...drawings);
    if (index === 0 && number.length > 0) children.push(new TextRun({ children: [new Tab()] }), ...number);
    return new Paragraph({ style, children });
  });
}

/** A 纪要's 出席, 请假 and 列席: each a paragraph of its own style, the label in 黑体, the names after it. */
function attendance(gongwen: GongwenMeta): Paragraph[] {
  return attendanceGroups(gongwen).map(({ style, label, names }) => new Paragraph({ style, children: [new TextRun({ text: `${label}：`, style: ATTENDANCE_LABEL_STYLE_ID }), new TextRun(names.join('，'))] }));
}

/** The 附件说明: `附件：1.名称`, each later name on a paragraph of its own starting at a tab under the first number. */
function attachmentNote(gongwen: GongwenMeta): Paragraph[] {
  const names = gongwen.attachments;
  if (names.length === 0) return [];
  if (names.length === 1) return [styled(ids.attachmentNote, `附件：${names[0] ?? ''}`)];
  return names.map((name, index) =>
    new Paragraph({ style: ids.attachmentNote, children: index === 0 ? [new TextRun(`附件：1.${name}`)] : [new TextRun({ children: [new Tab(), `${index + 1}.${name}`] })] }),
  );
}

/** 署名 and 成文日期, the 印章 anchored in the last of them. */
function signOff(report: Report, gongwen: GongwenMeta, ctx: DocxContext): Paragraph[] {
  const lines: Array<{ style: string; text: string }> = gongwen.signatures.map((text) => ({ style: ids.signature, text }));
  if (report.meta.date) lines.push({ style: ids.date, text: displayDate(report.meta.date, 'zh') });
  if (lines.length === 0) return [];
  const seal = sealImage(report.file, gongwen);
  return lines.map(({ style, text }, index) => {
    const children: ParagraphChild[] = [new TextRun(text)];
    if (seal && index === lines.length - 1) {
      const box = signOffBox(gongwen.signatures, report.meta.date ? displayDate(report.meta.date, 'zh') : undefined, true);
      children.push(sealRun(ctx.template, seal, gongwen, sealPlacement(ctx.template, seal.width, seal.height, box, lines.length), ctx.nextDrawingId()));
    }
    return new Paragraph({ style, children });
  });
}

/** The 附注, in full-width brackets. */
function note(gongwen: GongwenMeta): Paragraph[] {
  if (!gongwen.note) return [];
  return [styled(ids.note, /^（.*）$/.test(gongwen.note) ? gongwen.note : `（${gongwen.note}）`)];
}

/** A top-level `# 附件n` heading (marked by remark-gongwen-attachments). */
function isAttachmentMark(node: RootContent): node is Heading {
  return node.type === 'heading' && node.data?.attachment !== undefined;
}

/**
 * A numbered heading that starts its list again (`restart`): the first numbered heading of an
 * attachment, whose numbers run from 一 again as in the print edition. Written as the heading
 * handler writes headings otherwise.
 */
function restartedHeading(node: Heading, state: BlockState): Paragraph {
  const level = outlineLevel(node, state.ctx.file);
  const bookmark = node.data?.id === undefined ? undefined : state.ctx.bookmarks.get(node.data.id);
  const children = paragraphContent(node.children, state);
  return new Paragraph({
    style: level === 'title' ? 'Title' : headingStyleId(level),
    ...(level === 'title' ? {} : { numbering: { reference: HEADING_REFERENCE, level: level - 1, restart: true } }),
    ...paragraphMarkRevision(node.children, state.ctx.revisions),
    children: bookmark === undefined ? children : [new Bookmark({ id: bookmark, children })],
  });
}

/** One attachment: its mark (a new page), its title from the 附件说明, its text. */
function attachment(mark: Heading, nodes: readonly RootContent[], gongwen: GongwenMeta, state: BlockState, single: boolean): FileChild[] {
  const bookmark = mark.data?.id === undefined ? undefined : state.ctx.bookmarks.get(mark.data.id);
  // A single attachment is marked 附件, without a number (GB/T 9704 7.3.4), as in print.
  const markChildren = single ? [new TextRun('附件')] : paragraphContent(mark.children, state);
  const name = gongwen.attachments[(mark.data?.attachment ?? 1) - 1];
  const children: FileChild[] = [new Paragraph({ style: ids.attachmentMark, children: bookmark === undefined ? markChildren : [new Bookmark({ id: bookmark, children: markChildren })] })];
  if (name) children.push(new Paragraph({ style: ids.attachmentTitle, children: titleRuns(name) }));
  let restarted = false;
  for (const node of nodes) {
    if (!restarted && node.type === 'heading' && state.ctx.headingNumbers.has(node)) {
      restarted = true;
      children.push(restartedHeading(node, state));
    } else {
      children.push(...renderBlock(node, state));
    }
  }
  return children;
}

/**
 * The body of a 公文's Word file: 版头, `contents` (the contents field, when asked for), 主体 and
 * 版记. Undefined for a report that is no 公文.
 */
export function gongwenBody(report: Report, ctx: DocxContext, contents: readonly FileChild[]): FileChild[] | undefined {
  const gongwen = report.meta.gongwen;
  if (!gongwen) return undefined;
  const state = rootState(ctx);
  // A title written as the source's one top heading is set as the front matter's would be.
  const titleHeading = !report.meta.title && report.file.data.title?.source === 'heading' ? report.tree.children[0] : undefined;
  const nodes = titleHeading ? report.tree.children.slice(1) : report.tree.children;
  const first = nodes.findIndex(isAttachmentMark);
  const text = first === -1 ? nodes : nodes.slice(0, first);
  const body: FileChild[] = [...head(report, gongwen, ctx), ...contents];
  const title = report.meta.title ?? (titleHeading ? report.file.data.title?.text : undefined);
  if (title) body.push(new Paragraph({ style: 'Title', children: titleRuns(title) }));
  if (gongwen.recipients) body.push(styled(ids.recipients, gongwen.recipients));
  body.push(...renderBlocks(text, state), ...attachmentNote(gongwen), ...attendance(gongwen), ...signOff(report, gongwen, ctx), ...note(gongwen));
  let section: { mark: Heading; nodes: RootContent[] } | undefined;
  const sections: Array<{ mark: Heading; nodes: RootContent[] }> = [];
  for (const node of first === -1 ? [] : nodes.slice(first)) {
    if (isAttachmentMark(node)) sections.push((section = { mark: node, nodes: [] }));
    else section?.nodes.push(node);
  }
  const single = sections.length === 1 && gongwen.attachments.length <= 1;
  for (const { mark, nodes: content } of sections) body.push(...attachment(mark, content, gongwen, state, single));
  body.push(...recordTable(ctx.template, gongwen));
  return body;
}
