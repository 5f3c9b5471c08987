import { describe, expect, it } from 'vitest';
import type { Heading } from 'mdast';
import { visit } from 'unist-util-visit';
import { check, EN, messagesOf, ZH } from './support.ts';

function headingIds(result: Awaited<ReturnType<typeof check>>): (string | undefined)[] {
  const ids: (string | undefined)[] = [];
  visit(result.report.tree, 'heading', (heading: Heading) => {
    ids.push(heading.data?.id);
  });
  return ids;
}

describe('heading-empty', () => {
  it('warns at a heading with no text, only white space, or only an image without alt text', async () => {
    const result = await check(`${EN}# One\n\n#\n\n##   \n\n## ![](chart.png)\n\n## <span></span>\n`, { 'chart.png': '' });
    expect(messagesOf(result, 'heading-empty')).toEqual([
      '8:1 warning Heading of level 1 has no text: the outline, the contents and the PDF bookmarks get an empty entry',
      '10:1 warning Heading of level 2 has no text: the outline, the contents and the PDF bookmarks get an empty entry',
      '12:1 warning Heading of level 2 has no text: the outline, the contents and the PDF bookmarks get an empty entry',
      '14:1 warning Heading of level 2 has no text: the outline, the contents and the PDF bookmarks get an empty entry',
    ]);
    // The empty headings get ids of their own, never `-1` (ids are made from the text with the tags).
    expect(headingIds(result).slice(0, 4)).toEqual(['one', 'section-1', 'section-2', 'section-3']);
  });

  it('does not warn at headings with text, inline code or an image with alt text', async () => {
    const result = await check(`${ZH}# 一、总体\n\n## \`code\`\n\n## ![图表](chart.png)\n\n## **加粗**\n`, { 'chart.png': '' });
    expect(messagesOf(result, 'heading-empty')).toEqual([]);
  });

  it('is a warning in Chinese for a Chinese report', async () => {
    expect(messagesOf(await check(`${ZH}# 一、总体\n\n##\n`), 'heading-empty')).toEqual(['8:1 warning 2级标题没有文字：大纲、目录和 PDF 书签中会出现空白条目']);
  });
});

describe('heading-id-duplicate', () => {
  it('warns at the second of two headings with the same text, naming the line of the first', async () => {
    const result = await check(`${ZH}# 一、总体\n\n## 主要目标\n\n# 二、任务\n\n## 主要目标\n\n[链接](#主要目标)\n`);
    expect(messagesOf(result, 'heading-id-duplicate')).toEqual([
      '12:1 warning 标题“主要目标”与第8行的标题相同：此处锚点改为 #主要目标-1，指向 #主要目标 的链接都会跳到前一个标题',
    ]);
    expect(headingIds(result)).toEqual(['一总体', '主要目标', '二任务', '主要目标-1']);
  });

  it('warns when different texts make the same id, or a numbered id is taken', async () => {
    const result = await check(`${EN}# A B\n\n# A-B\n\n# Summary\n\n# Summary\n\n# Summary 1\n\n# summary-1\n`);
    expect(messagesOf(result, 'heading-id-duplicate')).toEqual([
      '8:1 warning Heading “A-B” would get the same id #a-b as the heading on line 6: its anchor becomes #a-b-1, and links to #a-b lead to the first',
      '12:1 warning Heading “Summary” repeats the heading on line 10: its anchor becomes #summary-1, and links to #summary lead to the first',
      '14:1 warning Heading “Summary 1” would get the same id #summary-1 as the heading on line 12: its anchor becomes #summary-1-1, and links to #summary-1 lead to the first',
      '16:1 warning Heading “summary-1” would get the same id #summary-1 as the heading on line 12: its anchor becomes #summary-1-2, and links to #summary-1 lead to the first',
    ]);
  });

  it('does not warn for distinct headings, headings named like the page’s own ids, or empty ones', async () => {
    const result = await check(`${EN}# Content\n\n# Footnotes\n\n# One\n\n# Two\n\n#\n\n#\n`);
    expect(messagesOf(result, 'heading-id-duplicate')).toEqual([]);
  });
});
