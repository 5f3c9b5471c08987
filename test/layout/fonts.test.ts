import { execFileSync } from 'node:child_process';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodepointSet, parseUnicodeRange } from '../../pipeline/fonts/codepoints.ts';
import { checkGlyphs, MISSING_GLYPH } from '../../pipeline/fonts/check-glyphs.ts';
import { fontCoverage } from '../../pipeline/fonts/coverage.ts';
import { resolvePrintFonts } from '../../pipeline/fonts/print-fonts.ts';
import { readFontFile } from '../../pipeline/fonts/sfnt.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { reportFrom } from '../helpers/report.ts';
import { pdfFonts, printMarkdown, removeTempDirs } from './support.ts';

/** The Kai face of gov-report, installed by the Debian package fonts-lxgw-wenkai. */
const WENKAI = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf';
/** A TrueType CJK face that is not one of the template's, standing in for a licensed 仿宋_GB2312 file. */
const STAND_IN = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKaiMono-Regular.ttf';

const HEADINGS = `---
title: 政府工作报告
subtitle: ——2024年1月在市人民代表大会上
---

# 一、第一部分

## （一）第一节

### 1. 第一小节

正文段落，**一是加粗的引导句。**后面接着正文。
`;

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

/** The families of a PDF's fonts (subset prefix removed). */
async function families(file: string): Promise<string[]> {
  return [...new Set((await pdfFonts(file)).map((font) => font.name.replace(/^[A-Z]{6}\+/, '')))].sort();
}

describe('reading fonts', () => {
  it('reads the cmap and outline format of a TrueType file', async () => {
    const info = await readFontFile(WENKAI);
    expect(info.outlines).toBe('truetype');
    expect(info.variable).toBe(false);
    expect(info.codepoints.has(0x6977)).toBe(true); // 楷
    expect(info.codepoints.has(0x13000)).toBe(false);
    expect(info.codepoints.size).toBeGreaterThan(20_000);
  });

  it('parses unicode-range and combines code point sets', () => {
    const range = parseUnicodeRange('U+4e00-4e02, U+30??, U+20');
    expect(range?.has(0x4e01)).toBe(true);
    expect(range?.has(0x30ff)).toBe(true);
    expect(range?.has(0x21)).toBe(false);
    const both = CodepointSet.fromRanges([[1, 5], [10, 20]]).intersect(CodepointSet.fromRanges([[4, 12]]));
    expect(both.ranges).toEqual([[4, 5], [10, 12]]);
    expect(parseUnicodeRange('nonsense')).toBeUndefined();
  });

  it("covers each gov-report family from its own files (fontsource WOFF cmaps within their unicode-range; Debian TTF)", async () => {
    const coverage = await fontCoverage(resolvePrintFonts(await loadTemplate('gov-report', { env: {} })));
    expect(coverage.problems).toEqual([]);
    expect([...coverage.families.keys()].sort()).toEqual(['LXGW WenKai', 'Noto Sans SC', 'Noto Serif SC']);
    for (const set of coverage.families.values()) {
      expect(set.has(0x653f)).toBe(true); // 政
      expect(set.has(0x3001)).toBe(true); // 、
    }
  });
});

