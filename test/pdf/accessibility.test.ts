// PDF/UA-relevant properties of the print PDF, read back from a real print of the showcase
// through the project's own renderPdf: metadata and XMP, artifacts, link descriptions, tags.
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import type { Browser } from 'puppeteer-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeBrowser, launchBrowser } from '../../pipeline/browser/launch-browser.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { markArtifacts } from '../../pipeline/render/pdf/artifacts.ts';
import { addLinkContents, linkElements } from '../../pipeline/render/pdf/link-contents.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { fixStructure, PDF17_STANDARD_TYPES } from '../../pipeline/render/pdf/struct-fixes.ts';
import { textOf } from '../../pipeline/render/pdf/struct-tree.ts';
import { loadTemplate, type Template } from '../../pipeline/template/load-template.ts';
import type { Report } from '../../pipeline/types.ts';
import { readSource } from '../../pipeline/util/read-source.ts';
import { paginationTexts, parseInfo, pdfTool, removeTempDirs, squash, taggedElements, unmarkedOperators, type TaggedElement } from './support.ts';

/**
 * Every PDF Chromium printed, as it was before finishPdf (the "before" of the comparisons), and
 * every HTML page it printed (what the tags must match).
 */
const { rawPrints, printedPages } = vi.hoisted(() => ({ rawPrints: [] as Uint8Array[], printedPages: [] as string[] }));
vi.mock('../../pipeline/render/pdf/print-html.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../pipeline/render/pdf/print-html.ts')>();
  return {
    ...actual,
    printHtmlToPdf: (html: string, context: Parameters<typeof actual.printHtmlToPdf>[1]) => {
      printedPages.push(html);
      return actual.printHtmlToPdf(html, context);
    },
  };
});
vi.mock('../../pipeline/render/pdf/finish-pdf.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../pipeline/render/pdf/finish-pdf.ts')>();
  return {
    ...actual,
    finishPdf: (bytes: Uint8Array, options: Parameters<typeof actual.finishPdf>[1]) => {
      rawPrints.push(bytes);
      return actual.finishPdf(bytes, options);
    },
  };
});

const SHOWCASE = path.resolve(import.meta.dirname, '../../source/examples/showcase.md');
const DATE = new Date('2024-03-01T00:00:00Z');

let browser: Browser;
let report: Report;
let template: Template;
let raw: Uint8Array;
let pdf: Uint8Array;
let document: PDFDocument;
let elements: TaggedElement[];

beforeAll(async () => {
  browser = await launchBrowser();
  report = await parseReport(await readSource(SHOWCASE));
  template = await loadTemplate(report.meta.template);
  pdf = await renderPdf(report, template, { date: DATE, browser });
  const last = rawPrints.at(-1);
  if (!last) throw new Error('renderPdf did not call finishPdf');
  raw = last;
  document = await PDFDocument.load(pdf, { updateMetadata: false });
  elements = taggedElements(document);
}, 300_000); // with toc: true the showcase is printed several times

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

/** Load a PDF, apply some finishing steps, save it as finishPdf would (no new identifiers). */
async function withSteps(bytes: Uint8Array, ...steps: ((document: PDFDocument) => unknown)[]): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const step of steps) step(document);
  return document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/** The text of every Link element in `pdfinfo -struct-text` output (its quoted strings, joined). */
function linkTexts(structText: string): string[] {
  const texts: string[] = [];
  let link: { indent: number; text: string } | undefined;
  for (const line of structText.split('\n')) {
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (link && indent <= link.indent) {
      texts.push(link.text);
      link = undefined;
    }
    if (!link && /^\s*Link\b/.test(line)) link = { indent, text: '' };
    else if (link) link.text += /^\s*"(.*)"$/.exec(line)?.[1] ?? '';
  }
  if (link) texts.push(link.text);
  return texts;
}

/** The element of the XMP packet, or undefined. */
function xmpValue(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
}

