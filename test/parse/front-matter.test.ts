import { describe, expect, it } from 'vitest';
import { messageSummary, reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await temporaryFolder();
  await writeFiles(folder, files);
  return folder;
}

describe('front matter', () => {
  it('reads every documented key', async () => {
    const report = await reportFrom(`---
title: 政府工作报告
subtitle: ——在会议上
author: 某市人民政府
speaker: 某市市长
date: 2024-01-15
lang: zh-CN
template: gov-report
toc: true
excerpt: true
crossref:
  chapters: true
subject: 主题
description: 描述
keywords: [一, 二]
bibliography: refs.json
csl: gb-t-7714-2015-numeric
---

正文。
`, await folderWith({ 'refs.json': '[]' }));
    expect(report.meta).toEqual({
      title: '政府工作报告', subtitle: '——在会议上', author: '某市人民政府', speaker: '某市市长', date: '2024-01-15',
      lang: 'zh-CN', template: 'gov-report', toc: true, numberByChapter: true, excerpt: true, subject: '主题', description: '描述', keywords: ['一', '二'],
      bibliography: [{ path: 'refs.json', place: { line: 16, column: 15 } }], csl: { value: 'gb-t-7714-2015-numeric', place: { line: 17, column: 6 } },
    });
    expect(report.file.messages).toEqual([]);
    expect(report.tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('defaults lang to zh-CN for Chinese text and en otherwise, and the template from the language', async () => {
    const chinese = await reportFrom('一年来，我们瞄准实事。\n');
    expect(chinese.meta).toMatchObject({ lang: 'zh-CN', template: 'gov-report', toc: false });
    const english = await reportFrom('A plain report.\n');
    expect(english.meta).toMatchObject({ lang: 'en', template: 'default' });
  });

  it('reports invalid YAML at its line', async () => {
    const report = await reportFrom('---\ntitle: ok\ntoc: [unclosed\n---\n\ntext\n');
    expect(messageSummary(report).some((line) => /^[34]:\d+ front-matter-yaml error$/.test(line))).toBe(true);
  });

  it('says to quote a value that ends in a half-width colon, the usual cause of a YAML error', async () => {
    const report = await reportFrom('---\ntitle: ok\nlang: zh-CN\n主送机关: 各区人民政府:\n---\n\n正文。\n');
    const message = report.file.messages.find((candidate) => candidate.ruleId === 'front-matter-yaml');
    expect(message?.line).toBe(4);
    expect(message?.reason).toContain('须加引号');
    const plain = await reportFrom('---\ntitle: ok\ntoc: [unclosed\n---\n\ntext\n');
    expect(plain.file.messages.find((candidate) => candidate.ruleId === 'front-matter-yaml')?.reason).not.toContain('quoted');
  });

  it('reports an unknown key at its line with a suggestion', async () => {
    const report = await reportFrom('---\ntitle: ok\ntitel: typo\n---\n\ntext\n');
    expect(messageSummary(report)).toEqual(['3:1 front-matter-unknown-key error']);
    expect(report.file.messages[0]?.reason).toContain('did you mean `title`');
  });

  it('reports an ill-typed key at its value', async () => {
    const report = await reportFrom('---\ntitle: ok\ntoc: yes please\ndate: March\ntemplate: fancy\n---\n\ntext\n');
    expect(messageSummary(report)).toEqual(['3:6 front-matter-type error', '4:7 front-matter-type error', '5:11 front-matter-type error']);
  });
});
