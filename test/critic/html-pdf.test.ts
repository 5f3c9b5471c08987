import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { VFile } from 'vfile';
import { build } from '../../pipeline/build.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import type { SuggestionMode } from '../../pipeline/transform/remark-suggestions.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { pdfBodyText } from '../helpers/read-back.ts';
import { messageSummary, temporaryFolder, writeFiles } from '../helpers/report.ts';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const ZH = `---
title: 修订测试
lang: zh-CN
date: 2024-12-10
---

# 一、总体情况

今年经济运行{++，加快建设++}{>>市发展改革委 2024-12-01<<}总体平稳，{--旧的表述--}{>>市财政局 2024-12-02<<}稳中有进。

{~~全年目标~>年度目标~~}{>>市统计局 2024-12-03<<}基本完成，{==增长5.2%==}{>>市统计局: 请核对口径<<}。

| 指标 | 值 |
| --- | --- |
| 增速 | {~~5.0~>5.2~~} |

第三段{--移走的句子。--}{>>张三 2024-12-04: move:m1<<}结束。末段{++移走的句子。++}{>>张三 2024-12-04: move:m1<<}
`;

const EN = `---
title: Review test
lang: en
date: 2024-12-10
---

# Overview

The economy {~~grew~>expanded~~}{>>Finance Office 2024-12-01<<} steadily{++ this year++}, {--and quickly--}.

A comment{>>Statistics: check the figure<<} at a point.
`;

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await startBrowser();
  dir = await temporaryFolder();
  await writeFiles(dir, { 'zh.md': ZH, 'en.md': EN });
});
afterAll(async () => {
  await closeBrowser(browser);
});

async function reportOf(name: string, mode: SuggestionMode, print: boolean) {
  const file = new VFile({ path: path.join(dir, name), value: name === 'zh.md' ? ZH : EN });
  file.data.suggestions = { mode, print };
  return parseReport(file);
}

