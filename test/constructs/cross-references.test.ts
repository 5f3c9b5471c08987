import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { destinationPages } from '../../pipeline/render/pdf/toc-pages.ts';
import { parseMarkdown } from '../../pipeline/parse/parse.ts';
import { VFile } from 'vfile';
import type { Report } from '../../pipeline/types.ts';
import { messageSummary, reportFrom, temporaryFolder, TINY_PNG } from '../helpers/report.ts';
import { applyEdits } from '../../pipeline/fix/apply-fixes.ts';
import { readDocx as readWordFile } from '../../pipeline/read/docx/read-docx.ts';
import { docxToMarkdown } from '../../pipeline/read/docx/markdown.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/documents.ts';
import { pageTexts, printMarkdown } from '../layout/support.ts';

const run = promisify(execFile);
const DATE = new Date('2024-03-01T08:00:00Z');

const CHINESE = `---
title: 交叉引用
lang: zh-CN
template: gov-report
---

# 一、目标 {#sec-goals}

如@fig-targets所示，增长见[@tbl-budget; @eq-growth]，参见@sec-goals。邮件 a@fig-x.com 不是引用，\`@fig-targets\` 也不是。

![主要预期目标](chart.png){#fig-targets}

表3　2024年预算 {#tbl-budget}

| 项目 | 金额 |
| --- | --- |
| 教育 | 10 |

$$
y = (1 + g)^t
$$ {#eq-growth}

# 二、措施

![没有标签的图](chart.png)
图9　手写编号的图

![第二幅图](chart.png "图7　标题里的旧编号"){#fig-second}

$$E = mc^2$$ {#eq-energy}

见@fig-second与@eq-energy。

\`\`\`markdown
$$
x
$$ {#eq-in-code}
\`\`\`
`;

const ENGLISH = `---
title: Cross-references
lang: en
template: default
crossref:
  chapters: true
---

# Goals

See @fig-a, @tbl-b and @eq-c.

![Alt text as the caption](chart.png){#fig-a}

| a | b |
|---|---|
| 1 | 2 |

: Budget lines {#tbl-b}

# Means

$$
a^2 + b^2 = c^2
$$ {#eq-c}

![Second chapter's figure](chart.png){#fig-d}

As @fig-d shows.
`;

/** Parse Markdown as `input.md` in a folder holding `chart.png`. */
async function report(markdown: string): Promise<Report> {
  const folder = await temporaryFolder('press-crossref-');
  await writeFile(path.join(folder, 'chart.png'), TINY_PNG);
  return reportFrom(markdown, folder);
}

