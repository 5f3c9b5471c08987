import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../pipeline/browser/launch-browser.ts';
import { finishPdf } from '../../pipeline/render/pdf/finish-pdf.ts';
import { fixStructure } from '../../pipeline/render/pdf/struct-fixes.ts';
import { printHtmlToPdf, type PrintContext } from '../../pipeline/render/pdf/print-html.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import type { RequestLogEntry } from '../../pipeline/render/pdf/serve-requests.ts';
import { loadTemplate, type Template } from '../../pipeline/template/load-template.ts';
import { reportFrom } from '../helpers/report.ts';
import { pngBytes } from '../helpers/png.ts';
import { parseFonts, parseInfo, pdfTool, removeTempDirs, squash, structElements, tempDir, templateData, testMeta } from './support.ts';

const PARAGRAPHS = [
  '一年来，我们瞄准实事，兜牢底线，人民群众得到更多实惠。聚焦群众关心关切，全面完成20项民生实事。健全防止返贫动态监测帮扶机制，持续巩固拓展脱贫攻坚成果。',
  '推动社会保险扩面提质，发放就业补助、失业保险稳岗扩岗补助等2.68亿元，城镇新增就业5.74万人，下岗失业人员和就业困难人员再就业4.41万人。',
  '新改扩建公办中小学、幼儿园25所，高中教学教育质量明显提升，秦皇岛技师学院升级为高等职业技术院校。',
];

const FONT_LINKS = [
  'press-fonts/@fontsource/noto-serif-sc/400.css',
  'press-fonts/@fontsource/noto-serif-sc/700.css',
  'press-fonts/@fontsource/noto-sans-sc/400.css',
  'press-fonts/@fontsource/noto-sans-sc/700.css',
];

/** Requests the page makes that must never be answered with a file. */
const HOSTILE = {
  remoteImage: 'https://example.com/x.png',
  parentImage: '../outside.png',
  fileUrl: 'file:///etc/passwd',
  symlinkImage: 'escape.png',
  remoteCss: 'https://example.com/evil.css',
  otherFontPackage: 'press-fonts/@fontsource/noto-sans-mono/400.css',
  packageJson: 'press-fonts/@fontsource/noto-serif-sc/package.json',
};

