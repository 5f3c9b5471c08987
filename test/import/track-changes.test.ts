/**
 * Tracked changes and comments made by a real word processor (LibreOffice through UNO, as a
 * department does) come back as CriticMarkup with `--track-changes all`, and as the new or the
 * old text with `accept` and `reject`, paragraph splits and joins included; pandoc, reading the
 * same file, is the independent judge of the accepted and rejected text.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { docxToMarkdown } from '../../pipeline/read/docx/markdown.ts';
import { readDocx, type TrackChanges } from '../../pipeline/read/docx/read-docx.ts';
import { editWithLibreOffice } from '../helpers/libreoffice-edit.ts';
import { ROOT } from '../helpers/documents.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { makeDocx, p, run as textRun } from './make-docx.ts';

const run = promisify(execFile);

const SOURCE = `---
title: 测试报告
lang: zh-CN
---

# 一、总体要求

全年经济保持稳定增长，民生持续改善。

第二段落在这里。第三段落紧随其后。

这是将被合并的一段。

这是合并进来的一段。

| 指标 | 目标 |
| --- | --- |
| 生产总值 | 增长6% |
`;

const read = (bytes: Uint8Array, trackChanges: TrackChanges) => readDocx(bytes, { trackChanges, mediaFolder: 'tracked-media', fileName: 'tracked.docx' });

/** The blocks' text as pandoc's plain writer gives paragraphs, table cells one per line; white space squeezed out. */
function blockTexts(children: RootContent[]): string[] {
  return children
    .filter((node) => node.type !== 'yaml' && node.type !== 'footnoteDefinition')
    .flatMap((node) => (node.type === 'table' ? node.children.flatMap((row) => row.children.map((cell) => toString(cell))) : [toString(node)]))
    .map((text) => text.replace(/\s+/g, ''));
}

function pandocBlocks(plain: string): string[] {
  return plain
    .split(/\n\s*\n/)
    .flatMap((block) => (/^\s*-{5,}/.test(block) ? block.split('\n').filter((line) => !/^\s*-+[\s-]*$/.test(line)).flatMap((line) => line.trim().split(/\s{2,}/)) : [block]))
    .map((text) => text.replace(/\s+/g, ''))
    .filter(Boolean);
}

