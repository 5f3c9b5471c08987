// Named destinations of the printed PDF stay within PDF's 127-byte limit for names (ISO 32000-1,
// Annex C), however long the heading ids are, while links, contents and outline still reach them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from '@cantoo/pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, shortDestinationName } from '../../pipeline/render/pdf/destination-names.ts';
import { destinationPages } from '../../pipeline/render/pdf/toc-pages.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { printMarkdown, removeTempDirs, type Printed } from '../layout/support.ts';

const run = promisify(execFile);

// 37 ideographs: 333 bytes once percent-encoded (9 per ideograph), as Chromium names it.
const LONG = '坚持以习近平新时代中国特色社会主义思想为指导全面贯彻党的二十大精神推动高质量发展';
const LONG_ID = `一${LONG}`;
// Same first ideographs, different ending: the short names must still differ.
const LONG_TOO = `三${LONG}和高水平安全`;

const MARKDOWN = [
  '---',
  'title: 测试报告',
  'toc: true',
  '---',
  '',
  `# 一、${LONG}`,
  '',
  '正文一。',
  '',
  '# 二、短标题',
  '',
  `正文二，见[上文](#${LONG_ID})。`,
  '',
  // Enough text that the third part starts on a later page.
  ...Array.from({ length: 12 }, () => ['各位代表，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展。'.repeat(6), '']).flat(),
  `# 三、${LONG}和高水平安全`,
  '',
  `正文三，见[第二部分](#二短标题)和[第三部分](#${LONG_TOO})。`,
  '',
].join('\n');

describe('shortDestinationName', () => {
  it('is short, stable, readable at its start and distinct for ids that share a long beginning', () => {
    const name = shortDestinationName(LONG_ID);
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toBe(shortDestinationName(LONG_ID));
    expect(decodeURIComponent(name).startsWith('一坚持')).toBe(true);
    expect(shortDestinationName(`${LONG_ID}x`)).not.toBe(name);
    expect(shortDestinationName('a'.repeat(300))).toMatch(/^a+~[0-9a-f]{12}$/);
  });
});

describe('named destinations of a report with long Chinese headings', () => {
  let browser: Browser;
  let printed: Printed;
  let document: PDFDocument;

  beforeAll(async () => {
    browser = await startBrowser();
    printed = await printMarkdown(browser, MARKDOWN);
    document = await PDFDocument.load(printed.pdf, { updateMetadata: false });
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await removeTempDirs();
  });

  it('reads back without poppler warning about over-long names', async () => {
    expect(printed.report.file.messages.filter((message) => message.fatal === true)).toEqual([]);
    const { stderr } = await run('pdftotext', ['-enc', 'UTF-8', printed.file, '-']);
    expect(stderr).not.toMatch(/name token is longer/);
  });

  it('has no name longer than 127 bytes among its destinations and links', () => {
    const names: string[] = [];
    const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    for (const [key] of dests?.entries() ?? []) names.push(key.decodeText());
    for (const [, object] of document.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue;
      for (const dict of [object, object.lookupMaybe(PDFName.of('A'), PDFDict)]) {
        for (const key of ['Dest', 'D']) {
          const value = dict?.get(PDFName.of(key));
          if (value instanceof PDFName) names.push(value.decodeText());
        }
      }
    }
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) expect(name.length, name).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(names).toContain(shortDestinationName(LONG_ID));
    expect(names).toContain(shortDestinationName(LONG_TOO));
  });

  it('still leads every link to its heading’s page, and the contents agree', async () => {
    const pageOf = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
    const dests = document.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const targets: number[] = [];
    for (const page of document.getPages()) {
      const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let index = 0; index < (annotations?.size() ?? 0); index++) {
        const annotation = annotations?.lookup(index, PDFDict);
        const name = annotation?.get(PDFName.of('Dest'));
        if (!(name instanceof PDFName)) continue;
        const destination = dests.lookup(name, PDFArray);
        const target = destination.get(0);
        targets.push(target instanceof PDFRef ? (pageOf.get(target.toString()) ?? 0) : 0);
      }
    }
    // Three contents entries and three links in the text, every one to a page of the document.
    expect(targets.length).toBeGreaterThanOrEqual(6);
    for (const target of targets) expect(target).toBeGreaterThan(0);
    const pages = await destinationPages(printed.pdf, [LONG_ID, '二短标题', LONG_TOO]);
    expect(pages.get(LONG_ID)).toBeGreaterThan(0);
    expect(pages.get(LONG_TOO)).toBeGreaterThan(pages.get(LONG_ID) ?? Infinity);
    expect(pages.get('二短标题')).toBe(pages.get(LONG_ID));
  });
});
