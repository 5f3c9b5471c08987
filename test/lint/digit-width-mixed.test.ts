import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { check, EN, messagesOf, pressCommand, ZH } from './support.ts';

const RULE = 'digit-width-mixed';

describe('digit-width-mixed', () => {
  it('warns at a number mixing full-width and half-width digits, with its fix', async () => {
    const result = await check(`${ZH}全年增长２024年的目标。\n`);
    expect(messagesOf(result, RULE)).toEqual(['6:5 warning 数字“２024”混用了全角和半角数字，应为“2024”']);
    expect(result.report.file.data.fixes).toEqual([{ offset: ZH.length + 4, old: '２', new: '2', ruleId: RULE }]);
  });

  it('warns at full-width numbers when the document also writes half-width ones', async () => {
    const result = await check(`${ZH}二〇二四年即２０２４年，共３项。\n\n| 年份 | 数 |\n| --- | --- |\n| 2023 | 5 |\n`);
    expect(messagesOf(result, RULE)).toEqual([
      '6:7 warning 全角数字“２０２４”与文中其他半角数字不一致，应为“2024”（GB/T 15835 用半角阿拉伯数字）',
      '6:14 warning 全角数字“３”与文中其他半角数字不一致，应为“3”（GB/T 15835 用半角阿拉伯数字）',
    ]);
  });

  it('leaves a document that writes every number full width, or every number half width', async () => {
    expect(messagesOf(await check(`${ZH}２０２４年，增长５％。\n\n## （１）标题\n`), RULE)).toEqual([]);
    expect(messagesOf(await check(`${ZH}2024年，增长5%。\n`), RULE)).toEqual([]);
  });

  it('does not look at code, or at the text of autolinks', async () => {
    const result = await check(`${ZH}代码 \`２024\` 不算，<https://example.org/２024> 也不算，2024年。\n\n\`\`\`\n２０２４\n\`\`\`\n`);
    expect(messagesOf(result, RULE)).toEqual([]);
  });

  it('reports in English for an English report, and not digits written as character references', async () => {
    const result = await check(`${EN}In &#65298;024 and ２024.\n`);
    expect(messagesOf(result, RULE)).toEqual([
      '6:4 warning Number “２024” mixes full-width and half-width digits: write “2024”',
      '6:20 warning Number “２024” mixes full-width and half-width digits: write “2024”',
    ]);
    expect(result.report.file.data.fixes?.map((edit) => edit.old)).toEqual(['２']);
  });
});

describe('press check --fix for digit widths', { timeout: 300_000 }, () => {
  it('makes full-width digits half width, touching nothing else, and the check is then clean', async () => {
    const dir = await temporaryFolder();
    const source = `${ZH}２０２４年，全年增长５.２％，完成2023年目标的１05%。\n\n\`２０２４\` 在代码里不变。\n`;
    await writeFiles(dir, { 'report.md': source });
    const fixed = await pressCommand(['check', '--fix', 'report.md'], dir);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toBe('report.md: fixed 4 problems\n');
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toBe(`${ZH}2024年，全年增长5.2％，完成2023年目标的105%。\n\n\`２０２４\` 在代码里不变。\n`);
    expect(fixed.stderr).not.toContain(`[${RULE}]`);
  });
});