describe('cross-references: numbering and references', () => {
  it('numbers labelled figures, tables and equations in order and writes references as their names', async () => {
    const parsed = await report(CHINESE);
    expect(messageSummary(parsed).filter((line) => line.includes('error'))).toEqual([]);
    const html = await renderHtml(parsed, await loadTemplate('gov-report'), { date: DATE, variant: 'screen' });
    expect(html).toContain('如<a href="#fig-targets">图1</a>所示，增长见<a href="#tbl-budget">表1</a>、<a href="#eq-growth">式(1)</a>，参见<a href="#sec-goals">一、目标</a>。');
    expect(html).toContain('见<a href="#fig-second">图2</a>与<a href="#eq-energy">式(2)</a>。');
    // Not references: an e-mail address, inline code.
    expect(html).toContain('<a href="mailto:a@fig-x.com">a@fig-x.com</a>');
    expect(html).toContain('<code>@fig-targets</code>');
    // Targets: anchors and numbered captions; a hand-written number on a labelled caption gives way to the automatic one.
    expect(html).toContain('<h2 id="sec-goals">一、目标</h2>');
    expect(html).toMatch(/<figure id="fig-targets">.*<figcaption><span class="caption-number">图1<\/span>　主要预期目标<\/figcaption>/);
    expect(html).toContain('<caption><span class="caption-number">表1</span>　2024年预算</caption>');
    expect(html).toMatch(/<div class="equation" id="eq-growth"><math display="block".*<\/math><span class="equation-number">\(1\)<\/span><\/div>/);
    expect(html).toMatch(/<div class="equation" id="eq-energy"><math display="block".*<\/math><span class="equation-number">\(2\)<\/span><\/div>/);
    expect(html).toContain('<figcaption><span class="caption-number">图2</span>　标题里的旧编号</figcaption>');
    // An unlabelled figure keeps its caption line as written, and is not counted.
    expect(html).toContain('<figcaption>图9　手写编号的图</figcaption>');
    // A code block showing the syntax keeps it.
    expect(html).toContain('$$ {#eq-in-code}');
    for (const label of ['{#fig-', '{#tbl-', '{#sec-', '{#eq-growth', '{#eq-energy']) expect(html).not.toContain(label);
  });

  it('numbers by chapter with crossref: chapters, in English words, the alt text a labelled image’s caption', async () => {
    const parsed = await report(ENGLISH);
    expect(messageSummary(parsed)).toEqual([]);
    const html = await renderHtml(parsed, await loadTemplate('default'), { date: DATE, variant: 'screen' });
    expect(html).toContain('See <a href="#fig-a">Figure 1-1</a>, <a href="#tbl-b">Table 1-1</a> and <a href="#eq-c">Equation (2-1)</a>.');
    expect(html).toContain('<figcaption><span class="caption-number">Figure 1-1</span>: Alt text as the caption</figcaption>');
    expect(html).toContain('<caption><span class="caption-number">Table 1-1</span>: Budget lines</caption>');
    expect(html).toContain('As <a href="#fig-d">Figure 2-1</a> shows.');
  });

  it('reports a reference without a target and a label given twice at their places, as errors', async () => {
    const parsed = await report('---\nlang: en\n---\n\n# A {#sec-a}\n\nSee @fig-tagrets and [@tbl-x; @sec-a].\n\n![One](chart.png){#fig-targets}\n\n![Two](chart.png){#fig-targets}\n\n## B {#sec-a}\n');
    expect(messageSummary(parsed).sort()).toEqual(['11:18 crossref-duplicate error', '13:6 crossref-duplicate error', '7:23 crossref-unknown error', '7:5 crossref-unknown error']);
    const reasons = parsed.file.messages.map((message) => message.reason);
    expect(reasons).toContainEqual(expect.stringContaining('@fig-tagrets: no figure, table, equation or section has the label {#fig-tagrets} (did you mean @fig-targets?)'));
    expect(reasons).toContainEqual(expect.stringContaining('Label {#fig-targets} is already given on line 9'));
  });

  it('reads captions under tables, and references in captions, in files with no label at all', async () => {
    const parsed = await report('---\nlang: en\n---\n\n| a |\n| - |\n| 1 |\n\n: Under the table\n\n![A chart](chart.png "See @sec-nothing")\n');
    const html = await renderHtml(parsed, await loadTemplate('default'), { date: DATE, variant: 'screen' });
    expect(html).toContain('<caption>Under the table</caption>');
    expect(messageSummary(parsed).filter((line) => line.endsWith('error'))).toEqual(['11:1 crossref-unknown error']);
  });

  it('resolves references in captions, and refuses a label a heading already has as its id', async () => {
    const parsed = await report('---\nlang: en\n---\n\n## Fig A\n\n![Compare with @tbl-b](chart.png){#fig-a}\n\n| a |\n| - |\n| 1 |\n\n: Budget, see @fig-a {#tbl-b}\n');
    const html = await renderHtml(parsed, await loadTemplate('default'), { date: DATE, variant: 'screen' });
    expect(messageSummary(parsed).filter((line) => line.endsWith('error'))).toEqual(['7:34 crossref-duplicate error', '13:15 crossref-unknown error']);
    expect(html).toContain('<figcaption>Compare with <a href="#tbl-b">Table 1</a></figcaption>');
  });

  it('takes a label only from an image that becomes a figure, and points at each label of a list', async () => {
    const parsed = await report('---\nlang: en\n---\n\n- ![A](chart.png){#fig-a}\n\nText ![B](chart.png){#fig-b} more.\n\nSee [@fig-ab; @fig-a].\n');
    expect(messageSummary(parsed).filter((line) => line.endsWith('error'))).toEqual(['9:6 crossref-unknown error', '9:15 crossref-unknown error']);
    const html = await renderHtml(parsed, await loadTemplate('default'), { date: DATE, variant: 'screen' });
    expect(html).toContain('{#fig-a}');
    expect(html).toContain('{#fig-b} more.');
  });

  it('checks and fixes the punctuation of labelled captions and definition terms', async () => {
    const source = '---\nlang: zh-CN\n---\n\n表1　预算,情况 {#tbl-b}\n\n| 项目 |\n| --- |\n| 教育 |\n\n| 项目 |\n| --- |\n| 教育 |\n\n: 下方,标题\n\n术语,一\n: 定义。\n';
    const parsed = await report(source);
    const fixed = applyEdits(source, parsed.file.data.fixes ?? []);
    expect(fixed).toContain('表1　预算，情况 {#tbl-b}');
    expect(fixed).toContain(': 下方，标题');
    expect(fixed).toContain('术语，一\n');
  });

  it('keeps the source’s text around labels and references where the parser put it', () => {
    const tree = parseMarkdown(new VFile({ path: 'x.md', value: '$$\nx\n$$ {#eq-x}\n\nafter\n' }));
    expect(tree.children.map((node) => node.type)).toEqual(['math', 'paragraph']);
    expect(tree.children[0]?.data).toMatchObject({ label: { id: 'eq-x', position: { start: { line: 3, column: 4 } } } });
  });
});

