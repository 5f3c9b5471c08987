/**
 * Skip what has not changed (issue 13, points 4 and 5): a build whose inputs are unchanged since
 * the build that wrote its outputs does nothing and says so; each kind of input invalidates the
 * fingerprint; a fingerprint that does not match its outputs is never trusted.
 *
 * Most cases run the build command in this process (`runCommand`, as the command worker runs it),
 * to keep the file fast; the real command line is run for what only it does (stdout, --force,
 * usage). Inputs that live in report-press itself (its version and code, the templates, the
 * browser and the font files) cannot be changed by a test: they are simulated by editing the
 * stored fingerprint, which is what a changed input looks like to the check.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../pipeline/command/run-command.ts';
import type { Command } from '../../pipeline/command/command.ts';
import { fingerprintPath } from '../../pipeline/cache/fingerprint.ts';
import { temporaryFolder, TINY_PNG, writeFiles } from '../helpers/report.ts';
import { press } from '../robustness/support.ts';

/** A source with a warning (half-width comma between Chinese characters) and an image. */
const SOURCE = '---\ntitle: 报告\n---\n\n# 一、总体情况\n\n今年,工作顺利。\n\n![图](figure.png)\n';
const BROKEN = '---\ntitle: 报告\ntitel: typo\n---\n\n# 一\n\n正文。\n';
/** Another valid PNG (3 × 1), for an image that changed. */
const OTHER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAMAAAABCAIAAACUgoPjAAAADklEQVR4nGNgYPgPhgwADvsC/l9BgjIAAAAASUVORK5CYII=', 'base64');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `press build` in this process the way the command worker does; `options` as the command line would set them. */
async function build(dir: string, options: Partial<Command> = {}): Promise<Run> {
  const command: Command = {
    command: 'build',
    input: path.join(dir, 'report.md'),
    inputs: [path.join(dir, 'report.md')],
    batch: false,
    jobs: 1,
    copies: [],
    oldInput: undefined,
    author: undefined,
    outDir: path.join(dir, 'out'),
    formats: ['html', 'docx'],
    quiet: false,
    browserPath: undefined,
    fix: false,
    embedFonts: false,
    referenceDocx: undefined,
    allowRemoteImages: false,
    trackChanges: 'all',
    suggestions: 'pending',
    suggestionAuthor: undefined,
    force: false,
    timeoutMs: 0,
    ...options,
  };
  let stdout = '';
  let stderr = '';
  const code = await runCommand(command, { write: (stream, text) => (stream === 'stdout' ? (stdout += text) : (stderr += text)), stderrIsTerminal: false });
  return { code, stdout, stderr };
}

/** The build ran (it did not say it was up to date) and succeeded. */
function expectBuilt(run: Run, why: string): void {
  expect(run.code, `${why}: ${run.stderr}`).toBe(0);
  expect(run.stdout, why).not.toContain('up to date');
}

/** The build was skipped: it said so. */
function expectSkipped(run: Run, why: string): void {
  expect(run.code, `${why}: ${run.stderr}`).toBe(0);
  expect(run.stdout, why).toMatch(/: up to date \(.*\); --force rebuilds\n$/);
}

type StoredFingerprint = { key: Record<string, unknown> & { press: { version: string; code: string }; fonts: Record<string, string | null>; browser: { path: string; stamp: string | null } | null }; dependencies: { path: string; hash: string | null }[]; outputs: { name: string; hash: string }[] };

/** Edit the stored fingerprint of the build in `dir`. */
async function editFingerprint(dir: string, edit: (stored: StoredFingerprint) => void): Promise<void> {
  const file = fingerprintPath({ input: path.join(dir, 'report.md'), outDir: path.join(dir, 'out') });
  const stored = JSON.parse(await readFile(file, 'utf8')) as StoredFingerprint;
  edit(stored);
  await writeFile(file, JSON.stringify(stored));
}