describe('press import of tracked changes', { timeout: 300_000 }, () => {
  let tracked: Uint8Array;
  let trackedPath: string;

  beforeAll(async () => {
    const folder = await temporaryFolder('press-import-track-');
    await writeFiles(folder, { 'report.md': SOURCE });
    expect((await build({ input: path.join(folder, 'report.md'), outDir: folder, formats: ['docx'] })).ok).toBe(true);
    trackedPath = path.join(folder, 'tracked.docx');
    await editWithLibreOffice([
      {
        input: path.join(folder, 'report.docx'),
        output: trackedPath,
        author: '市财政局',
        edits: [
          { kind: 'replace', find: '稳定增长', with: '平稳增长' },
          { kind: 'delete', find: '持续' },
          { kind: 'insertAfter', find: '民生', text: '福祉' },
          { kind: 'splitAfter', find: '第二段落在这里。' },
          { kind: 'mergeAfter', find: '这是将被合并的一段。' },
          { kind: 'cell', table: 0, row: 1, column: 1, text: '增长6.5%' },
          { kind: 'comment', find: '总体要求', text: '请核对标题' },
        ],
      },
    ]);
    tracked = new Uint8Array(await readFile(trackedPath));
  });

  it('writes every change as CriticMarkup with its author and date, and the comment on its anchor', () => {
    const result = read(tracked, 'all');
    const markdown = docxToMarkdown(result);
    const stamp = String.raw`市财政局 \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z`;
    expect(markdown).toContain('# 一、{==总体要求==}{>>市财政局: 请核对标题<<}');
    expect(markdown).toMatch(new RegExp(String.raw`全年经济保持\{~~稳定增长~>平稳增长~~\}\{>>${stamp}<<\}，民生\{\+\+福祉\+\+\}\{>>${stamp}<<\}\{--持续--\}\{>>${stamp}<<\}改善。`));
    expect(markdown).toMatch(new RegExp(String.raw`\| 生产总值 \| \{~~增长6%~>增长6\.5%~~\}\{>>${stamp}<<\} \|`));
    // The split and the join are paragraph marks only: reported, with the paragraph they are in.
    expect(result.warnings.map((warning) => `${warning.ruleId} ${warning.excerpt}`)).toEqual(['import-paragraph-mark 第二段落在这里。', 'import-paragraph-mark 这是将被合并的一段。']);
  });

  it('press import --track-changes reject writes the old text beside the file, and warns nothing', async () => {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/press.js'), 'import', trackedPath, '--track-changes', 'reject'], { env: { ...process.env, FORCE_COLOR: '0' } });
    expect(stdout).toBe('');
    expect(stderr).toBe('');
    const markdown = await readFile(path.join(path.dirname(trackedPath), 'tracked.md'), 'utf8');
    expect(markdown).toContain('全年经济保持稳定增长，民生持续改善。\n\n第二段落在这里。第三段落紧随其后。\n\n这是将被合并的一段。\n\n这是合并进来的一段。\n');
    expect(markdown).toContain('| 生产总值 | 增长6% |');
  });

  for (const mode of ['accept', 'reject'] as const) {
    it(`--track-changes ${mode} gives the text pandoc gives, paragraph by paragraph`, async () => {
      const ours = blockTexts(read(tracked, mode).tree.children);
      const { stdout } = await run('pandoc', [`--track-changes=${mode}`, '-t', 'plain', '--wrap=none', trackedPath]);
      expect(ours).toEqual(pandocBlocks(stdout));
      expect(ours).toContain(mode === 'accept' ? '全年经济保持平稳增长，民生福祉改善。' : '全年经济保持稳定增长，民生持续改善。');
      expect(ours).toContain(mode === 'accept' ? '这是将被合并的一段。这是合并进来的一段。' : '第二段落在这里。第三段落紧随其后。');
      expect(docxToMarkdown(read(tracked, mode))).not.toMatch(/\{[-+~=>]{2}/);
    });
  }
});

describe('press import of changes no word processor here writes', () => {
  const change = (kind: string, text: string, id: number, author = '张三', date = '2024-12-01T00:00:00Z') =>
    `<w:${kind} w:id="${id}" w:author="${author}" w:date="${date}">${kind.endsWith('From') || kind === 'del' ? `<w:r><w:delText>${text}</w:delText></w:r>` : textRun(text)}</w:${kind}>`;
  const bytes = makeDocx({
    body: [
      p(`${textRun('甲')}<w:moveFromRangeStart w:id="1" w:name="move1" w:author="张三"/>${change('moveFrom', '移走的话', 2)}<w:moveFromRangeEnd w:id="1"/>${textRun('乙')}`),
      p(`${textRun('丙')}<w:moveToRangeStart w:id="3" w:name="move1" w:author="张三"/>${change('moveTo', '移走的话', 4)}<w:moveToRangeEnd w:id="3"/>`),
      // A whole paragraph inserted (its mark too) and one deleted: both fit CriticMarkup.
      p(change('ins', '新增的一段。', 5, '李四', '2024-12-02T09:30:00Z'), '<w:rPr><w:ins w:id="6" w:author="李四" w:date="2024-12-02T09:30:00Z"/></w:rPr>'),
      p(change('del', '删去的一段。', 7), '<w:rPr><w:del w:id="8" w:author="张三" w:date="2024-12-01T00:00:00Z"/></w:rPr>'),
      p(`${textRun('见注')}<w:r><w:footnoteReference w:id="1"/></w:r>${textRun('。')}<w:r><w:commentReference w:id="9"/></w:r>`),
      p(`${textRun('另见')}<w:ins w:id="11" w:author="张三" w:date="2024-12-01T00:00:00Z"><w:r><w:footnoteReference w:id="3"/></w:r></w:ins>${textRun('。')}`),
    ].join(''),
    footnotes: `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${textRun('注文')}${change('ins', '补充', 10)}</w:p></w:footnote><w:footnote w:id="3"><w:p>${textRun('插入的注')}</w:p></w:footnote>`,
    comments: '<w:comment w:id="9" w:author="王五" w:date="2024-12-03T00:00:00Z"><w:p><w:r><w:t>没有范围的批注</w:t></w:r></w:p></w:comment>',
  });

  it('writes moves as a deletion and an insertion sharing move:<id>, whole paragraphs, notes and point comments', () => {
    const result = read(bytes, 'all');
    const markdown = docxToMarkdown(result);
    expect(markdown).toContain('甲{--移走的话--}{>>张三 2024-12-01: move:move1<<}乙');
    expect(markdown).toContain('丙{++移走的话++}{>>张三 2024-12-01: move:move1<<}');
    expect(markdown).toContain('{++新增的一段。++}{>>李四 2024-12-02T09:30:00Z<<}');
    expect(markdown).toContain('{--删去的一段。--}{>>张三 2024-12-01<<}');
    expect(markdown).toContain('见注[^1]。{>>王五 2024-12-03: 没有范围的批注<<}');
    expect(markdown).toContain('[^1]: 注文{++补充++}{>>张三 2024-12-01<<}');
    expect(markdown).toContain('另见{++[^2]++}{>>张三 2024-12-01<<}。');
    expect(markdown).toContain('[^2]: 插入的注');
    expect(result.warnings).toEqual([]);
  });

  it('names a move of whole paragraphs by its range at the body level', () => {
    const moved = makeDocx({
      body: [
        '<w:moveFromRangeStart w:id="1" w:name="move7" w:author="张三"/>',
        p(change('moveFrom', '整段移走。', 2), '<w:rPr><w:moveFrom w:id="3" w:author="张三" w:date="2024-12-01T00:00:00Z"/></w:rPr>'),
        '<w:moveFromRangeEnd w:id="1"/>',
        p(textRun('留下的段落。')),
        '<w:moveToRangeStart w:id="4" w:name="move7" w:author="张三"/>',
        p(change('moveTo', '整段移走。', 5), '<w:rPr><w:moveTo w:id="6" w:author="张三" w:date="2024-12-01T00:00:00Z"/></w:rPr>'),
        '<w:moveToRangeEnd w:id="4"/>',
      ].join(''),
    });
    expect(docxToMarkdown(read(moved, 'all'))).toContain('{--整段移走。--}{>>张三 2024-12-01: move:move7<<}\n\n留下的段落。\n\n{++整段移走。++}{>>张三 2024-12-01: move:move7<<}\n');
    expect(docxToMarkdown(read(moved, 'accept'))).toContain('---\n\n留下的段落。\n\n整段移走。\n');
    expect(docxToMarkdown(read(moved, 'reject'))).toContain('---\n\n整段移走。\n\n留下的段落。\n');
  });

  it('accepts and rejects them: moved text at its new or old place, paragraphs kept or gone', () => {
    const accepted = docxToMarkdown(read(bytes, 'accept'));
    expect(accepted).toContain('甲乙\n\n丙移走的话\n\n新增的一段。\n\n见注[^1]。\n');
    expect(accepted).not.toContain('删去的一段');
    expect(accepted).toContain('[^1]: 注文补充');
    expect(accepted).toContain('另见[^2]。');
    expect(accepted).toContain('[^2]: 插入的注');
    const rejected = docxToMarkdown(read(bytes, 'reject'));
    expect(rejected).toContain('甲移走的话乙\n\n丙\n\n删去的一段。\n\n见注[^1]。\n');
    expect(rejected).not.toContain('新增的一段');
    // The note of a rejected reference goes with it.
    expect(rejected).toContain('另见。');
    expect(rejected).not.toContain('插入的注');
  });
});
