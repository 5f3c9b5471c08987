/**
 * Citations on the way back from Word: `press import` of a Word file press build wrote gives each
 * citation back as it was written and leaves the generated bibliography out (or gives
 * `::: {#refs}` back where it stood); `press review` of copies a department edited in
 * LibreOffice (change recording on, an author set) keeps the citation syntax whole, and reports
 * edits inside a citation's formatted text or inside the bibliography as changes to generated
 * text, with their author.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { docxReading, htmlReading } from '../helpers/output-text.ts';
import { editWithLibreOffice } from '../helpers/libreoffice-edit.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { press } from '../robustness/support.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** Author-date (APA, the default style): locators, prefixes, a suppressed author, in-text keys. */
const ENGLISH = `---
title: Regional monitoring
author: Statistics Office
date: 2024-03-01
lang: en
bibliography: refs.json
---

# Findings

Growth differs by region [@smith2020, p. 50]; @wang2021 gives the national figures.

Both agree [see @smith2020, pp. 3-5; @wang2021], as the authors later wrote [-@smith2020].

@smith2020 [p. 7] is careful about it.
`;

/** GB/T 7714 numeric (superscript, a page after the bracket), the bibliography where `::: {#refs}` stands. */
const CHINESE = `---
title: 区域经济监测报告
author: 示例市统计局
date: 2024-03-01
lang: zh-CN
bibliography: refs.json
csl: gb-t-7714-2015-numeric
---

# 一、总体情况

据统计[@wang2021]，区域增长差异明显[@smith2020; @wang2021]。文献@smith2020的方法可资借鉴[@smith2020, p. 50]。

::: {#refs}
:::

# 二、下一步工作

继续做好监测。
`;

/** A folder with the bibliography and `files`. */
async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await temporaryFolder('press-cite-word-');
  await copyFile(path.join(FIXTURES, 'refs.json'), path.join(folder, 'refs.json'));
  await writeFiles(folder, files);
  return folder;
}

function frontMatter(markdown: string): Record<string, unknown> {
  return (parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '') ?? {}) as Record<string, unknown>;
}

/** Change `word/document.xml` of a .docx. */
async function editXml(file: string, target: string, change: (xml: string) => string): Promise<void> {
  const parts = unzipSync(new Uint8Array(await readFile(file)));
  parts['word/document.xml'] = strToU8(change(new TextDecoder().decode(parts['word/document.xml'])));
  await writeFile(target, zipSync(parts));
}

/** Text of the Word file and the web page of a build. */
async function texts(folder: string, name: string): Promise<{ docx: string; html: string }> {
  const docx = docxReading(new Uint8Array(await readFile(path.join(folder, `${name}.docx`))));
  return { docx: (docx.body + docx.footnotes).replace(/\s+/g, ''), html: htmlReading(await readFile(path.join(folder, `${name}.html`), 'utf8')).text.replace(/\s+/g, '') };
}

