import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import type { Blockquote, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { readDocx as readWordFile } from '../../pipeline/read/docx/read-docx.ts';
import { docxToMarkdown } from '../../pipeline/read/docx/markdown.ts';
import { applyEdits } from '../../pipeline/fix/apply-fixes.ts';
import type { Report } from '../../pipeline/types.ts';
import { messageSummary, reportFrom, temporaryFolder } from '../helpers/report.ts';
import { readDocx, paragraphs, paragraphStyle, partText, styleXml } from '../docx/read-docx.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { printMarkdown, rows, textLayout } from '../layout/support.ts';

const run = promisify(execFile);
const DATE = new Date('2024-03-01T08:00:00Z');

const ENGLISH = `---
title: Callouts and terms
lang: en
template: default
---

> [!NOTE]
> Useful information that readers should know.

> [!tip]
> A *helpful* hint.

> [!IMPORTANT]
> Key information.

> [!WARNING] Figures to June
> Figures are provisional.
>
> - first
> - second

> [!CAUTION]
> Negative consequences.

> [!NOTES]
> An unknown kind stays a quote.

> A plain quote.

Deficit ratio
: The deficit divided by gross domestic product.

  A second paragraph of the same definition.

Growth
Expansion
: The increase of output.
: A second definition.
`;

const CHINESE = `---
title: 提示框
lang: zh-CN
template: gov-report
---

> [!NOTE]
> 各项目标均为预期性指标,执行中将适时调整。

> [!TIP]
> 提示内容。

> [!IMPORTANT]
> 重要内容。

> [!WARNING]
> 警告内容。

> [!CAUTION]
> 小心内容。

财政赤字率
: 财政赤字与国内生产总值之比。
`;

/** The callouts of a report, in order. */
function callouts(report: Report): Blockquote[] {
  return report.tree.children.filter((node): node is Blockquote => node.type === 'blockquote' && node.data?.callout !== undefined);
}

describe('callouts: parsing', () => {
  it('makes the five kinds, any case, with titles in the report’s language or the writer’s own', async () => {
    const english = await reportFrom(ENGLISH);
    expect(callouts(english).map((quote) => [quote.data?.callout, toString(quote.children[0] as Paragraph)])).toEqual([
      ['note', 'Note'],
      ['tip', 'Tip'],
      ['important', 'Important'],
      ['warning', 'Figures to June'],
      ['caution', 'Caution'],
    ]);
    const chinese = await reportFrom(CHINESE);
    expect(callouts(chinese).map((quote) => toString(quote.children[0] as Paragraph))).toEqual(['注意', '提示', '重要', '警告', '小心']);
    // The marker is gone from the text; the body keeps its own paragraph and formatting.
    const tip = callouts(english)[1];
    expect(tip?.children.map((child) => toString(child))).toEqual(['Tip', 'A helpful hint.']);
    for (const quote of callouts(english)) expect(toString(quote)).not.toContain('[!');
  });

  it('leaves an unknown kind a quote, marker and all, and says where it is with a suggestion', async () => {
    const report = await reportFrom(ENGLISH);
    expect(messageSummary(report)).toEqual(['25:3 callout-unknown warning']);
    expect(report.file.messages[0]?.reason).toContain('did you mean `[!NOTE]`');
    const quotes = report.tree.children.filter((node) => node.type === 'blockquote' && node.data?.callout === undefined);
    expect(quotes.map((quote) => toString(quote))).toEqual(['[!NOTES]\nAn unknown kind stays a quote.', 'A plain quote.']);
  });

  it('reads the kinds by their Chinese titles too, and Obsidian’s fold mark without making it a title', async () => {
    const report = await reportFrom('---\ntitle: 提示\nlang: zh-CN\n---\n\n> [!警告] 数据口径\n> 内容。\n\n> [!注意]\n> 内容。\n\n> [!NOTE]-\n> 内容。\n');
    expect(callouts(report).map((quote) => [quote.data?.callout, toString(quote.children[0] as Paragraph)])).toEqual([
      ['warning', '数据口径'],
      ['note', '注意'],
      ['note', '注意'],
    ]);
    expect(report.file.messages.map(String)).toEqual([]);
  });

  it('keeps source positions inside a callout, so check --fix edits the right characters', async () => {
    const report = await reportFrom(CHINESE);
    const fixes = report.file.data.fixes ?? [];
    expect(fixes.length).toBeGreaterThan(0);
    const fixed = applyEdits(CHINESE, fixes);
    expect(fixed).toContain('> 各项目标均为预期性指标，执行中将适时调整。');
    expect(fixed).toContain('> [!NOTE]\n');
  });
});

describe('callouts and definition lists: Word', () => {
  let english: Uint8Array;
  let chinese: Uint8Array;
  beforeAll(async () => {
    english = await renderDocx(await reportFrom(ENGLISH), await loadTemplate('default'), { date: DATE });
    chinese = await renderDocx(await reportFrom(CHINESE), await loadTemplate('gov-report'), { date: DATE });
  });

  it('writes each kind in its own framed paragraph styles, coloured per template, title kept with the text', () => {
    const styles = readDocx(english).xml('word/styles.xml');
    expect(styleXml(styles, 'Callout')).toMatch(/<w:pBdr><w:top w:val="single"/);
    expect(styleXml(styles, 'Callout')).toContain('w:fill="F3F3F3"');
    expect(styleXml(styles, 'CalloutNote')).toContain('w:color="0969DA"');
    expect(styleXml(styles, 'CalloutCaution')).toContain('w:color="CF222E"');
    expect(styleXml(styles, 'CalloutWarningTitle')).toContain('<w:basedOn w:val="CalloutTitle"/>');
    expect(styleXml(styles, 'CalloutTitle')).toContain('<w:keepNext/>');
    const govStyles = readDocx(chinese).xml('word/styles.xml');
    for (const kind of ['Note', 'Tip', 'Important', 'Warning', 'Caution']) expect(styleXml(govStyles, `Callout${kind}`)).toContain('w:color="000000"');
    const body = paragraphs(readDocx(english).xml('word/document.xml'));
    const styled = body.map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).trim()]);
    expect(styled).toContainEqual(['CalloutNoteTitle', 'Note']);
    expect(styled).toContainEqual(['CalloutNote', 'Useful information that readers should know.']);
    expect(styled).toContainEqual(['CalloutWarningTitle', 'Figures to June']);
    // No paragraph carries its own border or shading: the styles do it.
    for (const paragraph of body) expect(paragraph).not.toMatch(/<w:pPr>.*<w:(pBdr|shd)/s);
  });

  it('separates adjacent callouts, which Word would otherwise frame as one', () => {
    const body = paragraphs(readDocx(chinese).xml('word/document.xml'));
    const styles = body.map(paragraphStyle);
    const firstTip = styles.indexOf('CalloutTipTitle');
    expect(styles[firstTip - 1]).toBe('Normal');
    expect(styles[firstTip - 2]).toBe('CalloutNote');
  });

  it('writes terms and definitions in their styles, which pandoc reads back as a definition list', async () => {
    const body = paragraphs(readDocx(english).xml('word/document.xml'));
    const styled = body.map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).trim()]);
    expect(styled).toContainEqual(['DefinitionTerm', 'Deficit ratio']);
    expect(styled).toContainEqual(['Definition', 'A second paragraph of the same definition.']);
    const folder = await temporaryFolder('press-dl-');
    const file = path.join(folder, 'terms.docx');
    await writeFile(file, english);
    const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'markdown', file]);
    expect(stdout).toMatch(/^Deficit ratio\n\n: {3}The deficit divided by gross domestic product\.$/m);
    expect(stdout).toMatch(/^Expansion\n\n: {3}The increase of output\.$/m);
  });

  it('comes back from Word as the same callouts and definition lists (press import)', async () => {
    const markdown = docxToMarkdown(readWordFile(english, { trackChanges: 'accept', mediaFolder: 'report-media', fileName: 'report.docx' }));
    expect(markdown).toContain('> [!NOTE]\n> Useful information that readers should know.');
    expect(markdown).toContain('> [!WARNING] Figures to June\n> Figures are provisional.');
    expect(markdown).toMatch(/^Deficit ratio\n: {3}The deficit divided by gross domestic product\.$/m);
    // Read again, it makes the same callouts.
    const again = await reportFrom(markdown);
    expect(callouts(again).map((quote) => quote.data?.callout)).toEqual(['note', 'tip', 'important', 'warning', 'caution']);
  });
});