describe('press build skips what has not changed', { timeout: 300_000 }, () => {
  it('skips an unchanged build with the same warnings, and each input kind makes it build again', async () => {
    const dir = await temporaryFolder('press-skip-');
    await writeFiles(dir, { 'report.md': SOURCE, 'figure.png': TINY_PNG });
    const first = await build(dir);
    expectBuilt(first, 'first build');
    expect(first.stderr).toContain('[cjk-punctuation]');
    const html = path.join(dir, 'out/report.html');
    const written = (await stat(html)).mtimeMs;
    const stored = JSON.parse(await readFile(path.join(dir, 'out/.report-press/report.json'), 'utf8')) as StoredFingerprint;
    expect(stored.dependencies).toEqual([{ path: path.join(dir, 'figure.png'), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(stored.outputs.map((output) => output.name)).toEqual(['report.html', 'report.docx']);

    const second = await build(dir);
    expectSkipped(second, 'unchanged');
    expect(second.stdout).toBe(`press: ${path.join(dir, 'report.md')}: up to date (${path.join(dir, 'out/report.html')}, ${path.join(dir, 'out/report.docx')}); --force rebuilds\n`);
    expect(second.stderr).toBe(first.stderr);
    expect((await stat(html)).mtimeMs).toBe(written);
    expect(await build(dir, { quiet: true })).toEqual({ code: 0, stdout: '', stderr: '' });

    // The source.
    await writeFile(path.join(dir, 'report.md'), SOURCE.replace('顺利', '很顺利'));
    expectBuilt(await build(dir), 'source edited');
    expectSkipped(await build(dir), 'after the source was built');
    // An image.
    await writeFile(path.join(dir, 'figure.png'), OTHER_PNG);
    expectBuilt(await build(dir), 'image replaced');
    // Options that change the outputs, and the outputs asked for.
    expectBuilt(await build(dir, { suggestions: 'accept' }), '--accept');
    expectSkipped(await build(dir, { suggestions: 'accept' }), '--accept again');
    expectBuilt(await build(dir), 'without --accept');
    expectBuilt(await build(dir, { formats: ['html'] }), 'another set of formats');
    expectBuilt(await build(dir), 'the formats back');
    // The configuration file beside the source: added, then changed.
    await writeFile(path.join(dir, 'press.config.yaml'), 'rules:\n  cjk-punctuation: off\n');
    const configured = await build(dir);
    expectBuilt(configured, 'press.config.yaml added');
    expect(configured.stderr).not.toContain('[cjk-punctuation]');
    expectSkipped(await build(dir), 'configuration unchanged');
    await writeFile(path.join(dir, 'press.config.yaml'), 'rules:\n  cjk-punctuation: error\n');
    expect((await build(dir)).code, 'press.config.yaml changed').toBe(1);
    await rm(path.join(dir, 'press.config.yaml'));
    expectBuilt(await build(dir), 'press.config.yaml removed');
    // A reference .docx: given, then changed.
    const reference = path.join(dir, 'reference.docx');
    await writeFile(reference, await readFile(path.join(dir, 'out/report.docx')));
    expectBuilt(await build(dir, { referenceDocx: reference }), '--reference-docx');
    expectSkipped(await build(dir, { referenceDocx: reference }), '--reference-docx unchanged');
    await writeFile(reference, zipSync({ ...unzipSync(await readFile(reference)), 'docProps/extra.xml': strToU8('<x/>') }));
    expectBuilt(await build(dir, { referenceDocx: reference }), '--reference-docx changed');
    expectBuilt(await build(dir), 'without --reference-docx');
    // What only report-press's installation changes, simulated in the stored fingerprint.
    await editFingerprint(dir, (stored) => (stored.key.press.version = '0.0.1'));
    expectBuilt(await build(dir), 'an older report-press version');
    await editFingerprint(dir, (stored) => (stored.key.press.code = stored.key.press.code.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
    expectBuilt(await build(dir), 'report-press code changed');
    await editFingerprint(dir, (stored) => (stored.key['templates'] = 'another'));
    expectBuilt(await build(dir), 'a template file changed');
    expectSkipped(await build(dir), 'after all of that');
  });

  it('never trusts a fingerprint that does not match its outputs, or one it cannot read', async () => {
    const dir = await temporaryFolder('press-skip-');
    await writeFiles(dir, { 'report.md': SOURCE, 'figure.png': TINY_PNG });
    expectBuilt(await build(dir), 'first build');
    const docx = path.join(dir, 'out/report.docx');
    const good = await readFile(docx);
    await writeFile(docx, Buffer.concat([good, Buffer.from('x')]));
    expectBuilt(await build(dir), 'an output modified');
    expect(await readFile(docx)).toEqual(good);
    await rm(path.join(dir, 'out/report.html'));
    expectBuilt(await build(dir), 'an output deleted');
    for (const malformed of ['', '{', '{"key":{}}', 'null', JSON.stringify({ key: { schema: 99 } })]) {
      await writeFile(path.join(dir, 'out/.report-press/report.json'), malformed);
      const run = await build(dir);
      expectBuilt(run, `fingerprint ${JSON.stringify(malformed)}`);
      expect(run.stderr).not.toMatch(/fingerprint|report-press\/report\.json/);
    }
    await editFingerprint(dir, (stored) => (stored.dependencies[0] = { path: path.join(dir, 'figure.png'), hash: '0'.repeat(64) }));
    expectBuilt(await build(dir), 'a dependency hash that does not match');
    expectSkipped(await build(dir), 'all matching again');
    expectBuilt(await build(dir, { force: true }), '--force');
  });

  it('a failed build writes no fingerprint, and never lets a later build of its inputs be skipped', async () => {
    const dir = await temporaryFolder('press-skip-');
    await writeFiles(dir, { 'report.md': BROKEN });
    expect((await build(dir)).code).toBe(1);
    await expect(stat(path.join(dir, 'out/.report-press/report.json'))).rejects.toThrow();
    await writeFiles(dir, { 'report.md': SOURCE, 'figure.png': TINY_PNG });
    expectBuilt(await build(dir), 'good source');
    const fingerprint = await readFile(path.join(dir, 'out/.report-press/report.json'), 'utf8');
    await writeFile(path.join(dir, 'report.md'), BROKEN);
    for (const attempt of ['first', 'second']) {
      const failed = await build(dir);
      expect(failed.code, attempt).toBe(1);
      expect(failed.stderr, attempt).toContain('not built');
    }
    // The fingerprint of the good outputs, still in place and untouched, still describes them.
    expect(await readFile(path.join(dir, 'out/.report-press/report.json'), 'utf8')).toBe(fingerprint);
    await writeFile(path.join(dir, 'report.md'), SOURCE);
    expectSkipped(await build(dir), 'the good source back, its outputs unchanged');
    // A missing image fails the build: putting it back is a change.
    await rm(path.join(dir, 'figure.png'));
    expect((await build(dir)).code).toBe(1);
    await writeFile(path.join(dir, 'figure.png'), OTHER_PNG);
    expectBuilt(await build(dir), 'another image put back');
  });

  it('never skips a build that fetched a network image, and removes the fingerprint it no longer matches', async () => {
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const dir = await temporaryFolder('press-skip-');
      await writeFiles(dir, { 'report.md': SOURCE, 'figure.png': TINY_PNG });
      expectBuilt(await build(dir, { allowRemoteImages: true }), 'local images only');
      expectSkipped(await build(dir, { allowRemoteImages: true }), 'local images only, again');
      const { port } = server.address() as AddressInfo;
      await writeFile(path.join(dir, 'report.md'), `${SOURCE}\n![远程](http://127.0.0.1:${port}/remote.png)\n`);
      for (const attempt of ['first', 'second']) {
        expectBuilt(await build(dir, { allowRemoteImages: true }), `a network image, ${attempt} build`);
        await expect(stat(path.join(dir, 'out/.report-press/report.json')), attempt).rejects.toThrow();
      }
    } finally {
      server.close();
    }
  });

  it('the PDF: the browser and the fonts are inputs, and the images', async () => {
    const dir = await temporaryFolder('press-skip-');
    await writeFiles(dir, { 'report.md': SOURCE, 'figure.png': TINY_PNG });
    expectBuilt(await build(dir, { formats: ['pdf'] }), 'first PDF');
    const stored = JSON.parse(await readFile(path.join(dir, 'out/.report-press/report.json'), 'utf8')) as StoredFingerprint;
    expect(stored.key.browser?.stamp).toMatch(/^\d+:\d+$/);
    expect(Object.keys(stored.key.fonts).length).toBeGreaterThan(0);
    expect(stored.dependencies.map((dependency) => path.basename(dependency.path))).toEqual(['figure.png']);
    expectSkipped(await build(dir, { formats: ['pdf'] }), 'PDF unchanged');
    await editFingerprint(dir, (stored) => stored.key.browser && (stored.key.browser.stamp = '1:1'));
    expectBuilt(await build(dir, { formats: ['pdf'] }), 'another browser');
    await editFingerprint(dir, (stored) => {
      const font = Object.keys(stored.key.fonts)[0] ?? '';
      stored.key.fonts[font] = 'another';
    });
    expectBuilt(await build(dir, { formats: ['pdf'] }), 'another font');
    await writeFile(path.join(dir, 'figure.png'), OTHER_PNG);
    expectBuilt(await build(dir, { formats: ['pdf'] }), 'the image changed');
    expectSkipped(await build(dir, { formats: ['pdf'] }), 'PDF unchanged again');
  });

  it('the command line says so on stdout, rebuilds with --force, and takes --force only for build', async () => {
    const dir = await temporaryFolder('press-skip-');
    await writeFiles(dir, { 'report.md': SOURCE, 'figure.png': TINY_PNG });
    const args = ['build', 'report.md', '--out', 'out', '--format', 'html'];
    const first = await press(args, dir);
    expect(first.code, first.stderr).toBe(0);
    const skipped = await press(args, dir);
    expect(skipped).toMatchObject({ code: 0, stdout: 'press: report.md: up to date (out/report.html); --force rebuilds\n', stderr: first.stderr });
    const forced = await press([...args, '--force'], dir);
    expect(forced).toMatchObject({ code: 0, stdout: '', stderr: first.stderr });
    const check = await press(['check', 'report.md', '--force'], dir);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('--force is for build');
  });
});
