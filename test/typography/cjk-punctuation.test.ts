import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { applyEdits, FixError, type SourceEdit } from '../../pipeline/fix/apply-fixes.ts';
import { CJK_PUNCTUATION_RULE } from '../../pipeline/transform/remark-cjk-punctuation.ts';
import type { Report } from '../../pipeline/types.ts';

/** Parse and transform Markdown given as a string (no images are read in these tests). */
async function transform(markdown: string): Promise<Report> {
  return parseReport(new VFile({ path: path.join(tmpdir(), 'input.md'), value: markdown }));
}

/** The text of every top-level block, one per line. */
function textOf(report: Report): string {
  return report.tree.children.map((node) => toString(node)).join('\n');
}

function warnings(report: Report) {
  return report.file.messages.filter((message) => message.ruleId === CJK_PUNCTUATION_RULE);
}

function places(report: Report): string[] {
  return warnings(report).map((message) => `${message.line}:${message.column}`);
}

function fixes(report: Report): SourceEdit[] {
  return report.file.data.fixes ?? [];
}

/** The 1-based line:column of every occurrence of `needle` in `source`. */
function placesOf(source: string, needle: string): string[] {
  const found: string[] = [];
  for (let at = source.indexOf(needle); at >= 0; at = source.indexOf(needle, at + 1)) {
    const before = source.slice(0, at);
    found.push(`${before.split('\n').length}:${at - before.lastIndexOf('\n')}`);
  }
  return found;
}

/**
 * Transform `markdown`, check that every warning points at the half-width mark its edit
 * replaces, that fixing the source gives the same text as the transform, and that the fixed
 * source has nothing left to fix. Resolves to the transformed text.
 */
async function normalised(markdown: string): Promise<string> {
  const report = await transform(markdown);
  const edits = fixes(report);
  expect(warnings(report)).toHaveLength(edits.length);
  const lines = markdown.split('\n');
  warnings(report).forEach((message, index) => {
    const edit = edits[index];
    expect(edit).toBeDefined();
    if (!edit) return;
    expect(markdown[edit.offset]).toBe(edit.old);
    expect(lines[(message.line ?? 0) - 1]?.[(message.column ?? 0) - 1]).toBe(edit.old);
    expect(edit.ruleId).toBe(CJK_PUNCTUATION_RULE);
  });
  const fixed = await transform(applyEdits(markdown, edits));
  expect(warnings(fixed)).toEqual([]);
  expect(textOf(fixed)).toBe(textOf(report));
  return textOf(report);
}

describe('remarkCjkPunctuation: Chinese text', () => {
  it.each([
    ['一年来,我们', '一年来，我们'],
    ['各位代表!过去', '各位代表！过去'],
    ['各位代表:', '各位代表：'],
    ['致以崇高的敬意和衷心的感谢!', '致以崇高的敬意和衷心的感谢！'],
    ['总体要求是:坚持;统筹;推动', '总体要求是：坚持；统筹；推动'],
    ['怎么办?我们', '怎么办？我们'],
    ['什么?!', '什么？！'],
    ['增长6%左右,一般', '增长6%左右，一般'],
    ['增长6%,一般', '增长6%，一般'],
    ['增长6%!', '增长6%！'],
    ['发放补助等2.68亿元,城镇新增就业5.74万人,', '发放补助等2.68亿元，城镇新增就业5.74万人，'],
    ['“自助药房”服务,在全省推广', '“自助药房”服务，在全省推广'],
    ['这个“牛鼻子”,坚持', '这个“牛鼻子”，坚持'],
    ['事故起数“双下降”!', '事故起数“双下降”！'],
    ['开拓进取,秦皇岛', '开拓进取，秦皇岛'],
    ['我们, 一起', '我们， 一起'],
    ['时间10:30,开会', '时间10:30，开会'],
    ['时间:10:30', '时间：10:30'],
    ['使用微信,QQ等', '使用微信，QQ等'],
    ['使用Python,并且', '使用Python，并且'],
    ['我爱Python!', '我爱Python！'],
    ['见网址:https://example.org', '见网址：https://example.org'],
  ])('%s', async (input, output) => {
    expect(await normalised(input)).toBe(output);
  });

  it('works in Japanese kana text too', async () => {
    expect(await normalised('ありがとう,ございます')).toBe('ありがとう，ございます');
  });
});

