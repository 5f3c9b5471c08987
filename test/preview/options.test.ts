// press preview's options as a user gives them: `--port` (taken: a clear refusal, nothing left
// running), `--open` (the user's browser is asked to open the printed address) and `--editor`
// (a click's place opened in the user's editor through /api/open, only for files of the
// document's folder). The "browser" and "editor" are scripts that write down their arguments.
import { chmod, readFile, access } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { rawRequest, startPreview, type RunningPreview } from './support.ts';

const SOURCE = '---\ntitle: Options\nlang: en\n---\n\n# Part\n\nFirst words.\n\nSecond words.\n';

/** A loopback port free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Wait (bounded, no fixed sleep) until `file` exists, and return its text. */
async function written(file: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await access(file);
      return await readFile(file, 'utf8');
    } catch (failure) {
      if (Date.now() > deadline) throw failure;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe('press preview options', { timeout: 120_000 }, () => {
  let folder: string;
  let preview: RunningPreview;
  let port: number;

  beforeAll(async () => {
    folder = await temporaryFolder('press-preview-options-');
    await writeFiles(folder, {
      'report.md': SOURCE,
      'other.md': SOURCE,
      'bin/xdg-open': '#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/../opened-url.txt"\n',
      'bin/fake-editor': '#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/../editor-args.txt"\n',
    });
    await writeFiles(path.dirname(folder), { [`${path.basename(folder)}-outside.md`]: 'outside\n' });
    await chmod(path.join(folder, 'bin/xdg-open'), 0o755);
    await chmod(path.join(folder, 'bin/fake-editor'), 0o755);
    port = await freePort();
    preview = await startPreview(['report.md', '--port', String(port), '--open', '--editor', `${path.join(folder, 'bin/fake-editor')} --goto`], folder, {
      PATH: `${path.join(folder, 'bin')}:${process.env['PATH'] ?? ''}`,
    });
  });

  afterAll(async () => {
    if (preview && preview.child.exitCode === null) {
      preview.child.kill('SIGINT');
      await preview.exited;
    }
  });

  it('listens on the port asked for, and --open hands the printed address to the user\'s browser', async () => {
    expect(preview.port).toBe(port);
    expect((await written(path.join(folder, 'opened-url.txt'))).trim()).toBe(preview.url);
  });

  it('refuses a port in use with a clear message, starting nothing', async () => {
    const second = await startPreview(['other.md', '--port', String(port)], folder).catch((failure: Error) => failure);
    expect(second).toBeInstanceOf(Error);
    expect(String(second)).toContain(`port ${port} is in use on 127.0.0.1; choose another with --port`);
    expect(String(second)).not.toMatch(/\n\s+at /);
    // The first preview still answers.
    expect((await rawRequest(preview.port, { path: `/api/state?token=${preview.token}` })).status).toBe(200);
  });

  it('opens a place of the source in the --editor command, and only files of the document folder', async () => {
    const token = `token=${preview.token}`;
    const post = (body: unknown) => rawRequest(preview.port, { path: `/api/open?${token}`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const opened = await post({ line: 9, column: 3 });
    expect(opened.status).toBe(200);
    const args = (await written(path.join(folder, 'editor-args.txt'))).trim().split('\n');
    expect(args).toEqual(['--goto', `${path.join(folder, 'report.md')}:9`]);
    expect((await post({ line: 1, file: `../${path.basename(folder)}-outside.md` })).status).toBe(403);
    expect((await post({ line: 0 })).status).toBe(400);
    expect((await rawRequest(preview.port, { path: `/api/open?${token}` })).status).toBe(405);
    expect((await rawRequest(preview.port, { path: '/api/open', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"line":1}' })).status).toBe(403);
  });
});
