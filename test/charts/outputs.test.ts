/**
 * Charts from data (issue 15, points 1 and 4), read back from each output of one document:
 * the SVG's text, the text alternative and the data table of the web page (axe-core clean in
 * both colour schemes); the chart's text, fonts and Figure tag in the PDF; the picture (SVG and
 * a PNG at print resolution), its alt text and the data table in the Word file.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PDFDocument } from '@cantoo/pdf-lib';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import type { Chart } from '../../pipeline/charts/chart-node.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { readDocx } from '../../pipeline/read/docx/read-docx.ts';
import { docxToMarkdown } from '../../pipeline/read/docx/markdown.ts';
import { loadTemplate, type Template } from '../../pipeline/template/load-template.ts';
import type { Report } from '../../pipeline/types.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';
import { parseFonts, pdfTool, squash, taggedElements } from '../pdf/support.ts';

const DATE = new Date('2024-03-01T00:00:00Z');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SOURCE = [
  '---',
  'title: 图表示例',
  'lang: zh-CN',
  'template: gov-report',
  '---',
  '',
  '# 一、主要目标',
  '',
  '表1　主要预期目标 {#tbl-targets}',
  '',
  '| 指标 | 目标 |',
  '| :--- | ---: |',
  '| 地区生产总值 | 6% |',
  '| 进出口总额 | 3.5% |',
  '| 居民消费价格涨幅 | 3% |',
  '',
  '@fig-targets与@tbl-targets出自同一组数据，@fig-growth取自文件。',
  '',
  '```chart {#fig-targets}',
  'data: {table: tbl-targets}',
  'mark: bar',
  'encoding:',
  '  y: {field: 指标, type: nominal, sort: null, title: null}',
  '  x: {field: 目标, type: quantitative, title: 目标（%）}',
  '```',
  '图1　主要预期目标（%）',
  '',
  '```chart {#fig-growth}',
  'data: {url: growth.csv}',
  'mark: {type: line, point: true}',
  'encoding:',
  '  x: {field: 年份, type: ordinal}',
  '  y: {field: 增速, type: quantitative, title: 增速（%）}',
  '  color: {field: 地区, type: nominal, title: 地区}',
  '```',
  '图2　地区生产总值增速',
  '',
].join('\n');

const GROWTH = '年份,地区,增速\n2021,全市,8.1\n2022,全市,3.0\n2023,全市,5.2\n2021,全省,6.5\n2022,全省,3.8\n2023,全省,5.5\n';

const DESCRIPTION = '柱状图。横轴：目标（%）；纵轴：指标。共3项数据，最小值3（居民消费价格涨幅），最大值6（地区生产总值）。';

let browser: Browser;
let report: Report;
let template: Template;
let html: string;
let pdf: Uint8Array;
let docx: Uint8Array;

beforeAll(async () => {
  browser = await startBrowser();
  const folder = await temporaryFolder();
  await writeFiles(folder, { 'growth.csv': GROWTH });
  report = await reportFrom(SOURCE, folder);
  template = await loadTemplate('gov-report', { env: {} });
  html = await renderHtml(report, template, { date: DATE, variant: 'screen' });
  docx = await renderDocx(report, template, { date: DATE, headingPages: new Map() });
  pdf = await renderPdf(report, template, { date: DATE, browser });
}, 120_000);

afterAll(async () => {
  await closeBrowser(browser);
});

function charts(): Chart[] {
  const found: Chart[] = [];
  visit(report.tree, 'chart', (chart: Chart) => {
    found.push(chart);
  });
  return found;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map((violation) => `${violation.id} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

describe('charts on the web page', () => {
  it('builds without errors', () => {
    expect(report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    expect(charts()).toHaveLength(2);
  });

  it('are inline SVG in the screen fonts, one image named by the text alternative, with the data as a table behind a disclosure', () => {
    const figure = /<figure id="fig-targets">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    expect(figure).toContain(`<svg version="1.1" width=`);
    expect(figure).toContain(`role="img" aria-label="${DESCRIPTION}"`);
    expect(figure).toMatch(/<text[^>]*font-family="&#x22;SimHei&#x22;[^>]*>地区生产总值<\/text>/);
    expect(figure).toContain('<details class="chart-data"><summary>图表数据</summary>');
    expect(squash(figure.replace(/<[^>]+>/g, ' '))).toContain(squash('指标 目标 地区生产总值 6 进出口总额 3.5 居民消费价格涨幅 3'));
    expect(figure).toContain('<th scope="col">指标</th>');
    expect(figure).toContain('<figcaption><span class="caption-number">图1</span>　主要预期目标（%）</figcaption>');
    // The series are named in the line chart's text alternative.
    expect(html).toContain('aria-label="折线图。横轴：年份；纵轴：增速（%）。系列（地区）：全市、全省。共6项数据，最小值3（2022），最大值8.1（2021）。"');
    // Nothing that runs, loads or leaves the page.
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(svg).not.toMatch(/<script|<foreignObject|<image|href=|on[a-z]+=|style=|url\((?!#)/i);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in the ${scheme} colour scheme, the disclosure open or not`, async () => {
      const page = await loadHtml(browser, html);
      try {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        expect(await axeViolations(page)).toEqual([]);
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => details.setAttribute('open', '')));
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('gives the same page for the same input', async () => {
    expect(await renderHtml(report, template, { date: DATE, variant: 'screen' })).toBe(html);
  });
});

describe('charts in the PDF', () => {
  it('print their text in the template print fonts, all embedded, no Type 3', async () => {
    const text = squash(await pdfTool('pdftotext', ['-layout'], pdf));
    for (const word of ['目标（%）', '增速（%）', '全市', '全省', '2021', '2023']) expect(text).toContain(squash(word));
    const fonts = parseFonts(await pdfTool('pdffonts', [], pdf));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).not.toMatch(/Type 3/);
      expect(font.name, font.name).toMatch(/^[A-Z]{6}\+(NotoSansSC|NotoSerifSC|LXGWWenKai|STIXTwoMath)/);
    }
  });

  it('tags each chart as a Figure with the text alternative', async () => {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    const alts = taggedElements(document)
      .filter((element) => element.role === 'Figure')
      .map((element) => element.alt);
    expect(alts).toContain(DESCRIPTION);
  });
});

describe('charts in the Word file', () => {
  const parts = () => unzipSync(docx);

  it('are a picture with the SVG and a PNG at print resolution, the text alternative as its description', () => {
    const files = parts();
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain(`descr="${DESCRIPTION}"`);
    expect(xml).toContain('asvg:svgBlip');
    const pngs = Object.keys(files).filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
    const svgs = Object.keys(files).filter((name) => name.startsWith('word/media/') && name.endsWith('.svg'));
    expect(pngs).toHaveLength(2);
    expect(svgs).toHaveLength(2);
    // Pixels over printed inches: the first picture's extent (EMU, 914400 to the inch).
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
    const png = files[pngs[0] ?? ''] ?? new Uint8Array();
    const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(width / (Number(extent?.[1]) / 914400)).toBeGreaterThanOrEqual(300);
    const svg = strFromU8(files[svgs[0] ?? ''] ?? new Uint8Array());
    expect(svg).toContain('font-family="&quot;Noto Sans SC CJK&quot;');
  });

  it('follow a chart with its data table when the template asks for it (gov-report does)', () => {
    const xml = strFromU8(parts()['word/document.xml'] ?? new Uint8Array());
    const afterCaption = xml.slice(xml.indexOf('主要预期目标（%）'));
    expect(afterCaption).toMatch(/^[\s\S]*?图1的数据[\s\S]*?<w:tbl>[\s\S]*?地区生产总值[\s\S]*?<w:t[^>]*>6<\/w:t>/);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderDocx(report, template, { date: DATE, headingPages: new Map() });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(docx))).toBe(0);
  });

  it('come back as their chart blocks, caption under the fence, through press import (the data table the build wrote left out)', () => {
    const markdown = docxToMarkdown(readDocx(docx, { trackChanges: 'accept', mediaFolder: 'media', fileName: 'charts.docx', crossReferences: true }));
    const block = SOURCE.slice(SOURCE.indexOf('```chart {#fig-targets}'), SOURCE.indexOf('图1　主要预期目标（%）'));
    expect(markdown).toContain(`${block}主要预期目标（%）\n`);
    expect(markdown).toContain('```chart {#fig-growth}\ndata: {url: growth.csv}');
    expect(markdown).not.toContain('的数据');
    expect(markdown).not.toContain('![');
  });

  it('writes no data table when the template does not ask (default)', async () => {
    const english = await reportFrom('---\ntitle: Charts\nlang: en\n---\n\n```chart {#fig-a}\ndata: {values: [{k: a, v: 1}, {k: b, v: 2}]}\nmark: bar\nencoding:\n  x: {field: k, type: nominal}\n  y: {field: v, type: quantitative}\n```\nValues\n');
    const bytes = await renderDocx(english, await loadTemplate('default', { env: {} }), { date: DATE, headingPages: new Map() });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('descr="Bar chart. X axis: k; Y axis: v. 2 data points; minimum 1 (a), maximum 2 (b)."');
    expect(xml).not.toContain('<w:tbl>');
  });
});
