import { chmod, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/browser/find-browser.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { press } from '../robustness/support.ts';

const report = (title: string, body = 'Some text.') => `---\ntitle: ${title}\nlang: en\n---\n\n# Part\n\n${body}\n`;
/** A report that fails in the Markdown stages: its image does not exist. */
const MISSING_IMAGE = report('Bad', '![A chart](missing.png)');

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

// Each case is one `press` process (tsx compiles on start, slow on a loaded machine); only the
// last case starts a browser, one for all its reports.
describe('press build of many reports (batch)', { timeout: 300_000 }, () => {
  it('builds a folder tree: mirrored outputs, one failure isolated and named, duplicate names refused, exit 1', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, {
      'reports/a/report.md': report('A'),
      'reports/b/report.md': report('B'),
      'reports/b/deeper/notes.markdown': report('Notes'),
      'reports/c/bad.md': MISSING_IMAGE,
      // Both would write reports/d/x.*: neither is built.
      'reports/d/x.md': report('X one'),
      'reports/d/x.markdown': report('X two'),
      'reports/node_modules/pkg/readme.md': report('Not a report'),
      'reports/.drafts/draft.md': report('Not a report either'),
      'reports/a/data.txt': 'not Markdown',
      // Named twice (on its own and inside the folder): built once.
      'top.md': report('Top'),
    });
    const result = await press(['build', 'reports', 'top.md', 'reports/a/report.md', '--out', 'out', '--format', 'html'], dir);
    expect(result.code, result.stderr).toBe(1);
    expect(await filesUnder(path.join(dir, 'out'))).toEqual(['.report-press/top.json', 'reports/a/.report-press/report.json', 'reports/a/report.html', 'reports/b/.report-press/report.json', 'reports/b/deeper/.report-press/notes.json', 'reports/b/deeper/notes.html', 'reports/b/report.html', 'top.html']);
    expect(result.stderr).toMatch(/^✓ reports\/a\/report\.md → out\/reports\/a\/report\.html /m);
    expect(result.stderr).toMatch(/^✓ top\.md → out\/top\.html /m);
    expect(result.stderr.match(/^✓ reports\/a\/report\.md/gm)).toHaveLength(1);
    // The failed report's message is still file:line:column, and it gets its result line.
    expect(result.stderr).toMatch(/^reports\/c\/bad\.md:8:1: error: .*\[image-missing\]$/m);
    expect(result.stderr).toMatch(/^✗ reports\/c\/bad\.md: 1 error, not built$/m);
    expect(result.stderr).toMatch(/^✗ reports\/d\/x\.md: not built: reports\/d\/x\.markdown would write the same outputs/m);
    expect(result.stderr).toMatch(/^✗ reports\/d\/x\.markdown: not built: reports\/d\/x\.md would write the same outputs/m);
    const summary = result.stderr.trimEnd().split('\n').at(-1) ?? '';
    expect(summary).toMatch(/^press: built 4 of 7 reports in [\d.]+ s; failed: /);
    for (const failed of ['reports/c/bad.md', 'reports/d/x.md', 'reports/d/x.markdown']) expect(summary).toContain(failed);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a folder or a pattern that finds no report: a press: message and exit 1, nothing written', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'empty/notes.txt': 'no reports here', 'empty/node_modules/x/readme.md': report('Skipped') });
    const result = await press(['build', 'empty', 'nowhere/*.md', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('press: empty: no reports found');
    expect(result.stderr).toContain('press: nowhere/*.md: no reports found');
    expect(await exists(path.join(dir, 'out'))).toBe(false);
  });

  it('a quoted glob with --jobs 1 and --quiet: outputs relative to the pattern\'s folder, exit 0, quiet when all built', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'src/2024/q1.md': report('Q1'), 'src/2025/q1.md': report('Q1 again'), 'src/2025/skip.txt': 'x', 'other/q9.md': report('Not matched') });
    const result = await press(['build', 'src/**/*.md', '--out', 'out', '--format', 'docx', '--jobs', '1', '--quiet'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(await filesUnder(path.join(dir, 'out'))).toEqual(['2024/.report-press/q1.json', '2024/q1.docx', '2025/.report-press/q1.json', '2025/q1.docx']);
    // Built again with one report changed: only that one is built, the other is up to date.
    await writeFiles(dir, { 'src/2025/q1.md': report('Q1 changed') });
    const again = await press(['build', 'src/**/*.md', '--out', 'out', '--format', 'docx'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^= src\/2024\/q1\.md → out\/2024\/q1\.docx up to date$/m);
    expect(again.stderr).toMatch(/^✓ src\/2025\/q1\.md → out\/2025\/q1\.docx /m);
  });

  it('a report past its time limit fails with its stage named, writing nothing; --jobs must be a whole number', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'a/one.md': report('One'), 'b/two.md': report('Two') });
    const result = await press(['build', 'a/one.md', 'b/two.md', '--out', 'out', '--format', 'html', '--timeout', '0.001'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✗ a\/one\.md: timed out after 0\.001 s (in the \w[\w ]* stage|while starting)/m);
    expect(result.stderr).toMatch(/^✗ b\/two\.md: timed out/m);
    expect(await filesUnder(path.join(dir, 'out'))).toEqual([]);
    const usage = await press(['build', 'a/one.md', '--jobs', '0'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--jobs must be a whole number');
  });

  it('prints the PDFs of several reports with one browser; a report failing in the PDF stage leaves nothing of it (no PDF, no HTML, no temporary file)', async () => {
    const dir = await temporaryFolder();
    const { executablePath } = await findBrowser();
    // The browser, through a script that notes each launch.
    await writeFiles(dir, { 'browser.sh': `#!/bin/sh\necho launch >> "${path.join(dir, 'launches.log')}"\nexec "${executablePath}" "$@"\n` });
    await chmod(path.join(dir, 'browser.sh'), 0o755);
    // No print font has this character: an error of the PDF stage, after the page was printed.
    await writeFiles(dir, { 'one/report.md': report('One'), 'two/report.md': report('Two'), 'three/report.md': report('Three'), 'four/glyph.md': report('Glyph', 'A hieroglyph: \u{13000}.') });
    const result = await press(['build', 'one', 'two', 'three', 'four', '--out', 'out', '--format', 'pdf,html', '--jobs', '2', '--browser', path.join(dir, 'browser.sh')], dir);
    expect(result.code, result.stderr).toBe(1);
    expect((await readFile(path.join(dir, 'launches.log'), 'utf8')).trim().split('\n')).toEqual(['launch']);
    expect(await filesUnder(path.join(dir, 'out'))).toEqual(['one/.report-press/report.json', 'one/report.html', 'one/report.pdf', 'three/.report-press/report.json', 'three/report.html', 'three/report.pdf', 'two/.report-press/report.json', 'two/report.html', 'two/report.pdf']);
    for (const name of ['one', 'two', 'three']) {
      expect(result.stderr).toMatch(new RegExp(`^✓ ${name}/report\\.md → out/${name}/report\\.\\{pdf,html\\} 1 page `, 'm'));
      expect((await readFile(path.join(dir, 'out', name, 'report.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(result.stderr).toMatch(/^four\/glyph\.md:8:\d+: error: .*\[missing-glyph\]$/m);
    expect(result.stderr).toMatch(/^✗ four\/glyph\.md: 1 error, not built$/m);
    expect(result.stderr).toMatch(/press: built 3 of 4 reports in [\d.]+ s; failed: four\/glyph\.md\n$/);
  });
});
