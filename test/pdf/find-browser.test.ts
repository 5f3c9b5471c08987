import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../pipeline/browser/find-browser.ts';
import { removeTempDirs, tempDir } from './support.ts';

afterAll(removeTempDirs);

/** A fake executable (a shell script that does nothing). */
async function fakeExecutable(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 0\n');
  await chmod(file, 0o755);
  return file;
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a rejection');
}

describe('findBrowser', () => {
  it('reports a bad explicit path in one line that says how to install a browser', async () => {
    const empty = await tempDir('no-browser');
    const error = await errorOf(findBrowser({ executablePath: '/nonexistent/chrome', env: {}, cacheDir: empty, systemPaths: [] }));
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^browser \/nonexistent\/chrome is not an executable file/);
    expect(error.message).toContain('apt-get install chromium');
    expect(error.message).toContain('PRESS_BROWSER=');
  });

  it('does not fall back to another browser when the explicit setting is wrong', async () => {
    const dir = await tempDir('fallback');
    const system = await fakeExecutable(path.join(dir, 'system-chrome'));
    const error = await errorOf(findBrowser({ env: { PRESS_BROWSER: path.join(dir, 'missing') }, cacheDir: null, systemPaths: [system] }));
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect(error.message).toMatch(/^PRESS_BROWSER=\S*missing \(\S*missing\) is not an executable file: fix the path, or install Chromium/);
  });

  it('refuses a file that is not executable and a folder', async () => {
    const dir = await tempDir('not-exec');
    const file = path.join(dir, 'chrome');
    await writeFile(file, 'not a program');
    await expect(findBrowser({ executablePath: file, env: {}, cacheDir: null, systemPaths: [] })).rejects.toThrow(BrowserNotFoundError);
    await expect(findBrowser({ executablePath: dir, env: {}, cacheDir: null, systemPaths: [] })).rejects.toThrow(BrowserNotFoundError);
  });

  it('says how to install one when nothing is found', async () => {
    const empty = await tempDir('nothing');
    const error = await errorOf(findBrowser({ env: {}, cacheDir: empty, systemPaths: [path.join(empty, 'chromium')] }));
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect(error.message).toBe(
      'No Chromium or Chrome found: install Chromium (Debian/Ubuntu: apt-get install chromium) or set PRESS_BROWSER=/path/to/chrome',
    );
  });

  it('searches the explicit settings in order: option, PRESS_BROWSER, PUPPETEER_EXECUTABLE_PATH', async () => {
    const dir = await tempDir('order');
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => fakeExecutable(path.join(dir, name))));
    const none = { cacheDir: null, systemPaths: [] };
    const env = { PRESS_BROWSER: b!, PUPPETEER_EXECUTABLE_PATH: c! };
    expect(await findBrowser({ ...none, executablePath: a!, env })).toEqual({ executablePath: a, source: 'option' });
    expect(await findBrowser({ ...none, env })).toEqual({ executablePath: b, source: 'PRESS_BROWSER' });
    expect(await findBrowser({ ...none, env: { PUPPETEER_EXECUTABLE_PATH: c! } })).toEqual({ executablePath: c, source: 'PUPPETEER_EXECUTABLE_PATH' });
  });

  it('looks a bare command name up on PATH', async () => {
    const dir = await tempDir('path');
    const chrome = await fakeExecutable(path.join(dir, 'my-chrome'));
    expect(await findBrowser({ env: { PRESS_BROWSER: 'my-chrome', PATH: `/nonexistent${path.delimiter}${dir}` }, cacheDir: null, systemPaths: [] })).toEqual({
      executablePath: chrome,
      source: 'PRESS_BROWSER',
    });
  });

  it("prefers Puppeteer's cache (newest Chrome first) to the system, and PUPPETEER_CACHE_DIR names the cache", async () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return; // the fake cache layout below is linux64's
    const cache = await tempDir('cache');
    await fakeExecutable(path.join(cache, 'chrome', 'linux-120.0.6099.109', 'chrome-linux64', 'chrome'));
    const newest = await fakeExecutable(path.join(cache, 'chrome', 'linux-131.0.6778.85', 'chrome-linux64', 'chrome'));
    await mkdir(path.join(cache, 'firefox', 'linux-stable_130.0'), { recursive: true });
    const system = await fakeExecutable(path.join(cache, 'system-chromium'));
    expect(await findBrowser({ env: { PUPPETEER_CACHE_DIR: cache }, systemPaths: [system] })).toEqual({ executablePath: newest, source: 'puppeteer-cache' });
    expect(await findBrowser({ env: {}, cacheDir: null, systemPaths: [path.join(cache, 'absent'), system] })).toEqual({ executablePath: system, source: 'system' });
  });

  it('finds the Chromium of this machine with the default search', async () => {
    const found = await findBrowser();
    expect(path.isAbsolute(found.executablePath)).toBe(true);
  });
});
