// The Word edition of a 公文 (template gongwen, GB/T 9704-2012): every element of the print
// edition as an editable paragraph in a style named after its role, with the print edition's
// geometry in the styles (exact spacing in twips, the red separator as a border, tab stops, page
// breaks before the 附件, the 版记 as a table floating at the foot of the type area). Read back from
// the .docx that `press build` writes, then opened in LibreOffice and measured on the PDF it makes
// against report-press's own PDF.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerMarkSizePt } from '../../pipeline/gongwen/html.ts';
import { breakTitle } from '../../pipeline/gongwen/title-lines.ts';
import { pngBytes } from '../helpers/png.ts';
import { pdfInfo, pdfText } from '../helpers/read-back.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { xmlProblems } from '../helpers/xml.ts';
import { paragraphs, paragraphStyle, partText, styleXml } from '../docx/read-docx.ts';
import { inkBands, inkBox, rasterPage } from './ink.ts';
import { BASELINE_SHARE, buildGongwen, CHAR_TWIPS, CONVERT_TIMEOUT_MS, libreOfficeProfile, LINE_TWIPS, MARK_INK_ASCENT, mmTwips, numberAttribute, PPR_ORDER, type PrintedBuilt, root, textAttribute, texts, TYPE, TYPE_WIDTH_TWIPS } from './word-support.ts';

const profile = libreOfficeProfile('gongwen');

/** A 上行文 (请示) with 签发人, a seal, numbered headings in an attachment, and two attachments (its text ends on an even page). */
const QINGSHI = `---
template: gongwen
author: 秦皇岛市人民政府
份号: "000123"
紧急程度: 加急
发文字号: 秦政〔2024〕5号
签发人: [张三, 李四]
标题: 秦皇岛市人民政府关于申请2024年安全生产专项资金的请示
主送机关: 河北省人民政府：
附件:
  - 2024年安全生产专项资金使用计划
  - 专项资金绩效目标表
印章: seal.png
成文日期: 2024-02-01
附注: 联系人：王五，电话：0335-1234567
抄送机关: [省应急管理厅, 省财政厅]
印发机关: 秦皇岛市人民政府办公室
印发日期: 2024-02-01
---

为加强全市安全生产基础能力建设，现就申请2024年安全生产专项资金有关事项请示如下。

# 资金用途

专项资金主要用于重点行业领域安全隐患排查整治。

# 资金数额

共申请专项资金3000万元。

妥否，请批示。

# 附件1

# 资金安排

按季度拨付。

# 绩效目标

年底前完成整治任务。

# 附件2

全年完成重大隐患整治100项。
`;

let notice: PrintedBuilt;
let request: PrintedBuilt;

beforeAll(async () => {
  const dir = await temporaryFolder('press-gongwen-word-');
  await writeFile(path.join(dir, 'qingshi.md'), QINGSHI);
  await writeFile(path.join(dir, 'seal.png'), pngBytes(120, 120, [230, 0, 18]));
  notice = await buildGongwen(path.join(root, 'source/examples/tongzhi.md'), path.join(dir, 'tongzhi'), { profile });
  request = await buildGongwen(path.join(dir, 'qingshi.md'), path.join(dir, 'qingshi'), { profile });
}, CONVERT_TIMEOUT_MS + 120_000);

afterAll(async () => {
  await rm(profile, { recursive: true, force: true });
});

const GONGWEN_STYLES: Record<string, string> = {
  GwHeadElement: '版头要素',
  GwCopyNumber: '份号',
  GwClassification: '密级',
  GwUrgency: '紧急程度',
  GwIssuerMark: '发文机关标志',
  GwDocNumber: '发文字号',
  GwRecipients: '主送机关',
  GwAttachmentNote: '附件说明',
  GwSignature: '发文机关署名',
  GwDate: '成文日期',
  GwNote: '附注',
  GwAttachmentMark: '附件标识',
  GwAttachmentTitle: '附件标题',
  GwRecord: '版记',
  GwCc: '抄送机关',
  GwPrinted: '印发机关和印发日期',
  GwRecordAnchor: '版记定位',
};

