/**
 * The pathological inputs of issue 13 finish: each is built, or refused at once with its error at
 * the construct. Inputs come from scripts/pathological-inputs.ts, generated here, never stored.
 *
 * What runs at full size: the 3.6 MB Chinese paragraph and the 100 MB image (both refused before
 * any renderer starts). The log-like paragraph runs at a tenth of its size (360 KB, still past the
 * block limit; the full 3.6 MB only costs the parser's linear time), the refused table at 5,500
 * rows (past the 5,000-row limit; the same holds for 50,000, after longer parsing). The table, footnotes,
 * headings and the two image sets build all three formats at 1/50 of their size (1,000 rows, 200
 * notes, 100 headings with the contents, 40 images): the full-size runs are measured by
 * `scripts/pathological.ts`, not here (see the closing note). Timing is never asserted.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathologicalInputs } from '../../scripts/pathological-inputs.ts';
import { MAX_BLOCK_CHARACTERS, MAX_TABLE_ROWS } from '../../pipeline/transform/remark-block-length.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { press, type PressOutcome } from './support.ts';

function input(name: string, scale: number) {
  const found = pathologicalInputs(scale).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no input ${name}`);
  return found;
}

function expectClean(outcome: PressOutcome): void {
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stderr).not.toMatch(/timed out/);
}

describe('pathological inputs finish', { timeout: 600_000 }, () => {
  it('refuses a 3.6 MB Chinese paragraph and a 360 KB log line at their first line, before any renderer', async () => {
    const dir = await temporaryFolder();
    for (const [name, scale, pattern] of [
      ['paragraph-zh', 1, /^.*paragraph-zh\.md:7:1: error: 此段落长 1\d{6} 个字符，超过了 200000 个字符的上限.*\[block-too-long\]$/m],
      ['paragraph-log', 0.1, /^.*paragraph-log\.md:7:1: error: This paragraph is 360,\d{3} characters long, over the limit of 200,000 .*\[block-too-long\]$/m],
    ] as const) {
      const source = await input(name, scale).write(dir);
      const outcome = await press(['build', source, '--out', 'out'], dir);
      expect(outcome.code, outcome.stderr).toBe(1);
      expect(outcome.stderr).toMatch(pattern);
      // One message for the paragraph: the checks after the limit do not run over its text.
      expect(outcome.stderr.split('\n').filter((line) => /: (error|warning|note): /.test(line))).toHaveLength(1);
      expect(outcome.stderr).not.toMatch(/render pdf/);
      expectClean(outcome);
    }
    expect(await readdir(dir)).not.toContain('out');
    expect(MAX_BLOCK_CHARACTERS).toBe(200_000);
  });

  it('refuses a table of more than 5,000 rows at its first line (5,500 rows: the full 50,000 only cost more parsing)', async () => {
    const dir = await temporaryFolder();
    const source = await input('table', 0.11).write(dir);
    const outcome = await press(['build', source, '--out', 'out'], dir);
    expect(outcome.code, outcome.stderr).toBe(1);
    expect(outcome.stderr).toMatch(/^.*table\.md:7:1: error: 此表格有 5501 行，超过了 5000 行的上限.*\[table-too-long\]$/m);
    expect(outcome.stderr.split('\n').filter((line) => /: (error|warning|note): /.test(line))).toHaveLength(1);
    expectClean(outcome);
    expect(MAX_TABLE_ROWS).toBe(5_000);
    expect(await readdir(dir)).not.toContain('out');
  });

  it('refuses a 100 MB image at its place, before reading it', async () => {
    const dir = await temporaryFolder();
    const source = await input('image-100mb', 1).write(dir);
    const outcome = await press(['build', source, '--out', 'out'], dir);
    expect(outcome.code, outcome.stderr).toBe(1);
    expect(outcome.stderr).toMatch(/image-100mb\.md:9:1: error: 图片 huge\.png 大小为 9\d\.\d MB，超过了 25 MB 的上限 \[image-too-large\]$/m);
    expectClean(outcome);
    expect(await readdir(dir)).not.toContain('out');
  });

  for (const name of ['table', 'footnotes', 'headings', 'images-distinct', 'images-same']) {
    it(`builds all three formats of the ${name} input at 1/50 of its size`, async () => {
      const dir = await temporaryFolder();
      const source = await input(name, 0.02).write(dir);
      const outcome = await press(['build', source, '--out', 'out'], dir);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(outcome.stderr).not.toMatch(/: error: /);
      expectClean(outcome);
      // Besides the build's fingerprint (`.report-press`, see pipeline/cache).
      expect((await readdir(path.join(dir, 'out'))).filter((file) => !file.startsWith('.')).sort()).toEqual([`${name}.docx`, `${name}.html`, `${name}.pdf`]);
    });
  }
});
