import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageDir, resolveInside } from '../../pipeline/render/pdf/local-files.ts';
import { PAGE_URL, routeRequest } from '../../pipeline/render/pdf/virtual-origin.ts';
import { removeTempDirs, tempDir } from './support.ts';

afterAll(removeTempDirs);

const at = (relative: string): string => new URL(relative, PAGE_URL).href;

describe('routeRequest', () => {
  it('answers the page, font package files and document files', () => {
    expect(routeRequest(PAGE_URL)).toEqual({ kind: 'page' });
    expect(routeRequest(at('press-fonts/@fontsource/noto-serif-sc/400.css'))).toEqual({
      kind: 'font',
      packageName: '@fontsource/noto-serif-sc',
      file: '400.css',
    });
    expect(routeRequest(at('press-fonts/@fontsource/noto-serif-sc/files/noto-serif-sc-4-400-normal.woff2'))).toMatchObject({
      kind: 'font',
      file: 'files/noto-serif-sc-4-400-normal.woff2',
    });
    expect(routeRequest(at('press-fonts/some-font/a.woff2'))).toEqual({ kind: 'font', packageName: 'some-font', file: 'a.woff2' });
    expect(routeRequest(at('images/%E5%9B%BE%201.png'))).toEqual({ kind: 'file', relative: 'images/图 1.png' });
    expect(routeRequest('data:image/png;base64,AAAA')).toEqual({ kind: 'data' });
  });

  it('refuses the network, other schemes and anything outside the document folder', () => {
    for (const url of [
      'https://example.com/x.png',
      'http://localhost:8080/',
      'file:///etc/passwd',
      'ftp://example.com/a',
      'chrome://settings',
      at('../outside.png'),
      at('%2e%2e/outside.png'),
      'https://report-press.invalid/favicon.ico',
      at('press-fonts/../../etc/passwd'),
      at('press-fonts/@fontsource/'),
      at('press-fonts/Bad Name/a.css'),
      at('images/'),
      'not a url',
    ]) {
      expect(routeRequest(url), url).toMatchObject({ kind: 'refused' });
    }
  });

  it('keeps encoded slashes as part of a name, for the file check to refuse', () => {
    expect(routeRequest(at('..%2Foutside.png'))).toEqual({ kind: 'file', relative: '../outside.png' });
  });
});

describe('resolveInside', () => {
  it('serves files inside the folder only, also through symbolic links', async () => {
    const root = await tempDir('inside');
    const doc = path.join(root, 'doc');
    await mkdir(path.join(doc, 'img'), { recursive: true });
    await writeFile(path.join(root, 'outside.png'), 'secret');
    await writeFile(path.join(doc, 'img', 'a.png'), 'a');
    await symlink(path.join(root, 'outside.png'), path.join(doc, 'escape.png'));
    await symlink(path.join(doc, 'img', 'a.png'), path.join(doc, 'alias.png'));

    expect(await resolveInside(doc, 'img/a.png')).toEqual({ ok: true, file: path.join(doc, 'img', 'a.png') });
    expect(await resolveInside(doc, 'alias.png')).toEqual({ ok: true, file: path.join(doc, 'img', 'a.png') });
    expect(await resolveInside(doc, '../outside.png')).toMatchObject({ ok: false, missing: false });
    expect(await resolveInside(doc, 'img/../../outside.png')).toMatchObject({ ok: false, missing: false });
    expect(await resolveInside(doc, 'escape.png')).toMatchObject({ ok: false, reason: 'a link that leaves the folder' });
    expect(await resolveInside(doc, path.join(root, 'outside.png'))).toMatchObject({ ok: false, reason: 'an absolute path' });
    expect(await resolveInside(doc, 'img')).toMatchObject({ ok: false, missing: true });
    expect(await resolveInside(doc, 'nope.png')).toMatchObject({ ok: false, missing: true });
  });
});

describe('findPackageDir', () => {
  it('finds installed font packages and nothing else', async () => {
    expect(await findPackageDir('@fontsource/noto-serif-sc')).toMatch(/node_modules\/@fontsource\/noto-serif-sc$/);
    expect(await findPackageDir('@fontsource/not-a-font-package')).toBeUndefined();
  });
});