describe('the Word file of a 公文 (source/examples/tongzhi.md)', () => {
  it('builds without problems, and its parts are well formed', () => {
    expect(notice.result.ok).toBe(true);
    for (const [name, bytes] of Object.entries(notice.docx.files)) if (/\.(xml|rels)$/.test(name)) expect(xmlProblems(new TextDecoder().decode(bytes)), name).toEqual([]);
  });

  it('has a paragraph style named after each role, based on Normal, its properties in schema order', () => {
    for (const [id, name] of Object.entries(GONGWEN_STYLES)) {
      const style = styleXml(notice.styles, id);
      expect(style, id).toContain(`<w:name w:val="${name}"/>`);
      const properties = /<w:pPr>(.*?)<\/w:pPr>/s.exec(style)?.[1] ?? '';
      const order = [...properties.matchAll(/<w:(\w+)\b/g)].map((match) => match[1] ?? '').filter((element) => PPR_ORDER.includes(element));
      const ranks = order.map((element) => PPR_ORDER.indexOf(element));
      expect(ranks, `${id}: ${order.join(' ')}`).toEqual([...ranks].sort((a, b) => a - b));
    }
    expect(styleXml(notice.styles, 'GwSigner')).toContain('<w:name w:val="签发人"/>');
  });

  it('writes the 主体 in the print edition\'s order, each paragraph in its role\'s style and nothing more', () => {
    const sequence = notice.body.map((paragraph) => paragraphStyle(paragraph));
    const first = (style: string) => sequence.indexOf(style);
    const order = ['GwCopyNumber', 'GwClassification', 'GwUrgency', 'GwIssuerMark', 'GwDocNumber', 'Title', 'GwRecipients', 'Heading1', 'GwAttachmentNote', 'GwSignature', 'GwDate', 'GwNote', 'GwAttachmentMark', 'GwCc', 'GwPrinted', 'GwRecordAnchor'];
    expect(order.map(first)).toEqual([...order.map(first)].sort((a, b) => a - b));
    expect(order.map(first).every((index) => index >= 0)).toBe(true);
    expect(sequence.slice(0, 7)).toEqual(order.slice(0, 7));
    expect(sequence.at(-1)).toBe('GwRecordAnchor');
    // No direct formatting: the 公文's paragraphs carry their style alone, their runs at most a character style.
    for (const paragraph of notice.body.filter((p) => (paragraphStyle(p) ?? '').startsWith('Gw') || paragraphStyle(p) === 'Title')) {
      expect(/<w:pPr>(.*?)<\/w:pPr>/s.exec(paragraph)?.[1], paragraph).toMatch(/^<w:pStyle w:val="\w+"\/>$/);
      for (const properties of paragraph.matchAll(/<w:rPr>(.*?)<\/w:rPr>/gs)) expect(properties[1]).toMatch(/^<w:rStyle w:val="\w+"\/>$/);
    }
  });

  it('版头: 份号, 密级 and 紧急程度 in 3号黑体 on the first lines, flush left', () => {
    expect(texts(notice, 'GwCopyNumber')).toEqual(['000001']);
    expect(texts(notice, 'GwClassification')).toEqual(['秘密★1年']);
    expect(texts(notice, 'GwUrgency')).toEqual(['特急']);
    const head = styleXml(notice.styles, 'GwHeadElement');
    expect(textAttribute(head, 'rFonts', 'eastAsia')).toBe('黑体');
    expect(numberAttribute(head, 'sz', 'val')).toBe(32);
    expect(textAttribute(head, 'jc', 'val')).toBe('left');
    expect(numberAttribute(head, 'ind', 'firstLineChars')).toBe(0);
    expect(numberAttribute(head, 'spacing', 'line')).toBe(LINE_TWIPS);
    expect(textAttribute(head, 'spacing', 'lineRule')).toBe('exact');
  });

  it('发文机关标志: red 小标宋, centred, its glyphs\' top 35 mm under the type area\'s top', () => {
    expect(texts(notice, 'GwIssuerMark')).toEqual(['秦皇岛市人民政府文件']);
    const mark = styleXml(notice.styles, 'GwIssuerMark');
    const size = issuerMarkSizePt('秦皇岛市人民政府文件');
    expect(textAttribute(mark, 'color', 'val')).toBe('E60012');
    expect(textAttribute(mark, 'rFonts', 'eastAsia')).toBe('方正小标宋简体');
    expect(notice.docx.xml('word/fontTable.xml')).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(numberAttribute(mark, 'sz', 'val')).toBe(Math.round(size * 2));
    expect(textAttribute(mark, 'jc', 'val')).toBe('center');
    expect(textAttribute(mark, 'spacing', 'lineRule')).toBe('exact');
    const line = numberAttribute(mark, 'spacing', 'line') ?? 0;
    const before = numberAttribute(mark, 'spacing', 'before') ?? -1;
    expect(before).toBeGreaterThanOrEqual(0);
    // Three lines of 份号, 密级, 紧急程度, the spacing, then the glyphs' top in the line.
    const glyphTop = 3 * LINE_TWIPS + before + BASELINE_SHARE * line - MARK_INK_ASCENT * (Math.round(size * 2) / 2) * 20;
    expect(Math.abs(glyphTop - mmTwips(35))).toBeLessThanOrEqual(3);
    // Tall enough that neither client clips the glyphs (the baseline leaves room for an ascent of the whole size).
    expect(BASELINE_SHARE * line).toBeGreaterThanOrEqual(size * 20);
  });

  it('发文字号: centred two blank lines under the 标志, the red separator its bottom border 4 mm under its glyphs', () => {
    expect(texts(notice, 'GwDocNumber')).toEqual(['秦政〔2024〕1号']);
    const mark = styleXml(notice.styles, 'GwIssuerMark');
    const number = styleXml(notice.styles, 'GwDocNumber');
    expect(textAttribute(number, 'jc', 'val')).toBe('center');
    expect(numberAttribute(number, 'spacing', 'line')).toBe(LINE_TWIPS);
    const size = Math.round(issuerMarkSizePt('秦皇岛市人民政府文件') * 2) / 2;
    const markLine = numberAttribute(mark, 'spacing', 'line') ?? 0;
    const markBefore = numberAttribute(mark, 'spacing', 'before') ?? 0;
    const glyphTop = 3 * LINE_TWIPS + markBefore + BASELINE_SHARE * markLine - MARK_INK_ASCENT * size * 20;
    const numberTop = 3 * LINE_TWIPS + markBefore + markLine + (numberAttribute(number, 'spacing', 'before') ?? 0);
    // print.css: the 标志's line box (line height 1) ends 0.943 of its size under its glyphs' top; two blank lines follow.
    expect(Math.abs(numberTop - (glyphTop + 0.943 * size * 20 + 2 * LINE_TWIPS))).toBeLessThanOrEqual(3);
    const border = /<w:pBdr><w:bottom ([^>]*)\/><\/w:pBdr>/.exec(number)?.[1] ?? '';
    expect(border).toContain('w:val="single"');
    expect(border).toContain('w:color="E60012"');
    expect(border).toContain('w:sz="8"');
    // 16 pt glyphs end 1.06 pt under the baseline; the rule lies 4 mm under them, `w:space` points under the line.
    const space = Number(/w:space="(\d+)"/.exec(border)?.[1]);
    const ruleTop = BASELINE_SHARE * LINE_TWIPS + 1.06 * 20 + mmTwips(4);
    expect(Math.abs(LINE_TWIPS + space * 20 - ruleTop)).toBeLessThanOrEqual(10);
    // No indents: the border is as wide as the type area.
    expect(numberAttribute(number, 'ind', 'left')).toBe(0);
    expect(numberAttribute(number, 'ind', 'right')).toBe(0);
  });

  it('标题: 2号 小标宋, centred, two blank lines under the separator, broken where the print edition breaks it', () => {
    const title = styleXml(notice.styles, 'Title');
    expect(textAttribute(title, 'rFonts', 'eastAsia')).toBe('方正小标宋简体');
    expect(numberAttribute(title, 'sz', 'val')).toBe(44);
    expect(textAttribute(title, 'jc', 'val')).toBe('center');
    expect(numberAttribute(title, 'spacing', 'before')).toBe(2 * LINE_TWIPS);
    expect(numberAttribute(title, 'spacing', 'after')).toBe(LINE_TWIPS);
    const lines = breakTitle('秦皇岛市人民政府关于做好2024年春节期间安全生产工作的通知', 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(texts(notice, 'Title')).toEqual([lines.join('\n')]);
    expect(notice.body.find((paragraph) => paragraphStyle(paragraph) === 'Title')?.match(/<w:br\/>/g)).toHaveLength(lines.length - 1);
  });

  it('主送机关 flush left; 附件说明 `附件：1.名称` with the later names under the first', () => {
    expect(texts(notice, 'GwRecipients')).toEqual(['各县区人民政府，市政府各部门：']);
    expect(numberAttribute(styleXml(notice.styles, 'GwRecipients'), 'ind', 'firstLineChars')).toBe(0);
    expect(texts(notice, 'GwAttachmentNote')).toEqual(['附件：1.2024年春节期间安全生产重点检查事项清单', '\t2.秦皇岛市春节期间安全生产值班安排表（含各县区、各部门值班负责人及联系方式）']);
    const note = styleXml(notice.styles, 'GwAttachmentNote');
    const left = numberAttribute(note, 'ind', 'left') ?? 0;
    const hanging = numberAttribute(note, 'ind', 'hanging') ?? 0;
    const tab = numberAttribute(note, 'tab', 'pos') ?? 0;
    expect(textAttribute(note, 'tab', 'val')).toBe('left');
    // `附件：` two characters in; the numbers of the later names under the first (after three characters
    // with the body's letter spacing, -0.25 pt); the names, and their later lines, after `1.`.
    expect(left - hanging).toBe(2 * CHAR_TWIPS);
    expect(tab).toBe(2 * CHAR_TWIPS + 3 * (CHAR_TWIPS - 5));
    expect(left).toBe(tab + (CHAR_TWIPS / 2 - 5) + (CHAR_TWIPS / 4 - 5));
    expect(numberAttribute(note, 'spacing', 'before')).toBe(LINE_TWIPS);
    expect(note).toContain('<w:contextualSpacing/>');
  });

  it('署名 and 成文日期 without a seal: the 署名 two characters in from the right, the date under it ending two characters in', () => {
    expect(texts(notice, 'GwSignature')).toEqual(['秦皇岛市人民政府']);
    expect(texts(notice, 'GwDate')).toEqual(['2024年1月20日']);
    const signature = styleXml(notice.styles, 'GwSignature');
    const date = styleXml(notice.styles, 'GwDate');
    expect(textAttribute(signature, 'jc', 'val')).toBe('right');
    expect(numberAttribute(signature, 'ind', 'right')).toBe(2 * CHAR_TWIPS);
    expect(numberAttribute(signature, 'spacing', 'before')).toBe(LINE_TWIPS);
    // The date (6.5 characters and Word's five spaces around digits) starts more than two characters
    // right of the 署名's start: it ends two characters in, as the 署名 does.
    expect(textAttribute(date, 'jc', 'val')).toBe('right');
    expect(numberAttribute(date, 'ind', 'right')).toBe(2 * CHAR_TWIPS);
    expect(notice.document).not.toContain('<w:drawing>');
  });

  it('附注 two characters in, in brackets', () => {
    expect(texts(notice, 'GwNote')).toEqual(['（此件公开发布）']);
    expect(numberAttribute(notice.styles.match(/<w:style [^>]*w:styleId="Normal".*?<\/w:style>/s)?.[0] ?? '', 'ind', 'firstLineChars')).toBe(200);
    expect(styleXml(notice.styles, 'GwNote')).not.toContain('firstLineChars');
  });

  it('each 附件 on a new page: 附件n in 黑体, its title from the 附件说明 centred and broken as in print', () => {
    const mark = styleXml(notice.styles, 'GwAttachmentMark');
    expect(mark).toContain('<w:pageBreakBefore/>');
    expect(textAttribute(mark, 'rFonts', 'eastAsia')).toBe('黑体');
    expect(numberAttribute(mark, 'ind', 'firstLineChars')).toBe(0);
    const title = styleXml(notice.styles, 'GwAttachmentTitle');
    expect(textAttribute(title, 'basedOn', 'val')).toBe('Title');
    expect(numberAttribute(title, 'spacing', 'before')).toBe(LINE_TWIPS);
    expect(texts(notice, 'GwAttachmentMark')).toEqual(['附件1', '附件2']);
    const names = ['2024年春节期间安全生产重点检查事项清单', '秦皇岛市春节期间安全生产值班安排表（含各县区、各部门值班负责人及联系方式）'];
    expect(texts(notice, 'GwAttachmentTitle')).toEqual(names.map((name) => breakTitle(name, 20).join('\n')));
    const sequence = notice.body.map((paragraph) => paragraphStyle(paragraph));
    for (const [index, style] of sequence.entries()) if (style === 'GwAttachmentMark') expect(sequence[index + 1]).toBe('GwAttachmentTitle');
  });

  it('版记: a borderless table floating at the foot of the type area, rules 0.35 and 0.25 mm, 4号仿宋 one character in', () => {
    const table = [...notice.document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].at(-1)?.[0] ?? '';
    const position = /<w:tblpPr ([^>]*)\/>/.exec(table)?.[1] ?? '';
    expect(position).toContain('w:vertAnchor="margin"');
    expect(position).toContain('w:tblpYSpec="bottom"');
    // Placed from the page's edge at the left margin (LibreOffice keeps a table as wide as the type area in the text otherwise).
    expect(position).toContain('w:horzAnchor="page"');
    expect(position).toContain(`w:tblpX="${Math.round(mmTwips(28))}"`);
    expect(numberAttribute(table, 'tblW', 'w')).toBe(TYPE_WIDTH_TWIPS);
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(table)?.[1] ?? '';
    expect(textAttribute(borders, 'top', 'val')).toBe('single');
    expect(numberAttribute(borders, 'top', 'sz')).toBe(8);
    expect(numberAttribute(borders, 'bottom', 'sz')).toBe(8);
    expect(numberAttribute(borders, 'insideH', 'sz')).toBe(6);
    for (const side of ['left', 'right', 'insideV']) expect(textAttribute(borders, side, 'val')).toBe('none');
    expect(/<w:tblCellMar>(.*?)<\/w:tblCellMar>/s.exec(table)?.[1]?.match(/w:w="0"/g)).toHaveLength(4);
    expect(paragraphs(table).map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).replace(/^\n/, '')])).toEqual([
      ['GwCc', '抄送：市委各部门，市人大常委会办公室，市政协办公室。'],
      ['GwPrinted', '秦皇岛市人民政府办公室\t2024年1月20日印发'],
    ]);
    const record = styleXml(notice.styles, 'GwRecord');
    expect(numberAttribute(record, 'sz', 'val')).toBe(28);
    expect(textAttribute(record, 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    expect(numberAttribute(record, 'ind', 'left')).toBe(280);
    expect(numberAttribute(record, 'ind', 'right')).toBe(280);
    const cc = styleXml(notice.styles, 'GwCc');
    expect([numberAttribute(cc, 'ind', 'left'), numberAttribute(cc, 'ind', 'hanging')]).toEqual([4 * 280, 3 * 280]);
    const printed = styleXml(notice.styles, 'GwPrinted');
    expect(textAttribute(printed, 'tab', 'val')).toBe('right');
    expect(numberAttribute(printed, 'tab', 'pos')).toBe(TYPE_WIDTH_TWIPS - 280);
    // The table is the last thing but the one-point paragraph a document ends with.
    expect(notice.document.slice(notice.document.lastIndexOf('</w:tbl>'))).toMatch(/^<\/w:tbl><w:p><w:pPr><w:pStyle w:val="GwRecordAnchor"\/><\/w:pPr><\/w:p><w:sectPr/);
  });

  it('page numbers `— n —` on the outer side, as gov-report', () => {
    const footers = Object.keys(notice.docx.files).filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => notice.docx.xml(name));
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      // `— `, the PAGE field, ` —`.
      expect(partText(footer).trim()).toBe('—  —');
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    }
    expect(footers.map((footer) => paragraphStyle(footer)).sort()).toEqual(['Footer', 'FooterEven']);
    expect(notice.docx.xml('word/settings.xml')).toContain('<w:evenAndOddHeaders');
  });

  it('LibreOffice lays it out on as many pages as the print PDF, the 版记 at the foot of the last', async () => {
    const print = Number((await pdfInfo(notice.printPdf)).Pages);
    const word = Number((await pdfInfo(notice.wordPdf)).Pages);
    expect(word).toBe(print);
    const last = (await pdfText(notice.wordPdf)).split('\f')[word - 1] ?? '';
    expect(last.replace(/\s+/g, '')).toContain('抄送：市委各部门');
    expect(last.replace(/\s+/g, '')).toContain('2024年1月20日印发');
    const page = await rasterPage(notice.wordPdf, word, 300);
    const rules = inkBands(page, 'dark', { top: 200, bottom: 270, left: TYPE.left, right: TYPE.right }).filter((band) => band.bottom - band.top < 0.6);
    expect(rules).toHaveLength(3);
    expect(Math.abs((rules.at(-1)?.bottom ?? 0) - TYPE.bottom)).toBeLessThanOrEqual(0.5);
    const widths = rules.map((rule) => rule.bottom - rule.top);
    expect(widths[0]).toBeGreaterThan(widths[1] ?? 1);
    expect(widths[2]).toBeGreaterThan(widths[1] ?? 1);
    const box = inkBox(page, 'dark', { top: rules[0]?.top ?? 0, bottom: rules[0]?.bottom ?? 0 });
    expect(Math.abs((box?.left ?? 0) - TYPE.left)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((box?.right ?? 0) - TYPE.right)).toBeLessThanOrEqual(0.5);
  });

  it('LibreOffice puts the 标志, the 发文字号 and the separator where the print PDF has them', async () => {
    const measure = async (file: string) => {
      const page = await rasterPage(file, 1, 300);
      const red = inkBands(page, 'red', { top: TYPE.top, bottom: 160 });
      const mark = inkBox(page, 'red', { top: TYPE.top, bottom: (red[0]?.bottom ?? 0) + 0.05 });
      const separator = red.at(-1);
      const rule = inkBox(page, 'red', { top: (separator?.top ?? 0) - 0.05, bottom: (separator?.bottom ?? 0) + 0.05 });
      const number = inkBands(page, 'dark', { top: red[0]?.bottom ?? 0, bottom: separator?.top ?? 0, left: TYPE.left, right: TYPE.right });
      return { mark, separator, rule, number };
    };
    const print = await measure(notice.printPdf);
    const word = await measure(notice.wordPdf);
    console.log(`标志 top: print ${(print.mark?.top ?? 0) - TYPE.top} mm, LibreOffice ${(word.mark?.top ?? 0) - TYPE.top} mm under the type area; separator: print ${print.separator?.top}, LibreOffice ${word.separator?.top} mm`);
    // LibreOffice sets the 标志 in LXGW WenKai here (no 小标宋 is installed), whose glyphs sit 0.7 mm lower in the em than the print face's.
    expect(Math.abs((word.mark?.top ?? 0) - (TYPE.top + 35))).toBeLessThanOrEqual(1);
    expect(Math.abs((word.mark?.top ?? 0) - (print.mark?.top ?? 0))).toBeLessThanOrEqual(1);
    expect(Math.abs(((word.mark?.left ?? 0) + (word.mark?.right ?? 0)) / 2 - (TYPE.left + TYPE.right) / 2)).toBeLessThanOrEqual(0.5);
    expect(word.number).toHaveLength(1);
    expect(Math.abs((word.separator?.top ?? 0) - (word.number[0]?.bottom ?? 0) - 4)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((word.separator?.top ?? 0) - (print.separator?.top ?? 0))).toBeLessThanOrEqual(1);
    expect(Math.abs((word.rule?.left ?? 0) - TYPE.left)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((word.rule?.right ?? 0) - TYPE.right)).toBeLessThanOrEqual(0.5);
  });
});

