/**
 * Output folders are made one level at a time: under a file system that refuses new folders
 * without EACCES (Linux `/proc` answers ENOENT), `mkdir -p` as Node does it looped forever at full
 * speed, deaf to SIGTERM and past --timeout.
 */
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { press } from './support.ts';

describe('an output folder that cannot be made', () => {
  it('is one error line and exit status 1, at once, for build and import', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'a.md': '---\ntitle: A\nlang: en\n---\n\nText.\n' });
    const built = await press(['build', 'a.md', '--format', 'html', '--out', '/proc/press-test/out', '--timeout', '60'], dir);
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^press: .*\/proc\/press-test/m);
    expect(built.stderr).not.toMatch(/timed out/);
    expect((await press(['build', 'a.md', '--format', 'docx', '--out', '.'], dir)).code).toBe(0);
    const imported = await press(['import', 'a.docx', '--out', '/proc/press-test/out', '--timeout', '60'], dir);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/\/proc\/press-test/);
    expect(imported.stderr).not.toMatch(/timed out|\n\s+at /);
  });
});
