import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { withBrowser } from '../../pipeline/browser/launch-browser.ts';

/** Whether a process still exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Processes of a process group that are still running (zombies, already dead and waiting for
 * the container's init to reap them, do not count). Linux only: read from /proc.
 */
function runningInGroup(pgid: number): number[] {
  const running: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') running.push(Number(entry));
  }
  return running;
}

/** Wait until a process group has no running process left, or 2 s have passed. */
async function groupEnded(pgid: number): Promise<number[]> {
  for (let waited = 0; waited < 2000; waited += 50) {
    if (runningInGroup(pgid).length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return runningInGroup(pgid);
}

/** The process id and profile folder of a launched browser. */
function processOf(browser: Browser): { pid: number; profile: string } {
  const child = browser.process();
  const pid = child?.pid;
  const profile = child?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  if (pid === undefined || profile === undefined) throw new Error('no browser process');
  return { pid, profile };
}

describe('withBrowser', () => {
  it('closes the browser, its child processes and its temporary profile when the callback throws', async () => {
    let launched: { pid: number; profile: string } | undefined;
    await expect(
      withBrowser(async (browser) => {
        launched = processOf(browser);
        expect(alive(launched.pid)).toBe(true);
        expect(existsSync(launched.profile)).toBe(true);
        if (process.platform === 'linux') expect(runningInGroup(launched.pid).length).toBeGreaterThan(1);
        const page = await browser.newPage();
        await page.setContent('<p>busy</p>');
        throw new Error('boom inside the build');
      }),
    ).rejects.toThrow('boom inside the build');
    if (!launched) throw new Error('the callback did not run');
    expect(alive(launched.pid)).toBe(false);
    if (process.platform === 'linux') expect(await groupEnded(launched.pid)).toEqual([]); // renderers, zygotes, GPU and network processes
    expect(existsSync(launched.profile)).toBe(false);
  });

  it('closes the browser and returns the value when the callback succeeds', async () => {
    let launched: { pid: number; profile: string } | undefined;
    const version = await withBrowser(async (browser) => {
      launched = processOf(browser);
      expect(processOf(browser).profile).toMatch(/puppeteer_dev_chrome_profile-/);
      return browser.version();
    });
    expect(version).toMatch(/Chrom/);
    if (!launched) throw new Error('the callback did not run');
    expect(alive(launched.pid)).toBe(false);
    if (process.platform === 'linux') expect(await groupEnded(launched.pid)).toEqual([]);
    expect(existsSync(launched.profile)).toBe(false);
  });

  it('launches nothing when no browser can be found', async () => {
    let ran = false;
    await expect(
      withBrowser(async () => {
        ran = true;
      }, { executablePath: '/nonexistent/chrome', env: {} }),
    ).rejects.toThrow(/not an executable file.*apt-get install chromium/);
    expect(ran).toBe(false);
  });
});
