import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOWN_PER_RULE, summariseMessages, SUMMARY_THRESHOLD } from '../../pipeline/util/message-summary.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { pressCommand } from '../lint/support.ts';

/**
 * A first build of the shipped sample printed 128 `cjk-punctuation` warnings: a wall of text
 * for a new user. A build prints every error, but when it has many warnings only the first few
 * of each rule, then counts per rule and the commands that fix them and list them all.
 * `press check` still prints every message: it is the command to see them.
 */
const warning = (line: number, rule: string) => `r.md:${line}:1: warning: something [${rule}]`;

describe('summariseMessages', () => {
  it('leaves a few messages as they are', () => {
    const lines = Array.from({ length: SUMMARY_THRESHOLD }, (_, index) => warning(index + 1, 'cjk-punctuation'));
    expect(summariseMessages(lines, 'r.md')).toEqual(lines);
  });

  it('shows every error, the first few warnings of each rule, counts per rule, and the commands', () => {
    const lines = [
      ...Array.from({ length: 30 }, (_, index) => warning(index + 1, 'cjk-punctuation')),
      'r.md:40:1: error: broken [link-anchor]',
      warning(41, 'digit-width-mixed'),
      warning(42, 'digit-width-mixed'),
      'r.md:43:1: note: just saying [image-svg-text]',
    ];
    const summary = summariseMessages(lines, 'my report.md');
    expect(summary.slice(0, SHOWN_PER_RULE)).toEqual(lines.slice(0, SHOWN_PER_RULE));
    // Rules with few messages and every error are shown as they are, in source order.
    expect(summary.slice(SHOWN_PER_RULE, SHOWN_PER_RULE + 4)).toEqual(lines.slice(30));
    expect(summary.slice(SHOWN_PER_RULE + 4)).toEqual([
      `press: my report.md: 33 warnings and notes, ${SHOWN_PER_RULE + 3} shown: 30 cjk-punctuation (${SHOWN_PER_RULE} shown), 2 digit-width-mixed, 1 image-svg-text`,
      "press: `press check --fix 'my report.md'` corrects the 32 cjk-punctuation and digit-width-mixed ones; `press check 'my report.md'` lists them all",
    ]);
  });

  it('names no fix command when none of the folded warnings can be fixed', () => {
    const lines = Array.from({ length: 25 }, (_, index) => warning(index + 1, 'image-alt-missing'));
    const summary = summariseMessages(lines, 'r.md');
    expect(summary).toHaveLength(SHOWN_PER_RULE + 2);
    expect(summary.at(-1)).toBe('press: `press check r.md` lists them all');
  });
});

describe('press build and press check with many warnings', { timeout: 300_000 }, () => {
  it('a build summarises the sample’s cjk-punctuation warnings; check lists them all', async () => {
    const dir = await temporaryFolder();
    const sample = path.resolve('source/report.md');
    const build = await pressCommand(['build', sample, '--out', path.join(dir, 'out'), '--format', 'html'], dir);
    expect(build.code, build.stderr).toBe(0);
    const lines = build.stderr.trim().split('\n');
    console.log(build.stderr);
    expect(lines.filter((line) => line.endsWith('[cjk-punctuation]'))).toHaveLength(SHOWN_PER_RULE);
    expect(lines.length).toBeLessThanOrEqual(SHOWN_PER_RULE + 2);
    expect(lines.at(-2)).toMatch(/^press: .*report\.md: 128 warnings, 3 shown: 128 cjk-punctuation \(3 shown\)$/);
    expect(lines.at(-1)).toContain(`\`press check --fix ${sample}\` corrects the 128 cjk-punctuation ones`);
    // The next build finds the outputs up to date and says the same, as briefly.
    const again = await pressCommand(['build', sample, '--out', path.join(dir, 'out'), '--format', 'html'], dir);
    expect(again.stderr.trim().split('\n')).toEqual(lines);
    const check = await pressCommand(['check', sample], dir);
    expect(check.stderr.trim().split('\n').filter((line) => line.endsWith('[cjk-punctuation]'))).toHaveLength(128);
    expect(check.stderr).not.toContain('press check --fix');
  });

  it('a batch summarises each report too', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'reports/a.md': `---\ntitle: 报告\n---\n\n${'一年来,我们'.repeat(25)}\n` });
    const batch = await pressCommand(['build', 'reports', '--out', 'out', '--format', 'html'], dir);
    expect(batch.code, batch.stderr).toBe(0);
    expect(batch.stderr.split('\n').filter((line) => line.endsWith('[cjk-punctuation]'))).toHaveLength(SHOWN_PER_RULE);
    expect(batch.stderr).toMatch(/press: reports\/a\.md: 25 warnings, 3 shown: 25 cjk-punctuation \(3 shown\)/);
  });
});
