import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';

const run = promisify(execFile);
const press = path.resolve(import.meta.dirname, '../../bin/press.js');

/** Run `press` with arguments; never throws, returns status and both streams. */
async function pressCommand(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [press, ...args], { cwd: cwd ?? process.cwd(), env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const GOOD = '---\ntitle: Good\nlang: en\n---\n\n# Part\n\nSome text.\n';
const BAD = '---\ntitle: Bad\ntitel: typo\n---\n\n# Part\n\nSome text.\n';

// Each case starts `press` as its own process (tsx compiles on start): slow on a loaded machine.
describe('press command line', { timeout: 300_000 }, () => {
  it('exits 2 with usage on a usage error', async () => {
    for (const args of [[], ['frobnicate', 'x.md'], ['build'], ['build', 'x.md', '--format', 'odt'], ['build', 'x.md', '--nope']]) {
      const result = await pressCommand(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage:');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('check reports errors as file:line:column and exits 1, writing nothing', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'bad.md': BAD });
    const result = await pressCommand(['check', 'bad.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.md:3:1: error: Unknown front-matter key `titel` \(did you mean `title`\?\) \[front-matter-unknown-key\]$/m);
    expect(await readdir(dir)).toEqual(['bad.md']);
  });

  it('check passes a good file with exit 0 and is silent when not a terminal', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'good.md': GOOD });
    const result = await pressCommand(['check', 'good.md'], dir);
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: '' });
  });

  it('build writes the requested formats into --out', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'good.md': GOOD });
    const result = await pressCommand(['build', 'good.md', '--out', 'out', '--format', 'html,docx'], dir);
    expect(result.code, result.stderr).toBe(0);
    // Beside them, the fingerprint of the build (.report-press/good.json), for skipping it when nothing changed.
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['.report-press', 'good.docx', 'good.html']);
    expect(await readdir(path.join(dir, 'out/.report-press'))).toEqual(['good.json']);
  });

  it('a failed build leaves the previous outputs untouched and no temporary files', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'report.md': GOOD });
    expect((await pressCommand(['build', 'report.md', '--format', 'html'], dir)).code).toBe(0);
    const before = await readFile(path.join(dir, 'dist/report.html'));
    const beforeTime = (await stat(path.join(dir, 'dist/report.html'))).mtimeMs;
    await writeFile(path.join(dir, 'report.md'), BAD);
    const result = await pressCommand(['build', 'report.md', '--format', 'html'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not built');
    expect(await readFile(path.join(dir, 'dist/report.html'))).toEqual(before);
    expect((await stat(path.join(dir, 'dist/report.html'))).mtimeMs).toBe(beforeTime);
    expect((await readdir(path.join(dir, 'dist'))).sort()).toEqual(['.report-press', 'report.html']);
    expect(await readdir(path.join(dir, 'dist/.report-press'))).toEqual(['report.json']);
  });

  it('a missing browser is a one-line error and exit 1, with no PDF written', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'good.md': GOOD });
    const result = await pressCommand(['build', 'good.md', '--format', 'pdf', '--browser', '/nonexistent/chrome'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/chromium/i);
    await expect(readdir(path.join(dir, 'dist'))).rejects.toThrow();
  });

  it('a missing input file is a usage error', async () => {
    const result = await pressCommand(['build', '/nonexistent/file.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/nonexistent/file.md');
  });

  it('a folder given to check is a usage error that says so; to build, a batch of its reports (none here)', async () => {
    const folder = await temporaryFolder();
    const checked = await pressCommand(['check', folder]);
    expect(checked.code).toBe(2);
    expect(checked.stderr.trim()).toBe(`press: cannot read ${folder}: it is a folder, not a Markdown file`);
    const built = await pressCommand(['build', folder, '--out', path.join(folder, 'out')]);
    expect(built.code).toBe(1);
    expect(built.stderr.trim()).toMatch(new RegExp(`^press: ${folder}: no reports found`));
  });

  it('an --out that names a file is a usage error that says so, and the file is kept', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'good.md': GOOD, 'taken.txt': 'keep me' });
    const out = path.join(folder, 'taken.txt');
    const result = await pressCommand(['build', path.join(folder, 'good.md'), '--out', out, '--format', 'html']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`press: --out ${out} is a file, not a folder`);
    expect(await readFile(out, 'utf8')).toBe('keep me');
  });
});
