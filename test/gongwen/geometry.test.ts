// The 公文 (template gongwen) printed, measured from the PDF as GB/T 9704-2012 gives it (±0.5 mm):
// the red 发文机关标志 35 mm under the type area's top, centred, no wider than the type area;
// the red separator the type area's width, 4 mm under the 发文字号; the title broken between
// words; 附件 on new pages; the 版记 at the foot of the last page, an even one, its rules 0.35
// and 0.25 mm, its last rule on the type area's bottom edge; a 版记 that needs a page of its own
// gets the next even one.
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { printMarkdown, printSource, removeTempDirs, pageTexts, rows, textLayout, tempDir, type Printed, type TextLine } from '../layout/support.ts';
import { writeFile } from 'node:fs/promises';
import { pngBytes } from '../helpers/png.ts';
import { inkBands, inkBox, rasterPage } from './ink.ts';
import path from 'node:path';

const TYPE_TOP = 37;
const TYPE_BOTTOM = 297 - 35;
const TYPE_LEFT = 28;
const TYPE_RIGHT = 210 - 26;

let browser: Browser;
let notice: Printed;
/** Prints of texts of several lengths, by their number of paragraphs. */
let lengths: [number, Printed][];
let sealed: Printed;
/** The shipped examples of the other formats: 信函, 命令, 纪要. */
let letter: Printed;
let order: Printed;
let minutes: Printed;

/** A 公文 whose text is `paragraphs` paragraphs long, with a 版记. */
const gongwen = (paragraphs: number) => `---
template: gongwen
author: 某市人民政府
发文字号: 某政〔2024〕3号
标题: 某市人民政府关于开展安全检查的通知
主送机关: 各区人民政府：
成文日期: 2024-01-20
抄送机关: 市委办公室
印发机关: 某市人民政府办公室
印发日期: 2024-01-20
---

${Array.from({ length: paragraphs }, (_, index) => `第${index + 1}段。各区要认真组织开展安全检查，落实责任，消除隐患，确保安全。`).join('\n\n')}
`;

