// The Word edition of the other 公文 formats (GB/T 9704-2012 10): 信函 (its 标志 30 mm from the
// page's top and its red double lines 170 mm wide, drawn on the first page, which has no page
// number), 命令 (its 标志 20 mm under the type area's top, the 令号 under it, no separator, the
// 签发人 signing it) and 纪要 (出席, 请假, 列席 after the text). Read back from the .docx that `press
// build` writes, then opened in LibreOffice and measured on the PDF it makes against report-press's
// own PDF of the shipped examples.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, Footer, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { issuerMarkSizePt } from '../../pipeline/gongwen/html.ts';
import type { GongwenMeta } from '../../pipeline/gongwen/meta.ts';
import { withGongwenSection } from '../../pipeline/render/docx/gongwen-section.ts';
import { pdfInfo, pdfText } from '../helpers/read-back.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { xmlProblems } from '../helpers/xml.ts';
import { paragraphs, paragraphStyle, partText, readDocx, styleXml } from '../docx/read-docx.ts';
import { inkBands, inkBox, rasterPage, type InkBox } from './ink.ts';
import { BASELINE_SHARE, buildGongwen, type Built, CHAR_TWIPS, CONVERT_TIMEOUT_MS, libreOfficeProfile, LINE_TWIPS, MARK_INK_ASCENT, mmTwips, numberAttribute, PPR_ORDER, root, textAttribute, texts, TYPE, TYPE_WIDTH_TWIPS } from './word-support.ts';

const profile = libreOfficeProfile('gongwen-formats');

/** The body's letter spacing, -0.25 pt, in twips. */
const SPACING_TWIPS = -5;
const EMU_PER_MM = 36000;
const ptMm = (pt: number) => (pt / 72) * 25.4;
/** The print face's ink is 0.973 of its size tall. */
const MARK_INK_HEIGHT = 0.973;
/** The 信函's double lines as the print draws them: thick 0.53 mm, thin 0.18 mm, 0.35 mm apart, 170 mm wide. */
const THICK_MM = 0.53;
const THIN_MM = 0.18;
const GAP_MM = 0.35;

/** The shipped examples and variants: a 信函 of two pages, a 命令 with 签发人, a 纪要 whose 出席 runs over a line. */
let letter: Built;
let longLetter: Built;
let order: Built;
let signedOrder: Built;
let minutes: Built;
let longMinutes: Built;

/** A shipped example with its front matter or text changed. */
async function variant(dir: string, example: string, name: string, change: (source: string) => string): Promise<string> {
  const file = path.join(dir, `${name}.md`);
  await writeFile(file, change(await readFile(path.join(root, `source/examples/${example}.md`), 'utf8')));
  return file;
}

beforeAll(async () => {
  const dir = await temporaryFolder('press-gongwen-formats-');
  const paragraph = '为加快秦皇岛港转型升级，推动港城融合发展，现就有关事项函商如下，请贵集团在项目规划、资金安排和用地保障等方面给予支持。';
  const longLetterFile = await variant(dir, 'han', 'han-long', (source) => source.replace('请予支持为盼。', `${Array.from({ length: 10 }, () => paragraph).join('\n\n')}\n\n请予支持为盼。`));
  const signedOrderFile = await variant(dir, 'ling', 'ling-signed', (source) => source.replace('成文日期:', '签发人: 市长　张三\n成文日期:'));
  const longMinutesFile = await variant(dir, 'jiyao', 'jiyao-long', (source) =>
    source.replace('出席: [张三, 李四, 王五, 赵六]', '出席: [张三, 李四, 王五, 赵六, 孙七, 周八, 吴九, 郑十, 陈明, 刘强, 杨光, 黄河, 林海, 何平]'),
  );
  // One at a time: the LibreOffice profile is shared.
  letter = await buildGongwen(path.join(root, 'source/examples/han.md'), path.join(dir, 'han'), { profile, flowOnly: true });
  longLetter = await buildGongwen(longLetterFile, path.join(dir, 'han-long'), { profile, flowOnly: true });
  order = await buildGongwen(path.join(root, 'source/examples/ling.md'), path.join(dir, 'ling'), { profile, flowOnly: true });
  signedOrder = await buildGongwen(signedOrderFile, path.join(dir, 'ling-signed'), { profile, print: false, flowOnly: true });
  minutes = await buildGongwen(path.join(root, 'source/examples/jiyao.md'), path.join(dir, 'jiyao'), { profile, flowOnly: true });
  longMinutes = await buildGongwen(longMinutesFile, path.join(dir, 'jiyao-long'), { profile, flowOnly: true });
}, 6 * CONVERT_TIMEOUT_MS);

