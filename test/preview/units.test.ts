// The parts of press preview that need no browser: the lock (held, stale), the folder's path
// checks, the page map's line lookup, and normal builds without source lines.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { acquireLock, lockPathFor } from '../../pipeline/preview/lock.ts';
import { resolveInFolder } from '../../pipeline/preview/serve-folder.ts';
import { pageOfLine, placeBlocks } from '../../pipeline/preview/page-map.ts';
import { editorArguments } from '../../pipeline/preview/editor-command.ts';
import { build } from '../../pipeline/build.ts';

describe('press preview, without a browser', () => {
  it('takes a free lock, refuses a held one, takes over a stale one', async () => {
    const folder = await temporaryFolder();
    const source = path.join(folder, 'a.md');
    await writeFile(source, '# A\n');
    const first = await acquireLock(source, folder);
    expect('lock' in first).toBe(true);
    if (!('lock' in first)) return;
    await first.lock.publish('http://127.0.0.1:1234/');
    const lockFile = await lockPathFor(source, folder);
    // Held by a running process (this one stands in for another preview: its pid is written as the parent's).
    await writeFile(lockFile, JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:1234/', source }));
    const second = await acquireLock(source, folder);
    expect(second).toEqual({ heldBy: { pid: process.ppid, url: 'http://127.0.0.1:1234/', source } });
    // Stale: a process id that cannot run.
    await writeFile(lockFile, JSON.stringify({ pid: 2 ** 22 + 7, url: 'http://127.0.0.1:1/', source }));
    const third = await acquireLock(source, folder);
    expect('lock' in third).toBe(true);
    if ('lock' in third) await third.lock.release();
    await expect(readFile(lockFile)).rejects.toThrow();
  });

  it('serves only regular files inside the folder', async () => {
    const parent = await temporaryFolder();
    const folder = path.join(parent, 'doc');
    await mkdir(path.join(folder, 'img'), { recursive: true });
    await writeFiles(parent, { 'secret.txt': 's', 'doc/img/a.png': 'png', 'doc/.env': 'x' });
    await symlink(path.join(parent, 'secret.txt'), path.join(folder, 'link.txt'));
    expect(await resolveInFolder(folder, 'img/a.png')).toEqual({ file: path.join(await import('node:fs/promises').then((fs) => fs.realpath(folder)), 'img', 'a.png') });
    for (const bad of ['../secret.txt', '%2e%2e/secret.txt', 'img/..%2F..%2Fsecret.txt', 'link.txt', 'img', '', '.env', 'img%00.png', '%E0%A4%A']) {
      expect('kind' in (await resolveInFolder(folder, bad)), bad).toBe(true);
    }
  });

  it('finds the page of a line from the placed blocks', () => {
    const map = placeBlocks(
      [
        { line: 3, text: 'Alpha' },
        { line: 5, text: 'Bravo' },
        { line: 9, text: 'Alpha' },
      ],
      [{ items: [{ text: 'Alpha one', y: 700 }, { text: 'Bravo two', y: 600 }] }, { items: [{ text: 'Alpha again', y: 700 }] }],
    );
    expect(map.blocks).toEqual([
      { line: 3, page: 1, y: 700 },
      { line: 5, page: 1, y: 600 },
      { line: 9, page: 2, y: 700 },
    ]);
    expect([pageOfLine(map, 1), pageOfLine(map, 4), pageOfLine(map, 8), pageOfLine(map, 40)]).toEqual([undefined, 1, 1, 2]);
  });

  it('opens the editor with file:line, or fills in its placeholders', () => {
    expect(editorArguments('code -g', '/d/a.md', 12)).toEqual(['code', '-g', '/d/a.md:12']);
    expect(editorArguments("vim '+{line}' {file}", '/d/a b.md', 3)).toEqual(['vim', '+3', '/d/a b.md']);
  });

  it('marks source lines only in a preview build', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'a.md': '---\ntitle: T\nlang: en\n---\n\n# H\n\nText.\n' });
    const outputs = new Map<string, string>();
    await build({ input: path.join(folder, 'a.md'), outDir: path.join(folder, 'out'), formats: ['html'] });
    expect(await readFile(path.join(folder, 'out', 'a.html'), 'utf8')).not.toContain('data-source-line');
    await build({ input: path.join(folder, 'a.md'), outDir: path.join(folder, 'unused'), formats: ['html'], sourceLines: true, deliver: (format, output) => outputs.set(format, String(output)) });
    expect(outputs.get('html')).toContain('<p data-source-line="8">Text.</p>');
    await expect(readFile(path.join(folder, 'unused', 'a.html'))).rejects.toThrow();
  });
});
