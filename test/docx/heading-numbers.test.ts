/**
 * Heading numbers (issue 4, point 2): a source that writes its numbers (`一、`, `（一）`) keeps
 * them as text and is never numbered twice; where the template asks for automatic numbering
 * (gov-report: 一、 （一） 1. （1）), the Word file uses real Word numbering with Chinese counting,
 * and the web page and the print PDF show the same numbers.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { formatChineseNumber as chineseCounting } from '../../pipeline/transform/support/chinese-numerals.ts';
import { squash } from '../helpers/block-text.ts';
import { pdfText } from '../helpers/read-back.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { paragraphs, paragraphStyle, partText, readDocx } from './read-docx.ts';

const run = promisify(execFile);

const UNNUMBERED = `---
title: 自动编号
lang: zh-CN
toc: true
---

# 总体要求

正文。

## 主要目标

正文。

### 经济指标

#### 增长率

## 重点任务

# 工作安排

## 第一阶段
`;

describe('Chinese counting as Word writes it', () => {
  it.each([
    [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [99, '九十九'],
    [100, '一百'], [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'], [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'],
  ])('%i → %s', (value, text) => {
    expect(chineseCounting(value)).toBe(text);
  });
});

describe('a gov-report source without written numbers gets automatic numbers', async () => {
  const dir = await temporaryFolder('press-heading-numbers-');
  await writeFiles(dir, { 'report.md': UNNUMBERED });
  const result = await build({ input: path.join(dir, 'report.md'), outDir: path.join(dir, 'out'), formats: ['pdf', 'docx', 'html'] });

  it('builds', () => {
    expect(result.ok).toBe(true);
  });

  it('Word: real numbering with Chinese counting on the heading paragraphs, the text as written', async () => {
    const docx = readDocx(new Uint8Array(await readFile(path.join(dir, 'out/report.docx'))));
    const numbering = docx.xml('word/numbering.xml');
    const abstract = [...numbering.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)".*?<\/w:abstractNum>/gs)].find((match) => match[0].includes('<w:lvlText w:val="%1、"/>'));
    expect(abstract?.[0]).toMatch(/<w:lvl w:ilvl="0"[^>]*>.*?<w:numFmt w:val="chineseCounting"\/><w:suff w:val="nothing"\/><w:lvlText w:val="%1、"\/>/s);
    expect(abstract?.[0]).toMatch(/<w:lvl w:ilvl="1"[^>]*>.*?<w:numFmt w:val="chineseCounting"\/><w:suff w:val="nothing"\/><w:lvlText w:val="（%2）"\/>/s);
    const numIds = [...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"\/>/g)].filter((match) => match[2] === abstract?.[1]).map((match) => match[1]);
    expect(numIds.length).toBeGreaterThan(0);

    const headings = paragraphs(docx.xml('word/document.xml')).filter((paragraph) => /^Heading\d$/.test(paragraphStyle(paragraph) ?? ''));
    expect(headings.map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).trim(), /<w:ilvl w:val="(\d)"\/>/.exec(paragraph)?.[1]])).toEqual([
      ['Heading1', '总体要求', '0'],
      ['Heading2', '主要目标', '1'],
      ['Heading3', '经济指标', '2'],
      ['Heading4', '增长率', '3'],
      ['Heading2', '重点任务', '1'],
      ['Heading1', '工作安排', '0'],
      ['Heading2', '第一阶段', '1'],
    ]);
    for (const heading of headings) expect(numIds).toContain(/<w:numId w:val="(\d+)"\/>/.exec(heading)?.[1]);
    // The contents' cached entries show the numbers Word will show.
    expect(partText(docx.xml('word/document.xml'))).toContain('一、总体要求');
    expect(partText(docx.xml('word/document.xml'))).toContain('（一）第一阶段');
  });

  it('HTML and PDF show the same numbers, in the headings and the contents', async () => {
    const html = await readFile(path.join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('<h2 id="总体要求"><span class="heading-number">一、</span>总体要求</h2>');
    expect(html).toContain('<span class="heading-number">（二）</span>重点任务');
    expect(html).toContain('<span class="heading-number">（1）</span>增长率');
    const text = squash(await pdfText(path.join(dir, 'out/report.pdf')));
    for (const heading of ['一、总体要求', '（一）主要目标', '1.经济指标', '（1）增长率', '（二）重点任务', '二、工作安排', '（一）第一阶段']) {
      // Once in the contents, once as the heading.
      expect(text.split(heading).length - 1, heading).toBe(2);
    }
  });

  it('LibreOffice, a second client, shows the numbers Word numbering gives', { timeout: 300_000 }, async () => {
    const profile = path.join(dir, 'lo-profile');
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), path.join(dir, 'out/report.docx')], { timeout: 240_000 });
    const text = squash(await pdfText(path.join(dir, 'lo/report.pdf')));
    for (const heading of ['一、总体要求', '（一）主要目标', '1.经济指标', '（1）增长率', '（二）重点任务', '二、工作安排', '（一）第一阶段']) expect(text).toContain(heading);
  });
});

describe('a source that writes its own numbers is never numbered twice', () => {
  it('the sample: no Word numbering on its headings, the numbers once in every output', async () => {
    const dir = await temporaryFolder('press-heading-numbers-');
    const result = await build({ input: path.resolve(import.meta.dirname, '../../source/report.md'), outDir: dir, formats: ['docx', 'html'] });
    expect(result.ok).toBe(true);
    const docx = readDocx(new Uint8Array(await readFile(path.join(dir, 'report.docx'))));
    const headings = paragraphs(docx.xml('word/document.xml')).filter((paragraph) => /^Heading\d$/.test(paragraphStyle(paragraph) ?? ''));
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading).not.toContain('<w:numPr>');
    expect(partText(headings[0] ?? '').trim()).toBe('一、2023年工作回顾');
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain('heading-number');
    expect(html.split('一、2023年工作回顾').length - 1).toBe(2); // the heading and its contents entry
  });
});