afterAll(async () => {
  await rm(profile, { recursive: true, force: true });
});

/** A drawing's offset from the page (`wp:positionH`/`wp:positionV` relative to the page), EMUs. */
function pageOffset(anchor: string): { x: number; y: number } {
  const axis = (name: 'H' | 'V') => new RegExp(`<wp:position${name} relativeFrom="page"><wp:posOffset>(-?\\d+)</wp:posOffset>`).exec(anchor)?.[1];
  return { x: Number(axis('H')), y: Number(axis('V')) };
}

/** A shape drawing's size (EMUs) and fill colour. */
function barShape(anchor: string): { width: number; height: number; fill: string | undefined } {
  return {
    width: Number(/<wp:extent cx="(\d+)" cy="\d+"\/>/.exec(anchor)?.[1]),
    height: Number(/<wp:extent cx="\d+" cy="(\d+)"\/>/.exec(anchor)?.[1]),
    fill: /<a:solidFill><a:srgbClr val="(\w+)"\/><\/a:solidFill>/.exec(anchor)?.[1],
  };
}

/** Every 公文 style of a styles part is written with its paragraph properties in schema order. */
function expectStylesInOrder(styles: string): void {
  const ids = [...styles.matchAll(/w:styleId="(Gw\w+)"/g)].map((match) => match[1] ?? '');
  expect(ids.length).toBeGreaterThan(20);
  for (const id of ids) {
    const properties = /<w:pPr>(.*?)<\/w:pPr>/s.exec(styleXml(styles, id))?.[1] ?? '';
    const ranks = [...properties.matchAll(/<w:(\w+)\b/g)].map((match) => PPR_ORDER.indexOf(match[1] ?? '')).filter((rank) => rank >= 0);
    expect(ranks, id).toEqual([...ranks].sort((a, b) => a - b));
  }
}

/** The 公文 styles with paragraph borders. */
function gongwenBorders(styles: string): string[] {
  return [...styles.matchAll(/w:styleId="(Gw\w+)"/g)].map((match) => match[1] ?? '').filter((id) => styleXml(styles, id).includes('<w:pBdr>'));
}

/** Red bars of a page's region that run across most of it (rules and double lines, not text), each with its ink box. */
function redBars(page: Awaited<ReturnType<typeof rasterPage>>, region: Partial<InkBox>): InkBox[] {
  return inkBands(page, 'red', { left: 10, right: 200, ...region }, 0.5).map((band) => inkBox(page, 'red', { top: band.top - 0.01, bottom: band.bottom + 0.01 }) ?? { ...band, left: 0, right: 0 });
}