describe('metadata', () => {
  it('has title, author, subject and keywords from the front matter, version 1.7, a metadata stream and the fixed dates', async () => {
    const info = parseInfo(await pdfTool('pdfinfo', ['-isodates'], pdf));
    expect(info).toMatchObject({
      Title: '2024年主要预期目标说明',
      Author: '示例市人民政府研究室',
      Subject: '示例：一份用到所有 Markdown 结构的简短报告',
      Keywords: '示例, 预期目标, report-press',
      Creator: 'report-press',
      Tagged: 'yes',
      'Metadata Stream': 'yes',
      'PDF version': '1.7',
      CreationDate: '2024-03-01T00:00:00Z',
      ModDate: '2024-03-01T00:00:00Z',
    });
    expect(info['Producer']).toMatch(/^report-press \(Skia\/PDF m\d+, pdf-lib\)$/);
  });

  it('declares zh-CN and DisplayDocTitle in the catalog', () => {
    expect(document.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    const preferences = document.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.lookup(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(document.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).lookup(PDFName.of('Marked'))?.toString()).toBe('true');
  });

  it('carries an uncompressed XMP stream that says what the information dictionary says, and pdfuaid:part 1', async () => {
    const stream = document.catalog.lookup(PDFName.of('Metadata'));
    expect(stream).toBeInstanceOf(PDFRawStream);
    if (!(stream instanceof PDFRawStream)) return;
    expect(stream.dict.get(PDFName.of('Type'))).toBe(PDFName.of('Metadata'));
    expect(stream.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
    expect(stream.dict.get(PDFName.of('Filter'))).toBeUndefined();
    const xml = Buffer.from(stream.contents).toString('utf8');
    expect(await pdfTool('pdfinfo', ['-meta'], pdf)).toContain(xml.slice(0, 200)); // poppler reads the same packet
    const info = parseInfo(await pdfTool('pdfinfo', ['-isodates'], pdf));
    expect(xmpValue(xml, 'dc:title')).toBe(
      '<rdf:Alt><rdf:li xml:lang="x-default">2024年主要预期目标说明</rdf:li><rdf:li xml:lang="zh-CN">2024年主要预期目标说明</rdf:li></rdf:Alt>',
    );
    expect(xmpValue(xml, 'dc:creator')).toBe('<rdf:Seq><rdf:li>示例市人民政府研究室</rdf:li></rdf:Seq>');
    expect(xmpValue(xml, 'dc:description')).toContain('<rdf:li xml:lang="x-default">示例：一份用到所有 Markdown 结构的简短报告</rdf:li>');
    expect(xmpValue(xml, 'dc:language')).toBe('<rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag>');
    expect(xmpValue(xml, 'pdf:Keywords')).toBe(info['Keywords']);
    expect(xmpValue(xml, 'pdf:Producer')).toBe(info['Producer']);
    expect(xmpValue(xml, 'xmp:CreatorTool')).toBe(info['Creator']);
    for (const name of ['xmp:CreateDate', 'xmp:ModifyDate', 'xmp:MetadataDate']) expect(xmpValue(xml, name), name).toBe('2024-03-01T00:00:00Z');
    expect(xmpValue(xml, 'pdfuaid:part')).toBe('1');
    expect(xml).toContain('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>');
    for (const name of ['xmpMM:DocumentID', 'xmpMM:InstanceID']) expect(xmpValue(xml, name)).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('artifacts', () => {
  it('leaves no content outside marked content (Chromium left some)', async () => {
    const before = await unmarkedOperators(raw);
    expect(before.length).toBeGreaterThan(0);
    expect(await unmarkedOperators(pdf)).toEqual([]);
  });

  it('keeps the page numbers, now as pagination artifacts, one per page', async () => {
    const pages = Number(parseInfo(await pdfTool('pdfinfo', [], pdf))['Pages']);
    expect(paginationTexts(document)).toEqual(Array.from({ length: pages }, (_, index) => [`— ${index + 1} —`]));
    const text = await pdfTool('pdftotext', ['-enc', 'UTF-8'], pdf);
    for (let page = 1; page <= pages; page++) expect(squash(text)).toContain(`—${page}—`);
    expect(text).toBe(await pdfTool('pdftotext', ['-enc', 'UTF-8'], raw));
  });

  it('changes neither the structure tree nor the MCIDs, and passes qpdf --check', async () => {
    const marked = await withSteps(raw, markArtifacts);
    expect(await pdfTool('pdfinfo', ['-struct-text'], marked)).toBe(await pdfTool('pdfinfo', ['-struct-text'], raw));
    // The whole finishing differs from the repaired tree only by the artifacts and metadata.
    const repaired = await withSteps(raw, fixStructure, addLinkContents);
    expect(await pdfTool('pdfinfo', ['-struct-text'], pdf)).toBe(await pdfTool('pdfinfo', ['-struct-text'], repaired));
    expect(await pdfTool('qpdf', ['--check'], pdf)).toContain('No syntax or stream encoding errors found');
  });
});

describe('links', () => {
  it('gives every link annotation a /Contents, and every one is referenced by a Link element', async () => {
    const tagged = linkElements(document);
    const popplerLinks = new Set(linkTexts(await pdfTool('pdfinfo', ['-struct-text'], pdf)).map(squash));
    const contents: string[] = [];
    for (const page of document.getPages()) {
      const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
      for (const ref of annotations) {
        const annotation = document.context.lookup(ref);
        if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
        expect(ref).toBeInstanceOf(PDFRef);
        const element = ref instanceof PDFRef ? tagged.get(ref) : undefined;
        expect(element, `annotation ${String(ref)} has no Link element`).toBeDefined();
        const description = textOf(annotation.lookup(PDFName.of('Contents')));
        expect(description?.trim(), `annotation ${String(ref)}`).toBeTruthy();
        contents.push(description ?? '');
        // poppler, reading the tags with its own text extraction, sees the same text.
        expect(popplerLinks, description).toContain(squash(description ?? ''));
      }
    }
    expect(contents).toEqual(expect.arrayContaining(['目标表', '中国政府网', 'https://www.gov.cn/zhengce/']));
  });
});

describe('tags', () => {
  it('has the headings of the printed HTML, in order, as H1…H6 of the same levels (title H1, parts H2, …)', () => {
    const html = printedPages[0] ?? '';
    const expected: string[] = [];
    visit(fromHtml(html), 'element', (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName)) expected.push(`${node.tagName.toUpperCase()} ${squash(toText(node))}`);
    });
    const headings = elements.filter((element) => /^H[1-6]$/.test(element.role)).map((element) => `${element.role} ${squash(element.text ?? '')}`);
    expect(headings).toEqual(expected);
    expect(headings[0]).toBe('H1 2024年主要预期目标说明');
    expect(headings).toContain('H2 一、总体情况');
    expect(headings).toContain('H3 （一）主要预期目标');
  });

  it('gives every Figure alternate text (the Markdown alt, the text alternative of a chart)', () => {
    const figures = elements.filter((element) => element.role === 'Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure.alt?.trim(), JSON.stringify(figure)).toBeTruthy();
    expect(figures.map((figure) => figure.alt)).toContain(
      '柱状图。横轴：比上年增长（%）；纵轴：指标。共8项数据，最小值3（居民消费价格涨幅），最大值6.5（规模以上工业增加值、固定资产投资、社会消费品零售总额）。',
    );
  });

  it('tags the header cells of the table TH with column scope, and the others TD', () => {
    const headers = elements.filter((element) => element.role === 'TH');
    expect(headers.map((header) => squash(header.text ?? ''))).toEqual(['指标', '目标', '说明']);
    for (const header of headers) expect(header.scope).toBe('Column');
    const rows = elements.filter((element) => element.role === 'TR');
    expect(rows[0]?.kids).toEqual(['TH', 'TH', 'TH']);
    for (const row of rows.slice(1)) expect(row.kids.every((kid) => kid === 'TD')).toBe(true);
  });

  it('uses only PDF 1.7 standard types (after the role map), and list items hold only Lbl and LBody', () => {
    for (const element of elements) expect(PDF17_STANDARD_TYPES.has(element.role), element.type).toBe(true);
    const items = elements.filter((element) => element.role === 'LI');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.kids.every((kid) => kid === 'Lbl' || kid === 'LBody'), item.kids.join(' ')).toBe(true);
      expect(item.kids.filter((kid) => kid === 'LBody')).toHaveLength(1);
    }
  });
});

describe('reproducibility', () => {
  it('gives byte-identical PDFs for two renders of the same source', async () => {
    const again = await renderPdf(await parseReport(await readSource(SHOWCASE)), template, { date: DATE, browser });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pdf))).toBe(0);
  }, 300_000);
});
