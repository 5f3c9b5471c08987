import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { RootContent } from 'mdast';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { render, reportWithImages } from './fixture.ts';
import { greyPng } from '../helpers/png.ts';
import { paragraphs, partText, readDocx } from './read-docx.ts';

const EN = '---\nlang: en\ntemplate: default\n---\n\n';

function lineOf(markdown: string, needle: string): number {
  return markdown.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('content the Word output cannot show is reported, never thrown', () => {
  it('shows an SVG image as its alt text and warns at the image', async () => {
    const markdown = `${EN}Before ![A vector chart](tiny.svg) after.\n`;
    const report = await reportWithImages(markdown);
    const docx = readDocx(await render(report));
    expect(partText(docx.xml('word/document.xml'))).toContain('Before [A vector chart] after.');
    expect(Object.keys(docx.files).some((name) => name.startsWith('word/media/'))).toBe(false);
    const warning = report.file.messages.find((message) => message.ruleId === 'docx-image-format');
    expect(warning?.line).toBe(lineOf(markdown, 'tiny.svg'));
    expect(warning?.column).toBe(8);
  });

  it('shows a missing image as its alt text (the parse stage reported it)', async () => {
    const report = await reportWithImages(`${EN}# Report\n\n![Missing chart](nowhere.png)\n`);
    const docx = readDocx(await render(report));
    expect(partText(docx.xml('word/document.xml'))).toContain('[Missing chart]');
    expect(report.file.messages.map((message) => message.ruleId)).toEqual(['image-missing']);
  });

  it('scales a large image to the text width, keeping its aspect ratio', async () => {
    const folder = await temporaryFolder('press-docx-');
    await writeFile(path.join(folder, 'wide.png'), greyPng(2000, 1000));
    const markdown = `${EN}![Wide](wide.png)\n\n| A | B |\n| - | - |\n| ![Cell](wide.png) | x |\n`;
    const report = await parseReport(new VFile({ path: path.join(folder, 'input.md'), value: markdown }));
    const documentXml = readDocx(await render(report)).xml('word/document.xml');
    const extents = [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((match) => [Number(match[1]), Number(match[2])] as const);
    expect(extents).toHaveLength(2);
    const textWidthEmu = ((210 - 25 - 25) / 25.4) * 914400;
    const [page, cell] = extents;
    expect(Math.abs((page?.[0] ?? 0) - textWidthEmu)).toBeLessThan(9525 * 2);
    expect((page?.[0] ?? 0) / (page?.[1] ?? 1)).toBeCloseTo(2, 2);
    expect(cell?.[0] ?? 0).toBeLessThan(textWidthEmu / 2);
    expect((cell?.[0] ?? 0) / (cell?.[1] ?? 1)).toBeCloseTo(2, 1);
  });

  it('reports a link to an anchor that is no heading, and an unsafe link, keeping their text', async () => {
    const markdown = `${EN}# Real\n\nSee [nowhere](#missing) and [script](javascript:alert(1)) and [real](#real).\n`;
    const report = await reportWithImages(markdown);
    const documentXml = readDocx(await render(report)).xml('word/document.xml');
    expect(partText(documentXml)).toContain('See nowhere and script and real.');
    expect(documentXml.match(/<w:hyperlink /g)).toHaveLength(1);
    expect(documentXml).not.toContain('javascript');
    const rules = report.file.messages.map((message) => `${message.line}:${message.ruleId}`);
    expect(rules).toEqual([`${lineOf(markdown, 'nowhere')}:link-anchor-missing`, `${lineOf(markdown, 'nowhere')}:docx-link-unsafe`]);
  });

  it('numbers footnotes by first reference and reports unused ones', async () => {
    const markdown = `${EN}First ref[^late] then[^early].\n\n[^early]: Early definition.\n[^late]: Late definition.\n[^unused]: Never used.\n`;
    const report = await reportWithImages(markdown);
    const footnotes = readDocx(await render(report)).xml('word/footnotes.xml');
    expect(/<w:footnote w:id="1">.*?<\/w:footnote>/s.exec(footnotes)?.[0]).toContain('Late definition.');
    expect(/<w:footnote w:id="2">.*?<\/w:footnote>/s.exec(footnotes)?.[0]).toContain('Early definition.');
    expect(footnotes).not.toContain('Never used');
    const unused = report.file.messages.find((message) => message.ruleId === 'footnote-unused');
    expect(unused?.line).toBe(lineOf(markdown, '[^unused]:'));
  });

  it('reports a node type without a handler and keeps its text', async () => {
    const report = await reportWithImages(`${EN}Known paragraph.\n`);
    const custom = { type: 'customBlock', children: [{ type: 'text', value: 'Custom text' }], position: { start: { line: 9, column: 1 }, end: { line: 9, column: 12 } } };
    report.tree.children.push(custom as unknown as RootContent);
    const documentXml = readDocx(await render(report)).xml('word/document.xml');
    expect(partText(documentXml)).toContain('Custom text');
    const warning = report.file.messages.find((message) => message.ruleId === 'docx-unknown-node');
    expect(warning?.line).toBe(9);
    expect(warning?.reason).toContain('customBlock');
  });

  it('writes nested emphasis as one character style plus the other as its properties', async () => {
    const report = await reportWithImages(`${EN}A ***both*** word and a [**bold** link](https://example.org).\n`);
    const documentXml = readDocx(await render(report)).xml('word/document.xml');
    const both = /<w:r><w:rPr>(.*?)<\/w:rPr><w:t xml:space="preserve">both<\/w:t>/.exec(documentXml)?.[1] ?? '';
    expect(both).toMatch(/^<w:rStyle w:val="(Strong|Emphasis)"\/>/);
    expect(both).toMatch(/<w:b\/>|<w:i\/>/);
    const link = /<w:hyperlink [^>]*>(.*?)<\/w:hyperlink>/s.exec(documentXml)?.[1] ?? '';
    expect(link).toMatch(/<w:rStyle w:val="Hyperlink"\/><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">bold</);
    expect(partText(link)).toBe('bold link');
  });
});

describe('raw HTML in the Word output', () => {
  const markdown = `${EN}Water is H<sub>2</sub>O, E = mc<sup>2</sup>, <u>under</u>, <mark>marked</mark>, <del>gone</del>.

Go <a href="https://example.org"><b>bold</b> link</a> now, or <a href="javascript:alert(1)">not</a>.

Inline <script>alert('inline')</script>safe text.

<!-- a comment -->

<table><tr><td>Cell one</td><td>Cell two</td></tr></table>

<div>
Block <em>text</em> kept<br>on two lines.
</div>
`;

  it('turns inline tags into character styles, links and breaks, across sibling nodes', async () => {
    const report = await reportWithImages(markdown);
    const documentXml = readDocx(await render(report)).xml('word/document.xml');
    for (const [style, text] of [
      ['Subscript', '2'],
      ['Superscript', '2'],
      ['Underline', 'under'],
      ['Highlight', 'marked'],
      ['Strikethrough', 'gone'],
      ['Emphasis', 'text'],
    ] as const) {
      expect(documentXml).toContain(`<w:rStyle w:val="${style}"/></w:rPr><w:t xml:space="preserve">${text}</w:t>`);
    }
    const link = /<w:hyperlink [^>]*>(.*?)<\/w:hyperlink>/s.exec(documentXml)?.[1] ?? '';
    expect(partText(link)).toBe('bold link');
    expect(documentXml.match(/<w:hyperlink /g)).toHaveLength(1);
    const block = paragraphs(documentXml).find((paragraph) => partText(paragraph).includes('Block')) ?? '';
    expect(partText(block)).toBe('\nBlock text kept\non two lines.');
  });

  it('drops script content, keeps the text of what Word cannot show, and reports at the lines', async () => {
    const report = await reportWithImages(markdown);
    const text = partText(readDocx(await render(report)).xml('word/document.xml'));
    expect(text).not.toContain('alert');
    expect(text).toContain('Inline safe text.');
    expect(text).toMatch(/Cell one\s*Cell two/);
    const at = (needle: string) => report.file.messages.filter((message) => message.line === lineOf(markdown, needle)).map((message) => message.ruleId);
    expect(at('<table>')).toContain('docx-raw-html');
    expect(at('<!-- a comment -->')).toContain('raw-html-comment');
    expect(at('Inline <script>')).toContain('raw-html-removed');
  });

  it('reports an HTML comment itself when no earlier stage did', async () => {
    const report = await reportWithImages(markdown);
    report.file.messages.length = 0;
    await render(report);
    const comment = report.file.messages.find((message) => message.line === lineOf(markdown, '<!-- a comment -->'));
    expect(comment?.ruleId).toBe('docx-raw-html');
  });
});
