import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { browserOf, liveInGroup, profileOf, startPress, waitFor } from './support.ts';

/** A report of a few pages, long enough that its print is still running a moment after the browser started. */
function longReport(title: string): string {
  const paragraph = 'The committee reviewed the budget line by line and recorded every decision in the minutes, with the reasons given. ';
  const parts = Array.from({ length: 4 }, (_, part) => `## Part ${part + 1}\n\n${Array.from({ length: 8 }, () => paragraph.repeat(3)).join('\n\n')}`);
  return `---\ntitle: ${title}\nlang: en\n---\n\n${parts.join('\n\n')}\n`;
}

/** Every file under `dir` (hidden temporary files included), relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function batchFolder(): Promise<string> {
  const dir = await temporaryFolder('press-batch-interrupt-');
  await writeFiles(dir, { 'a/one.md': longReport('One'), 'b/two.md': longReport('Two'), 'c/three.md': longReport('Three') });
  return dir;
}

// Each case is one batch of three PDFs printed by one shared browser.
describe('a batch whose browser dies, or that is interrupted', { timeout: 300_000 }, () => {
  it('the shared browser killed under the prints: a new one is started and every report is still built', async () => {
    const dir = await batchFolder();
    const running = startPress(['build', 'a', 'b', 'c', '--out', 'out', '--format', 'pdf', '--jobs', '3'], dir);
    const browser = await waitFor(() => browserOf(running.child.pid ?? 0), 120_000, 'the browser to start');
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(browser.pid, 'SIGKILL');
    const outcome = await running.done;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toMatch(/^press: [abc]\/\w+\.md: the browser stopped during the PDF stage \(.*\); retrying with a new browser$/m);
    expect(await filesUnder(path.join(dir, 'out'))).toEqual(['a/.report-press/one.json', 'a/one.pdf', 'b/.report-press/two.json', 'b/two.pdf', 'c/.report-press/three.json', 'c/three.pdf']);
    expect(await liveInGroup(browser.pid)).toEqual([]);
  });

  it('SIGINT stops the whole batch: exit 130, no temporary file, no empty folder, no browser left', async () => {
    const dir = await batchFolder();
    const running = startPress(['build', 'a', 'b', 'c', '--out', 'out', '--format', 'pdf', '--jobs', '3'], dir);
    const browser = await waitFor(() => browserOf(running.child.pid ?? 0), 120_000, 'the browser to start');
    await new Promise((resolve) => setTimeout(resolve, 500));
    running.child.kill('SIGINT');
    const outcome = await running.done;
    expect(outcome.code, outcome.stderr).toBe(130);
    expect(outcome.stderr).toMatch(/^press: batch interrupted by SIGINT; the reports already built were kept, the others were not written$/m);
    // Only finished reports may be there: whole PDFs, never a temporary file or an empty folder.
    const left = await filesUnder(path.join(dir, 'out'));
    expect(left.every((file) => /^[abc]\/\w+\.pdf$/.test(file)), left.join(', ')).toBe(true);
    const folders = (await readdir(path.join(dir, 'out'), { recursive: true, withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory());
    for (const folder of folders) expect((await readdir(path.join(folder.parentPath, folder.name))).length, folder.name).toBeGreaterThan(0);
    expect(await liveInGroup(browser.pid)).toEqual([]);
    await expect(access(profileOf(browser) ?? '/')).rejects.toThrow();
  });
});