function page(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>网页标题</title>
${FONT_LINKS.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<link rel="stylesheet" href="${HOSTILE.remoteCss}">
<link rel="stylesheet" href="${HOSTILE.otherFontPackage}">
<link rel="stylesheet" href="${HOSTILE.packageJson}">
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: 'Noto Serif SC'; font-size: 16pt; line-height: 28.95pt; margin: 0; }
h1, h2 { font-family: 'Noto Sans SC'; font-weight: 700; font-size: 16pt; margin: 0; }
h1 { font-size: 22pt; text-align: center; }
p { text-indent: 2em; margin: 0; text-align: justify; }
img { width: 40mm; height: 20mm; }
</style>
<script>document.addEventListener('DOMContentLoaded', function () { document.body.insertAdjacentText('beforeend', 'SCRIPT RAN'); });</script>
</head>
<body>
<h1>政府工作报告</h1>
<h2 id="part-1">一、2023年工作回顾</h2>
<p>${PARAGRAPHS[0]}</p>
<figure><img src="chart.png" alt="2023年民生实事完成情况图"><figcaption>图1　民生实事完成情况</figcaption></figure>
<p>${PARAGRAPHS[1]}</p>
<figure><img src="data:image/png;base64,${pngBytes(5, 3, [30, 160, 30]).toString('base64')}" alt="内嵌图片"></figure>
<p class="hostile"><img src="${HOSTILE.remoteImage}" alt="远程图片"><img src="${HOSTILE.parentImage}" alt="上级目录图片"><img src="${HOSTILE.fileUrl}" alt="本地文件"><img src="${HOSTILE.symlinkImage}" alt="链接图片"></p>
<h2 id="part-2">二、2024年工作安排</h2>
<p>${PARAGRAPHS[2]}</p>
</body>
</html>`;
}

let browser: Browser;
let template: Template;
let baseDir: string;
const DATE = new Date('2024-01-15T00:00:00Z');

function context(overrides: Partial<PrintContext> = {}): PrintContext {
  return { template, baseDir, browser, meta: testMeta(), date: DATE, ...overrides };
}

beforeAll(async () => {
  browser = await launchBrowser();
  template = await templateData('gov-report');
  const root = await tempDir('print');
  baseDir = path.join(root, 'doc');
  await mkdir(baseDir);
  await writeFile(path.join(baseDir, 'chart.png'), pngBytes(8, 4, [200, 30, 30]));
  await writeFile(path.join(root, 'outside.png'), pngBytes(6, 6, [30, 30, 200]));
  await symlink(path.join(root, 'outside.png'), path.join(baseDir, 'escape.png'));
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

describe('printHtmlToPdf', () => {
  let pdf: Uint8Array;
  const requests: RequestLogEntry[] = [];
  let milliseconds = 0;

  beforeAll(async () => {
    const start = performance.now();
    pdf = await printHtmlToPdf(page(), context({ onRequest: (entry) => requests.push(entry) }));
    milliseconds = performance.now() - start;
    console.log(`print of a 1-page Chinese document: ${milliseconds.toFixed(0)} ms, ${pdf.length} bytes, ${requests.length} requests`);
  });

  it('keeps every character of the text', async () => {
    const text = squash(await pdfTool('pdftotext', ['-enc', 'UTF-8'], pdf));
    for (const paragraph of PARAGRAPHS) expect(text).toContain(squash(paragraph));
    expect(text).toContain('一、2023年工作回顾');
    expect(text).toContain('图1民生实事完成情况');
  });

  it('embeds every font as a subset TrueType CID font, never Type 3, from the template packages', async () => {
    const fonts = parseFonts(await pdfTool('pdffonts', [], pdf));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.type, font.name).not.toMatch(/Type 3/);
      expect(font.type, font.name).toBe('CID TrueType');
      expect(font.embedded, font.name).toBe(true);
      expect(font.subset, font.name).toBe(true);
    }
    const names = fonts.map((font) => font.name).join(' ');
    expect(names).toMatch(/NotoSerifSC/);
    expect(names).toMatch(/NotoSansSC/);
  });

  it('is exactly A4, tagged, titled and dated, with the front-matter metadata', async () => {
    const info = parseInfo(await pdfTool('pdfinfo', ['-isodates'], pdf));
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe('政府工作报告');
    expect(info['Author']).toBe('某市人民政府');
    expect(info['Subject']).toBe('2024年政府工作报告（节选）');
    expect(info['Keywords']).toBe('政府工作报告, 高质量发展');
    expect(info['Creator']).toBe('report-press');
    expect(info['Producer']).toMatch(/^report-press \(Skia\/PDF m\d+, pdf-lib\)$/);
    expect(info['CreationDate']).toBe('2024-01-15T00:00:00Z');
    expect(info['ModDate']).toBe('2024-01-15T00:00:00Z');
    expect(info['JavaScript']).toBe('no');
  });

  it('sets /Lang and DisplayDocTitle, keeps the outline and the structure tree', async () => {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(document.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    const preferences = document.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.lookup(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(document.catalog.lookup(PDFName.of('Outlines'))).toBeInstanceOf(PDFDict);
    const markInfo = document.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.lookup(PDFName.of('Marked'))?.toString()).toBe('true');

    const elements = structElements(document);
    expect(elements.filter((element) => element.type === 'H1')).toHaveLength(1);
    expect(elements.filter((element) => element.type === 'H2')).toHaveLength(2);
    expect(elements.filter((element) => element.type === 'P').length).toBeGreaterThanOrEqual(3);
    expect(elements.find((element) => element.type === 'Figure' && element.alt !== undefined)?.alt).toBe('2023年民生实事完成情况图');
    expect(elements.some((element) => element.type === 'Caption')).toBe(true);

    const struct = await pdfTool('pdfinfo', ['-struct-text'], pdf);
    expect(squash(struct)).toContain(squash(PARAGRAPHS[2] ?? ''));
  });

  it('passes qpdf --check', async () => {
    const output = await pdfTool('qpdf', ['--check'], pdf);
    expect(output).toContain('No syntax or stream encoding errors found');
  });

  it('serves the fonts and the document image, and nothing else', async () => {
    const served = (entry: RequestLogEntry): boolean => entry.outcome === 'page' || entry.outcome === 'font' || entry.outcome === 'file';
    const urls = requests.filter(served).map((entry) => entry.url);
    for (const href of FONT_LINKS) expect(urls).toContain(`https://report-press.invalid/document/${href}`);
    expect(urls.some((url) => url.endsWith('.woff2'))).toBe(true);
    expect(requests.some((entry) => entry.outcome === 'data')).toBe(true);
    expect(urls).toContain('https://report-press.invalid/document/chart.png');
    for (const url of urls) {
      expect(url.startsWith('https://report-press.invalid/document/'), url).toBe(true);
      expect(url, url).not.toMatch(/outside|escape|passwd|example\.com|noto-sans-mono|package\.json/);
    }
    const refused = requests.filter((entry) => entry.outcome === 'refused').map((entry) => entry.url);
    expect(refused).toContain(HOSTILE.remoteImage);
    expect(refused).toContain(HOSTILE.remoteCss);
    expect(refused).toContain('https://report-press.invalid/outside.png');
    expect(refused).toContain('https://report-press.invalid/document/escape.png');
    expect(refused).toContain(`https://report-press.invalid/document/${HOSTILE.otherFontPackage}`);
    expect(refused).toContain(`https://report-press.invalid/document/${HOSTILE.packageJson}`);
    // file:///etc/passwd is refused by Chromium itself before interception, or by the handler.
    expect(requests.filter((entry) => entry.url.startsWith('file:')).every((entry) => entry.outcome === 'refused')).toBe(true);
  });

  it('contains the document image and no refused one (those show as broken-image icons)', async () => {
    const list = await pdfTool('pdfimages', ['-list'], pdf);
    const sizes = list
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells[2] === 'image')
      .map((cells) => `${cells[3]}x${cells[4]}`);
    expect(sizes.filter((size) => size === '8x4')).toHaveLength(1); // chart.png, inside the folder
    expect(sizes.filter((size) => size === '5x3')).toHaveLength(1); // the data: URL
    expect(sizes).not.toContain('6x6'); // outside.png, reached neither by ../ nor by the symbolic link
    expect(new Set(sizes.filter((size) => size !== '8x4' && size !== '5x3')).size).toBeLessThanOrEqual(1); // one broken-image icon, reused
  });

  it('runs no script', async () => {
    const text = await pdfTool('pdftotext', [], pdf);
    expect(text).not.toContain('SCRIPT RAN');
  });

  it('gives byte-identical files for the same input, and another file identifier for another date', async () => {
    const again = await printHtmlToPdf(page(), context());
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pdf))).toBe(0);
    const trailer = (bytes: Uint8Array): string => /\/ID \[ ?<([0-9A-F]{32})> ?<([0-9A-F]{32})> ?\]/.exec(Buffer.from(bytes).toString('latin1'))?.[1] ?? '';
    expect(trailer(pdf)).toMatch(/^[0-9A-F]{32}$/);
    const later = await printHtmlToPdf(page(), context({ date: new Date('2024-03-05T08:00:00Z') }));
    expect(trailer(later)).not.toBe(trailer(pdf));
  });

  it('falls back to the HTML title when the front matter has none, and to the template paper without @page', async () => {
    const { title: _title, ...untitled } = testMeta();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title></head><body><p>Hello.</p></body></html>`;
    const plain = await printHtmlToPdf(html, context({ meta: untitled }));
    const info = parseInfo(await pdfTool('pdfinfo', [], plain));
    expect(info['Title']).toBe('Plain page');
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
  });

  it('leaves a page of another size alone', async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>@page { size: 148mm 210mm; }</style></head><body><p>A5.</p></body></html>`;
    const a5 = await printHtmlToPdf(html, context());
    const info = parseInfo(await pdfTool('pdfinfo', [], a5));
    expect(info['Page size']).toMatch(/^4(19|20)(\.\d+)? x 59\d\.\d+ pts \(A5\)$/);
  });
});