describe('press import gives citations back as written', { timeout: 300_000 }, () => {
  let english: string;
  let chinese: string;
  beforeAll(async () => {
    english = await folderWith({ 'report.md': ENGLISH });
    chinese = await folderWith({ 'report.md': CHINESE });
    for (const folder of [english, chinese]) {
      const built = await press(['build', 'report.md', '--out', '.', '--format', 'docx,html', '--quiet'], folder);
      expect(built.code, built.stderr).toBe(0);
    }
  });

  it('writes each citation with the syntax it was written with, and no bibliography (author-date)', async () => {
    const imported = await press(['import', 'report.docx', '--out', 'imported'], english);
    expect(imported.stderr).toBe('');
    const markdown = await readFile(path.join(english, 'imported/report.md'), 'utf8');
    expect(markdown).toContain('Growth differs by region [@smith2020, p. 50]; @wang2021 gives the national figures.');
    expect(markdown).toContain('Both agree [see @smith2020, pp. 3-5; @wang2021], as the authors later wrote [-@smith2020].');
    expect(markdown).toContain('@smith2020 [p. 7] is careful about it.');
    expect(markdown).not.toMatch(/bib_|References|Measuring regional growth/);
    expect(frontMatter(markdown)).toMatchObject({ bibliography: 'refs.json' });
  });

  it('gives ::: {#refs} back where the bibliography stood, and the style (numeric, superscript)', async () => {
    const imported = await press(['import', 'report.docx', '--out', 'imported'], chinese);
    expect(imported.stderr).toBe('');
    const markdown = await readFile(path.join(chinese, 'imported/report.md'), 'utf8');
    expect(markdown).toContain('据统计[@wang2021]，区域增长差异明显[@smith2020; @wang2021]。文献@smith2020的方法可资借鉴[@smith2020, p. 50]。\n\n::: {#refs}\n:::\n\n# 二、下一步工作');
    expect(markdown).not.toMatch(/bib_|参考文献|Measuring regional growth|<sup>/);
    expect(frontMatter(markdown)).toMatchObject({ bibliography: 'refs.json', csl: 'gb-t-7714-2015-numeric' });
  });

  it('builds the imported source to the same text in Word and on the web page, without a warning', async () => {
    for (const folder of [english, chinese]) {
      await copyFile(path.join(folder, 'refs.json'), path.join(folder, 'imported/refs.json'));
      const rebuilt = await press(['build', 'report.md', '--out', '.', '--format', 'docx,html'], path.join(folder, 'imported'));
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      expect(rebuilt.stderr).not.toMatch(/warning/);
      expect(await texts(path.join(folder, 'imported'), 'report')).toEqual(await texts(folder, 'report'));
    }
  });

  it('keeps the citation when a Word user edits its text, and says so; a pasted copy of a citation is the same citation', async () => {
    await editXml(path.join(chinese, 'report.docx'), path.join(chinese, 'edited.docx'), (xml) => {
      // The first citation's number edited by hand; the second citation pasted at the end of the paragraph (its hyperlink without our bookmark).
      const first = /(<w:hyperlink[^>]*w:anchor="bib_[^"]*"[^>]*>)(.*?)<\/w:hyperlink>/s.exec(xml);
      const second = [...xml.matchAll(/<w:hyperlink[^>]*w:anchor="bib_[^"]*"[^>]*>.*?<\/w:hyperlink>/gs)][1]?.[0];
      if (!first || second === undefined) throw new Error('no citation hyperlinks');
      const edited = xml.replace(first[0], `${first[1]}${(first[2] ?? '').replace('[1]', '[7]')}</w:hyperlink>`);
      return edited.replace('<w:t xml:space="preserve">。</w:t></w:r></w:p>', `<w:t xml:space="preserve">。</w:t></w:r>${second}</w:p>`);
    });
    const imported = await press(['import', 'edited.docx', '--out', 'edited'], chinese);
    expect(imported.stderr).toMatch(/edited\.docx: paragraph \d+ \("据统计.*"\): warning: .*\[7\].*\[@wang2021\].*\[import-citation-edited\]/);
    const markdown = await readFile(path.join(chinese, 'edited/edited.md'), 'utf8');
    expect(markdown).toContain('据统计[@wang2021]，区域增长差异明显[@smith2020; @wang2021]。文献@smith2020的方法可资借鉴[@smith2020, p. 50]。[@smith2020; @wang2021]');
  });

  it('survives LibreOffice: text typed beside a citation and saved keeps every citation', async () => {
    await editWithLibreOffice([
      {
        input: path.join(english, 'report.docx'),
        output: path.join(english, 'lo.docx'),
        author: 'Statistics Office',
        edits: [
          { kind: 'insertBefore', find: 'gives the national', text: 'also ' },
          { kind: 'replace', find: 'is careful', with: 'is very careful' },
        ],
      },
    ]);
    const imported = await press(['import', 'lo.docx', '--out', 'lo', '--track-changes', 'accept'], english);
    expect(imported.stderr).toBe('');
    const markdown = await readFile(path.join(english, 'lo/lo.md'), 'utf8');
    expect(markdown).toContain('Growth differs by region [@smith2020, p. 50]; @wang2021 also gives the national figures.');
    expect(markdown).toContain('Both agree [see @smith2020, pp. 3-5; @wang2021], as the authors later wrote [-@smith2020].');
    expect(markdown).toContain('@smith2020 [p. 7] is very careful about it.');
    expect(markdown).not.toMatch(/bib_|References/);
  });
});

describe('press review keeps citations whole and reports edits to generated text', { timeout: 300_000 }, () => {
  let folder: string;
  let reviewed: string;
  let stderr: string;
  let rows: string[][];
  beforeAll(async () => {
    folder = await folderWith({ 'report.md': CHINESE });
    const built = await press(['build', 'report.md', '--out', '.', '--format', 'docx', '--quiet'], folder);
    expect(built.code, built.stderr).toBe(0);
    await editWithLibreOffice([
      {
        input: path.join(folder, 'report.docx'),
        output: path.join(folder, 'tjj.docx'),
        author: '市统计局',
        edits: [
          // In a sentence that holds citations.
          { kind: 'replace', find: '差异明显', with: '差异较大' },
          { kind: 'insertBefore', find: '的方法可资借鉴', text: '提出' },
          // Inside a citation's formatted text (the second citation, [1,2]), and inside the bibliography.
          { kind: 'replace', find: '[1,2]', with: '[1-2]' },
          { kind: 'replace', find: 'Measuring regional growth', with: 'Measuring growth' },
        ],
      },
    ]);
    const outcome = await press(['review', 'report.md', 'tjj.docx'], folder);
    expect(outcome.code, outcome.stderr).toBe(0);
    stderr = outcome.stderr;
    reviewed = await readFile(path.join(folder, 'review/report.md'), 'utf8');
    const csv = await readFile(path.join(folder, 'review/report-opinions.csv'), 'utf8');
    rows = parseCsv(csv.slice(1)) as string[][];
  }, 300_000);

  it('writes an edit in a sentence with citations into the source, the citation syntax intact', () => {
    expect(reviewed).toMatch(/据统计\[@wang2021\]，区域增长差异\{~~明显~>较大~~\}\{>>市统计局 \d{4}-\d{2}-\d{2}<<\}\[@smith2020; @wang2021\]。文献@smith2020\{\+\+提出\+\+\}\{>>市统计局 \d{4}-\d{2}-\d{2}<<\}的方法可资借鉴\[@smith2020, p\. 50\]。/);
    expect(reviewed).toContain('::: {#refs}\n:::');
    // Nothing else changed: the citation and the bibliography are as written.
    expect(reviewed).not.toMatch(/1-2|Measuring growth/);
  });

  it('reports an edit of a citation and of the bibliography as a change to generated text, with its author, in the table and as a message', () => {
    expect(stderr).toMatch(/^report\.md:12:\d+: warning: 市统计局.*“\[1,2\]”.*文献引用.*\[review-generated\]$/m);
    expect(stderr).toMatch(/^report\.md:14:\d+: warning: 市统计局.*regional.*参考文献.*\[review-generated\]$/m);
    const citation = rows.find((row) => row[4] === '改为：[1-2]');
    expect(citation?.slice(1, 4)).toEqual(['市统计局', '一、总体情况 › 第1段', '[1,2]']);
    expect(citation?.[6]).toMatch(/自动生成.*文献引用/);
    const entry = rows.find((row) => /参考文献/.test(row[6] ?? ''));
    expect(entry?.[1]).toBe('市统计局');
    expect(entry?.[3]).toMatch(/regional/);
    expect(entry?.[6]).toMatch(/自动生成.*参考文献/);
    // Nothing else is reported: the edits beside citations have their place.
    expect(stderr.match(/\[review-(?:generated|unplaced)\]/g)).toHaveLength(2);
  });
});

describe('press review of a bibliography at the end, and of a copy edited without tracking', { timeout: 300_000 }, () => {
  it('reports the bibliography at its front-matter line and an untracked edit of a citation at its own, the source unchanged', async () => {
    const folder = await folderWith({ 'report.md': ENGLISH });
    const built = await press(['build', 'report.md', '--out', '.', '--format', 'docx', '--quiet'], folder);
    expect(built.code, built.stderr).toBe(0);
    await editWithLibreOffice([
      { input: path.join(folder, 'report.docx'), output: path.join(folder, 'stats.docx'), author: 'Statistics Office', edits: [{ kind: 'replace', find: 'Measuring regional growth', with: 'Measuring growth' }] },
      { input: path.join(folder, 'report.docx'), output: path.join(folder, 'finance.docx'), author: 'Finance Bureau', track: false, edits: [{ kind: 'replace', find: 'Doe, 2020, p. 50', with: 'Doe, 2021, p. 50' }, { kind: 'replace', find: 'is careful', with: 'is very careful' }] },
    ]);
    const outcome = await press(['review', 'report.md', 'stats.docx', 'finance.docx'], folder);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toMatch(/^report\.md:6:1: warning: Statistics Office changed “regional ?”.*\(the bibliography\).*\[review-generated\]$/m);
    expect(outcome.stderr).toMatch(/^report\.md:11:1: warning: \S.* changed “\(Smith & Doe, 2020, p\. 50\)” \(to “\(Smith & Doe, 2021, p\. 50\)”\).*\(a citation\).*\[review-generated\]$/m);
    const reviewed = await readFile(path.join(folder, 'review/report.md'), 'utf8');
    expect(reviewed).toContain('Growth differs by region [@smith2020, p. 50]; @wang2021 gives the national figures.');
    expect(reviewed).toMatch(/^@smith2020 \[p\. 7\] is \{\+\+very \+\+\}\{>>.* \d{4}-\d{2}-\d{2}<<\}careful about it\.$/m);
    expect(reviewed).not.toMatch(/2021, p|Measuring/);
  });
});
