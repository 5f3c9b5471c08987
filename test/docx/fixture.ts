import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import type { Report } from '../../pipeline/types.ts';
import { TINY_PNG, temporaryFolder } from '../helpers/report.ts';

/** The fixed build date of these tests. */
export const BUILD_DATE = new Date('2024-03-01T08:00:00Z');

/** A tiny SVG the Word output cannot embed. */
export const TINY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5"/></svg>';

/** Parse Markdown saved as `input.md` in a fresh folder that also holds `tiny.png` and `tiny.svg`. */
export async function reportWithImages(markdown: string): Promise<Report> {
  const folder = await temporaryFolder('press-docx-');
  await writeFile(path.join(folder, 'tiny.png'), TINY_PNG);
  await writeFile(path.join(folder, 'tiny.svg'), TINY_SVG);
  const filePath = path.join(folder, 'input.md');
  await writeFile(filePath, markdown);
  return parseReport(new VFile({ path: filePath, value: markdown }));
}

/** Render a report with its own template (from the front matter) at the fixed date. */
export async function render(report: Report): Promise<Uint8Array> {
  return renderDocx(report, await loadTemplate(report.meta.template), { date: BUILD_DATE });
}

/** The Chinese sample most tests read: every construct once, in the gov-report template. */
export const CHINESE_SAMPLE = `---
title: 测试报告
subtitle: ——在测试会议上（节选）
speaker: 某某市市长
author: 某某市人民政府
date: 2024-03-01
lang: zh-CN
template: gov-report
subject: 测试主题
description: 测试描述
keywords: [报告, 测试]
---

# 一、总体情况

**一是坚持在推进创新驱动发展中闯出新路子。**牢固树立创新发展理念。

## （一）主要指标

| 指标 | 目标 | 说明 |
| :--- | ---: | :---: |
| 增长 | 6% | 左右 |

正文有脚注[^a]，另见[外部链接](https://example.org)和[第一部分](#一总体情况)。

- 第一项
  - 嵌套项
- 第二项

1. 甲
2. 乙

中间段落。

5. 戊
6. 己

- [ ] 未完成
- [x] 已完成

> 引用段落。

\`\`\`text
代码 一行
第二行
\`\`\`

![一个红色方块](tiny.png "图1 红色方块")

H<sub>2</sub>O 与 <kbd>Ctrl</kbd>

<script>alert('x')</script>

---

最后一段。

[^a]: 脚注内容。
`;
