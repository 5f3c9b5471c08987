/**
 * A paragraph added or removed as a whole is tracked with its paragraph mark, so that accepting
 * or rejecting it leaves no empty paragraph (pandoc, an independent reader, shows none); a moved
 * paragraph is a Word move (`w:moveFrom`/`w:moveTo` in named ranges).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { docxParts } from '../helpers/read-back.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';

const run = promisify(execFile);

const SOURCE = `---
title: 段落
lang: zh-CN
date: 2024-12-01
---

第一段。

{++新增的一段。++}{>>市财政局 2024-12-01<<}

{--删除的一段。--}{>>市财政局 2024-12-01<<}

本段{++只有一处++}{>>市财政局 2024-12-01<<}插入。

- 条目一
- {++新条目++}{>>市统计局 2024-12-02<<}

{--被移动的段落。--}{>>市司法局 2024-12-03: move:m1<<}

倒数第二段。

{++被移动的段落。++}{>>市司法局 2024-12-03: move:m1<<}

最后一段。
`;

describe('whole paragraphs added or removed in Word', () => {
  it('carry a tracked paragraph mark, and leave no empty paragraph when decided', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'p.md': SOURCE });
    expect((await build({ input: path.join(folder, 'p.md'), outDir: folder, formats: ['docx'] })).ok).toBe(true);
    const file = path.join(folder, 'p.docx');
    const document = (await docxParts(file))['word/document.xml'] ?? '';
    const marks = [...document.matchAll(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:(ins|del) [^>]*w:author="([^"]+)"/g)].map((match) => `${match[1]}:${match[2]}`);
    // The paragraph with one insertion among its text keeps an untracked mark.
    expect(marks).toEqual(['ins:市财政局', 'del:市财政局', 'ins:市统计局']);
    // The move: both ends, their paragraph marks, and ranges that pair them by name.
    expect([...document.matchAll(/<w:(moveFrom|moveTo)(RangeStart)? [^>]*w:author="市司法局"[^>]*?(?:w:name="([^"]+)")?\/?>/g)].map((match) => `${match[1]}${match[2] ?? ''}${match[3] ? `:${match[3]}` : ''}`)).toEqual([
      'moveFrom',
      'moveFromRangeStart:move-m1',
      'moveFrom',
      'moveTo',
      'moveToRangeStart:move-m1',
      'moveTo',
    ]);
    expect(document).not.toMatch(/<w:del [^>]*w:author="市司法局"/);
    const pandoc = async (mode: string) => (await run('pandoc', [`--track-changes=${mode}`, '-t', 'plain', '--wrap=none', file])).stdout;
    const paragraphs = (text: string) => text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => !paragraph.startsWith('-') && !/^\d{4}年/.test(paragraph));
    expect(paragraphs(await pandoc('accept'))).toEqual(['第一段。', '新增的一段。', '本段只有一处插入。', '倒数第二段。', '被移动的段落。', '最后一段。']);
    expect(paragraphs(await pandoc('reject'))).toEqual(['第一段。', '删除的一段。', '本段插入。', '被移动的段落。', '倒数第二段。', '最后一段。']);
  });
});