describe('the Word file of a 信函 (source/examples/han.md)', () => {
  const markSize = () => Math.round(issuerMarkSizePt('秦皇岛市人民政府办公室') * 2) / 2;
  /** The upper double line's top from the page's top (4 mm under the 标志's glyphs, whose top is 30 mm from it), mm. */
  const upperTopMm = () => 30 + ptMm(markSize() * MARK_INK_HEIGHT) + 4;

  it('builds without problems, and its parts are well formed', () => {
    expect(letter.result.ok).toBe(true);
    for (const [name, bytes] of Object.entries(letter.docx.files)) if (/\.(xml|rels)$/.test(name)) expect(xmlProblems(new TextDecoder().decode(bytes)), name).toEqual([]);
    expectStylesInOrder(letter.styles);
  });

  it('the 标志: a text box on the page, as wide as the type area, its paragraph red and centred, its glyphs\' top 30 mm from the page\'s top', () => {
    const box = letter.anchors.find((anchor) => anchor.includes('<wps:txbx>')) ?? '';
    expect(box).toContain('<wp:wrapNone/>');
    expect(box).toContain('behindDoc="0"');
    const inner = paragraphs(/<w:txbxContent>(.*?)<\/w:txbxContent>/s.exec(box)?.[1] ?? '');
    expect(inner.map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).replace(/^\n/, '')])).toEqual([['GwIssuerMark', '秦皇岛市人民政府办公室']]);
    // No inner margins: the paragraph's line starts at the box's top.
    expect(box).toMatch(/<wps:bodyPr [^>]*lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/);
    const { x, y } = pageOffset(box);
    expect(x).toBe(TYPE.left * EMU_PER_MM);
    expect(Number(/<wp:extent cx="(\d+)"/.exec(box)?.[1])).toBe(156 * EMU_PER_MM);
    const mark = styleXml(letter.styles, 'GwIssuerMark');
    expect(textAttribute(mark, 'color', 'val')).toBe('E60012');
    expect(textAttribute(mark, 'jc', 'val')).toBe('center');
    expect(numberAttribute(mark, 'sz', 'val')).toBe(markSize() * 2);
    expect(numberAttribute(mark, 'spacing', 'before')).toBe(0);
    const line = numberAttribute(mark, 'spacing', 'line') ?? 0;
    const glyphTopMm = y / EMU_PER_MM + ptMm((BASELINE_SHARE * line) / 20 - MARK_INK_ASCENT * markSize());
    expect(Math.abs(glyphTopMm - 30)).toBeLessThanOrEqual(0.05);
    // No 标志 paragraph in the flow: the text box is the only one.
    expect(texts(letter, 'GwIssuerMark')).toEqual([]);
  });

  it('the red double lines: red bars 170 mm wide centred on the type area, thick over thin 4 mm under the 标志, thin over thick 20 mm from the foot', () => {
    const bars = letter.anchors.filter((anchor) => !anchor.includes('<wps:txbx>'));
    expect(bars).toHaveLength(4);
    const placed = bars.map((bar) => ({ ...pageOffset(bar), ...barShape(bar), bar }));
    for (const bar of placed) {
      expect(bar.x).toBe(21 * EMU_PER_MM);
      expect(bar.width).toBe(170 * EMU_PER_MM);
      expect(bar.fill).toBe('E60012');
      expect(bar.bar).toContain('<wp:wrapNone/>');
      // Decorative: screen readers skip them.
      expect(bar.bar).toContain('<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>');
    }
    const [upperThick, upperThin, lowerThin, lowerThick] = placed;
    expect(Math.abs((upperThick?.y ?? 0) / EMU_PER_MM - upperTopMm())).toBeLessThanOrEqual(0.01);
    expect([upperThick?.height, upperThin?.height, lowerThin?.height, lowerThick?.height]).toEqual([THICK_MM, THIN_MM, THIN_MM, THICK_MM].map((mm) => mm * EMU_PER_MM));
    expect((upperThin?.y ?? 0) - (upperThick?.y ?? 0)).toBe((THICK_MM + GAP_MM) * EMU_PER_MM);
    expect((lowerThin?.y ?? 0) / EMU_PER_MM).toBe(297 - 20);
    expect((lowerThick?.y ?? 0) - (lowerThin?.y ?? 0)).toBe((THIN_MM + GAP_MM) * EMU_PER_MM);
    // All the drawings are anchored in the 版头's first paragraph (so on the first page), their ids unique.
    const first = letter.document.slice(letter.document.indexOf('<w:body>'), letter.document.indexOf('<w:pStyle w:val="GwUrgency"/>'));
    expect(first).toMatch(/^<w:body><w:p><w:pPr><w:pStyle w:val="GwCopyNumber"\/><\/w:pPr>/);
    expect(first.match(/<wp:anchor\b/g)).toHaveLength(5);
    const ids = [...letter.document.matchAll(/<(?:wp:docPr|wps:cNvPr) id="(\d+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the same bytes on every build of the same source and date', async () => {
    const file = path.join(root, 'source/examples/han.md');
    const render = async () => {
      const report = await parseReport(new VFile({ path: file, value: await readFile(file, 'utf8') }));
      return Buffer.from(await renderDocx(report, await loadTemplate(report.meta.template), { date: new Date('2024-03-15T00:00:00Z') }));
    };
    expect((await render()).equals(await render())).toBe(true);
  });

  it('份号 and 紧急程度 at the left 3 mm under the upper double line, the 发文字号 (仿宋) against a right tab on the first line, the title two blank lines under them', () => {
    expect(letter.body.slice(0, 4).map((paragraph) => paragraphStyle(paragraph))).toEqual(['GwCopyNumber', 'GwUrgency', 'Title', 'GwRecipients']);
    expect(texts(letter, 'GwCopyNumber')).toEqual(['000012\t秦政办函〔2024〕5号']);
    expect(letter.body[0]).toMatch(/<w:r><w:rPr><w:rStyle w:val="GwLetterNumber"\/><\/w:rPr><w:t xml:space="preserve">秦政办函〔2024〕5号<\/w:t><\/w:r>/);
    expect(textAttribute(styleXml(letter.styles, 'GwLetterNumber'), 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    expect(texts(letter, 'GwUrgency')).toEqual(['加急']);
    expect(texts(letter, 'GwDocNumber')).toEqual([]);
    const head = styleXml(letter.styles, 'GwHeadElement');
    expect(textAttribute(head, 'tab', 'val')).toBe('right');
    expect(numberAttribute(head, 'tab', 'pos')).toBe(TYPE_WIDTH_TWIPS);
    // The first line's box 3 mm under the double line (1.06 mm tall), from the type area's top.
    const before = numberAttribute(styleXml(letter.styles, 'GwCopyNumber'), 'spacing', 'before') ?? 0;
    expect(Math.abs(before - mmTwips(upperTopMm() + THICK_MM + GAP_MM + THIN_MM + 3 - TYPE.top))).toBeLessThanOrEqual(2);
    expect(numberAttribute(styleXml(letter.styles, 'GwUrgency'), 'spacing', 'before')).toBeUndefined();
    expect(numberAttribute(styleXml(letter.styles, 'Title'), 'spacing', 'before')).toBe(2 * LINE_TWIPS);
    // No separator: the red is the double lines'.
    expect(gongwenBorders(letter.styles)).toEqual([]);
  });

  it('a different first page whose footer is empty, when the renderer takes the section from withGongwenSection', async () => {
    const packed = async (gongwen: Pick<GongwenMeta, 'format'>) => {
      const section = withGongwenSection({ footers: { default: new Footer({ children: [new Paragraph('page')] }) }, children: [new Paragraph('text')] }, gongwen as GongwenMeta);
      const docx = readDocx(new Uint8Array(await Packer.toBuffer(new Document({ sections: [section] }))));
      const footers = Object.keys(docx.files).filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => partText(docx.xml(name)).trim());
      return { sectPr: /<w:sectPr>.*<\/w:sectPr>/s.exec(docx.xml('word/document.xml'))?.[0] ?? '', footers };
    };
    const letterSection = await packed({ format: '信函' });
    expect(letterSection.sectPr).toContain('<w:titlePg/>');
    expect(letterSection.sectPr).toMatch(/<w:footerReference w:type="first"/);
    expect(letterSection.footers.sort()).toEqual(['', 'page']);
    for (const format of ['文件', '命令', '纪要'] as const) {
      const other = await packed({ format });
      expect(other.sectPr).not.toContain('<w:titlePg/>');
      expect(other.footers).toEqual(['page']);
    }
  });

  it('LibreOffice: the 标志 30 mm from the page\'s top, centred; the double lines 170 mm wide where the print has them; the 份号 line under them; one page as in print', async () => {
    const measure = async (file: string) => {
      const page = await rasterPage(file, 1, 300);
      const mark = inkBox(page, 'red', { top: 0, bottom: 46 });
      const bars = redBars(page, { top: 46, bottom: 297 });
      const firstLine = inkBox(page, 'dark', { top: (bars[1]?.bottom ?? 0) + 0.1, bottom: (bars[1]?.bottom ?? 0) + 12, left: TYPE.left - 1, right: TYPE.right + 1 });
      return { mark, bars, firstLine };
    };
    const print = await measure(letter.printPdf ?? '');
    const word = await measure(letter.wordPdf);
    console.log(`信函 标志 top: print ${print.mark?.top.toFixed(2)}, LibreOffice ${word.mark?.top.toFixed(2)} mm; double lines: print ${print.bars.map((bar) => bar.top.toFixed(2)).join(' ')}, LibreOffice ${word.bars.map((bar) => bar.top.toFixed(2)).join(' ')} mm`);
    // LibreOffice sets the 标志 in LXGW WenKai here (no 小标宋 is installed), whose glyphs sit lower in the em than the print face's.
    expect(Math.abs((word.mark?.top ?? 0) - 30)).toBeLessThanOrEqual(1);
    expect(Math.abs(((word.mark?.left ?? 0) + (word.mark?.right ?? 0)) / 2 - (TYPE.left + TYPE.right) / 2)).toBeLessThanOrEqual(0.5);
    expect(word.bars).toHaveLength(4);
    for (const [index, bar] of word.bars.entries()) {
      expect(Math.abs(bar.right - bar.left - 170), `bar ${index}`).toBeLessThanOrEqual(1);
      expect(Math.abs((bar.left + bar.right) / 2 - (TYPE.left + TYPE.right) / 2)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(bar.top - (print.bars[index]?.top ?? 0)), `bar ${index}`).toBeLessThanOrEqual(0.5);
    }
    const height = (bar: InkBox | undefined) => (bar ? bar.bottom - bar.top : 0);
    const [upperThick, upperThin, lowerThin, lowerThick] = word.bars;
    expect(height(upperThick)).toBeGreaterThan(height(upperThin));
    expect(height(lowerThick)).toBeGreaterThan(height(lowerThin));
    expect(Math.abs(height(upperThick) - THICK_MM)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(height(upperThin) - THIN_MM)).toBeLessThanOrEqual(0.1);
    expect(Math.abs((upperThin?.top ?? 0) - (upperThick?.bottom ?? 0) - GAP_MM)).toBeLessThanOrEqual(0.15);
    expect(Math.abs((lowerThick?.top ?? 0) - (lowerThin?.bottom ?? 0) - GAP_MM)).toBeLessThanOrEqual(0.15);
    expect(Math.abs((upperThick?.top ?? 0) - (word.mark?.bottom ?? 0) - 4)).toBeLessThanOrEqual(1);
    expect(Math.abs((lowerThin?.top ?? 0) - 277)).toBeLessThanOrEqual(0.5);
    // The 份号 line: from the type area's left edge (a digit's side bearing in) to its right (the 发文字号), where the print has it.
    expect(Math.abs((word.firstLine?.left ?? 0) - TYPE.left)).toBeLessThanOrEqual(1);
    expect(Math.abs((word.firstLine?.left ?? 0) - (print.firstLine?.left ?? 0))).toBeLessThanOrEqual(0.5);
    expect(Math.abs((word.firstLine?.right ?? 0) - TYPE.right)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((word.firstLine?.top ?? 0) - (print.firstLine?.top ?? 0))).toBeLessThanOrEqual(1.2);
    expect(Number((await pdfInfo(letter.wordPdf)).Pages)).toBe(Number((await pdfInfo(letter.printPdf ?? '')).Pages));
    const text = (await pdfText(letter.wordPdf)).replace(/\s+/g, '');
    expect(text).toMatch(/^秦皇岛市人民政府办公室000012秦政办函〔2024〕5号加急秦皇岛市人民政府办公室关于商请/);
  });

  it('LibreOffice: a 信函 of two pages as in print, the 标志 and double lines on the first page only, the page number on the second', async () => {
    const pages = Number((await pdfInfo(longLetter.wordPdf)).Pages);
    expect(pages).toBe(Number((await pdfInfo(longLetter.printPdf ?? '')).Pages));
    expect(pages).toBeGreaterThanOrEqual(2);
    const first = await rasterPage(longLetter.wordPdf, 1, 150);
    const second = await rasterPage(longLetter.wordPdf, 2, 150);
    expect(redBars(first, { top: 0, bottom: 297 })).toHaveLength(4);
    expect(inkBox(second, 'red')).toBeUndefined();
    const [one, two] = (await pdfText(longLetter.wordPdf)).split('\f');
    expect(two).toMatch(/—\s*2\s*—/);
    expect(longLetter.document).toContain('<w:titlePg/>');
    expect(one).not.toMatch(/—\s*\d+\s*—/);
  });
});

describe('the Word file of a 命令 (source/examples/ling.md)', () => {
  const markSize = () => Math.round(issuerMarkSizePt('秦皇岛市人民政府令') * 2) / 2;

  it('builds without problems; 标志, 令号, the text and the 署名 in that order', () => {
    expect(order.result.ok).toBe(true);
    expectStylesInOrder(order.styles);
    expect(order.body.map((paragraph) => paragraphStyle(paragraph))).toEqual(['GwIssuerMark', 'GwDocNumber', 'Normal', 'GwSignature', 'GwDate']);
    expect(texts(order, 'GwIssuerMark')).toEqual(['秦皇岛市人民政府令']);
    expect(texts(order, 'GwDocNumber')).toEqual(['第1号']);
    expect(texts(order, 'GwSignature')).toEqual(['秦皇岛市人民政府']);
    expect(order.anchors).toEqual([]);
  });

  it('the 标志 20 mm under the type area\'s top, the 令号 centred two blank lines under it, no separator, the text two blank lines under the 令号', () => {
    const mark = styleXml(order.styles, 'GwIssuerMark');
    const number = styleXml(order.styles, 'GwDocNumber');
    const size = markSize();
    const markLine = numberAttribute(mark, 'spacing', 'line') ?? 0;
    const markBefore = numberAttribute(mark, 'spacing', 'before') ?? 0;
    const glyphTop = markBefore + BASELINE_SHARE * markLine - MARK_INK_ASCENT * size * 20;
    expect(Math.abs(glyphTop - mmTwips(20))).toBeLessThanOrEqual(3);
    expect(textAttribute(number, 'jc', 'val')).toBe('center');
    const numberTop = markBefore + markLine + (numberAttribute(number, 'spacing', 'before') ?? 0);
    expect(Math.abs(numberTop - (glyphTop + 0.943 * size * 20 + 2 * LINE_TWIPS))).toBeLessThanOrEqual(3);
    expect(numberAttribute(number, 'spacing', 'after')).toBe(2 * LINE_TWIPS);
    expect(gongwenBorders(order.styles)).toEqual([]);
  });

  it('with 签发人: the 署名 is the 签发人 (职务 and name), not in the 版头', () => {
    expect(signedOrder.result.ok).toBe(true);
    expect(texts(signedOrder, 'GwSignature')).toEqual(['市长　张三']);
    expect(texts(signedOrder, 'GwDocNumber')).toEqual(['第1号']);
    expect(signedOrder.document).not.toContain('签发人：');
    expect(textAttribute(styleXml(signedOrder.styles, 'GwDocNumber'), 'jc', 'val')).toBe('center');
  });

  it('LibreOffice: the 标志 at 37 + 20 mm, the 令号 and the text where the print has them, no other red, one page as in print', async () => {
    const measure = async (file: string) => {
      const page = await rasterPage(file, 1, 300);
      const red = inkBands(page, 'red', { top: 0, bottom: 297 });
      const dark = inkBands(page, 'dark', { top: TYPE.top, bottom: TYPE.bottom, left: TYPE.left, right: TYPE.right });
      return { red, mark: inkBox(page, 'red'), dark };
    };
    const print = await measure(order.printPdf ?? '');
    const word = await measure(order.wordPdf);
    console.log(`命令 标志 top: print ${print.mark?.top.toFixed(2)}, LibreOffice ${word.mark?.top.toFixed(2)} mm; 令号 and text: print ${print.dark.slice(0, 2).map((band) => band.top.toFixed(2)).join(' ')}, LibreOffice ${word.dark.slice(0, 2).map((band) => band.top.toFixed(2)).join(' ')} mm`);
    expect(word.red).toHaveLength(1);
    expect(Math.abs((word.mark?.top ?? 0) - (TYPE.top + 20))).toBeLessThanOrEqual(1);
    expect(Math.abs(((word.mark?.left ?? 0) + (word.mark?.right ?? 0)) / 2 - (TYPE.left + TYPE.right) / 2)).toBeLessThanOrEqual(0.5);
    // The 令号 and the text's first line: LibreOffice sets text about 1 mm lower in its line than Chromium.
    for (const index of [0, 1]) expect(Math.abs((word.dark[index]?.top ?? 0) - (print.dark[index]?.top ?? 0)), `line ${index}`).toBeLessThanOrEqual(1.5);
    expect(Number((await pdfInfo(order.wordPdf)).Pages)).toBe(Number((await pdfInfo(order.printPdf ?? '')).Pages));
    expect((await pdfText(order.wordPdf)).replace(/[ \t]+/g, '')).toMatch(/秦皇岛市人民政府令\n+第1号\n/);
  });
});

describe('the Word file of a 纪要 (source/examples/jiyao.md)', () => {
  /** Where the names start: `出席：` (three characters with the body's letter spacing) two characters in. */
  const NAME_START = 2 * CHAR_TWIPS + 3 * (CHAR_TWIPS + SPACING_TWIPS);

  it('builds without problems; the 标志 and the separator as in a 文件, no 署名', () => {
    expect(minutes.result.ok).toBe(true);
    expectStylesInOrder(minutes.styles);
    expect(texts(minutes, 'GwIssuerMark')).toEqual(['秦皇岛市人民政府常务会议纪要']);
    expect(texts(minutes, 'GwDocNumber')).toEqual(['第3期']);
    const mark = styleXml(minutes.styles, 'GwIssuerMark');
    const size = Math.round(issuerMarkSizePt('秦皇岛市人民政府常务会议纪要') * 2) / 2;
    const glyphTop = (numberAttribute(mark, 'spacing', 'before') ?? 0) + BASELINE_SHARE * (numberAttribute(mark, 'spacing', 'line') ?? 0) - MARK_INK_ASCENT * size * 20;
    expect(Math.abs(glyphTop - mmTwips(35))).toBeLessThanOrEqual(3);
    expect(styleXml(minutes.styles, 'GwDocNumber')).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="E60012" w:sz="8"/);
    expect(texts(minutes, 'GwSignature')).toEqual([]);
    expect(texts(minutes, 'GwDate')).toEqual([]);
  });

  it('出席, 请假, 列席 after the text, each in its style, the label in 3号黑体 and the names in 仿宋', () => {
    const sequence = minutes.body.map((paragraph) => paragraphStyle(paragraph));
    expect(sequence.slice(-3)).toEqual(['GwAttendees', 'GwOnLeave', 'GwObservers']);
    expect(sequence.indexOf('GwAttendees')).toBeGreaterThan(sequence.lastIndexOf('Normal'));
    expect([...texts(minutes, 'GwAttendees'), ...texts(minutes, 'GwOnLeave'), ...texts(minutes, 'GwObservers')]).toEqual(['出席：张三，李四，王五，赵六', '请假：钱七（出差）', '列席：市政府办公室，市发展改革委，市财政局']);
    for (const [id, name] of [['GwAttendees', '出席人员'], ['GwOnLeave', '请假人员'], ['GwObservers', '列席人员']] as const) expect(styleXml(minutes.styles, id)).toContain(`<w:name w:val="${name}"/>`);
    const attendees = minutes.body.find((paragraph) => paragraphStyle(paragraph) === 'GwAttendees') ?? '';
    expect(attendees).toMatch(/<w:r><w:rPr><w:rStyle w:val="GwAttendanceLabel"\/><\/w:rPr><w:t xml:space="preserve">出席：<\/w:t><\/w:r><w:r><w:t xml:space="preserve">张三，李四，王五，赵六<\/w:t><\/w:r>/);
    const label = styleXml(minutes.styles, 'GwAttendanceLabel');
    expect(textAttribute(label, 'rFonts', 'eastAsia')).toBe('黑体');
    // The names in the paragraph's font, the body's 3号仿宋.
    expect(numberAttribute(styleXml(minutes.styles, 'GwAttendees'), 'sz', 'val')).toBeUndefined();
    expect(textAttribute(styleXml(minutes.styles, 'Normal'), 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
  });

  it('one blank line under the text, the label two characters in, later lines under the first name', () => {
    const style = (id: string) => styleXml(minutes.styles, id);
    for (const id of ['GwAttendees', 'GwOnLeave', 'GwObservers']) {
      expect(numberAttribute(style(id), 'ind', 'left'), id).toBe(NAME_START);
      expect(numberAttribute(style(id), 'ind', 'hanging'), id).toBe(NAME_START - 2 * CHAR_TWIPS);
      expect(numberAttribute(style(id), 'ind', 'firstLineChars'), id).toBe(0);
    }
    expect(numberAttribute(style('GwAttendees'), 'spacing', 'before')).toBe(LINE_TWIPS);
    expect(numberAttribute(style('GwOnLeave'), 'spacing', 'before')).toBe(0);
    expect(numberAttribute(style('GwObservers'), 'spacing', 'before')).toBe(0);
  });

  it('LibreOffice: the 标志 35 mm under the type area\'s top, the lists where the print has them, later lines under the first name, pages as in print', async () => {
    const measure = async (built: Built) => {
      const pages = Number((await pdfInfo(built.wordPdf)).Pages);
      const page = await rasterPage(built.wordPdf, pages, 300);
      const printPage = await rasterPage(built.printPdf ?? '', pages, 300);
      const lines = (raster: typeof page) => inkBands(raster, 'dark', { top: TYPE.top, bottom: TYPE.bottom, left: TYPE.left, right: TYPE.right }).map((band) => inkBox(raster, 'dark', { ...band, left: TYPE.left, right: TYPE.right }));
      return { pages, word: lines(page), print: lines(printPage), mark: inkBox(await rasterPage(built.wordPdf, 1, 300), 'red', { top: TYPE.top, bottom: TYPE.top + 60 }) };
    };
    const short = await measure(minutes);
    expect(short.pages).toBe(Number((await pdfInfo(minutes.printPdf ?? '')).Pages));
    expect(Math.abs((short.mark?.top ?? 0) - (TYPE.top + 35))).toBeLessThanOrEqual(1);
    // The last three lines: 出席, 请假, 列席, two characters in, one line apart; one blank line above them.
    const [attendees, onLeave, observers] = short.word.slice(-3);
    const lastText = short.word.at(-4);
    const pitch = ptMm(LINE_TWIPS / 20);
    // (The label's first glyph starts its side bearing in: up to a millimetre in the faces here.)
    for (const line of [attendees, onLeave, observers]) expect((line?.left ?? 0) - (TYPE.left + ptMm(2 * 16))).toBeGreaterThanOrEqual(0);
    for (const line of [attendees, onLeave, observers]) expect((line?.left ?? 0) - (TYPE.left + ptMm(2 * 16))).toBeLessThanOrEqual(1.2);
    expect(Math.abs((onLeave?.top ?? 0) - (attendees?.top ?? 0) - pitch)).toBeLessThanOrEqual(0.3);
    expect(Math.abs((attendees?.top ?? 0) - (lastText?.top ?? 0) - 2 * pitch)).toBeLessThanOrEqual(0.3);
    const printed = short.print.slice(-3);
    for (const [index, line] of [attendees, onLeave, observers].entries()) expect(Math.abs((line?.left ?? 0) - (printed[index]?.left ?? 0))).toBeLessThanOrEqual(0.5);
    // A list of 出席 that runs over a line: its second line starts under the first name, as in print.
    const long = await measure(longMinutes);
    expect(long.pages).toBe(Number((await pdfInfo(longMinutes.printPdf ?? '')).Pages));
    // 出席 on two lines, then 请假 and 列席.
    const longLines = long.word.slice(-4);
    const longPrinted = long.print.slice(-4);
    expect(long.word.length).toBe(long.print.length);
    console.log(`纪要 出席's second line starts at: print ${longPrinted[1]?.left.toFixed(2)}, LibreOffice ${longLines[1]?.left.toFixed(2)} mm`);
    expect((longLines[1]?.left ?? 0) - (TYPE.left + ptMm(NAME_START / 20))).toBeGreaterThanOrEqual(0);
    expect((longLines[1]?.left ?? 0) - (TYPE.left + ptMm(NAME_START / 20))).toBeLessThanOrEqual(1.2);
    expect(Math.abs((longLines[1]?.left ?? 0) - (longPrinted[1]?.left ?? 0))).toBeLessThanOrEqual(0.5);
    expect((await pdfText(minutes.wordPdf)).replace(/[ \t]+/g, '')).toMatch(/出席：张三，李四，王五，赵六\n+请假：钱七（出差）\n+列席：市政府办公室，市发展改革委，市财政局/);
  });
});
