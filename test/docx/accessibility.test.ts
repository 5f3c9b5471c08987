/**
 * Word's accessibility checks (issue 4, point 9), run on the Word file of the sample, the
 * showcase and every fixture, as Word's Accessibility Checker runs them: every picture has alt
 * text (or the build warned at the image's line), every table a header row that repeats, every
 * heading a heading style with an outline level that does not skip, a document title and a
 * language.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import type { Report } from '../../pipeline/types.ts';
import { allDocuments, ROOT } from '../helpers/documents.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { greyPng } from '../helpers/png.ts';
import { paragraphs, paragraphStyle, partText, readDocx, styleXml, type DocxPackage } from './read-docx.ts';

async function wordFile(report: Report): Promise<DocxPackage> {
  const template = await loadTemplate(report.meta.template);
  return readDocx(await renderDocx(report, template, { date: new Date('2024-01-15T00:00:00Z') }));
}

/** What Word's Accessibility Checker would list for a package, one line per problem. */
function accessibilityProblems(docx: DocxPackage, report: Report): string[] {
  const problems: string[] = [];
  const document = docx.xml('word/document.xml');
  const styles = docx.xml('word/styles.xml');

  // Missing alternative text: each picture without a description must have been warned about.
  const pictures = [...document.matchAll(/<wp:docPr\b[^>]*\/?>/g)].map((match) => match[0]);
  const withoutAlt = pictures.filter((docPr) => !/\bdescr="[^"]*\S[^"]*"/.test(docPr)).length;
  const warned = report.file.messages.filter((message) => message.ruleId === 'image-alt-missing').length;
  if (withoutAlt > warned) problems.push(`${withoutAlt} pictures without alt text, ${warned} warned`);

  // Missing table header: the first row of every table is a header row. A table floated to a
  // place on the page (w:tblpPr: the 公文's 版记 at the foot of its last page) lays out lines, not data.
  for (const [index, table] of [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].entries()) {
    if (/<w:tblpPr\b[^>]*w:tblpYSpec="bottom"/.test(table[0])) continue;
    const firstRow = /<w:tr\b.*?<\/w:tr>/s.exec(table[0])?.[0] ?? '';
    if (!/<w:trPr>.*?<w:tblHeader\/>.*?<\/w:trPr>/s.test(firstRow)) problems.push(`table ${index + 1} has no header row`);
  }

  // Headings: each source heading (but the one that became the title) is a paragraph in a
  // heading style (or one with an outline level), in order, and the outline levels never skip.
  const expected: string[] = [];
  visit(report.tree, 'heading', (heading: Heading) => {
    expected.push(toString(heading).trim());
  });
  if (report.file.data.title?.source === 'heading') expected.shift();
  const outlineOf = (id: string) => Number(/<w:outlineLvl w:val="(\d)"\/>/.exec(styleXml(styles, id))?.[1] ?? -1);
  const headings = paragraphs(document)
    .map((paragraph) => ({ style: paragraphStyle(paragraph) ?? '', text: partText(paragraph).trim() }))
    // A heading style, or a style of its own with an outline level (a 公文's 附件 mark): Word lists both as headings.
    .filter((paragraph) => /^Heading\d$/.test(paragraph.style) || (paragraph.style !== '' && outlineOf(paragraph.style) >= 0));
  const found = headings.map((heading) => heading.text);
  if (JSON.stringify(found) !== JSON.stringify(expected.filter((text) => text !== ''))) problems.push(`headings in heading styles: ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  let previous = -1;
  for (const heading of headings) {
    const level = outlineOf(heading.style);
    if (level < 0) problems.push(`style ${heading.style} has no outline level`);
    if (level > previous + 1) problems.push(`heading "${heading.text}" skips from outline level ${previous} to ${level}`);
    previous = level;
  }

  // Document title and language.
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(docx.xml('docProps/core.xml'))?.[1] ?? '';
  if (title.trim() === '') problems.push('no document title');
  const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)?.[0] ?? '';
  const lang = report.meta.lang;
  const declared = lang.toLowerCase().startsWith('zh') ? `w:eastAsia="${lang}"` : `w:val="${lang}"`;
  if (!defaults.includes(declared)) problems.push(`document language ${lang} not set in the document defaults`);
  return problems;
}

describe('Word accessibility checks pass on every document', async () => {
  const documents = await allDocuments();
  it.each(documents.map((file) => [path.relative(ROOT, file), file]))('%s', async (_, file) => {
    const report = await parseReport(new VFile({ path: file, value: await readFile(file, 'utf8') }));
    const docx = await wordFile(report);
    expect(accessibilityProblems(docx, report)).toEqual([]);
  });
});

describe('the checks find what Word would flag', () => {
  it('a picture without alt text is a warning at its line, and the check counts it', async () => {
    const folder = await temporaryFolder('press-docx-a11y-');
    await writeFile(path.join(folder, 'chart.png'), greyPng(40, 20));
    const markdown = '---\ntitle: 图片\nlang: zh-CN\n---\n\n# 一、概况\n\n![](chart.png)\n\n![图表](chart.png)\n';
    const report = await parseReport(new VFile({ path: path.join(folder, 'input.md'), value: markdown }));
    const warnings = report.file.messages.filter((message) => message.ruleId === 'image-alt-missing');
    expect(warnings.map((message) => message.line)).toEqual([8]);
    const docx = await wordFile(report);
    expect(accessibilityProblems(docx, report)).toEqual([]);
    // Without the warning, the same file fails the check: it is not vacuous.
    report.file.messages.splice(0, report.file.messages.length);
    expect(accessibilityProblems(docx, report)).toEqual(['1 pictures without alt text, 0 warned']);
  });

  it('a table without a header row, a skipped outline level and a missing title are each found', async () => {
    const report = await parseReport(new VFile({ path: path.join(ROOT, 'input.md'), value: '---\ntitle: 表格\nlang: zh-CN\n---\n\n# 一、甲\n\n## （一）乙\n\n| 项目 | 数值 |\n| --- | --- |\n| 甲 | 1 |\n' }));
    const docx = await wordFile(report);
    expect(accessibilityProblems(docx, report)).toEqual([]);
    const document = docx.xml('word/document.xml');
    const broken: DocxPackage = {
      files: docx.files,
      xml: (name) => {
        if (name === 'word/document.xml') return document.replace('<w:tblHeader/>', '').replace(/<w:pStyle w:val="Heading1"\/>/, '<w:pStyle w:val="Heading3"/>');
        if (name === 'docProps/core.xml') return docx.xml(name).replace(/<dc:title>[^<]*<\/dc:title>/, '<dc:title></dc:title>');
        return docx.xml(name);
      },
    };
    const problems = accessibilityProblems(broken, report);
    expect(problems).toContain('table 1 has no header row');
    expect(problems.some((problem) => problem.includes('skips from outline level -1 to 2'))).toBe(true);
    expect(problems).toContain('no document title');
  });
});
