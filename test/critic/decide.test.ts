import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { decideSource } from '../../pipeline/critic/decide-source.ts';
import { applyEdits } from '../../pipeline/fix/apply-fixes.ts';
import { parseMarkdown } from '../../pipeline/parse/parse.ts';
import { resolveSuggestionsInTree } from '../../pipeline/critic/suggestions.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { main } from '../../pipeline/cli.ts';

const run = promisify(execFile);
const press = path.resolve(import.meta.dirname, '../../bin/press.js');

async function pressCommand(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [press, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** The source decided in text (`check --accept/--reject`). */
function decided(source: string, decision: 'accept' | 'reject', author?: string): string {
  const { edits } = decideSource(new VFile({ path: 'input.md', value: source }), decision, author === undefined ? {} : { author });
  return applyEdits(source, edits);
}

const SOURCE = [
  '# 一、{++总体++}{>>甲 2024-12-01<<}情况',
  '',
  '今年经济运行{++，**加快**建设++}{>>甲 2024-12-01<<}总体平稳，{--旧的表述--}{>>乙 2024-12-02: 与预算不一致<<}稳中有进。',
  '',
  '{~~全年目标~>年度*目标*~~}{>>乙 2024-12-03<<}基本完成，{==增长5.2%==}{>>丙: 请核对口径<<}。代码 `{++不变++}` 保持。',
  '',
  '| 指标 | 值 |',
  '| --- | --- |',
  '| GDP | {~~5.0~>5.2~~}{>>丙 2024-12-04<<} |',
  '',
  '外层{++新增{--内层--}{>>乙 2024-12-05<<}部分++}{>>甲 2024-12-05<<}结尾{>>甲: 点批注<<}。',
  '',
].join('\n');

describe('deciding suggestions in the source', () => {
  it('takes a whole paragraph away with its blank line when it leaves nothing, as review wrote it', () => {
    const source = '第一段。\n\n{++新段。++}{>>甲 2024-12-01<<}\n\n- 条目\n\n  {++新条目段。++}{>>甲<<}\n- 条目二\n\n{--旧段。--}{>>甲 2024-12-01<<}\n\n末段。\n';
    expect(decided(source, 'reject')).toBe('第一段。\n\n- 条目\n- 条目二\n\n旧段。\n\n末段。\n');
    expect(decided(source, 'accept')).toBe('第一段。\n\n新段。\n\n- 条目\n\n  新条目段。\n- 条目二\n\n末段。\n');
  });

  it('accepts every suggestion, keeping the Markdown inside and every other character', () => {
    expect(decided(SOURCE, 'accept')).toBe(
      [
        '# 一、总体情况',
        '',
        '今年经济运行，**加快**建设总体平稳，稳中有进。',
        '',
        '年度*目标*基本完成，增长5.2%。代码 `{++不变++}` 保持。',
        '',
        '| 指标 | 值 |',
        '| --- | --- |',
        '| GDP | 5.2 |',
        '',
        '外层新增部分结尾。',
        '',
      ].join('\n'),
    );
  });

  it('rejects every suggestion', () => {
    expect(decided(SOURCE, 'reject')).toBe(
      [
        '# 一、情况',
        '',
        '今年经济运行总体平稳，旧的表述稳中有进。',
        '',
        '全年目标基本完成，增长5.2%。代码 `{++不变++}` 保持。',
        '',
        '| 指标 | 值 |',
        '| --- | --- |',
        '| GDP | 5.0 |',
        '',
        '外层结尾。',
        '',
      ].join('\n'),
    );
  });

  it('decides only one author’s suggestions with --author, inner ones inside another’s too', () => {
    expect(decided(SOURCE, 'accept', '乙')).toBe(
      [
        '# 一、{++总体++}{>>甲 2024-12-01<<}情况',
        '',
        '今年经济运行{++，**加快**建设++}{>>甲 2024-12-01<<}总体平稳，稳中有进。',
        '',
        '年度*目标*基本完成，{==增长5.2%==}{>>丙: 请核对口径<<}。代码 `{++不变++}` 保持。',
        '',
        '| 指标 | 值 |',
        '| --- | --- |',
        '| GDP | {~~5.0~>5.2~~}{>>丙 2024-12-04<<} |',
        '',
        '外层{++新增部分++}{>>甲 2024-12-05<<}结尾{>>甲: 点批注<<}。',
        '',
      ].join('\n'),
    );
    expect(decided(SOURCE, 'reject', '丙')).toContain('{==增长5.2%==}'.replace(/\{==|==\}/g, '') + '。代码');
    expect(decided(SOURCE, 'reject', '丙')).toContain('| GDP | 5.0 |');
    expect(decided(SOURCE, 'reject', '无此人')).toBe(SOURCE);
  });

  it('gives the same text as deciding the tree, which the build does', () => {
    for (const decision of ['accept', 'reject'] as const) {
      const tree: Root = parseMarkdown(new VFile({ path: 'input.md', value: SOURCE }));
      resolveSuggestionsInTree(tree, decision);
      const rewritten = parseMarkdown(new VFile({ path: 'input.md', value: decided(SOURCE, decision) }));
      expect(toString(rewritten)).toBe(toString(tree));
    }
  });

  it('check --accept / --reject rewrite the file in place, byte for byte elsewhere, and check again', { timeout: 120_000 }, async () => {
    const dir = await temporaryFolder();
    // A byte-order mark, CRLF line endings and front matter: all kept.
    const original = `\uFEFF---\r\ntitle: 测试\r\nlang: zh-CN\r\n---\r\n\r\n${SOURCE.replace(/\n/g, '\r\n')}`;
    await writeFiles(dir, { 'a.md': original, 'b.md': original });
    const accepted = await pressCommand(['check', 'a.md', '--accept', '--author', '甲'], dir);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toBe('a.md: accepted 4 suggestions by 甲\n');
    const expected = original
      .replace('{++总体++}{>>甲 2024-12-01<<}', '总体')
      .replace('{++，**加快**建设++}{>>甲 2024-12-01<<}', '，**加快**建设')
      .replace('{++新增{--内层--}{>>乙 2024-12-05<<}部分++}{>>甲 2024-12-05<<}', '新增{--内层--}{>>乙 2024-12-05<<}部分')
      .replace('{>>甲: 点批注<<}', '');
    expect(Buffer.from(await readFile(path.join(dir, 'a.md'))).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    // Checked again: only the other authors' suggestions are listed.
    expect(accepted.stderr.match(/\[review-suggestion\]/g)).toHaveLength(5);
    expect(accepted.stderr).not.toContain('甲 2024');

    const rejected = await pressCommand(['check', 'b.md', '--reject'], dir);
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stdout).toBe('b.md: rejected 9 suggestions\n');
    expect(rejected.stderr).not.toContain('review-suggestion');
    expect(await readFile(path.join(dir, 'b.md'), 'utf8')).toBe(`\uFEFF---\r\ntitle: 测试\r\nlang: zh-CN\r\n---\r\n\r\n${decided(SOURCE, 'reject').replace(/\n/g, '\r\n')}`);

    const again = await pressCommand(['check', 'b.md', '--reject'], dir);
    expect(again.stdout).toBe('b.md: no suggestions to reject\n');

    // Unclosed markup: nothing is rewritten.
    await writeFiles(dir, { 'c.md': '# T\n\n{++a++} and {--never\n' });
    const unclosed = await pressCommand(['check', 'c.md', '--accept'], dir);
    expect(unclosed.code).toBe(1);
    expect(unclosed.stderr).toContain('c.md:3:13: error:');
    expect(unclosed.stderr).toContain('[critic-unclosed]');
    expect(await readFile(path.join(dir, 'c.md'), 'utf8')).toBe('# T\n\n{++a++} and {--never\n');

  });

  it('refuses flags that do not go together, as usage errors', async () => {
    for (const args of [['check', 'a.md', '--marked'], ['check', 'a.md', '--fix', '--accept'], ['build', 'a.md', '--accept', '--reject'], ['build', 'a.md', '--marked', '--accept'], ['build', 'a.md', '--author', '甲'], ['check', 'a.md', '--accept', '--author', ' ']]) {
      let written = '';
      const stderr = { write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
      expect(await main(args, stderr), args.join(' ')).toBe(2);
      expect(written).toContain('Usage:');
    }
  });
});
