import { describe, expect, it } from 'vitest';
import { formatChineseNumber, parseChineseNumber } from '../../pipeline/transform/support/chinese-numerals.ts';
import { headingNumber } from '../../pipeline/transform/support/heading-number.ts';
import { check, EN, messagesOf, ZH } from './support.ts';

const RULE = 'part-number-sequence';

describe('Chinese counting numerals', () => {
  it('writes the usual forms, beyond ten', () => {
    const written = Object.fromEntries([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111, 1000, 1001, 1010, 2024, 10000, 10010, 100100].map((value) => [value, formatChineseNumber(value)]));
    expect(written).toEqual({
      1: '一', 9: '九', 10: '十', 11: '十一', 19: '十九', 20: '二十', 21: '二十一', 99: '九十九', 100: '一百', 101: '一百零一', 110: '一百一十', 111: '一百一十一',
      1000: '一千', 1001: '一千零一', 1010: '一千零一十', 2024: '二千零二十四', 10000: '一万', 10010: '一万零一十', 100100: '十万零一百',
    });
  });

  it('reads back every number it writes, and nothing else', () => {
    for (let value = 1; value <= 20_000; value++) expect(parseChineseNumber(formatChineseNumber(value))).toBe(value);
    expect(parseChineseNumber('一〇一')).toBeUndefined();
    expect(parseChineseNumber('二〇二四')).toBeUndefined();
    expect(parseChineseNumber('一百〇一')).toBe(101);
    expect(parseChineseNumber('一十一')).toBeUndefined();
    expect(parseChineseNumber('十十')).toBeUndefined();
    expect(parseChineseNumber('零')).toBeUndefined();
    expect(parseChineseNumber('')).toBeUndefined();
  });
});

describe('heading numbers', () => {
  it('recognises the numbering styles of Chinese reports', () => {
    const read = (text: string) => {
      const number = headingNumber(text);
      return number && [number.style, number.value, number.label, number.labelFor(number.value + 1)];
    };
    expect(read('一、总体要求')).toEqual(['cn-comma', 1, '一、', '二、']);
    expect(read('十九、其他')).toEqual(['cn-comma', 19, '十九、', '二十、']);
    expect(read('（十）主要任务')).toEqual(['cn-bracket', 10, '（十）', '（十一）']);
    expect(read('(二)半角括号')).toEqual(['cn-bracket', 2, '(二)', '(三)']);
    expect(read('3. 第三点')).toEqual(['arabic-dot', 3, '3.', '4.']);
    expect(read('１２．全角')).toEqual(['arabic-dot', 12, '１２．', '13．']);
    expect(read('（4）细项')).toEqual(['arabic-bracket', 4, '（4）', '（5）']);
    expect(read('第二部分 发展')).toEqual(['ordinal-cn-部分', 2, '第二部分', '第三部分']);
    expect(read('第十章 附则')).toEqual(['ordinal-cn-章', 10, '第十章', '第十一章']);
    expect(read('第3节')).toEqual(['ordinal-arabic-节', 3, '第3节', '第4节']);
  });

  it('does not read numbers that are no part numbers', () => {
    for (const text of ['一是坚持稳中求进', '2024年工作回顾', '1.5亿元的投入', '十分重要', '二〇二四、年份', 'Introduction', '第一次会议']) {
      expect(headingNumber(text), text).toBeUndefined();
    }
  });
});

describe('part-number-sequence', () => {
  it('warns at a gap, in Chinese, saying which number was expected', async () => {
    const result = await check(`${ZH}# 一、总体要求\n\n正文。\n\n# 二、主要目标\n\n# 四、重点任务\n\n# 五、保障\n`);
    expect(messagesOf(result, RULE)).toEqual(['12:3 warning 标题序号“四、”不连续：前一个是第10行的“二、”，此处应为“三、”']);
  });

  it('warns at a repeat and at a restart, and beyond ten', async () => {
    const headings = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十一', '十二', '一'].map((number) => `## （${number}）标题\n`).join('\n');
    const result = await check(`${ZH}# 一、总体\n\n${headings}`);
    expect(messagesOf(result, RULE)).toEqual([
      '30:4 warning 标题序号“（十一）”不连续：前一个是第28行的“（十一）”，此处应为“（十二）”',
      '34:4 warning 标题序号“（一）”不连续：前一个是第32行的“（十二）”，此处应为“（十三）”',
    ]);
  });

  it('restarts under each parent, and keeps the styles of one level apart', async () => {
    const markdown = `${ZH}# 一、甲\n\n## （一）子一\n\n## （二）子二\n\n### 1. 细一\n\n### 2. 细二\n\n# 二、乙\n\n## （一）子一\n\n## 附：不编号的标题\n\n## （二）子二\n\n## 1. 另一种编号\n`;
    expect(messagesOf(await check(markdown), RULE)).toEqual([]);
  });

  it('wants a sequence to start at one, except in an excerpt', async () => {
    const body = '# 二、主要目标\n\n# 三、重点任务\n';
    expect(messagesOf(await check(`${ZH}${body}`), RULE)).toEqual(['6:3 warning 标题序号“二、”不是从头开始，应为“一、”']);
    expect(messagesOf(await check(`---\ntitle: 报告\nexcerpt: true\n---\n\n${body}`), RULE)).toEqual([]);
  });

  it('checks 第一部分 and 1. styles, in English for an English report', async () => {
    const result = await check(`${EN}# 第一部分 Review\n\n# 第三部分 Plans\n\n## 1. First\n\n## 3. Third\n`);
    expect(messagesOf(result, RULE)).toEqual([
      '8:3 warning Heading number “第三部分” is out of sequence: expected “第二部分” after “第一部分” (line 6)',
      '12:4 warning Heading number “3.” is out of sequence: expected “2.” after “1.” (line 10)',
    ]);
  });

  it('never looks at body text', async () => {
    const result = await check(`${ZH}# 一、总体\n\n一、正文里的编号。\n\n四、也是正文。\n\n（三）正文。\n`);
    expect(messagesOf(result, RULE)).toEqual([]);
  });
});
