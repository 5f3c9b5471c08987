import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { readSource } from '../../pipeline/util/read-source.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { applyEdits } from '../../pipeline/fix/apply-fixes.ts';
import { CJK_PUNCTUATION_RULE } from '../../pipeline/transform/remark-cjk-punctuation.ts';
import type { Report } from '../../pipeline/types.ts';

const sample = path.resolve(import.meta.dirname, '../../source/report.md');

/** Line and column of the first `needle` at or after `anchor` in `source`. */
function placeOf(source: string, anchor: string, needle: string): string {
  const at = source.indexOf(needle, source.indexOf(anchor));
  const before = source.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

describe('half-width punctuation in the sample report', () => {
  let source: string;
  let report: Report;
  const warnings = () => report.file.messages.filter((message) => message.ruleId === CJK_PUNCTUATION_RULE);

  beforeAll(async () => {
    source = await readFile(sample, 'utf8');
    report = await parseReport(await readSource(sample));
  });

  it('reports every half-width mark of the body: 115 commas, 8 semicolons, 3 exclamation marks, 2 colons', () => {
    const byMark = new Map<string, number>();
    for (const edit of report.file.data.fixes ?? []) byMark.set(edit.old, (byMark.get(edit.old) ?? 0) + 1);
    expect(Object.fromEntries(byMark)).toEqual({ ',': 115, ';': 8, '!': 3, ':': 2 });
    expect(warnings()).toHaveLength(128);
    expect(warnings().every((message) => message.fatal === false)).toBe(true);
    // The front matter keeps its own commas and colons (YAML syntax, not text).
    const body = source.slice(source.indexOf('\n---\n', 4) + 5);
    expect(warnings()).toHaveLength((body.match(/[,;:!?()]/g) ?? []).length);
  });

  it('points at the exact places, in Chinese', () => {
    const places = warnings().map((message) => `${message.line}:${message.column}`);
    expect(places.slice(0, 3)).toEqual(['19:4', '19:11', '19:16']);
    expect(places).toContain(placeOf(source, '各位代表!过去', '!'));
    expect(places).toContain('21:5');
    expect(places).toContain(placeOf(source, '总体要求是:', ':'));
    expect(places).toContain(placeOf(source, '主要预期目标是:', ':'));
    expect(places).toContain(placeOf(source, '增长6%左右,一般', ','));
    expect(places).toContain(placeOf(source, '闯出新路子。**牢固', ','));
    expect(warnings()[0]?.reason).toBe('中文之间的半角逗号“,”应为全角“，”');
  });

  it('leaves no half-width mark in the text and keeps numbers as written', () => {
    const text = toString(report.tree);
    expect(text).not.toMatch(/[,;:!?()]/);
    expect(text).toContain('一年来，我们瞄准实事，兜牢底线，');
    expect(text).toContain('各位代表！过去的一年，');
    expect(text).toContain('总体要求是：坚持');
    expect(text).toContain('等2.68亿元，城镇新增就业5.74万人，');
    expect(text).toContain('增长6%左右，一般公共预算收入增长5.5%左右，');
    expect(text).toContain('闯出新路子。牢固树立科技是第一生产力、');
  });

  it('the fixed source gives the same tree and nothing left to fix', async () => {
    const fixed = applyEdits(source, report.file.data.fixes ?? []);
    expect(fixed.length).toBe(source.length);
    const again = await parseReport(new VFile({ path: sample, value: fixed }));
    expect(again.file.messages.filter((message) => message.ruleId === CJK_PUNCTUATION_RULE)).toEqual([]);
    expect(toString(again.tree)).toBe(toString(report.tree));
  });
});
