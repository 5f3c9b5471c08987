/**
 * `press review` with copies edited in a real word processor: LibreOffice, driven through UNO,
 * edits the Word file report-press built, as departments do (change recording on, an author
 * set; or recording off), and a copy of an older edition; the review writes every change into
 * the source at its place, and the summary of opinions as CSV and Word.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { build } from '../../pipeline/build.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { editWithLibreOffice, listChangesWithLibreOffice } from '../helpers/libreoffice-edit.ts';
import { docxParts, wordText } from '../helpers/read-back.ts';
import { press, type PressOutcome } from '../robustness/support.ts';

const run = promisify(execFile);

const OLD_SOURCE = `---
title: 测试报告
lang: zh-CN
date: 2024-12-01
---

# 一、总体要求

全年经济保持稳定增长，民生持续改善。

**一是加强统筹。**各部门要加强协调配合[^note]，确保任务落实。

| 指标 | 目标 |
| --- | --- |
| 生产总值 | 增长6% |

- 稳定消费
- 扩大投资

[^note]: 协调机制另行印发。
`;

/** The current edition: one paragraph added since the old one was sent out. */
const SOURCE = OLD_SOURCE.replace('# 一、总体要求\n', '# 一、总体要求\n\n今年是实施“十四五”规划的关键一年。\n');

/** The source with every suggestion rejected: CriticMarkup taken out, the old text kept. */
function rejectAll(markdown: string): string {
  return markdown
    .replace(/\{>>[\s\S]*?<<\}/g, '')
    .replace(/\{\+\+[\s\S]*?\+\+\}/g, '')
    .replace(/\{--([\s\S]*?)--\}/g, '$1')
    .replace(/\{~~([\s\S]*?)~>[\s\S]*?~~\}/g, '$1')
    .replace(/\{==([\s\S]*?)==\}/g, '$1');
}