describe('the Word file of a 上行文 with 签发人 and a 印章', () => {
  it('builds without problems', () => {
    expect(request.result.ok).toBe(true);
  });

  it('发文字号 one character in from the left, `签发人：` and the names (楷体) against a right tab one character in from the right', () => {
    const number = request.body.find((paragraph) => paragraphStyle(paragraph) === 'GwDocNumber') ?? '';
    expect(partText(number).replace(/^\n/, '')).toBe('秦政〔2024〕5号\t签发人：张三 李四');
    expect(number).toMatch(/<w:r><w:rPr><w:rStyle w:val="GwSigner"\/><\/w:rPr><w:t xml:space="preserve">张三 李四<\/w:t><\/w:r>/);
    expect(textAttribute(styleXml(request.styles, 'GwSigner'), 'rFonts', 'eastAsia')).toBe('楷体_GB2312');
    const style = styleXml(request.styles, 'GwDocNumber');
    expect(textAttribute(style, 'jc', 'val')).toBe('left');
    expect([numberAttribute(style, 'ind', 'firstLine'), numberAttribute(style, 'ind', 'firstLineChars'), numberAttribute(style, 'ind', 'left'), numberAttribute(style, 'ind', 'right')]).toEqual([CHAR_TWIPS, 100, 0, 0]);
    expect(textAttribute(style, 'tab', 'val')).toBe('right');
    expect(numberAttribute(style, 'tab', 'pos')).toBe(TYPE_WIDTH_TWIPS - CHAR_TWIPS);
    expect(style).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="E60012" w:sz="8"/);
  });

  it('without 密级 the 标志 keeps its place: two lines of 份号 and 紧急程度, more spacing before it', () => {
    expect(texts(request, 'GwCopyNumber')).toEqual(['000123']);
    expect(texts(request, 'GwUrgency')).toEqual(['加急']);
    const mark = styleXml(request.styles, 'GwIssuerMark');
    const size = Math.round(issuerMarkSizePt('秦皇岛市人民政府文件') * 2) / 2;
    const glyphTop = 2 * LINE_TWIPS + (numberAttribute(mark, 'spacing', 'before') ?? 0) + BASELINE_SHARE * (numberAttribute(mark, 'spacing', 'line') ?? 0) - MARK_INK_ASCENT * size * 20;
    expect(Math.abs(glyphTop - mmTwips(35))).toBeLessThanOrEqual(3);
  });

  it('with a seal: the date four characters in, the 署名 centred over it, the seal a floating picture behind both, 42 mm wide', () => {
    const signature = styleXml(request.styles, 'GwSignature');
    const date = styleXml(request.styles, 'GwDate');
    expect(textAttribute(signature, 'jc', 'val')).toBe('center');
    expect(numberAttribute(signature, 'spacing', 'before')).toBe(2 * LINE_TWIPS);
    // 秦皇岛市人民政府 (8 characters) is longer than 2024年2月1日 (6 and Word's five spaces around digits, 7.25):
    // both centred on the 署名, which ends four characters in.
    const centre = (left: number, right: number) => (left + TYPE_WIDTH_TWIPS - right) / 2;
    expect(centre(numberAttribute(signature, 'ind', 'left') ?? 0, numberAttribute(signature, 'ind', 'right') ?? 0)).toBeCloseTo(TYPE_WIDTH_TWIPS - 4 * CHAR_TWIPS - 4 * CHAR_TWIPS, 0);
    expect(textAttribute(date, 'jc', 'val')).toBe('right');
    expect(numberAttribute(date, 'ind', 'right')).toBe(Math.round((4 + (8 - 7.25) / 2) * CHAR_TWIPS));
    const dateParagraph = request.body.find((paragraph) => paragraphStyle(paragraph) === 'GwDate') ?? '';
    const anchor = /<wp:anchor ([^>]*)>(.*?)<\/wp:anchor>/s.exec(dateParagraph);
    expect(anchor).not.toBeNull();
    expect(anchor?.[1]).toContain('behindDoc="1"');
    const inner = anchor?.[2] ?? '';
    expect(inner).toMatch(/<wp:positionH relativeFrom="margin"><wp:posOffset>(-?\d+)<\/wp:posOffset>/);
    expect(inner).toMatch(/<wp:positionV relativeFrom="paragraph"><wp:posOffset>(-?\d+)<\/wp:posOffset>/);
    expect(inner).toContain('<wp:wrapNone/>');
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(inner);
    expect(Number(extent?.[1])).toBe(42 * 36000);
    expect(Number(extent?.[2])).toBe(42 * 36000);
    // Centred across the 署名 (its centre eight characters in), its centre 3 mm above the bottom of the 署名's line.
    const x = Number(/<wp:positionH[^>]*><wp:posOffset>(-?\d+)/.exec(inner)?.[1]);
    const y = Number(/<wp:positionV[^>]*><wp:posOffset>(-?\d+)/.exec(inner)?.[1]);
    expect(Math.abs(x + 21 * 36000 - (TYPE_WIDTH_TWIPS - 8 * CHAR_TWIPS) * 635)).toBeLessThanOrEqual(635);
    expect(y + 21 * 36000).toBe(-3 * 36000);
    expect(inner).toContain('descr="印章：秦皇岛市人民政府"');
    const media = Object.keys(request.docx.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(request.docx.files[media[0] ?? ''] ?? new Uint8Array())).toEqual(pngBytes(120, 120, [230, 0, 18]));
  });

  it('an attachment\'s headings are numbered from 一 again: their list restarts', () => {
    const headings = request.body.filter((paragraph) => paragraphStyle(paragraph) === 'Heading1').map((paragraph) => ({ text: partText(paragraph).trim(), numId: numberAttribute(paragraph, 'numId', 'val') }));
    expect(headings.map((heading) => heading.text)).toEqual(['资金用途', '资金数额', '资金安排', '绩效目标']);
    const [body1, body2, attachment1, attachment2] = headings.map((heading) => heading.numId);
    expect(body1).toBe(body2);
    expect(attachment1).toBe(attachment2);
    expect(attachment1).not.toBe(body1);
    const numbering = request.docx.xml('word/numbering.xml');
    const num = new RegExp(`<w:num w:numId="${attachment1}"[^>]*>(.*?)</w:num>`, 's').exec(numbering)?.[1] ?? '';
    const abstract = new RegExp(`<w:num w:numId="${body1}"[^>]*><w:abstractNumId w:val="(\\d+)"`).exec(numbering)?.[1];
    expect(num).toContain(`<w:abstractNumId w:val="${abstract}"/>`);
    expect(num).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\/><\/w:lvlOverride>/);
  });

  it('LibreOffice: as many pages as the print PDF, the seal in red over the 署名 and date, the attachment numbered from 一, the 版记 on the last page', async () => {
    const print = Number((await pdfInfo(request.printPdf)).Pages);
    const word = Number((await pdfInfo(request.wordPdf)).Pages);
    expect(word).toBe(print);
    const pages = (await pdfText(request.wordPdf)).split('\f').map((page) => page.replace(/\s+/g, ''));
    expect(pages[word - 1]).toContain('抄送：省应急管理厅，省财政厅。');
    const sealPage = pages.findIndex((page) => page.includes('2024年2月1日') && !page.includes('印发'));
    expect(sealPage).toBeGreaterThanOrEqual(0);
    const raster = await rasterPage(request.wordPdf, sealPage + 1, 150);
    const seal = inkBox(raster, 'red', { top: TYPE.top, bottom: TYPE.bottom });
    expect(Math.abs((seal?.right ?? 0) - (seal?.left ?? 0) - 42)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((seal?.bottom ?? 0) - (seal?.top ?? 0) - 42)).toBeLessThanOrEqual(0.5);
    const printed = (await pdfText(request.printPdf)).split('\f').map((page) => page.replace(/\s+/g, ''));
    for (const text of [pages, printed]) expect(text.find((page) => page.startsWith('附件1'))).toContain('一、资金安排');
  });
});