async function pageOf(name: string): Promise<Page> {
  const report = await reportOf(name, 'pending', false);
  const template = await loadTemplate(report.meta.template);
  return loadHtml(browser, await renderHtml(report, template, { date: new Date(0), variant: 'screen' }));
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags: string[]) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, AXE_TAGS);
  return violations.map((violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/** The PDF of a report with its suggestions treated as `mode`, as text. */
async function pdfOf(name: string, mode: SuggestionMode): Promise<string> {
  const report = await reportOf(name, mode, true);
  expect(messageSummary(report).filter((line) => line.includes('error'))).toEqual([]);
  const template = await loadTemplate(report.meta.template);
  const file = path.join(dir, `${name}-${mode}.pdf`);
  await writeFile(file, await renderPdf(report, template, { date: new Date(0), browser }));
  return (await pdfBodyText(file)).replace(/\s+/g, '');
}

describe('suggestions on the web page', { timeout: 300_000 }, () => {
  it('marks insertions and deletions with a visible, spoken label in the page’s language, comments as notes', async () => {
    const page = await pageOf('zh.md');
    const read = await page.evaluate(() => ({
      labels: [...document.querySelectorAll('.suggestion-label')].map((label) => ({ text: label.textContent, visible: label.getBoundingClientRect().width > 0, hidden: label.closest('[aria-hidden="true"]') !== null })),
      inserted: [...document.querySelectorAll('ins')].map((element) => element.textContent),
      deleted: [...document.querySelectorAll('del')].map((element) => element.textContent),
      notes: [...document.querySelectorAll('[role="note"]')].map((note) => note.textContent),
      marked: [...document.querySelectorAll('mark')].map((element) => element.textContent),
      underline: getComputedStyle(document.querySelector('ins') ?? document.body).textDecorationLine,
      strike: getComputedStyle(document.querySelector('del') ?? document.body).textDecorationLine,
    }));
    expect(read.labels.map((label) => label.text)).toEqual(['【插入：市发展改革委 2024-12-01】', '【删除：市财政局 2024-12-02】', '【替换：市统计局 2024-12-03】', '【替换】', '【移出：张三 2024-12-04】', '【移入：张三 2024-12-04】']);
    expect(read.labels.every((label) => label.visible && !label.hidden)).toBe(true);
    expect(read.inserted).toEqual(['，加快建设', '年度目标', '5.2', '移走的句子。']);
    expect(read.deleted).toEqual(['旧的表述', '全年目标', '5.0', '移走的句子。']);
    expect(read.notes).toEqual(['【批注：市统计局：请核对口径】']);
    expect(read.marked).toEqual(['增长5.2%']);
    expect(read.underline).toBe('underline');
    expect(read.strike).toBe('line-through');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('is clean for axe in English too, with English labels', async () => {
    const page = await pageOf('en.md');
    const labels = await page.evaluate(() => [...document.querySelectorAll('.suggestion-label, [role="note"]')].map((label) => label.textContent));
    expect(labels).toEqual(['[Replaced by Finance Office 2024-12-01]', '[Inserted]', '[Deleted]', '[Comment by Statistics: check the figure]']);
    expect(await axeViolations(page)).toEqual([]);
    // In the dark colour scheme too.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('suggestions in the PDF', { timeout: 300_000 }, () => {
  it('refuses to build the PDF with pending suggestions: review-pending at each one, nothing written', async () => {
    const out = path.join(dir, 'refused');
    const result = await build({ input: path.join(dir, 'zh.md'), outDir: out, formats: ['pdf', 'docx', 'html'] });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect(messageSummary(result.report)).toEqual(['9:7 review-pending error', '9:46 review-pending error', '11:1 review-pending error', '11:43 review-pending error', '15:8 review-pending error', '17:4 review-pending error', '17:49 review-pending error']);
    // Word and the web page alone build, listing them as warnings.
    const other = await build({ input: path.join(dir, 'zh.md'), outDir: out, formats: ['docx', 'html'] });
    expect(other.ok).toBe(true);
    expect(messageSummary(other.report).every((line) => line.endsWith('review-suggestion warning'))).toBe(true);
    // --accept with one author: the others' are still pending, so the PDF is still refused.
    const partly = await build({ input: path.join(dir, 'zh.md'), outDir: out, formats: ['pdf'], suggestions: 'accept', suggestionAuthor: '市统计局' });
    expect(partly.ok).toBe(false);
    expect(messageSummary(partly.report)).toHaveLength(5);
  });

  it('--accept, --reject and --marked print the decided or the marked text', async () => {
    expect(await pdfOf('zh.md', 'accept')).toContain('今年经济运行，加快建设总体平稳，稳中有进。年度目标基本完成，增长5.2%。');
    const rejected = await pdfOf('zh.md', 'reject');
    expect(rejected).toContain('今年经济运行总体平稳，旧的表述稳中有进。全年目标基本完成，增长5.2%。');
    expect(rejected).not.toContain('【');
    const marked = await pdfOf('zh.md', 'marked');
    expect(marked).toContain('今年经济运行【插入：市发展改革委2024-12-01】，加快建设总体平稳，【删除：市财政局2024-12-02】旧的表述稳中有进。');
    expect(marked).toContain('【替换：市统计局2024-12-03】全年目标年度目标基本完成，增长5.2%【批注：市统计局：请核对口径】。');
  });

  it('--accept applies before every output: the web page and Word file carry no suggestion', async () => {
    const out = path.join(dir, 'accepted');
    const result = await build({ input: path.join(dir, 'zh.md'), outDir: out, formats: ['html'], suggestions: 'accept' });
    expect(result.ok).toBe(true);
    expect(result.report.file.messages).toEqual([]);
    const html = await readFile(path.join(out, 'zh.html'), 'utf8');
    expect(html).toContain('今年经济运行，加快建设总体平稳，稳中有进。');
    expect(html).not.toMatch(/<ins|<del|role="note"/);
  });
});
