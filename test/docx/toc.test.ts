/**
 * The Word contents (issue 4, point 4): with `toc: true`, a real TOC field whose cached entries
 * show every heading with the page it has in the print PDF.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { destinationPages } from '../../pipeline/render/pdf/toc-pages.ts';
import { docxParts } from '../helpers/read-back.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { CHINESE_SAMPLE, render, reportWithImages } from './fixture.ts';
import { paragraphStyle, partText, readDocx } from './read-docx.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface TocEntry {
  style: string;
  anchor: string;
  text: string;
  page: string;
}

/** The contents field of a document.xml: its instruction and cached entries. */
function contentsField(documentXml: string): { instruction: string; dirty: boolean; entries: TocEntry[] } {
  const sdt = /<w:sdt>.*?<w:docPartGallery w:val="Table of Contents"\/>.*?<\/w:sdt>/s.exec(documentXml)?.[0] ?? '';
  const instruction = /<w:instrText[^>]*>([^<]*)<\/w:instrText>/.exec(sdt)?.[1]?.replace(/&quot;/g, '"') ?? '';
  const entries = [...sdt.matchAll(/<w:p>.*?<\/w:p>/gs)].map(([paragraph]) => {
    const texts = [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? '');
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1] ?? '',
      anchor: /<w:hyperlink[^>]*w:anchor="([^"]+)"/.exec(paragraph)?.[1] ?? '',
      text: texts.slice(0, -1).join(''),
      page: texts.at(-1) ?? '',
    };
  });
  return { instruction, dirty: /<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/.test(sdt), entries };
}

describe('Word contents of showcase.md (toc: true), built with the print PDF', () => {
  it('is a TOC field whose entries show each heading with its page in the print PDF', { timeout: 240_000 }, async () => {
    const outDir = await temporaryFolder();
    const result = await build({ input: path.join(root, 'source/examples/showcase.md'), outDir, formats: ['pdf', 'docx'] });
    expect(result.ok).toBe(true);
    expect(result.report.file.messages.filter((message) => message.ruleId === 'docx-toc-pages')).toEqual([]);
    const pages = await destinationPages(new Uint8Array(await readFile(path.join(outDir, 'showcase.pdf'))));
    const headings: { id: string; text: string; level: number }[] = [];
    visit(result.report.tree, 'heading', (heading: Heading) => {
      if (heading.data?.id) headings.push({ id: heading.data.id, text: toString(heading), level: heading.data.level ?? heading.depth });
    });
    expect(headings.length).toBeGreaterThan(2);

    const documentXml = (await docxParts(path.join(outDir, 'showcase.docx')))['word/document.xml'] ?? '';
    const field = contentsField(documentXml);
    expect(field.instruction).toMatch(/^TOC\b/);
    expect(field.instruction).toContain('\\o "1-3"');
    expect(field.instruction).toContain('\\h');
    expect(documentXml).toMatch(/<w:fldChar w:fldCharType="begin"[^>]*\/>.*<w:fldChar w:fldCharType="separate"\/>.*<w:fldChar w:fldCharType="end"\/>/s);
    expect(field.dirty).toBe(false);
    const expected = headings.filter((heading) => heading.level <= 3).map((heading) => ({ text: heading.text, page: String(pages.get(heading.id)), style: `TOC${heading.level}` }));
    expect(expected.every((entry) => entry.page !== 'undefined')).toBe(true);
    expect(field.entries.map(({ text, page, style }) => ({ text, page, style }))).toEqual(expected);
    // Each entry links to its heading's bookmark.
    for (const entry of field.entries) expect(documentXml).toContain(`<w:bookmarkStart w:name="${entry.anchor}"`);
    console.log(field.entries.map((entry) => `${entry.text} … ${entry.page}`).join('\n'));
  });
});

describe('Word contents built without the print PDF', async () => {
  const report = await reportWithImages(CHINESE_SAMPLE.replace(/^---\n/, '---\ntoc: true\n'));
  const docx = readDocx(await render(report));
  const field = contentsField(docx.xml('word/document.xml'));

  it('writes its entries in styles the document defines (toc 1–3, Index Link)', () => {
    const styles = docx.xml('word/styles.xml');
    for (const id of ['TOC1', 'TOC2', 'TOC3', 'IndexLink']) expect(styles).toContain(`w:styleId="${id}"`);
    expect(new Set(field.entries.map((entry) => entry.style))).toEqual(new Set(['TOC1', 'TOC2']));
  });

  it('lists the headings without page numbers, in a field Word updates, and says so in a note', () => {
    expect(field.instruction).toContain('\\o "1-3"');
    expect(field.entries.length).toBeGreaterThan(0);
    expect(field.entries.every((entry) => entry.page === '' && entry.text !== '')).toBe(true);
    expect(field.dirty).toBe(true);
    const notes = report.file.messages.filter((message) => message.ruleId === 'docx-toc-pages');
    expect(notes.map((message) => message.fatal)).toEqual([undefined]);
  });
  it('is titled 目录 in a TOC Heading paragraph right before the field, as the PDF and the web page are', () => {
    const documentXml = docx.xml('word/document.xml');
    const before = documentXml.slice(0, documentXml.indexOf('<w:sdt>'));
    const last = before.match(/<w:p>(?:(?!<w:p>).)*?<\/w:p>$/s)?.[0] ?? '';
    expect(paragraphStyle(last)).toBe('TOCHeading');
    expect(partText(last).trim()).toBe('目录');
    const style = /<w:style [^>]*w:styleId="TOCHeading".*?<\/w:style>/s.exec(docx.xml('word/styles.xml'))?.[0] ?? '';
    expect(style).toContain('<w:name w:val="TOC Heading"/>');
    // Not a heading: it stays out of the outline and of the contents themselves.
    expect(style).not.toMatch(/<w:outlineLvl w:val="[0-8]"\/>/);
  });
});

describe('Word contents title in English', () => {
  it('is "Contents"', async () => {
    const docx = readDocx(await render(await reportWithImages('---\ntitle: Report\nlang: en\ntoc: true\n---\n\n# One\n\nText.\n')));
    const documentXml = docx.xml('word/document.xml');
    const heading = [...documentXml.matchAll(/<w:p>(?:(?!<w:p>).)*?<\/w:p>/gs)].map((match) => match[0]).find((paragraph) => paragraphStyle(paragraph) === 'TOCHeading');
    expect(partText(heading ?? '').trim()).toBe('Contents');
  });
});
