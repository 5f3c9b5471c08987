import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { check, EN, messagesOf, ZH } from './support.ts';

describe('link-target-missing and link-outside', () => {
  it('warns at a relative link to a file that does not exist, in the report’s language', async () => {
    const result = await check(`${ZH}详见[附件](files/annex.pdf)。\n`);
    expect(messagesOf(result, 'link-target-missing')).toEqual(['6:3 warning 链接的文件 files/annex.pdf 不存在']);
    const english = await check(`${EN}See [the annex](files/annex.pdf "Annex").\n\n[ref]: files/other%20annex.pdf\n\nAnd [the other][ref].\n`);
    expect(messagesOf(english, 'link-target-missing')).toEqual(['6:5 warning Linked file files/annex.pdf does not exist', '10:5 warning Linked file files/other%20annex.pdf does not exist']);
  });

  it('accepts links to files that exist (escaped, with a fragment or query), to folders, anchors and the network', async () => {
    const markdown = `${EN}# Top\n\n[a](files/annex.pdf) [b](files/my%20file.pdf#page=2) [c](files/annex.pdf?download) [d](files/) [e](#top) [f](https://example.org/x.pdf) [g](mailto:a@example.org) [h](//example.org/x) <https://example.org>\n`;
    const result = await check(markdown, { 'files/annex.pdf': 'pdf', 'files/my file.pdf': 'pdf' });
    expect(messagesOf(result, 'link-target-missing')).toEqual([]);
    expect(messagesOf(result, 'link-outside')).toEqual([]);
  });

  it('warns at links that leave the folder: ../, absolute paths, file: URLs', async () => {
    const result = await check(`${EN}[up](../secret.pdf) [abs](/etc/hosts) [url](file:///etc/hosts)\n`);
    expect(messagesOf(result, 'link-outside')).toEqual([
      "6:1 warning Link ../secret.pdf leads out of the document's folder: it breaks once the report is published elsewhere; copy the file beside the source and link it relatively",
      '6:21 warning Link /etc/hosts is an absolute path: it breaks once the report is published elsewhere; copy the file beside the source and link it relatively',
      '6:39 warning Link file:///etc/hosts is a file: URL: it breaks once the report is published elsewhere; copy the file beside the source and link it relatively',
    ]);
    expect(result.ok).toBe(true);
  });

  it('warns at a symbolic link inside the folder that leads out of it', async () => {
    const outside = await temporaryFolder();
    await writeFile(path.join(outside, 'annex.pdf'), 'pdf');
    const dir = await temporaryFolder();
    await mkdir(path.join(dir, 'files'));
    await symlink(path.join(outside, 'annex.pdf'), path.join(dir, 'files/annex.pdf'));
    await writeFile(path.join(dir, 'input.md'), `${EN}[annex](files/annex.pdf)\n`);
    const result = await build({ input: path.join(dir, 'input.md'), outDir: path.join(dir, 'dist'), formats: [], checkOnly: true });
    expect(messagesOf(result, 'link-outside').map((line) => line.split(':').slice(0, 2).join(':'))).toEqual(['6:1 warning Link files/annex.pdf leads out of the document\'s folder']);
  });
});