describe('printHtmlToPdf with a missing font package', () => {
  it('reports the font faces that failed to load', async () => {
    const broken: Template = {
      ...template,
      printFontFiles: [...template.printFontFiles, { family: 'Gone', package: '@fontsource/not-installed-anywhere', weights: [400] }],
    };
    const css = `@font-face { font-family: 'Gone'; src: url(press-fonts/@fontsource/not-installed-anywhere/files/gone.woff2) format('woff2'); }`;
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css} body { font-family: 'Gone', 'Noto Serif SC'; }</style>
<link rel="stylesheet" href="press-fonts/@fontsource/noto-serif-sc/400.css"></head><body><p>字</p></body></html>`;
    const failed: string[] = [];
    const requests: RequestLogEntry[] = [];
    const pdf = await printHtmlToPdf(html, context({ template: broken, onFontError: (face) => failed.push(face.family), onRequest: (entry) => requests.push(entry) }));
    expect(pdf.length).toBeGreaterThan(0);
    expect(failed).toEqual(['Gone']);
    expect(requests.find((entry) => entry.url.endsWith('gone.woff2'))).toMatchObject({ outcome: 'missing' });
  });
});

describe('finishPdf', () => {
  it('keeps the structure tree, the outline and the link destinations Chromium wrote', async () => {
    const browserContext = await browser.createBrowserContext();
    let raw: Uint8Array;
    try {
      const page = await browserContext.newPage();
      await page.setContent(`<!doctype html><html lang="en"><head><title>Raw</title><style>@page { size: A4; margin: 20mm; }</style></head><body>
<h1 id="top">Report</h1><p>See <a href="#part-2">part two</a>.</p>
<h2 id="part-1">Part one</h2><ul><li>first</li><li>second</li></ul>
<table><thead><tr><th>Year</th><th>Target</th></tr></thead><tbody><tr><td>2024</td><td>5.5%</td></tr></tbody></table>
<h2 id="part-2" style="break-before: page">Part two</h2><h3>Detail</h3><p>End.</p></body></html>`);
      raw = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true });
    } finally {
      await browserContext.close();
    }
    const finished = await finishPdf(raw, { meta: testMeta({ lang: 'en' }), date: DATE, paper: 'A4' });
    // finishPdf repairs some tags on purpose (Strong/Em → Span, LI → Lbl + LBody): compare with the repaired raw print.
    const repaired = await PDFDocument.load(raw, { updateMetadata: false });
    fixStructure(repaired);
    expect(await pdfTool('pdfinfo', ['-struct-text'], finished)).toBe(await pdfTool('pdfinfo', ['-struct-text'], await repaired.save({ useObjectStreams: false })));
    const outline = async (bytes: Uint8Array): Promise<unknown> => {
      const json = JSON.parse(await pdfTool('qpdf', ['--json', '--json-key=outlines'], bytes)) as { outlines: unknown };
      return json.outlines;
    };
    const before = await outline(raw);
    expect(JSON.stringify(before)).toContain('Part two');
    expect(await outline(finished)).toEqual(before);
    const destinations = (bytes: Uint8Array): string[] => [...Buffer.from(bytes).toString('latin1').matchAll(/\/(part-\d|top)\b/g)].map((match) => match[1] ?? '');
    expect(destinations(raw)).toContain('part-2');
    expect(new Set(destinations(finished))).toEqual(new Set(destinations(raw)));
    expect(parseInfo(await pdfTool('pdfinfo', [], finished))['Tagged']).toBe('yes');
  });
});

describe('renderPdf', () => {
  it('prints the print variant of the HTML page of a parsed report', async () => {
    const folder = await tempDir('render');
    await writeFile(path.join(folder, 'chart.png'), pngBytes(8, 4, [200, 30, 30]));
    const report = await reportFrom(
      [
        '---',
        'title: 政府工作报告',
        'author: 某市人民政府',
        'lang: zh-CN',
        'template: gov-report',
        'keywords: [政府工作报告, 2024]',
        '---',
        '',
        '# 一、2023年工作回顾',
        '',
        `${PARAGRAPHS[0]}`,
        '',
        '![民生实事完成情况图](chart.png "图1　民生实事完成情况")',
        '',
        '## （一）民生保障',
        '',
        `**一是兜牢底线。**${PARAGRAPHS[1]}`,
      ].join('\n'),
      folder,
    );
    const gov = await loadTemplate('gov-report');
    const pdf = await renderPdf(report, gov, { date: DATE, browser });
    expect(report.file.messages.filter((message) => message.ruleId === 'pdf-font-failed')).toEqual([]);
    const text = squash(await pdfTool('pdftotext', ['-enc', 'UTF-8'], pdf));
    for (const paragraph of PARAGRAPHS.slice(0, 2)) expect(text).toContain(squash(paragraph));
    expect(text).toContain('一是兜牢底线。');
    const info = parseInfo(await pdfTool('pdfinfo', ['-isodates'], pdf));
    expect(info).toMatchObject({ Title: '政府工作报告', Author: '某市人民政府', Keywords: '政府工作报告, 2024', Tagged: 'yes', 'Page size': '595.28 x 841.89 pts (A4)' });
    for (const font of parseFonts(await pdfTool('pdffonts', [], pdf))) expect(font.type, font.name).toBe('CID TrueType');
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(structElements(document).find((element) => element.alt !== undefined)?.alt).toBe('民生实事完成情况图');
  });

  it('reports a font package the template names but the machine lacks', async () => {
    const report = await reportFrom('---\ntitle: 报告\nlang: zh-CN\ntemplate: gov-report\n---\n\n正文。\n', await tempDir('render'));
    const gov = await loadTemplate('gov-report');
    const broken: Template = { ...gov, printFontFiles: [...gov.printFontFiles, { family: 'Gone Serif', package: '@fontsource/gone-serif', weights: [400] }] };
    await renderPdf(report, broken, { date: DATE, browser });
    const messages = report.file.messages.filter((message) => message.ruleId === 'pdf-font-failed');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((message) => message.fatal === true)).toBe(true);
    expect(String(messages[0]?.reason)).toContain('@fontsource/gone-serif/400.css');
  });
});
