import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * `npm install` warned that a dependency needs Node 22 (nanoid 6, which docx declares though it
 * bundles its own copy) while report-press runs on Node 20. npm itself is the judge here: an
 * offline dry run of the locked install with `--engine-strict` fails on any package whose
 * `engines` leave out the running Node. The project declares the Node versions its dependencies
 * allow (entities 9 and vite 8 want 20.19 or later, and 22.12 or later on 22).
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('Node versions', { timeout: 120_000 }, () => {
  it('the locked dependencies all accept the running Node (npm install --engine-strict, offline dry run)', async () => {
    const outcome = await run('npm', ['install', '--dry-run', '--engine-strict', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: root,
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
    }).then(
      ({ stderr }) => ({ ok: true, stderr }),
      (failure: { stderr?: string }) => ({ ok: false, stderr: failure.stderr ?? String(failure) }),
    );
    expect(outcome.stderr).not.toMatch(/EBADENGINE|notsup/);
    expect(outcome.ok, outcome.stderr).toBe(true);
  });

  it('package.json declares the Node versions the dependencies support, and this Node is one', async () => {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    expect(manifest.engines?.node).toBe('^20.19.0 || >=22.12.0');
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major === 20 ? minor >= 19 : major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});