describe('remarkCjkPunctuation: numbers and Western text stay', () => {
  it.each([
    '2.68亿元',
    '增长5.5%左右',
    '共1,000人',
    '共1,000,000元',
    '上午10:30开会',
    '比分3:2',
    'Hello, world!',
    'What? Really; yes: no!',
    'This is 中文, and more text.',
    '北京Beijing, China',
    '我们,\nand then some English',
    'f(x) = y',
    'Hello (world)',
    'Qinhuangdao (秦皇岛) is a city.',
    'The city (秦皇岛).',
    '半个括号(没有配对',
    '没有配对)半个括号',
  ])('%s', async (input) => {
    expect(await normalised(input)).toBe(input);
  });
});

describe('remarkCjkPunctuation: a colon or semicolon ending a Chinese line', () => {
  // What comes on the next line (a number, a Latin word, code, a figure) says nothing about the
  // mark that ends this one: `:` introduces it, `;` closes a clause of this line.
  it.each([
    ['主要指标如下:\n2024年地区生产总值增长6%左右', '主要指标如下：\n2024年地区生产总值增长6%左右'],
    ['一是推进重点工程;\n3项工程已开工', '一是推进重点工程；\n3项工程已开工'],
    ['包括以下企业:\nA类企业和B类企业', '包括以下企业：\nA类企业和B类企业'],
    ['运行以下命令:\n`npm install`', '运行以下命令：\nnpm install'],
    ['如图所示:\n![示意图](x.png)', '如图所示：\n示意图'],
    ['使用 Python 语言:\nprint', '使用 Python 语言：\nprint'],
    ['见“附件”:  \nGDP增长', '见“附件”：GDP增长'],
    ['目标如下: \\\nGDP增长', '目标如下： GDP增长'],
    ['- 第一项任务;\n  2025年完成', '第一项任务；\n2025年完成'],
    ['运行`npm install`:', '运行npm install：'],
    ['运行`npm install`;\n然后', '运行npm install；\n然后'],
  ])('%s', async (input, output) => {
    expect(await normalised(input)).toBe(output);
  });

  it.each([
    // An English line that ends in a Chinese word is English.
    'We use 中文;\nthen more English',
    'Note: see 附件:\nfile.pdf',
    // Only the colon and the semicolon: a comma at the end of a line belongs to the sentence that goes on.
    '我们,\nand then some English',
    // Times and ratios across a line break are not a thing; digits on both sides of a mark still stay.
    '比分3:2',
  ])('%s stays', async (input) => {
    expect(await normalised(input)).toBe(input);
  });
});

describe('remarkCjkPunctuation: parentheses go by pairs', () => {
  it.each([
    ['(节选)', '（节选）'],
    ['（上略）(下略)', '（上略）（下略）'],
    ['2024年政府工作报告(节选)', '2024年政府工作报告（节选）'],
    ['2024年 (节选)', '2024年 （节选）'],
    ['居民消费价格指数(CPI)上涨', '居民消费价格指数（CPI）上涨'],
    ['(一)主要目标', '（一）主要目标'],
    ['(1)加强', '（1）加强'],
    ['我们(**节选**)好', '我们（节选）好'],
    ['(注:数据来自统计局)', '（注：数据来自统计局）'],
    ['(中文', '(中文'],
    ['函数f(x),返回', '函数f(x)，返回'],
  ])('%s', async (input, output) => {
    expect(await normalised(input)).toBe(output);
  });

  it('a pair with one escaped parenthesis stays half-width on both sides', async () => {
    const report = await transform('\\(节选)');
    expect(textOf(report)).toBe('(节选)');
    expect(warnings(report)).toEqual([]);
  });
});