beforeAll(async () => {
  browser = await startBrowser();
  notice = await printSource(browser, path.resolve(import.meta.dirname, '../../source/examples/tongzhi.md'));
  const example = (name: string) => printSource(browser, path.resolve(import.meta.dirname, `../../source/examples/${name}.md`));
  [letter, order, minutes] = await Promise.all([example('han'), example('ling'), example('jiyao')]);
  const sealDir = await tempDir('seal');
  // A seal that is a red disc's bounding square: its ink box is the image's box.
  await writeFile(path.join(sealDir, 'seal.png'), pngBytes(64, 64, [230, 0, 18]));
  sealed = await printMarkdown(browser, gongwen(2).replace('成文日期: 2024-01-20', '成文日期: 2024-01-20\n印章: seal.png'), { dir: sealDir });
  lengths = await Promise.all([3, 10, 13, 14, 18].map(async (paragraphs): Promise<[number, Printed]> => [paragraphs, await printMarkdown(browser, gongwen(paragraphs))]));
}, 120_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

describe('公文 geometry, 文件格式', () => {
  it('prints the 发文机关标志 in red, its top 35 mm under the type area, centred, within the type area', async () => {
    const page = await rasterPage(notice.file, 1, 300);
    const mark = inkBox(page, 'red', { top: TYPE_TOP, bottom: TYPE_TOP + 60 });
    expect(mark).toBeDefined();
    if (!mark) return;
    expect(Math.abs(mark.top - (TYPE_TOP + 35))).toBeLessThanOrEqual(0.5);
    expect(Math.abs((mark.left + mark.right) / 2 - (TYPE_LEFT + TYPE_RIGHT) / 2)).toBeLessThanOrEqual(0.5);
    expect(mark.left).toBeGreaterThanOrEqual(TYPE_LEFT - 0.1);
    expect(mark.right).toBeLessThanOrEqual(TYPE_RIGHT + 0.1);
  });

  it('draws the red separator the type area\'s width, 4 mm under the 发文字号', async () => {
    const page = await rasterPage(notice.file, 1, 300);
    const red = inkBands(page, 'red', { top: TYPE_TOP, bottom: 160 });
    const separator = red[red.length - 1];
    const mark = red[0];
    expect(red.length).toBeGreaterThanOrEqual(2);
    if (!separator || !mark) return;
    const line = inkBox(page, 'red', { top: separator.top - 0.05, bottom: separator.bottom + 0.05 });
    expect(Math.abs((line?.left ?? 0) - TYPE_LEFT)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((line?.right ?? 0) - TYPE_RIGHT)).toBeLessThanOrEqual(0.5);
    const number = inkBands(page, 'dark', { top: mark.bottom, bottom: separator.top, left: TYPE_LEFT, right: TYPE_RIGHT });
    expect(number).toHaveLength(1);
    expect(Math.abs(separator.top - (number[0]?.bottom ?? 0) - 4)).toBeLessThanOrEqual(0.5);
  });

  it('breaks the title between words and starts each 附件 on a new page with its mark', async () => {
    const texts = await pageTexts(notice.file);
    expect((texts[0] ?? '').replace(/[ \t]+/g, '')).toMatch(/\n秦皇岛市人民政府关于做好2024年\n春节期间安全生产工作的通知\n/);
    const squashed = texts.map((text) => text.replace(/[ \t]+/g, ''));
    const attachmentPages = squashed.map((text, index) => (/^\s*附件1\n/.test(text) ? index : -1)).filter((index) => index >= 0);
    expect(attachmentPages).toHaveLength(1);
    expect(squashed.findIndex((text) => /^\s*附件2\n/.test(text))).toBe((attachmentPages[0] ?? 0) + 1);
  });

  it('puts the 版记 at the foot of the last page, an even one, with its rules', async () => {
    const pages = await pageTexts(notice.file);
    expect(pages.length % 2).toBe(0);
    expect(pages[pages.length - 1]).toContain('抄送：');
    const last = await rasterPage(notice.file, pages.length, 600);
    const rules = inkBands(last, 'dark', { top: TYPE_TOP, bottom: TYPE_BOTTOM + 5, left: TYPE_LEFT, right: TYPE_RIGHT }, 0.95);
    expect(rules).toHaveLength(3);
    for (const [rule, width] of [[rules[0], 0.35], [rules[1], 0.25], [rules[2], 0.35]] as const) expect(Math.abs((rule?.bottom ?? 0) - (rule?.top ?? 0) - width)).toBeLessThanOrEqual(0.06);
    expect(Math.abs((rules[2]?.bottom ?? 0) - TYPE_BOTTOM)).toBeLessThanOrEqual(0.5);
  });

  it('keeps the 版记 on the last page, an even one, for any length of text: on the text\'s last page, alone on the next, or after a blank page, never numbered alone', async () => {
    const seen = new Set<string>();
    for (const [paragraphs, printed] of lengths) {
      const pages = await pageTexts(printed.file);
      const label = `${paragraphs} paragraphs`;
      expect(pages.length % 2, label).toBe(0);
      expect(pages.slice(0, -1).join(''), label).not.toContain('抄送');
      expect(pages[pages.length - 1], label).toContain('抄送：市委办公室。');
      const lastText = pages.map((text) => /第\s*\d+\s*段/.test(text)).lastIndexOf(true);
      const kind = lastText === pages.length - 1 ? 'same page' : lastText === pages.length - 2 ? 'own page' : 'after a blank page';
      seen.add(kind);
      for (const [index, text] of pages.entries()) {
        const numbered = /—\s*\d+\s*—/.test(text);
        // Pages of text are numbered; a blank page and a 版记 page of its own are not.
        expect(numbered, `${label}, page ${index + 1}`).toBe(index <= lastText);
        if (index > lastText && index < pages.length - 1) expect(text.trim(), `${label}, blank page ${index + 1}`).toBe('');
      }
      const last = await rasterPage(printed.file, pages.length, 600);
      const rules = inkBands(last, 'dark', { top: TYPE_TOP, bottom: TYPE_BOTTOM + 5, left: TYPE_LEFT, right: TYPE_RIGHT }, 0.95);
      expect(rules, label).toHaveLength(3);
      expect(Math.abs((rules[2]?.bottom ?? 0) - TYPE_BOTTOM), label).toBeLessThanOrEqual(0.5);
    }
    for (const [, printed] of lengths) expect(printed.report.file.messages.filter((message) => message.ruleId === 'gongwen-record-placement')).toEqual([]);
    // The lengths cover every case (the text's own last page, a page of its own, a blank page before it).
    expect([...seen].sort()).toEqual(['after a blank page', 'own page', 'same page']);
  });

  it('sets 署名 and date without a seal: the 署名 two characters in from the right, the date under it two characters further in', async () => {
    const [first] = await textLayout(lengths[0]?.[1].file ?? '');
    const lines = first ? rows(first) : [];
    const signature = lines.find((line) => line.text === '某市人民政府');
    const date = lines.find((line) => line.text === '2024年1月20日');
    expect(signature && date).toBeTruthy();
    if (!signature || !date) return;
    const pt = (mm: number) => (mm / 25.4) * 72;
    expect(Math.abs(pt(TYPE_RIGHT) - signature.xMax - 32)).toBeLessThanOrEqual(pt(0.5));
    // The date (longer than the 署名 here) starts two characters right of the 署名's start, or ends where it does.
    if (date.xMax - date.xMin + 32 <= signature.xMax - signature.xMin) expect(Math.abs(date.xMin - signature.xMin - 32)).toBeLessThanOrEqual(pt(0.5));
    else expect(Math.abs(date.xMax - signature.xMax)).toBeLessThanOrEqual(pt(0.5));
    expect(date.yMin).toBeGreaterThan(signature.yMax - 1);
  });

  it('puts a seal over 署名 and date: the date four characters in, both centred in the seal\'s lower half, its top within a line of the text', async () => {
    const [first] = await textLayout(sealed.file);
    const lines = first ? rows(first) : [];
    const signature = lines.find((line) => line.text === '某市人民政府');
    const date = lines.find((line) => line.text === '2024年1月20日');
    const lastText = [...lines].reverse().find((line: TextLine) => /段/.test(line.text) || line.text.includes('确保安全'));
    expect(signature && date && lastText).toBeTruthy();
    if (!signature || !date || !lastText) return;
    const mm = (pt: number) => (pt / 72) * 25.4;
    expect(Math.abs(TYPE_RIGHT - mm(date.xMax) - mm(64))).toBeLessThanOrEqual(0.5);
    expect(Math.abs((signature.xMin + signature.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThanOrEqual(1.5);
    const page = await rasterPage(sealed.file, 1, 300);
    const seal = inkBox(page, 'red', { top: mm(lastText.yMin), bottom: TYPE_BOTTOM });
    expect(seal).toBeDefined();
    if (!seal) return;
    expect(Math.abs(seal.right - seal.left - 42)).toBeLessThanOrEqual(0.5);
    const centreX = (seal.left + seal.right) / 2;
    expect(Math.abs(centreX - mm((date.xMin + date.xMax) / 2))).toBeLessThanOrEqual(1);
    const centreY = (seal.top + seal.bottom) / 2;
    // 署名 and date in the seal's lower half, inside it.
    expect(mm(signature.yMin)).toBeGreaterThan(centreY - 8);
    expect(mm(date.yMax)).toBeLessThan(seal.bottom);
    expect(mm(signature.yMin)).toBeGreaterThan(seal.top);
    // Its top under the text's last line, within one line (10.2 mm) of it.
    expect(seal.top).toBeGreaterThan(mm(lastText.yMax));
    expect(seal.top - mm(lastText.yMax)).toBeLessThanOrEqual(10.3);
  });
});

describe('公文 geometry, 信函, 命令 and 纪要', () => {
  it('信函: the 标志 30 mm from the page\'s top, red double lines 170 mm wide 4 mm under it and 20 mm from the foot, no page number on the first page', async () => {
    const page = await rasterPage(letter.file, 1, 300);
    const bands = inkBands(page, 'red');
    const [mark, upperThick, upperThin] = bands;
    expect(mark && upperThick && upperThin).toBeTruthy();
    if (!mark || !upperThick || !upperThin) return;
    expect(Math.abs(mark.top - 30)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(upperThick.top - mark.bottom - 4)).toBeLessThanOrEqual(0.5);
    // Upper thick, lower thin.
    expect(upperThick.bottom - upperThick.top).toBeGreaterThan(upperThin.bottom - upperThin.top);
    const lines = inkBox(page, 'red', { top: upperThick.top - 0.05, bottom: upperThin.bottom + 0.05 });
    expect(Math.abs((lines?.right ?? 0) - (lines?.left ?? 0) - 170)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(((lines?.right ?? 0) + (lines?.left ?? 0)) / 2 - (TYPE_LEFT + TYPE_RIGHT) / 2)).toBeLessThanOrEqual(0.5);
    const foot = bands.filter((band) => band.top > 250);
    expect(foot).toHaveLength(2);
    expect(Math.abs((foot[0]?.top ?? 0) - 277)).toBeLessThanOrEqual(0.5);
    // Upper thin, lower thick.
    expect((foot[0]?.bottom ?? 0) - (foot[0]?.top ?? 0)).toBeLessThan((foot[1]?.bottom ?? 0) - (foot[1]?.top ?? 0));
    const footBox = inkBox(page, 'red', { top: 270 });
    expect(Math.abs((footBox?.right ?? 0) - (footBox?.left ?? 0) - 170)).toBeLessThanOrEqual(0.5);
    const [first] = await pageTexts(letter.file);
    expect(first).not.toMatch(/—\s*\d+\s*—/);
    // 份号 at the left and 发文字号 at the right on the first line under the double line.
    const [layout] = await textLayout(letter.file);
    const row = (layout ? rows(layout) : []).find((line) => line.text.includes('000012'));
    expect(row?.text.replace(/\s/g, '')).toBe('000012秦政办函〔2024〕5号');
    const mm = (pt: number) => (pt / 72) * 25.4;
    expect(Math.abs(mm(row?.xMax ?? 0) - TYPE_RIGHT)).toBeLessThanOrEqual(0.5);
    expect(mm(row?.yMin ?? 0)).toBeGreaterThan(upperThin.bottom);
  });

  it('命令: the 标志 (…令) 20 mm under the type area\'s top, the 令号 under it, no separator', async () => {
    const page = await rasterPage(order.file, 1, 300);
    const bands = inkBands(page, 'red');
    expect(bands).toHaveLength(1);
    expect(Math.abs((bands[0]?.top ?? 0) - (TYPE_TOP + 20))).toBeLessThanOrEqual(0.5);
    const [first] = await pageTexts(order.file);
    expect((first ?? '').replace(/[ \t]+/g, '')).toMatch(/秦皇岛市人民政府令\n第1号\n/);
  });

  it('纪要: its red 标志 35 mm under the type area\'s top, and 出席, 请假, 列席 after the text', async () => {
    const page = await rasterPage(minutes.file, 1, 300);
    const mark = inkBox(page, 'red', { top: TYPE_TOP, bottom: TYPE_TOP + 60 });
    expect(Math.abs((mark?.top ?? 0) - (TYPE_TOP + 35))).toBeLessThanOrEqual(0.5);
    const text = (await pageTexts(minutes.file)).join('').replace(/[ \t]+/g, '');
    expect(text).toContain('秦皇岛市人民政府常务会议纪要');
    expect(text).toMatch(/出席：张三，李四，王五，赵六\n请假：钱七（出差）\n列席：市政府办公室，市发展改革委，市财政局/);
    expect(text.indexOf('出席')).toBeGreaterThan(text.indexOf('会议审议通过'));
  });
});

describe('a 版记 that cannot be placed', () => {
  it('is a warning, never a silent wrong page: a 抄送 longer than a page', async () => {
    const organs = Array.from({ length: 400 }, (_, index) => `第${index + 1}区人民政府办公室`).join(', ');
    const printed = await printMarkdown(browser, gongwen(2).replace('抄送机关: 市委办公室', `抄送机关: [${organs}]`));
    const warnings = printed.report.file.messages.filter((message) => message.ruleId === 'gongwen-record-placement');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.fatal).toBe(false);
  });
});

