// press preview --edit in a real browser: the CodeMirror pane saves the source atomically, and a
// save over a file changed on disk since it was loaded is refused, showing both texts, losing none.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { rawRequest, startPreview, waitForMark, webText, mark, type RunningPreview } from './support.ts';

const SOURCE = '---\ntitle: Edit\nlang: en\n---\n\n# Part\n\nFirst words.\n';

describe('press preview --edit', { timeout: 120_000 }, () => {
  let browser: Browser;
  let preview: RunningPreview;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    const folder = await temporaryFolder('press-preview-edit-');
    file = path.join(folder, 'report.md');
    await writeFiles(folder, { 'report.md': SOURCE, 'other.md': 'other\n' });
    [browser, preview] = await Promise.all([startBrowser(), startPreview(['report.md', '--edit'], folder)]);
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(preview.url);
    await waitForMark(page, 'web', undefined);
    await page.waitForFunction(() => (document.querySelector('.cm-content')?.textContent ?? '').includes('First words.'));
  });

  afterAll(async () => {
    if (preview && preview.child.exitCode === null) {
      preview.child.kill('SIGINT');
      await preview.exited;
    }
    if (browser) await closeBrowser(browser);
  });

  it('saves what was typed, and the preview shows it', async () => {
    const web = await mark(page, 'web');
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type('\nTyped in the pane.\n');
    await page.click('.tools button');
    await page.waitForFunction(() => document.querySelector('.save-status')?.textContent === 'saved');
    expect(await readFile(file, 'utf8')).toBe(`${SOURCE}\nTyped in the pane.\n`);
    await waitForMark(page, 'web', web);
    expect(await webText(page)).toContain('Typed in the pane.');
    // CodeMirror's styles come in under the page's nonce: nothing the policy blocked.
    expect(await page.evaluate(() => document.documentElement.dataset['cspViolations'] ?? '0')).toBe('0');
    expect(await page.$$('.cm-gutters')).toHaveLength(1);
  });

  it('refuses to overwrite a file changed on disk since, showing both texts', async () => {
    await page.click('.cm-content');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type('Mine, not saved yet.');
    const onDisk = `${SOURCE}\nChanged by someone else.\n`;
    await writeFile(file, onDisk);
    await page.click('.tools button');
    await page.waitForFunction(() => !(document.getElementById('conflict') as HTMLElement).hidden);
    expect(await page.$eval('#conflict-disk', (pre) => pre.textContent)).toBe(onDisk);
    expect(await page.$eval('#conflict-yours', (pre) => pre.textContent)).toContain('Mine, not saved yet.');
    expect(await page.$eval('.cm-content', (content) => content.textContent)).toContain('Mine, not saved yet.');
    expect(await readFile(file, 'utf8')).toBe(onDisk);
  });

  it('writes only the source, and only at the version it names', async () => {
    const token = `token=${preview.token}`;
    const headers = { 'Content-Type': 'application/json' };
    const loaded = JSON.parse((await rawRequest(preview.port, { path: `/api/source?${token}` })).body) as { text: string; version: string };
    const stale = await rawRequest(preview.port, { path: `/api/source?${token}`, method: 'POST', headers, body: JSON.stringify({ text: 'x', version: '0'.repeat(64) }) });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body)).toMatchObject({ disk: loaded, yours: 'x' });
    const elsewhere = await rawRequest(preview.port, { path: `/api/source?${token}`, method: 'POST', headers, body: JSON.stringify({ text: 'x', version: loaded.version, path: 'other.md' }) });
    expect(elsewhere.status).toBe(403);
    const crossSite = await rawRequest(preview.port, { path: `/api/source?${token}`, method: 'POST', headers: { ...headers, Origin: 'http://evil.example' }, body: JSON.stringify({ text: 'x', version: loaded.version }) });
    expect(crossSite.status).toBe(403);
    const form = await rawRequest(preview.port, { path: `/api/source?${token}`, method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ text: 'x', version: loaded.version }) });
    expect(form.status).toBe(403);
    expect(await readFile(path.join(path.dirname(file), 'other.md'), 'utf8')).toBe('other\n');
    expect(await readFile(file, 'utf8')).toBe(loaded.text);
  });
});
