import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../pipeline/build.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { docxParts, pdfText, wordText } from '../helpers/read-back.ts';
import { squash } from '../helpers/block-text.ts';

const SOURCE = `---
title: 标点测试
lang: zh-CN
template: gov-report
---

# 一、总体要求,主要目标

一年来,我们**坚持**,推进;各位代表!(节选)增长6%左右,收入2.68亿元[^1]。

| 指标 | 说明 |
| --- | --- |
| 增长,左右 | 代码\`a,b\` |

详见[市政府网站,首页](https://www.example.gov.cn/a,b)。

[^1]: 注释,说明。
`;

/** What every output must show, and the half-width forms it must not. */
const EXPECTED = ['一、总体要求，主要目标', '一年来，我们坚持，推进；各位代表！（节选）增长6%左右，收入2.68亿元', '增长，左右', '代码a,b', '详见市政府网站，首页', '注释，说明。'];
const GONE = ['要求,主要', '一年来,', '坚持,', '推进;', '代表!', '(节选)', '左右,', '网站,首页', '注释,'];

describe('half-width punctuation is normalised in all three outputs', () => {
  let folder: string;
  let result: BuildResult;

  beforeAll(async () => {
    folder = await temporaryFolder();
    await writeFiles(folder, { 'marks.md': SOURCE });
    result = await build({ input: path.join(folder, 'marks.md'), outDir: path.join(folder, 'out'), formats: ['pdf', 'docx', 'html'] });
  });

  const check = (text: string) => {
    const squashed = squash(text);
    for (const expected of EXPECTED) expect(squashed).toContain(expected);
    for (const gone of GONE) expect(squashed).not.toContain(gone);
  };

  it('builds, with one warning per mark', () => {
    expect(result.ok).toBe(true);
    expect(result.report.file.messages.filter((message) => message.ruleId === 'cjk-punctuation')).toHaveLength(11);
  });

  it('HTML', async () => {
    const html = await readFile(path.join(folder, 'out/marks.html'), 'utf8');
    const body = html.slice(html.indexOf('<body')).replace(/<[^>]+>/g, '');
    check(body);
    expect(html).toContain('href="https://www.example.gov.cn/a,b"');
  });

  it('Word', async () => {
    const parts = await docxParts(path.join(folder, 'out/marks.docx'));
    check(wordText(parts['word/document.xml'] ?? '') + wordText(parts['word/footnotes.xml'] ?? ''));
  });

  it('PDF', async () => {
    check(await pdfText(path.join(folder, 'out/marks.pdf')));
  });
});
