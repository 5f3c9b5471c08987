/**
 * The department's word processor the review tests rely on (test/helpers/libreoffice-edit.ts):
 * LibreOffice, driven through UNO, edits our Word file with change recording on and an author
 * set, and the saved file holds those edits as tracked changes by that author, as pandoc (an
 * independent reader) sees them; with recording off it holds plain edits and the author as the
 * file's last editor.
 */
import path from 'node:path';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { editWithLibreOffice } from '../helpers/libreoffice-edit.ts';

const run = promisify(execFile);

const SOURCE = `---
title: 测试报告
lang: zh-CN
---

# 一、总体要求

全年经济保持稳定增长，民生持续改善。

| 指标 | 目标 |
| --- | --- |
| 生产总值 | 增长6% |
`;

describe('LibreOffice edits a built Word file as a department does', () => {
  it('records replacements, deletions, insertions, splits, merges, cell edits and comments by the author set', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'report.md': SOURCE });
    const result = await build({ input: path.join(folder, 'report.md'), outDir: folder, formats: ['docx'] });
    expect(result.ok).toBe(true);
    const built = path.join(folder, 'report.docx');
    const tracked = path.join(folder, 'tracked.docx');
    const plain = path.join(folder, 'plain.docx');
    const [changes, plainChanges] = await editWithLibreOffice([
      {
        input: built,
        output: tracked,
        author: '市财政局',
        edits: [
          { kind: 'replace', find: '稳定增长', with: '平稳增长' },
          { kind: 'delete', find: '持续' },
          { kind: 'insertAfter', find: '民生', text: '福祉' },
          { kind: 'splitAfter', find: '平稳增长，' },
          { kind: 'cell', table: 0, row: 1, column: 1, text: '增长6.5%' },
          { kind: 'comment', find: '总体要求', text: '请核对标题' },
        ],
      },
      { input: built, output: plain, author: '市统计局', track: false, edits: [{ kind: 'replace', find: '稳定增长', with: '较快增长' }] },
    ]);
    expect(changes?.redlines.every((redline) => redline.author === '市财政局')).toBe(true);
    expect(changes?.redlines.map((redline) => `${redline.type}:${redline.text}`)).toEqual(expect.arrayContaining(['Delete:稳定增长', 'Insert:平稳增长', 'Delete:持续', 'Insert:福祉', 'Insert:增长6.5%']));
    expect(changes?.comments).toEqual([{ author: '市财政局', text: '请核对标题' }]);
    expect(plainChanges).toEqual({ redlines: [], comments: [] });

    const pandoc = async (mode: string, file: string, to = 'plain') => (await run('pandoc', [`--track-changes=${mode}`, '-t', to, '--wrap=none', file])).stdout;
    const accepted = await pandoc('accept', tracked);
    expect(accepted).toContain('全年经济保持平稳增长，\n');
    expect(accepted).toContain('民生福祉改善');
    expect(accepted).toContain('增长6.5%');
    // The rejected paragraph break leaves pandoc's soft break (a space in plain text) between the halves.
    const rejected = (await pandoc('reject', tracked)).replace(/\s+/g, '');
    expect(rejected).toContain('全年经济保持稳定增长，民生持续改善。');
    expect(rejected).toContain('增长6%');
    const all = await pandoc('all', tracked, 'markdown');
    expect(all).toContain('[稳定增长]{.deletion author="市财政局"');
    expect(all).toContain('[平稳增长]{.insertion author="市财政局"');
    expect(await pandoc('accept', plain)).toContain('较快增长');
    const core = strFromU8(unzipSync(await readFile(plain))['docProps/core.xml'] ?? new Uint8Array());
    expect(core).toContain('<cp:lastModifiedBy>市统计局</cp:lastModifiedBy>');
  });
});
