import { chmod, copyFile, lstat, readFile, readdir, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { FULL_WIDTH } from '../../pipeline/transform/remark-cjk-punctuation.ts';
import { pressCommand } from '../lint/support.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** Whether `after` differs from `before` only where a half-width mark became its full-width form. */
function onlyPunctuationChanged(before: string, after: string): { changed: number; other: number[] } {
  const full: Record<string, string> = FULL_WIDTH;
  let changed = 0;
  const other: number[] = [];
  if (before.length !== after.length) return { changed, other: [-1] };
  for (let at = 0; at < before.length; at++) {
    if (before[at] === after[at]) continue;
    if (full[before[at] ?? ''] === after[at]) changed++;
    else other.push(at);
  }
  return { changed, other };
}

const cjkWarnings = (stderr: string) => stderr.split('\n').filter((line) => line.includes('[cjk-punctuation]'));

describe('press check --fix', () => {
  it('fixes the sample in place: only the 128 marks change, the re-check is clean, a second fix does nothing', async () => {
    const dir = await temporaryFolder();
    await copyFile(path.join(root, 'source/report.md'), path.join(dir, 'report.md'));
    const original = await readFile(path.join(dir, 'report.md'), 'utf8');
    expect(cjkWarnings((await pressCommand(['check', 'report.md'], dir)).stderr)).toHaveLength(128);

    const result = await pressCommand(['check', '--fix', 'report.md'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('report.md: fixed 128 problems\n');
    expect(cjkWarnings(result.stderr)).toEqual([]);
    const fixed = await readFile(path.join(dir, 'report.md'), 'utf8');
    expect(onlyPunctuationChanged(original, fixed)).toEqual({ changed: 128, other: [] });
    expect(fixed).toContain('一年来，我们瞄准实事，');
    expect(fixed).toContain('2.68亿元，');
    expect(fixed).toContain('keywords: [政府工作报告, 秦皇岛, 2024]');

    const recheck = await pressCommand(['check', 'report.md'], dir);
    expect(recheck.code).toBe(0);
    expect(cjkWarnings(recheck.stderr)).toEqual([]);

    const modified = (await stat(path.join(dir, 'report.md'))).mtimeMs;
    const again = await pressCommand(['check', '--fix', 'report.md'], dir);
    expect(again).toMatchObject({ code: 0, stdout: 'report.md: nothing to fix\n' });
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toBe(fixed);
    expect((await stat(path.join(dir, 'report.md'))).mtimeMs).toBe(modified);
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('keeps every other byte: byte-order mark, CR LF line endings, code, URLs, escapes, permissions', async () => {
    const dir = await temporaryFolder();
    const lines = [
      '---',
      'title: 测试, 报告',
      'lang: zh-CN',
      '---',
      '',
      '# 一、总体要求',
      '',
      '一年来,我们(节选)坚持;`a,b`,见<https://example.org/?a=中,文>。',
      '',
      '```',
      '代码,不改',
      '```',
      '',
      '保留\\,转义,与 Hello, world!',
      '',
    ];
    const source = `\uFEFF${lines.join('\r\n')}`;
    await writeFiles(dir, { 'crlf.md': source });
    await chmod(path.join(dir, 'crlf.md'), 0o640);
    const result = await pressCommand(['check', '--fix', 'crlf.md'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('crlf.md: fixed 6 problems\n');
    const bytes = await readFile(path.join(dir, 'crlf.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const expected = source
      .replace('一年来,我们(节选)坚持;`a,b`,见', '一年来，我们（节选）坚持；`a,b`，见')
      .replace('保留\\,转义,与', '保留\\,转义，与');
    expect(bytes.toString('utf8')).toBe(expected);
    expect((await stat(path.join(dir, 'crlf.md'))).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['crlf.md']);
  });

  it('writes through a symbolic link, which stays a link', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'real/report.md': '一年来,我们\n' });
    await symlink(path.join(dir, 'real/report.md'), path.join(dir, 'link.md'));
    const result = await pressCommand(['check', '--fix', 'link.md'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect((await lstat(path.join(dir, 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, 'real/report.md'), 'utf8')).toBe('一年来，我们\n');
  });

  it('fixes the punctuation of a file with other errors, and still exits 1 for them', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'bad.md': '---\ntitel: 错误\n---\n\n一年来,我们\n' });
    const result = await pressCommand(['check', '--fix', 'bad.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('bad.md: fixed 1 problem\n');
    expect(result.stderr).toMatch(/^bad\.md:2:1: error: .*\[front-matter-unknown-key\]$/m);
    expect(cjkWarnings(result.stderr)).toEqual([]);
    expect(await readFile(path.join(dir, 'bad.md'), 'utf8')).toBe('---\ntitel: 错误\n---\n\n一年来，我们\n');
  });

  it('refuses a file that is not valid UTF-8, leaving it as it was', async () => {
    const dir = await temporaryFolder();
    const bytes = Buffer.concat([Buffer.from('一年来,我们\n'), Buffer.from([0xff, 0x0a])]);
    await writeFiles(dir, { 'latin.md': bytes });
    const result = await pressCommand(['check', '--fix', 'latin.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not fixed');
    expect(await readFile(path.join(dir, 'latin.md'))).toEqual(bytes);
  });

  it('--fix is a usage error with build', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'report.md': '一年来,我们\n' });
    const result = await pressCommand(['build', '--fix', 'report.md'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fix');
    expect(result.stderr).toContain('Usage:');
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toBe('一年来,我们\n');
    expect(await readdir(dir)).toEqual(['report.md']);
  });

  it('plain check never writes', async () => {
    const dir = await temporaryFolder();
    const source = '---\ntitle: 测试\n---\n\n一年来,我们\n';
    await writeFiles(dir, { 'report.md': source });
    const result = await pressCommand(['check', 'report.md'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('report.md:5:4: warning: 中文之间的半角逗号“,”应为全角“，” [cjk-punctuation]\n');
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toBe(source);
  });
});