describe('the FangSong setting', () => {
  it('without a setting, the body falls back to the open substitute (Noto Serif SC)', async () => {
    const fonts = resolvePrintFonts(await loadTemplate('gov-report', { env: {} }));
    expect(fonts.problems).toEqual([]);
    expect(fonts.stacks.body.slice(0, 2)).toEqual(['Noto Serif SC CJK', 'Noto Serif SC']);
    expect(fonts.stacks.heading1.slice(0, 2)).toEqual(['Noto Sans SC CJK', 'Noto Sans SC']);
    expect(fonts.stacks.heading2[0]).toBe('LXGW WenKai');
    expect(fonts.families.find((family) => family.family === 'Press FangSong')).toEqual({ family: 'Press FangSong', source: 'PRESS_FONT_FANGSONG (not set)', available: false });
  });

  it('PRESS_FONT_FANGSONG=<file> puts that file first in the body stack', async () => {
    const fonts = resolvePrintFonts(await loadTemplate('gov-report', { env: { PRESS_FONT_FANGSONG: STAND_IN } }));
    expect(fonts.problems).toEqual([]);
    expect(fonts.stacks.body).toEqual(['Press FangSong', 'Noto Serif SC CJK', 'Noto Serif SC', 'Noto Sans SC CJK', 'Noto Sans SC', 'LXGW WenKai']);
    expect(fonts.localFaces.find((face) => face.family === 'Press FangSong')?.file).toBe(STAND_IN);
  });

  it('a setting that names no usable font file is a problem, not a silent fallback', async () => {
    for (const value of ['/nonexistent/fangsong.ttf', '/etc/passwd']) {
      const fonts = resolvePrintFonts(await loadTemplate('gov-report', { env: { PRESS_FONT_FANGSONG: value } }));
      expect(fonts.problems.join('\n')).toMatch(/^PRESS_FONT_FANGSONG=/);
      expect(fonts.stacks.body[1]).toBe('Noto Serif SC');
    }
  });

  it('PRESS_FONT_FANGSONG=system uses an installed FangSong face, or says there is none', async () => {
    const fonts = resolvePrintFonts(await loadTemplate('gov-report', { env: { PRESS_FONT_FANGSONG: 'system' } }));
    const installed = execFileSync('fc-list', [':lang=zh', 'family']).toString();
    if (/仿宋|FangSong/i.test(installed)) {
      expect(fonts.problems).toEqual([]);
      expect(fonts.stacks.body[0]).toBe('Press FangSong');
    } else {
      expect(fonts.problems).toEqual([expect.stringMatching(/^PRESS_FONT_FANGSONG=system: no installed face named 仿宋_GB2312/)]);
    }
  });

  it('prints the body in the configured file, embedded as a subset TrueType font', async () => {
    const printed = await printMarkdown(browser, HEADINGS, { env: { PRESS_FONT_FANGSONG: STAND_IN } });
    expect(printed.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    const names = await families(printed.file);
    expect(names).toContain('LXGWWenKaiMono-Regular');
    for (const font of await pdfFonts(printed.file)) expect(font.type, font.name).toBe('CID TrueType');
  });
});

describe('typefaces of the gov-report print edition', () => {
  it('sets level-1 headings in Hei, level-2 in Kai, the rest and the title in the Song/FangSong substitute; no Type 3', async () => {
    const printed = await printMarkdown(browser, HEADINGS, { env: {} });
    expect(printed.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    const names = await families(printed.file);
    console.log('fonts of the headings document:', names.join(', '));
    expect(names.some((name) => name.startsWith('NotoSansSC'))).toBe(true);
    expect(names.some((name) => name.startsWith('LXGWWenKai-'))).toBe(true);
    expect(names.some((name) => name.startsWith('NotoSerifSC') && name.endsWith('-Regular'))).toBe(true);
    expect(names.some((name) => name.startsWith('NotoSerifSC') && name.endsWith('-Bold'))).toBe(true); // title, bold lead sentence
    expect(names.some((name) => name.startsWith('LXGWWenKaiMono'))).toBe(false); // nothing from outside the template
    for (const font of await pdfFonts(printed.file)) {
      expect(font.type, font.name).toBe('CID TrueType');
      expect(font.embedded && font.subset, font.name).toBe(true);
    }
  });
});

describe('missing glyphs', () => {
  it('a character no print font has is an error at its source line and column', async () => {
    const report = await reportFrom('---\ntitle: 报告𠀀\n---\n\n第一段。\n\n第二段有个𓀀字，还有㐀。\n\n- 列表里的ก\n');
    const fonts = resolvePrintFonts(await loadTemplate('gov-report', { env: {} }));
    const coverage = await fontCoverage(fonts);
    const all = [...coverage.families.values()].reduce((union, set) => union.union(set), CodepointSet.empty());
    expect(checkGlyphs(report, all, ['Noto Serif SC'])).toBe(4);
    const messages = report.file.messages.filter((message) => message.ruleId === MISSING_GLYPH);
    expect(messages.map((message) => `${message.line}:${message.column} ${message.fatal === true ? 'error' : 'warning'}`)).toEqual(['2:1 error', '7:6 error', '7:12 error', '9:7 error']);
    expect(messages[1]?.reason).toContain('“𓀀” (U+13000)');
  });

  it('fails the PDF build with the error', async () => {
    const printed = await printMarkdown(browser, '---\ntitle: 报告\n---\n\n正文里有一个𓀀字。\n', { env: {} });
    const errors = printed.report.file.messages.filter((message) => message.fatal === true);
    expect(errors.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['5:7 missing-glyph']);
  });
});