describe('cross-references: Word fields, read by pandoc and updated by LibreOffice', () => {
  let folder: string;
  let file: string;
  beforeAll(async () => {
    folder = await temporaryFolder('press-crossref-docx-');
    const parsed = await report(ENGLISH);
    file = path.join(folder, 'refs.docx');
    await writeFile(file, await renderDocx(parsed, await loadTemplate('default'), { date: DATE }));
  });

  it('writes captions with SEQ fields in bookmarks and references as REF fields to them', async () => {
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(file))))['word/document.xml']);
    expect(xml).toMatch(/<w:bookmarkStart w:name="ref_fig_a" w:id="\d+"\/><w:r><w:t xml:space="preserve">Figure 1-<\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> SEQ Figure1 \\\* ARABIC <\/w:instrText><\/w:r>/);
    expect(xml).toContain('<w:instrText xml:space="preserve"> REF ref_fig_a \\h </w:instrText>');
    expect(xml).toContain('<w:instrText xml:space="preserve"> SEQ Equation2 \\* ARABIC </w:instrText>');
    expect(xml).toContain('<w:pStyle w:val="NumberedEquation"/>');
    expect(xml).not.toContain('w:fldSimple');
  });

  it('comes back from Word (press import) with its labels and references, numbers left to the build', async () => {
    const markdown = docxToMarkdown(readWordFile(new Uint8Array(await readFile(file)), { trackChanges: 'accept', mediaFolder: 'refs-media', fileName: 'refs.docx', crossReferences: true }));
    expect(markdown).toContain('See @fig-a, @tbl-b and @eq-c.');
    expect(markdown).toContain('![Alt text as the caption](refs-media/chart.png){#fig-a}\nAlt text as the caption');
    expect(markdown).toMatch(/^Budget lines \{#tbl-b\}$/m);
    expect(markdown).toMatch(/^\$\$ \{#eq-c\}$/m);
    expect(markdown).toContain('As @fig-d shows.');
  });

  it('reads back in pandoc with every number in place', async () => {
    const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file]);
    expect(stdout).toContain('See Figure 1-1, Table 1-1 and Equation (2-1).');
    expect(stdout).toContain('Figure 1-1: Alt text as the caption');
    expect(stdout).toContain('As Figure 2-1 shows.');
  });

  it('renumbers in LibreOffice when a department inserts a figure before the others, references following', async () => {
    // The department's edit: a copy of the first caption (its SEQ field, no bookmark) inserted before it.
    const parts = unzipSync(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(file))));
    const xml = new TextDecoder().decode(parts['word/document.xml']);
    const caption = [...xml.matchAll(/<w:p>(?:(?!<w:p>).)*?<\/w:p>/gs)].map((match) => match[0]).find((paragraph) => paragraph.includes('w:val="Caption"'));
    if (!caption) throw new Error('no caption paragraph');
    const inserted = caption.replace(/<w:bookmark(?:Start|End)[^>]*\/>/g, '').replace('Alt text as the caption', 'Inserted by a department');
    parts['word/document.xml'] = strToU8(xml.replace(caption, inserted + caption));
    const edited = path.join(folder, 'edited.docx');
    await writeFile(edited, zipSync(parts));
    const out = path.join(folder, 'lo');
    await mkdir(out, { recursive: true });
    await run('soffice', ['--headless', `-env:UserInstallation=file://${path.join(folder, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, edited], { timeout: 120_000 });
    const { stdout } = await run('pdftotext', ['-layout', path.join(out, 'edited.pdf'), '-']);
    const text = stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Figure 1-1: Inserted by a department');
    expect(text).toContain('Figure 1-2: Alt text as the caption');
    expect(text).toContain('See Figure 1-2, Table 1-1 and Equation (2-1).');
    // The second chapter counts from 1 again.
    expect(text).toContain("Figure 2-1: Second chapter's figure");
    expect(text).toContain('As Figure 2-1 shows.');
  });
});

describe('cross-references: a department’s edits in Word come back into the source', () => {
  it('places an edit beside a reference after it, and one in a caption in the caption, labels untouched', async () => {
    // No display formula here: the LibreOffice the tests drive (a model without a view) drops formulas when it saves.
    const source = `---\ntitle: 审阅\nlang: zh-CN\n---\n\n# 一、目标\n\n增长目标见[@tbl-budget; @fig-targets]。\n\n![主要预期目标](chart.png){#fig-targets}\n\n表3　2024年预算 {#tbl-budget}\n\n| 项目 | 金额 |\n| --- | --- |\n| 教育 | 10 |\n`;
    const folder = await temporaryFolder('press-crossref-review-');
    await writeFile(path.join(folder, 'chart.png'), TINY_PNG);
    await writeFile(path.join(folder, 'report.md'), source);
    const built = path.join(folder, 'report.docx');
    await writeFile(built, await renderDocx(await reportFrom(source, folder), await loadTemplate('gov-report'), { date: DATE }));
    // The department's copy, its changes tracked as Word writes them: text inserted before and after
    // the references (where LibreOffice, driven by text search, cannot place a cursor between fields).
    const parts = unzipSync(new Uint8Array(await readFile(built)));
    const stamp = 'w:author="财政局" w:date="2024-03-05T00:00:00Z"';
    const xml = new TextDecoder()
      .decode(parts['word/document.xml'])
      .replace('<w:r><w:t xml:space="preserve">增长目标见</w:t></w:r>', `<w:r><w:t xml:space="preserve">增长目标见</w:t></w:r><w:ins w:id="901" ${stamp}><w:r><w:t>以及</w:t></w:r></w:ins>`)
      .replace('<w:r><w:t xml:space="preserve">。</w:t></w:r></w:p>', `<w:ins w:id="902" ${stamp}><w:r><w:t>（见附件）</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">。</w:t></w:r></w:p>`)
      .replace('<w:t xml:space="preserve">主要预期目标</w:t>', `<w:t xml:space="preserve">主要</w:t></w:r><w:del w:id="903" ${stamp}><w:r><w:delText>预期</w:delText></w:r></w:del><w:r><w:t xml:space="preserve">目标</w:t>`);
    parts['word/document.xml'] = strToU8(xml);
    await writeFile(path.join(folder, 'edited.docx'), zipSync(parts));
    await run(process.execPath, [path.join(ROOT, 'bin/press.js'), 'review', 'report.md', 'edited.docx', '--out', 'review', '--quiet'], { cwd: folder });
    const reviewed = await readFile(path.join(folder, 'review/report.md'), 'utf8');
    expect(reviewed).toMatch(/增长目标见\{\+\+以及\+\+\}\{>>财政局 2024-03-05<<\}\[@tbl-budget; @fig-targets\]\{\+\+（见附件）\+\+\}\{>>财政局 2024-03-05<<\}。/);
    expect(reviewed).toMatch(/!\[主要\{--预期--\}\{>>财政局 2024-03-05<<\}目标\]\(chart\.png\)\{#fig-targets\}/);
    expect(reviewed).toContain('表3　2024年预算 {#tbl-budget}');
    expect(reviewed).not.toContain('新增段落');
  });
});

describe('cross-references: print', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
  });

  it('prints the numbers, and each reference links to the page its target is on', async () => {
    const folder = await temporaryFolder('press-crossref-pdf-');
    await writeFile(path.join(folder, 'chart.png'), TINY_PNG);
    const filler = Array.from({ length: 30 }, () => '各位代表，我们坚持稳中求进工作总基调，着力推动高质量发展。'.repeat(3)).join('\n\n');
    const printed = await printMarkdown(browser, CHINESE.replace('# 二、措施', `${filler}\n\n# 二、措施`), { dir: folder });
    const pages = await pageTexts(printed.file);
    const all = pages.join('\n').replace(/\s+/g, '');
    expect(all).toContain('如图1所示，增长见表1、式(1)');
    expect(all).toContain('图2标题里的旧编号');
    const destinations = await destinationPages(printed.pdf, ['fig-targets', 'fig-second', 'eq-energy', 'tbl-budget']);
    const pageWith = (text: string) => pages.findIndex((page) => page.replace(/\s+/g, '').includes(text)) + 1;
    expect(destinations.get('fig-targets')).toBe(pageWith('图1主要预期目标'));
    expect(destinations.get('fig-second')).toBe(pageWith('图2标题里的旧编号'));
    expect(destinations.get('fig-second')).toBeGreaterThan(1);
  });
});