describe('callouts and definition lists: HTML and print', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
  });

  it('writes notes screen readers announce, titled, and dl/dt/dd with every paragraph kept', async () => {
    const html = await renderHtml(await reportFrom(ENGLISH), await loadTemplate('default'), { date: DATE, variant: 'screen' });
    expect(html).toContain('<div class="callout callout-note" role="note">\n<p class="callout-title">Note</p>\n<p>Useful information that readers should know.</p>\n</div>');
    expect(html).toContain('<p class="callout-title">Figures to June</p>');
    expect(html).toContain('<dt>Deficit ratio</dt>\n<dd>\n<p>The deficit divided by gross domestic product.</p>\n<p>A second paragraph of the same definition.</p>\n</dd>');
    expect(html).toContain('<dt>Growth</dt>\n<dt>Expansion</dt>\n<dd>The increase of output.</dd>\n<dd>A second definition.</dd>');
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      const roles = await page.evaluate(() => [...document.querySelectorAll('[role="note"]')].map((note) => note.querySelector('.callout-title')?.textContent));
      expect(roles).toEqual(['Note', 'Tip', 'Important', 'Figures to June', 'Caution']);
    } finally {
      await page.close();
    }
  });

  it('prints gov-report callouts framed on the 22-line grid: every line after them stays on the pitch', async () => {
    const filler = '本段文字用于检验提示框之后的正文是否仍在版心网格上，每行二十八个字。'.repeat(2);
    const markdown = `${CHINESE}\n${filler}\n\n> [!NOTE]\n> ${filler}\n\n${filler}\n\n财政赤字率\n: ${filler}\n\n${filler}\n`;
    const printed = await printMarkdown(browser, markdown);
    const pages = await textLayout(printed.file);
    const text = pages.flatMap((page) => rows(page).map((row) => row.text)).join('\n');
    for (const title of ['注意', '提示', '重要', '警告', '小心', '财政赤字率']) expect(text).toContain(title);
    const [first] = pages;
    const lines = rows(first ?? { width: 0, height: 0, lines: [] }).filter((row) => row.yMax - row.yMin > 12 && row.yMax - row.yMin < 30 && !/^[—-]/.test(row.text));
    const top = lines[1];
    if (!top) throw new Error('no lines');
    const offGrid = lines.slice(1).filter((line) => {
      const steps = ((line.yMin + line.yMax) / 2 - (top.yMin + top.yMax) / 2) / 28.95;
      return Math.abs(steps - Math.round(steps)) > 0.08;
    });
    expect(offGrid.map((line) => line.text)).toEqual([]);
  });
});
