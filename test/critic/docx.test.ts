import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { docxParts } from '../helpers/read-back.ts';
import { listChangesWithLibreOffice } from '../helpers/libreoffice-edit.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';

const run = promisify(execFile);

const SOURCE = `---
title: 修订测试
lang: zh-CN
date: 2024-12-10
---

# 一、总体情况

今年经济运行{++，加快**建设**++}{>>市发展改革委 2024-12-01<<}总体平稳，{--旧的表述--}{>>市财政局 2024-12-02T09:30: 与预算报告不一致<<}稳中有进。

{~~全年目标~>年度目标~~}{>>市统计局 2024-12-03<<}基本完成，{==增长5.2%==}{>>市统计局: 请核对口径<<}。

| 指标 | 值 |
| --- | --- |
| 增速 | {~~5.0~>5.2~~} |

未署名的{++补充++}在此。
`;

/** pandoc's plain-text reading of the Word file, with its tracked changes accepted, rejected or all shown. */
async function pandoc(file: string, mode: 'accept' | 'reject' | 'all', to = 'plain'): Promise<string> {
  const { stdout } = await run('pandoc', [`--track-changes=${mode}`, '-f', 'docx', '-t', to, '--wrap=none', file]);
  return stdout;
}

let docx: string;
let parts: Record<string, string>;

beforeAll(async () => {
  const dir = await temporaryFolder();
  await writeFiles(dir, { 'report.md': SOURCE });
  const result = await build({ input: path.join(dir, 'report.md'), outDir: path.join(dir, 'out'), formats: ['docx'] });
  expect(result.ok, result.report.file.messages.map(String).join('\n')).toBe(true);
  docx = path.join(dir, 'out', 'report.docx');
  parts = await docxParts(docx);
});

describe('suggestions in the Word file', { timeout: 300_000 }, () => {
  it('writes w:ins and w:del with author and date, deleted text as w:delText', () => {
    const xml = parts['word/document.xml'] ?? '';
    const changes = [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:\1>/g)].map((match) => ({
      kind: match[1],
      author: match[3],
      date: match[4],
      text: [...(match[5] ?? '').matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((text) => text[1]).join(''),
      deletedAsDelText: match[1] === 'del' ? /<w:delText/.test(match[5] ?? '') && !/<w:t[ >]/.test(match[5] ?? '') : true,
    }));
    expect(changes.map(({ kind, author, date, text }) => `${kind} ${author} ${date} ${text}`)).toEqual([
      'ins 市发展改革委 2024-12-01T00:00:00Z ，加快',
      'ins 市发展改革委 2024-12-01T00:00:00Z 建设',
      'del 市财政局 2024-12-02T09:30:00Z 旧的表述',
      'del 市统计局 2024-12-03T00:00:00Z 全年目标',
      'ins 市统计局 2024-12-03T00:00:00Z 年度目标',
      // No attribution: the author report-press and the build's fixed date (the front matter's).
      'del report-press 2024-12-10T00:00:00Z 5.0',
      'ins report-press 2024-12-10T00:00:00Z 5.2',
      'ins report-press 2024-12-10T00:00:00Z 补充',
    ]);
    expect(changes.every((change) => change.deletedAsDelText)).toBe(true);
    // Formatting inside an insertion is kept: the bold run is a tracked insertion in the Strong style.
    expect(xml).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>建设<\/w:t>/);
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes comments in comments.xml around their text, and a change’s note as a comment around the change', () => {
    const comments = parts['word/comments.xml'] ?? '';
    const listed = [...comments.matchAll(/<w:comment w:id="(\d+)"[^>]* w:author="([^"]*)" w:date="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((match) => `${match[1]} ${match[2]} ${match[3]} ${(match[4] ?? '').replace(/<[^>]+>/g, '')}`);
    expect(listed).toEqual(['0 市财政局 2024-12-02T09:30:00.000Z 与预算报告不一致', '1 市统计局 2024-12-10T00:00:00.000Z 请核对口径']);
    const xml = parts['word/document.xml'] ?? '';
    expect(xml).toMatch(/<w:commentRangeStart w:id="0"\/><w:del [^>]*w:author="市财政局"[^>]*>[\s\S]*?旧的表述[\s\S]*?<\/w:del><w:commentRangeEnd w:id="0"\/>/);
    expect(xml).toMatch(/<w:commentRangeStart w:id="1"\/>[\s\S]*增长5\.2%[\s\S]*<w:commentRangeEnd w:id="1"\/>[\s\S]*<w:commentReference w:id="1"\/>/);
    expect(parts['word/_rels/document.xml.rels']).toContain('comments.xml');
  });

  it('reads back in pandoc: accepted, rejected, and each change with its author', async () => {
    const accepted = await pandoc(docx, 'accept');
    expect(accepted).toContain('今年经济运行，加快建设总体平稳，稳中有进。');
    expect(accepted).toContain('年度目标基本完成，增长5.2%。');
    expect(accepted).toMatch(/增速\s+5\.2/);
    expect(accepted).toContain('未署名的补充在此。');
    const rejected = await pandoc(docx, 'reject');
    expect(rejected).toContain('今年经济运行总体平稳，旧的表述稳中有进。');
    expect(rejected).toContain('全年目标基本完成，增长5.2%。');
    expect(rejected).toMatch(/增速\s+5\.0/);
    expect(rejected).toContain('未署名的在此。');
    const all = await pandoc(docx, 'all', 'markdown');
    expect(all).toMatch(/\[，加快\*\*建设\*\*\]\{\.insertion author="市发展改革委" date="2024-12-01T00:00:00Z"\}/);
    expect(all).toMatch(/\[与预算报告不一致\]\{\.comment-start [^}]*author="市财政局"[^}]*\}\[旧的表述\]\{\.deletion author="市财政局" date="2024-12-02T09:30:00Z"\}/);
    expect(all).toMatch(/\[全年目标\]\{\.deletion author="市统计局"[^}]*\}\[年度目标\]\{\.insertion author="市统计局"/);
    expect(all).toMatch(/\[请核对口径\]\{\.comment-start [^}]*author="市统计局"[^}]*\}增长5\.2%\[\]\{\.comment-end/);
  });

  it('opens in LibreOffice, which lists each change and comment with its author', async () => {
    const [listed] = await listChangesWithLibreOffice([docx]);
    const redlines = (listed?.redlines ?? []).map((redline) => `${redline.type} ${redline.author} ${redline.text}`);
    for (const expected of ['Insert 市发展改革委 ，加快', 'Delete 市财政局 旧的表述', 'Delete 市统计局 全年目标', 'Insert 市统计局 年度目标', 'Delete report-press 5.0', 'Insert report-press 补充']) {
      expect(redlines.some((line) => line.startsWith(expected)), `${expected} in\n${redlines.join('\n')}`).toBe(true);
    }
    expect(listed?.comments).toEqual([
      { author: '市财政局', text: '与预算报告不一致' },
      { author: '市统计局', text: '请核对口径' },
    ]);
  });

  it('is reproducible: a second build gives the same bytes', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'report.md': SOURCE });
    await build({ input: path.join(dir, 'report.md'), outDir: dir, formats: ['docx'] });
    expect(Buffer.from(await readFile(path.join(dir, 'report.docx'))).equals(await readFile(docx))).toBe(true);
  });
});