describe('press review', () => {
  let folder: string;
  let outcome: PressOutcome;
  let reviewed: string;
  const DAY = String.raw`\d{4}-\d{2}-\d{2}`;

  beforeAll(async () => {
    folder = await temporaryFolder();
    await writeFiles(folder, { 'report.md': SOURCE, 'old/report.md': OLD_SOURCE });
    expect((await build({ input: path.join(folder, 'report.md'), outDir: folder, formats: ['docx'] })).ok).toBe(true);
    expect((await build({ input: path.join(folder, 'old/report.md'), outDir: path.join(folder, 'old'), formats: ['docx'] })).ok).toBe(true);
    const built = path.join(folder, 'report.docx');
    await editWithLibreOffice([
      {
        input: built,
        output: path.join(folder, 'fgw.docx'),
        author: '市发展改革委',
        edits: [
          { kind: 'replace', find: '稳定增长', with: '平稳增长' },
          { kind: 'delete', find: '持续' },
          { kind: 'insertBefore', find: '各部门', text: '全市' },
          { kind: 'comment', find: '确保任务落实', text: '请明确牵头单位' },
          { kind: 'cell', table: 0, row: 1, column: 1, text: '增长6.5%' },
        ],
      },
      {
        input: built,
        output: path.join(folder, 'czj.docx'),
        author: '市财政局',
        track: false,
        edits: [
          { kind: 'replace', find: '稳定增长', with: '较快增长' },
          { kind: 'replace', find: '扩大投资', with: '扩大有效投资' },
        ],
      },
      {
        input: path.join(folder, 'old/report.docx'),
        output: path.join(folder, 'tjj.docx'),
        author: '市统计局',
        edits: [{ kind: 'replace', find: '确保任务落实', with: '确保各项任务落到实处' }],
      },
    ]);
    outcome = await press(['review', 'report.md', 'fgw.docx', 'czj.docx', 'tjj.docx'], folder);
    reviewed = await readFile(path.join(folder, 'review/report.md'), 'utf8').catch(() => '');
  }, 300_000);

  it('writes the source, the summary as Word and as CSV into review/', async () => {
    expect(outcome.code, outcome.stderr).toBe(0);
    expect((await readdir(path.join(folder, 'review'))).sort()).toEqual(['report-opinions.csv', 'report-opinions.docx', 'report.md']);
  });

  it('writes each tracked change at its place, attributed to its author and day', () => {
    expect(reviewed).toMatch(new RegExp(`全年经济保持\\{~~稳定~>平稳~~\\}\\{>>市发展改革委 ${DAY}<<\\}`));
    expect(reviewed).toMatch(new RegExp(`民生\\{--持续--\\}\\{>>市发展改革委 ${DAY}<<\\}改善`));
    expect(reviewed).toMatch(new RegExp(`\\*\\*一是加强统筹。\\*\\*\\{\\+\\+全市\\+\\+\\}\\{>>市发展改革委 ${DAY}<<\\}各部门`));
    expect(reviewed).toMatch(new RegExp(`\\| 增长\\{~~6~>6\\.5~~\\}\\{>>市发展改革委 ${DAY}<<\\}% \\|`));
  });

  it('finds changes made with tracking off and attributes them to the last author', () => {
    expect(reviewed).toMatch(new RegExp(`- 扩大\\{\\+\\+有效\\+\\+\\}\\{>>市财政局 ${DAY}<<\\}投资`));
  });

  it('reports two departments changing one passage differently, and keeps both', () => {
    expect(outcome.stderr).toMatch(/^report\.md:11:1: warning: 市发展改革委与市财政局对同一处文字（“稳定”）提出了不同的修改.*\[review-conflict\]$/m);
    expect(reviewed).toMatch(new RegExp(`\\{>>市财政局 ${DAY}: 建议将“稳定”改为“较快”<<\\}增长`));
  });

  it('matches a copy of an older edition paragraph by paragraph, with a warning naming the difference', () => {
    expect(outcome.stderr).toMatch(/^report\.md:9:1: warning: tjj\.docx 是由本源文件的另一个版本生成的（report\.md sha256:[0-9a-f]{12}…）：此后有 0 段改动、1 段新增、0 段删除.*\[review-edition\]$/m);
    expect(reviewed).toMatch(new RegExp(`确保\\{\\+\\+各项\\+\\+\\}\\{>>市统计局 ${DAY}<<\\}任务\\{~~落实~>落到实处~~\\}\\{>>市统计局 ${DAY}<<\\}`));
  });

  it('keeps a comment on text another department changed, as a comment that quotes its anchor', () => {
    expect(reviewed).toMatch(new RegExp(`\\{>>市发展改革委 ${DAY}: （批注“确保任务落实”）请明确牵头单位<<\\}`));
    expect(outcome.stderr).not.toMatch(/市统计局.*\[review-conflict\]/);
  });

  it('keeps every other byte of the source as it was: rejecting every suggestion gives the source back', async () => {
    expect(rejectAll(reviewed)).toBe(SOURCE);
    await writeFiles(folder, { 'rejected/report.md': reviewed });
    const rejected = await press(['check', 'report.md', '--reject', '--quiet'], path.join(folder, 'rejected'));
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(await readFile(path.join(folder, 'rejected/report.md'), 'utf8')).toBe(SOURCE);
  });

  it('lists every change and comment in the summary, with unit, place, text and proposal', async () => {
    const csv = await readFile(path.join(folder, 'review/report-opinions.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1)) as string[][];
    expect(rows[0]).toEqual(['序号', '单位', '位置', '原文', '修改意见', '处理意见', '说明']);
    const find = (proposal: string) => rows.find((row) => row[4] === proposal);
    expect(find('改为：平稳')?.slice(1, 4)).toEqual(['市发展改革委', '一、总体要求 › 第2段', '稳定']);
    expect(find('改为：较快')?.[6]).toMatch(/^未用修订，与原稿比对得出.*与市发展改革委的修改冲突/);
    expect(find('请明确牵头单位')?.slice(1, 4)).toEqual(['市发展改革委', '一、总体要求 › 第3段', '确保任务落实']);
    expect(find('改为：6.5')?.[2]).toBe('一、总体要求 › 表1第2行第2列');
    expect(rows.slice(1).map((row) => row[0])).toEqual(rows.slice(1).map((_, index) => String(index + 1)));
    expect(rows.slice(1).every((row) => row[5] === '')).toBe(true);

    const parts = await docxParts(path.join(folder, 'review/report-opinions.docx'));
    const document = parts['word/document.xml'] ?? '';
    expect(document).toContain('<w:tbl>');
    expect(document).toMatch(/<w:tblHeader\/>/);
    expect(wordText(document)).toContain('序号\n单位\n位置\n原文\n修改意见\n处理意见\n说明');
    // An independent reader sees the same table.
    const plain = (await run('pandoc', ['-t', 'plain', '--wrap=none', path.join(folder, 'review/report-opinions.docx')])).stdout;
    expect(plain).toMatch(/序号 +单位 +位置 +原文 +修改意见 +处理意见 +说明/);
    expect(plain).toMatch(/市财政局 +一、总体要求 › 第5段 +（在“…扩大”之后） +插入：有效/);
    expect(parts['docProps/core.xml']).toContain('<dc:title>测试报告意见汇总表</dc:title>');
  });

  it('builds its output, and a second round from it finds only what departments change again', async () => {
    // The reviewed source builds: its suggestions become tracked changes and comments in Word.
    await writeFiles(folder, { 'round2/report.md': reviewed });
    expect((await build({ input: path.join(folder, 'round2/report.md'), outDir: path.join(folder, 'round2'), formats: ['docx'] })).ok).toBe(true);
    const [listed] = await listChangesWithLibreOffice([path.join(folder, 'round2/report.docx')]);
    expect(listed?.comments.map((comment) => comment.author)).toContain('市财政局');
    expect(listed?.redlines.map((redline) => `${redline.author}:${redline.text}`)).toContain('市发展改革委:平稳');
    // The copy comes back unchanged: nothing new, the source as it was.
    const again = await press(['review', 'report.md', 'report.docx', '--out', 'again'], path.join(folder, 'round2'));
    expect(again.code, again.stderr).toBe(0);
    expect(await readFile(path.join(folder, 'round2/again/report.md'), 'utf8')).toBe(reviewed);
    expect(await readFile(path.join(folder, 'round2/again/report-opinions.csv'), 'utf8')).toBe('\uFEFF序号,单位,位置,原文,修改意见,处理意见,说明\r\n');
  });

  it('refuses a file that is not a Word document, naming it, and writes nothing', async () => {
    await writeFiles(folder, { 'notes.docx': 'not a zip', 'second.md': SOURCE });
    const bad = await press(['review', 'second.md', 'notes.docx', '--out', 'bad'], folder);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/notes\.docx/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(folder)).not.toContain('bad');
  });
});
