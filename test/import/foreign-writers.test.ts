/**
 * Word files from other writers import without loss of text and with their structure: one that
 * LibreOffice wrote (from HTML), one that python-docx wrote with real heading and list styles, and
 * one made as Chinese offices make them, with direct formatting and no heading styles.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { docxToMarkdown } from '../../pipeline/read/docx/markdown.ts';
import { readDocx } from '../../pipeline/read/docx/read-docx.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { makeDocx, p, run as textRun } from './make-docx.ts';

const exec = promisify(execFile);

const read = (bytes: Uint8Array) => readDocx(bytes, { trackChanges: 'all', mediaFolder: 'doc-media', fileName: 'doc.docx' });

/** The text of the document's blocks, white space removed. */
const textOf = (tree: Root) => tree.children.filter((node) => node.type !== 'yaml').map((node) => toString(node, { includeHtml: false })).join('').replace(/\s+/g, '');

/** The fragments that are missing from `text`, or out of order. */
function missingInOrder(text: string, fragments: string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment.replace(/\s+/g, ''), from);
    if (at < 0) missing.push(fragment);
    else from = at + fragment.replace(/\s+/g, '').length;
  }
  return missing;
}

describe('Word files from other writers', { timeout: 300_000 }, () => {
  it('LibreOffice: headings, formatting, nested lists, a table and a link, every word kept', async () => {
    const folder = await temporaryFolder('press-import-lo-');
    await writeFile(
      path.join(folder, 'plan.html'),
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Annual plan</title></head><body>
<h1>Annual plan</h1>
<p>The plan has <b>bold words</b>, <i>italic words</i>, <s>struck words</s>, H<sub>2</sub>O and x<sup>2</sup>.</p>
<h2>Targets</h2>
<ol><li>Grow the economy<ul><li>Consumption</li><li>Investment</li></ul></li><li>Improve services</li></ol>
<table border="1"><thead><tr><th>Indicator</th><th>Target</th></tr></thead><tbody><tr><td>GDP</td><td>6%</td></tr><tr><td>Jobs</td><td>120 000</td></tr></tbody></table>
<h3>Links</h3>
<p>See <a href="https://www.gov.cn/">the portal</a> for more.</p>
</body></html>`,
    );
    await exec('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', folder, path.join(folder, 'plan.html')], { timeout: 120_000 });
    const result = read(new Uint8Array(await readFile(path.join(folder, 'plan.docx'))));
    const markdown = docxToMarkdown(result);
    expect(missingInOrder(textOf(result.tree), ['Annual plan', 'The plan has bold words, italic words, struck words, H2O and x2.', 'Targets', 'Grow the economy', 'Consumption', 'Investment', 'Improve services', 'Indicator', 'Target', 'GDP', '6%', 'Jobs', '120 000', 'Links', 'See the portal for more.'])).toEqual([]);
    expect(markdown).toContain('# Annual plan\n');
    expect(markdown).toContain('## Targets\n');
    expect(markdown).toContain('### Links\n');
    expect(markdown).toContain('**bold words**, *italic words*, ~~struck words~~, H<sub>2</sub>O and x<sup>2</sup>.');
    expect(markdown).toContain('1. Grow the economy\n   - Consumption\n   - Investment\n2. Improve services\n');
    expect(markdown).toContain('| Indicator | Target |');
    expect(markdown).toContain('| Jobs | 120 000 |');
    expect(markdown).toContain('[the portal](https://www.gov.cn/)');
    expect(result.warnings).toEqual([]);
  });

  it('python-docx: Title, Heading 1–2, List Bullet and List Number styles, a table', async () => {
    const folder = await temporaryFolder('press-import-pd-');
    const script = path.join(folder, 'make.py');
    await writeFile(
      script,
      `import sys
from docx import Document
doc = Document()
doc.core_properties.title = 'Service report'
doc.core_properties.author = 'City Office'
doc.add_heading('Service report', 0)
doc.add_heading('Overview', 1)
p = doc.add_paragraph('Plain text with ')
p.add_run('bold').bold = True
p.add_run(' and ')
p.add_run('italic').italic = True
p.add_run(' runs.')
doc.add_heading('Tasks', 2)
doc.add_paragraph('First bullet', style='List Bullet')
doc.add_paragraph('Second bullet', style='List Bullet')
doc.add_paragraph('Step one', style='List Number')
doc.add_paragraph('Step two', style='List Number')
doc.add_heading('Figures', 1)
t = doc.add_table(rows=3, cols=2)
for r, (a, b) in enumerate([('Name', 'Value'), ('Schools', '12'), ('Clinics', '7')]):
    t.cell(r, 0).text = a
    t.cell(r, 1).text = b
doc.add_paragraph('Closing paragraph.')
doc.save(sys.argv[1])
`,
    );
    await exec('/usr/bin/python3', [script, path.join(folder, 'report.docx')]);
    const result = read(new Uint8Array(await readFile(path.join(folder, 'report.docx'))));
    const markdown = docxToMarkdown(result);
    expect(markdown).toMatch(/^---\ntitle: Service report\nauthor: City Office\n/);
    expect(markdown).toContain('# Overview\n\nPlain text with **bold** and *italic* runs.\n\n## Tasks\n\n- First bullet\n- Second bullet\n\n1. Step one\n2. Step two\n\n# Figures\n');
    expect(markdown).toContain('| Name | Value |\n| - | - |\n| Schools | 12 |\n| Clinics | 7 |');
    expect(missingInOrder(textOf(result.tree), ['Overview', 'Plain text with bold and italic runs.', 'Tasks', 'First bullet', 'Second bullet', 'Step one', 'Step two', 'Figures', 'Name', 'Value', 'Schools', '12', 'Clinics', '7', 'Closing paragraph.'])).toEqual([]);
  });

  it('a Chinese office’s direct formatting: centred 小标宋 title, 一、 in 黑体, （一） in 楷体, 1. and （1） in bold, body 仿宋', () => {
    const font = (name: string, size = 32) => `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}"/><w:sz w:val="${size}"/>`;
    const body = (text: string) => p(textRun(text, font('仿宋_GB2312')), '<w:ind w:firstLineChars="200"/>');
    const bytes = makeDocx({
      body: [
        p(textRun('关于2024年重点工作的报告', font('方正小标宋简体', 44)), '<w:jc w:val="center"/>'),
        p(textRun('——2024年1月在全市工作会议上', font('楷体_GB2312')), '<w:jc w:val="center"/>'),
        body('过去一年，全市上下共同努力，各项工作取得新成效。'),
        p(textRun('一、总体要求', font('黑体'))),
        body('坚持稳中求进工作总基调。'),
        p(textRun('（一）指导思想', font('楷体_GB2312'))),
        body('以新发展理念为引领。'),
        p(textRun('1.主要目标', `<w:b/>${font('仿宋_GB2312')}`)),
        p(textRun('（1）经济增长', `<w:b/>${font('仿宋_GB2312')}`)),
        body('1.这是正文里以数字开头的一句话，不是标题，因为它没有加粗。'),
        p(`${textRun('一是坚持改革。', `<w:b/>${font('仿宋_GB2312')}`)}${textRun('这是带加粗引领句的正文段落。', font('仿宋_GB2312'))}`),
        p(textRun('二、重点任务', font('黑体'))),
        body('全力以赴抓落实。'),
      ].join(''),
    });
    const result = read(bytes);
    const markdown = docxToMarkdown(result);
    expect(markdown).toMatch(/^---\ntitle: 关于2024年重点工作的报告\nsubtitle: ——2024年1月在全市工作会议上\nlang: zh-CN\n---\n/);
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['# 一、总体要求', '## （一）指导思想', '### 1.主要目标', '#### （1）经济增长', '# 二、重点任务']);
    expect(markdown).toContain('\n1.这是正文里以数字开头的一句话');
    expect(markdown).toContain('**一是坚持改革。**这是带加粗引领句的正文段落。');
    // Chinese punctuation is never escaped, lines never wrapped.
    expect(markdown).not.toMatch(/\\[，。、（）]/);
    expect(markdown).toContain('过去一年，全市上下共同努力，各项工作取得新成效。\n');
  });
});