describe('remarkCjkPunctuation: across inline nodes', () => {
  it('sees the characters of neighbouring emphasis, strong and links', async () => {
    expect(await normalised('**一是坚持。**牢固,树立')).toBe('一是坚持。牢固，树立');
    expect(await normalised('**坚持**,我们')).toBe('坚持，我们');
    expect(await normalised('我们,**坚持**')).toBe('我们，坚持');
    expect(await normalised('*一般公共预算收入*,增长')).toBe('一般公共预算收入，增长');
    expect(await normalised('~~删除~~,保留')).toBe('删除，保留');
    expect(await normalised('见[主要目标](#goals),详见')).toBe('见主要目标，详见');
    expect(await normalised('[中文,链接](https://example.org)')).toBe('中文，链接');
    expect(await normalised('**一是坚持在推进创新驱动发展中闯出新路子。**牢固树立科技是第一生产力,人才是第一资源')).toBe('一是坚持在推进创新驱动发展中闯出新路子。牢固树立科技是第一生产力，人才是第一资源');
  });

  it('looks through footnote references and inline HTML tags', async () => {
    expect(await normalised('收入[^1],然后\n\n[^1]: 注,释')).toBe('收入，然后\n注，释');
    expect(await normalised('化学式H<sub>2</sub>O,然后')).toBe('化学式H<sub>2</sub>O，然后');
  });

  it('reads a line break as white space', async () => {
    expect(await normalised('一年来,\n我们,好')).toBe('一年来，\n我们，好');
    // A hard break has no text of its own (mdast-util-to-string gives it none).
    expect(await normalised('一年来,\\\n我们')).toBe('一年来，我们');
  });

  it('works in headings, lists, quotes, table cells and footnotes', async () => {
    expect(await normalised('## (一)目标,任务')).toBe('（一）目标，任务');
    expect(await normalised('- 第一,\n  第二,好')).toBe('第一，\n第二，好');
    expect(await normalised('> 一年来,\n> 我们,好')).toBe('一年来，\n我们，好');
    expect(await normalised('| 指标 | 说明 |\n| --- | --- |\n| 增长,左右 | a,b |')).toBe('指标说明增长，左右a,b');
  });
});

describe('remarkCjkPunctuation: never touches code, HTML or URLs', () => {
  it('leaves inline code and code blocks as written, but reads past them', async () => {
    expect(await normalised('使用`a,b`,然后')).toBe('使用a,b，然后');
    expect(await normalised('```\n一年来,我们\n```')).toBe('一年来,我们');
    expect(await normalised('    一年来,我们')).toBe('一年来,我们');
  });

  it('leaves raw HTML blocks and link URLs as written', async () => {
    const report = await transform('<div>一年来,我们</div>\n\n[链接](https://example.org/a,b?中文,好)\n\n见 <https://example.org/?q=中,文>,好');
    expect(warnings(report).map((message) => message.line)).toEqual([5]);
    const links: string[] = [];
    for (const block of report.tree.children) if (block.type === 'paragraph') for (const child of block.children) if (child.type === 'link') links.push(child.url, toString(child));
    expect(links).toEqual(['https://example.org/a,b?中文,好', '链接', 'https://example.org/?q=中,文', 'https://example.org/?q=中,文']);
    expect(textOf(report)).toBe('<div>一年来,我们</div>\n链接\n见 https://example.org/?q=中,文，好');
  });

  it('leaves escaped marks and character references as written', async () => {
    for (const input of ['我们\\,好', '我们&#44;好', '我们&comma;好', '\\(节选\\)']) {
      const report = await transform(input);
      expect(warnings(report), input).toEqual([]);
      expect(fixes(report), input).toEqual([]);
    }
    expect(await normalised('我们&#44;好,的')).toBe('我们,好，的');
    expect(await normalised('我们\\\\,好')).toBe('我们\\，好');
  });
});

