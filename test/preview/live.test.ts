// press preview, live, in a real browser: a change on disk reaches both editions; an error keeps
// the last good preview and recovers; clicks give source lines; every security rule refuses;
// a second preview of the same file is refused; SIGINT leaves nothing behind.
import { readdir, readFile, symlink, writeFile, mkdir, access } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { childProcesses } from '../../pipeline/command/child-processes.ts';
import { lockPathFor } from '../../pipeline/preview/lock.ts';
import { mark, printText, rawRequest, startPreview, waitForMark, webText, type RunningPreview } from './support.ts';

const source = (word: string, front = 'title: Live\nlang: en\n') => `---\n${front}---\n\n# First part\n\nThe opening paragraph mentions ${word}.\n\n## Second part\n\nA closing paragraph.\n`;

describe('press preview', { timeout: 120_000 }, () => {
  let browser: Browser;
  let preview: RunningPreview;
  let page: Page;
  let folder: string;
  let file: string;

  beforeAll(async () => {
    folder = await temporaryFolder('press-preview-');
    file = path.join(folder, 'report.md');
    await writeFiles(folder, { 'report.md': source('Zanzibar'), 'data.csv': 'a,b\n1,2\n' });
    await writeFiles(path.dirname(folder), { [`${path.basename(folder)}-secret.txt`]: 'secret' });
    await symlink(path.join(path.dirname(folder), `${path.basename(folder)}-secret.txt`), path.join(folder, 'escape.txt'));
    await mkdir(path.join(folder, 'sub'));
    [browser, preview] = await Promise.all([startBrowser(), startPreview(['report.md'], folder)]);
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(preview.url);
    await Promise.all([waitForMark(page, 'web', undefined), waitForMark(page, 'pdf', undefined)]);
  });

  afterAll(async () => {
    if (preview && preview.child.exitCode === null) preview.child.kill('SIGKILL');
    if (browser) await closeBrowser(browser);
  });

  it('shows both editions, and a change on disk reaches both', async () => {
    expect(await webText(page)).toContain('Zanzibar');
    await page.waitForFunction(() => (document.querySelector('.textLayer')?.textContent ?? '').includes('Zanzibar'), { timeout: 30_000 });
    const [web, pdf] = [await mark(page, 'web'), await mark(page, 'pdf')];
    await writeFile(file, source('Timbuktu'));
    await waitForMark(page, 'web', web);
    expect(await webText(page)).toContain('Timbuktu');
    await waitForMark(page, 'pdf', pdf);
    await page.waitForFunction(() => (document.querySelector('.textLayer')?.textContent ?? '').includes('Timbuktu'), { timeout: 30_000 });
    expect(await printText(page)).not.toContain('Zanzibar');
    expect(Number(await page.evaluate(() => document.documentElement.dataset['cspViolations'] ?? '0'))).toBe(0);
  });

  it('keeps the last good preview on an error, shows it with its place and rule, and recovers', async () => {
    const builds = await mark(page, 'builds');
    await writeFile(file, source('Ouagadougou', 'title: [unclosed\nlang: en\n'));
    await page.waitForFunction((old: string) => document.documentElement.dataset['builds'] !== old && document.documentElement.dataset['ok'] === 'false', { timeout: 60_000 }, builds ?? '');
    const messages = await page.$eval('#messages', (panel) => panel.textContent ?? '');
    expect(messages).toMatch(/report\.md:\d+:\d+: error: .*\[[a-z-]+\]/);
    expect(await webText(page)).toContain('Timbuktu');
    expect(await printText(page)).toContain('Timbuktu');
    const web = await mark(page, 'web');
    await writeFile(file, source('Kathmandu'));
    await waitForMark(page, 'web', web);
    expect(await webText(page)).toContain('Kathmandu');
    await page.waitForFunction(() => document.documentElement.dataset['ok'] === 'true' && (document.querySelector('.textLayer')?.textContent ?? '').includes('Kathmandu'), { timeout: 60_000 });
    expect(await page.$eval('#messages', (panel) => (panel as HTMLElement).hidden)).toBe(true);
  });

  it('tells the source line of a click in either edition, and the page of a line', async () => {
    await waitForMark(page, 'map', undefined);
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/doc/'));
    expect(frame).toBeDefined();
    await frame?.click('p[data-source-line="8"]');
    expect(await page.$eval('#position', (element) => element.textContent ?? '')).toMatch(/^report\.md:8 · p\. 1$/);
    expect(await frame?.$eval('[data-source-line="10"]', (heading) => heading.getAttribute('data-press-page'))).toBe('1');
    const pageBox = await page.$eval('.page[data-page="1"]', (shell) => {
      const box = shell.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    });
    // The closing paragraph (line 12) is the last block of page 1: click low on the page.
    await page.mouse.click(pageBox.x + pageBox.width / 2, pageBox.y + pageBox.height * 0.9);
    expect(await page.$eval('#position', (element) => element.textContent ?? '')).toMatch(/^report\.md:12\b/);
    const answer = await rawRequest(preview.port, { path: `/api/page?line=12&token=${preview.token}` });
    expect(JSON.parse(answer.body)).toMatchObject({ line: 12, page: 1 });
  });

  it('refuses every request outside its rules', async () => {
    const token = `token=${preview.token}`;
    const good = await rawRequest(preview.port, { path: `/doc/data.csv?${token}` });
    expect(good.status).toBe(200);
    expect(good.body).toBe('a,b\n1,2\n');
    expect(String(good.headers['content-security-policy'])).toContain('sandbox');
    const front = await rawRequest(preview.port, { path: `/?${token}` });
    expect(String(front.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(front.headers['content-security-policy'])).not.toContain('unsafe-inline');
    const refused = async (options: Parameters<typeof rawRequest>[1], status = 403) => {
      const answer = await rawRequest(preview.port, options);
      expect(answer.status, `${options.method ?? 'GET'} ${options.path} ${JSON.stringify(options.headers ?? {})}`).toBe(status);
      expect(answer.body).not.toContain('secret');
      return answer;
    };
    await refused({ path: '/doc/data.csv' });
    await refused({ path: '/doc/data.csv?token=wrong' });
    await refused({ path: `/doc/data.csv?token=${preview.token.slice(0, -1)}${preview.token.endsWith('x') ? 'y' : 'x'}` });
    await refused({ path: `/doc/data.csv?${token}`, headers: { Host: `evil.example:${preview.port}` } });
    await refused({ path: `/doc/data.csv?${token}`, headers: { Host: `localhost:${preview.port}` } });
    await refused({ path: `/api/state?${token}`, headers: { Host: '127.0.0.1' } });
    const secret = `${path.basename(folder)}-secret.txt`;
    await refused({ path: `/doc/../${secret}?${token}` });
    await refused({ path: `/doc/%2e%2e/${secret}?${token}` });
    await refused({ path: `/doc/%2E%2E%2F${secret}?${token}` });
    await refused({ path: `/doc/sub/..%2f..%2f${secret}?${token}` });
    await refused({ path: `/doc/escape.txt?${token}` });
    await refused({ path: `/doc/sub?${token}` });
    await refused({ path: `/doc/sub/?${token}` });
    await refused({ path: `/doc/.hidden?${token}` });
    await refused({ path: `/api/source?${token}` });
    await refused({ path: `/api/source?${token}`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'x', version: 'y' }) });
    await refused({ path: `/doc/report.md?${token}`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, 405);
    expect(await readFile(file, 'utf8')).toContain('Kathmandu');
  });

  it('refuses a second preview of the same file and says where the first runs', async () => {
    const second = await startPreview(['report.md'], folder).catch((failure: Error) => failure);
    expect(second).toBeInstanceOf(Error);
    expect(String(second)).toContain(`already being previewed at http://127.0.0.1:${preview.port}/ (process ${preview.child.pid})`);
    expect(String(second)).not.toContain(preview.token);
  });

  it('stops on SIGINT, leaving no browser and no lock', async () => {
    const lock = await lockPathFor(file);
    await access(lock);
    const children = await childProcesses(preview.child.pid);
    expect(children.some((child) => child.args.some((arg) => arg.includes('chrom')))).toBe(true);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(130);
    await expect(access(lock)).rejects.toThrow();
    // Running: in /proc and not a zombie (an ended child its new parent has not reaped yet holds nothing).
    const running = (pid: number) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
      } catch {
        return false;
      }
    };
    // The browsers are gone when the preview has exited; esbuild's service (the command line's
    // bundle) ends when its parent's pipe closes, a moment later: wait for that, bounded.
    for (const child of children.filter((candidate) => candidate.args.some((arg) => arg.includes('puppeteer_dev_chrome_profile-')))) expect(running(child.pid), `browser ${child.pid}`).toBe(false);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && children.some((child) => running(child.pid))) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const child of children) expect(running(child.pid), `process ${child.pid} ${child.args[0] ?? ''}`).toBe(false);
    const profiles = (await readdir(os.tmpdir())).filter((name) => name.startsWith('puppeteer_dev_chrome_profile-'));
    for (const child of children) for (const arg of child.args) for (const profile of profiles) expect(arg).not.toContain(profile);
  });
});
