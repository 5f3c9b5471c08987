import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../helpers/report.ts';
import { browserOf, folderSnapshot, liveInGroup, press, profileOf, renderersOf, startPress, stopStartedPresses, waitFor, type ProcessInfo, type RunningPress } from './support.ts';

/** A report of several pages: long enough that a signal sent once the browser runs lands in the PDF stage. */
function longReport(): string {
  const paragraph = 'The committee reviewed the budget line by line and recorded every decision in the minutes, with the reasons given. ';
  const parts = Array.from({ length: 30 }, (_, part) => `## Part ${part + 1}\n\n${Array.from({ length: 10 }, () => paragraph.repeat(3)).join('\n\n')}`);
  return `---\ntitle: Annual review\nlang: en\ntemplate: default\n---\n\n${parts.join('\n\n')}\n`;
}

afterEach(stopStartedPresses);

let dir: string;
let out: string;
/** The outputs of the last good build, byte for byte. */
let previous: Map<string, Buffer>;

beforeAll(async () => {
  dir = await temporaryFolder('press-interrupt-');
  out = path.join(dir, 'out');
  await writeFile(path.join(dir, 'review.md'), longReport());
  const first = await press(['build', 'review.md', '--out', 'out'], dir);
  expect(first.code, first.stderr).toBe(0);
  previous = await folderSnapshot(out);
  expect([...previous.keys()]).toEqual(['.report-press/review.json', 'review.docx', 'review.html', 'review.pdf']);
}, 120_000);

/**
 * Start a build of the report and wait until its browser runs and the PDF stage has started
 * (the browser starts earlier, while the report is parsed; PRESS_LOG_STAGES says when the stage
 * starts); resolves with both.
 */
async function buildUntilBrowser(): Promise<{ running: RunningPress; browser: ProcessInfo }> {
  // --force: the source is unchanged since the first build, which would otherwise be skipped.
  const running = startPress(['build', 'review.md', '--out', 'out', '--force'], dir, { PRESS_LOG_STAGES: '1' });
  const pid = running.child.pid ?? 0;
  const browser = await waitFor(() => browserOf(pid), 60_000, 'the browser to start');
  await waitFor(async () => (running.stderrSoFar().includes('press: review.md: render pdf\n') ? true : undefined), 60_000, 'the PDF stage');
  return { running, browser };
}

/** The browser's processes are all gone and its temporary profile removed. */
async function expectBrowserGone(browser: ProcessInfo): Promise<void> {
  expect(await liveInGroup(browser.pid)).toEqual([]);
  const profile = profileOf(browser);
  expect(profile).toBeDefined();
  await expect(access(profile ?? '/')).rejects.toThrow();
}

describe('an interrupted build loses nothing and leaves nothing behind', { timeout: 180_000 }, () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} in the PDF stage: previous outputs byte-identical, no temporary file, no browser left`, async () => {
      const { running, browser } = await buildUntilBrowser();
      await new Promise((resolve) => setTimeout(resolve, 200));
      running.child.kill(signal);
      const outcome = await running.done;
      expect(outcome.code, outcome.stderr).toBe(code);
      expect(outcome.stderr).toMatch(new RegExp(`^press: review\\.md: interrupted by ${signal} in the render pdf stage; nothing was written and the previous outputs are unchanged$`, 'm'));
      expect(await folderSnapshot(out)).toEqual(previous);
      await expectBrowserGone(browser);
    });
  }

  it('a browser killed under the build is reported, and the build retried once succeeds', async () => {
    const { running, browser } = await buildUntilBrowser();
    process.kill(browser.pid, 'SIGKILL');
    const outcome = await running.done;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toMatch(/^press: the browser stopped during the PDF stage \((its process was killed by SIGKILL|it did not start: .*)\); retrying with a new browser$/m);
    // The same source gives the same bytes: the retried build wrote complete outputs.
    expect(await folderSnapshot(out)).toEqual(previous);
    await expectBrowserGone(browser);
  });

  it('a page that crashes (its renderer killed) is reported and retried', async () => {
    const { running, browser } = await buildUntilBrowser();
    // Which renderer serves the print page cannot be told from outside (Chromium also keeps a
    // spare one, and the page may get its own only after a first listing): kill every renderer of
    // the first browser as it appears, until the build says it retries or ends.
    let exited = false;
    void running.done.then(() => (exited = true));
    while (!exited && !running.stderrSoFar().includes('retrying with a new browser')) {
      for (const renderer of await renderersOf(browser.pid)) {
        // A renderer may already have ended between the listing and the kill (ESRCH): nothing to kill.
        try {
          process.kill(renderer.pid, 'SIGKILL');
        } catch (failure) {
          if ((failure as NodeJS.ErrnoException).code !== 'ESRCH') throw failure;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const outcome = await running.done;
    expect(outcome.code, outcome.stderr).toBe(0);
    // Under load, a renderer killed while the page is still loading is sometimes replaced by
    // Chromium itself, the load going on in a new one: then there is no crash to report, and the
    // build must simply succeed. Any crash it did see is reported and retried.
    const retried = /^press: the browser stopped during the PDF stage \((.*)\); retrying with a new browser$/m.exec(outcome.stderr);
    if (retried) expect(retried[1]).toMatch(/^a page of it crashed \(killed\)$|^its process was killed by SIGKILL$/);
    expect(outcome.stderr).not.toMatch(/build failed|net::ERR_/);
    expect(await folderSnapshot(out)).toEqual(previous);
  });

  it('a browser killed twice fails the build with a clear message, keeping the previous outputs', async () => {
    const { running, browser } = await buildUntilBrowser();
    process.kill(browser.pid, 'SIGKILL');
    const pid = running.child.pid ?? 0;
    const second = await waitFor(() => browserOf(pid, new Set([browser.pid])), 60_000, 'the second browser');
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(second.pid, 'SIGKILL');
    const outcome = await running.done;
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^press: the browser stopped during the PDF stage .*; retrying with a new browser$/m);
    expect(outcome.stderr).toMatch(/^press: the browser stopped again during the PDF stage \(.*\); the PDF was not built$/m);
    expect(outcome.stderr).not.toMatch(/^\s+at /m);
    expect(await folderSnapshot(out)).toEqual(previous);
    await expectBrowserGone(second);
  });
});