describe('remarkCjkPunctuation: positions and messages', () => {
  it('points at the exact line and column of each mark', async () => {
    const source = '---\ntitle: 测试\nlang: zh-CN\n---\n\n# 一、标题,副题\n\n一年来,我们**坚持**,推进;\n发展!(节选)\n';
    const report = await transform(source);
    expect(places(report)).toEqual([
      ...placesOf(source, ',').slice(0, 3),
      ...placesOf(source, ';'),
      ...placesOf(source, '!'),
      ...placesOf(source, '('),
      ...placesOf(source, ')'),
    ]);
    expect(places(report)).toEqual(['6:7', '8:4', '8:13', '8:16', '9:3', '9:4', '9:7']);
    expect(fixes(report).map((edit) => [edit.offset, edit.old, edit.new])).toEqual([
      [source.indexOf(','), ',', '，'],
      [source.indexOf(',', source.indexOf('一年来')), ',', '，'],
      [source.indexOf(',', source.indexOf('坚持')), ',', '，'],
      [source.indexOf(';'), ';', '；'],
      [source.indexOf('!'), '!', '！'],
      [source.indexOf('('), '(', '（'],
      [source.indexOf(')'), ')', '）'],
    ]);
  });

  it('counts columns on lines ending in CR LF and inside block quotes and lists', async () => {
    const source = '一年来,\r\n我们,好\r\n\r\n> 引用,文字\r\n\r\n- 列表,项目\r\n';
    const report = await transform(source);
    expect(places(report)).toEqual(['1:4', '2:3', '4:5', '6:5']);
    expect(textOf(report)).toBe('一年来，\r\n我们，好\n引用，文字\n列表，项目');
  });

  it('writes its message in Chinese for a Chinese report and in English otherwise', async () => {
    const chinese = await transform('---\nlang: zh-CN\n---\n\n一年来,我们(节选)');
    expect(warnings(chinese).map((message) => message.reason)).toEqual([
      '中文之间的半角逗号“,”应为全角“，”',
      '中文中的半角左括号“(”应为全角“（”',
      '中文中的半角右括号“)”应为全角“）”',
    ]);
    const english = await transform('---\nlang: en\n---\n\nThe sample says 一年来,我们!');
    expect(warnings(english).map((message) => message.reason)).toEqual([
      'Half-width comma "," between Chinese characters should be full-width "，"',
      'Half-width exclamation mark "!" between Chinese characters should be full-width "！"',
    ]);
    expect(warnings(english).every((message) => message.fatal === false && message.source === 'report-press')).toBe(true);
  });

  it('a document without Chinese has no warnings and no fixes', async () => {
    const report = await transform('# Title\n\nHello, world! (A test: yes; no?)\n');
    expect(warnings(report)).toEqual([]);
    expect(report.file.data.fixes).toBeUndefined();
  });
});

describe('applyEdits', () => {
  const edit = (offset: number, old: string, replacement: string): SourceEdit => ({ offset, old, new: replacement, ruleId: 'test' });

  it('applies edits from the end backwards, in any order given', () => {
    expect(applyEdits('a,b;c', [edit(1, ',', '，'), edit(3, ';', '；')])).toBe('a，b；c');
    expect(applyEdits('a,b;c', [edit(3, ';', '；'), edit(1, ',', '，')])).toBe('a，b；c');
    expect(applyEdits('ab', [edit(1, 'b', 'long')])).toBe('along');
  });

  it('refuses an edit that does not match the text, and overlapping edits', () => {
    expect(() => applyEdits('a,b', [edit(0, ',', '，')])).toThrow(FixError);
    expect(() => applyEdits('a,,b', [edit(1, ',,', '，'), edit(2, ',', '，')])).toThrow(FixError);
  });
});

describe('remarkCjkPunctuation: fixed point', () => {
  it('converts a chain of marks whose context only becomes Chinese as its neighbours convert', async () => {
    expect(await normalised('Hello!?!?!?!?中文')).toBe('Hello！？！？！？！？中文');
  });
});
