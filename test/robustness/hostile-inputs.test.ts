import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, TINY_PNG, writeFiles } from '../helpers/report.ts';
import { press, type PressOutcome } from './support.ts';
import { docxParts, pdfText } from '../helpers/read-back.ts';

const FRONT = '---\ntitle: Hostile input\nlang: en\ntemplate: default\n---\n\n';

/** No JavaScript stack trace and no raw system error code: only `file:line:column: …` and `press: …` lines. */
function expectPlainMessages(outcome: PressOutcome): void {
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stderr).not.toMatch(/\b(?:RangeError|TypeError|Error):/);
  expect(outcome.stderr).not.toMatch(/\bE[A-Z]{3,}\b:/);
}

/** Every entry of a folder: a file's bytes, or `folder`. */
async function entries(dir: string): Promise<Map<string, Buffer | 'folder'>> {
  const found = new Map<string, Buffer | 'folder'>();
  for (const name of (await readdir(dir)).sort()) {
    const file = path.join(dir, name);
    found.set(name, (await stat(file)).isDirectory() ? 'folder' : await readFile(file));
  }
  return found;
}

// Every case runs the real command line (`node bin/press.js`), as a user would.
describe('hostile inputs and folders', { timeout: 240_000 }, () => {
  it('writes nothing, and keeps every previous output, when a folder stands where one output goes', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'a.md': `${FRONT}First version.\n` });
    const first = await press(['build', 'a.md', '--out', 'out', '--format', 'docx,html'], dir);
    expect(first.code, first.stderr).toBe(0);
    // The HTML page is replaced by a folder: the Word file is renamed into place first.
    await rm(path.join(dir, 'out/a.html'));
    await writeFiles(dir, { 'out/a.html/keep.txt': 'not an output', 'a.md': `${FRONT}Second version.\n` });
    const before = await entries(path.join(dir, 'out'));
    const outcome = await press(['build', 'a.md', '--out', 'out', '--format', 'docx,html'], dir);
    expect(outcome.code).toBe(1);
    expectPlainMessages(outcome);
    expect(outcome.stderr).toMatch(/^a\.md:1:1: error: .*out\/a\.html.* is a folder.*\[output-path\]$/m);
    expect(await entries(path.join(dir, 'out'))).toEqual(before);
    expect((await stat(path.join(dir, 'out/a.html'))).isDirectory()).toBe(true);
  });

  it('says so, writing nothing, when the output folder is a file or lies under one', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'a.md': `${FRONT}Text.\n`, 'taken': 'a file' });
    for (const out of ['taken', 'taken/sub']) {
      const outcome = await press(['build', 'a.md', '--out', out, '--format', 'html'], dir);
      expect(outcome.code, out).toBe(2);
      expectPlainMessages(outcome);
      expect(outcome.stderr).toMatch(/^press: --out taken(\/sub: \S*\/taken)? is a file, not a folder$/m);
    }
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'taken']);
  });

  it('says that a source which is a folder is no file (check), and builds it as a batch that finds nothing (build)', async () => {
    const dir = await temporaryFolder();
    await mkdir(path.join(dir, 'folder.md'));
    const check = await press(['check', 'folder.md'], dir);
    expect(check.code).toBe(2);
    expectPlainMessages(check);
    expect(check.stderr).toMatch(/^press: cannot read folder\.md: it is a folder, not a Markdown file$/m);
    const build = await press(['build', 'folder.md'], dir);
    expect(build.code).toBe(1);
    expectPlainMessages(build);
    expect(build.stderr).toMatch(/^press: folder\.md: no reports found/m);
  });

  it('refuses at once, never hanging past --timeout, a source that is a named pipe or a device', async () => {
    const dir = await temporaryFolder();
    await promisify(execFile)('mkfifo', [path.join(dir, 'pipe.md')]);
    for (const source of ['pipe.md', '/dev/zero']) {
      const outcome = await press(['check', source, '--timeout', '10'], dir);
      expect(outcome.code, source).toBe(2);
      expectPlainMessages(outcome);
      expect(outcome.stderr).toContain(`press: cannot read ${source}: it is not a regular file`);
      expect(outcome.ms).toBeLessThan(20_000);
    }
    await writeFiles(dir, { 'a.md': `${FRONT}Text.\n` });
    const reference = await press(['build', 'a.md', '--out', 'out', '--format', 'docx', '--reference-docx', 'pipe.md', '--timeout', '10'], dir);
    expect(reference.code).toBe(1);
    expectPlainMessages(reference);
    expect(reference.stderr).toMatch(/^a\.md:1:1: error: Reference document pipe\.md cannot be read \(it is not a regular file.*\[docx-reference\]$/m);
    expect(reference.ms).toBeLessThan(20_000);
  }, 60_000);

  it('gives the Word file no link to a javascript: URL hidden by tabs, line feeds or spaces (written as entities)', async () => {
    const dir = await temporaryFolder();
    const links = ['[tab](java&#9;script:alert(1))', '[line feed](java&#10;script:alert(2))', '[spaces](<&#32;javascript:alert(3)>)', '[control](<\u0001javascript:alert(4)>)', '[plain](javascript:alert(5))'];
    await writeFiles(dir, { 'links.md': `${FRONT}${links.join('\n\n')}\n` });
    const outcome = await press(['build', 'links.md', '--out', 'out', '--format', 'docx'], dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    expectPlainMessages(outcome);
    const unsafe = outcome.stderr.split('\n').filter((line) => line.endsWith('[docx-link-unsafe]'));
    expect(unsafe.map((line) => line.replace(/: warning: .*/, ''))).toEqual(links.map((_, index) => `links.md:${7 + 2 * index}:1`));
    for (const line of unsafe) expect(line).toContain('`javascript:`');
    const parts = await docxParts(path.join(dir, 'out/links.docx'));
    expect(parts['word/_rels/document.xml.rels']).not.toMatch(/script/i);
  });

  it('reads YAML aliases in the front matter, and refuses an alias bomb at once with a positioned error', async () => {
    const dir = await temporaryFolder();
    const levels = ['k0: &k0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, level) => `k${level + 1}: &k${level + 1} [${Array(9).fill(`*k${level}`).join(', ')}]`)];
    await writeFiles(dir, {
      'alias.md': '---\nlang: en\nsubject: &name Annual review\ntitle: *name\nkeywords: [budget, *name]\n---\n\nText.\n',
      'bomb.md': `---\nlang: en\ntitle: Bomb\nrules:\n${levels.map((line) => `  ${line}`).join('\n')}\n---\n\nText.\n`,
    });
    const alias = await press(['build', 'alias.md', '--out', 'out', '--format', 'html'], dir);
    expect(alias.code, alias.stderr).toBe(0);
    expect(alias.stderr).toBe('');
    const html = await readFile(path.join(dir, 'out/alias.html'), 'utf8');
    expect(html).toContain('<title>Annual review</title>');
    expect(html).toContain('<meta name="keywords" content="budget, Annual review">');
    const bomb = await press(['check', 'bomb.md'], dir);
    expect(bomb.code).toBe(1);
    expectPlainMessages(bomb);
    expect(bomb.stderr).toMatch(/^bomb\.md:6:12: error: Invalid YAML in front matter: .*alias.*\[front-matter-yaml\]$/m);
    expect(bomb.stderr.split('\n').filter((line) => line.includes(': error: '))).toHaveLength(1);
    expect(bomb.ms).toBeLessThan(30_000);
  });

  it('keeps the ids of headings and of the page its own when raw HTML writes them too: links and contents pages stay right', async () => {
    const dir = await temporaryFolder();
    const filler = `${'Filler paragraph text. '.repeat(40)}\n\n`.repeat(12);
    const markdown = `---\ntitle: Ids\nlang: en\ntemplate: default\ntoc: true\n---\n\n<span id="results">early</span> <b id="content">bold</b> <i id="twice">one</i> <i id="twice">two</i>\n\n## Intro\n\n${filler}## Results\n\nEnd.\n`;
    await writeFiles(dir, { 'ids.md': markdown });
    const outcome = await press(['build', 'ids.md', '--out', 'out', '--format', 'pdf,html'], dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    expectPlainMessages(outcome);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ids\.md:8:1: warning: .*`results`.*\[raw-html-id-duplicate\]$/),
      expect.stringMatching(/^ids\.md:8:33: warning: .*`content`.*\[raw-html-id-duplicate\]$/),
      expect.stringMatching(/^ids\.md:8:80: warning: .*`twice`.*\[raw-html-id-duplicate\]$/),
    ]);
    const html = await readFile(path.join(dir, 'out/ids.html'), 'utf8');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(html).toContain('<span>early</span>');
    expect(html).toMatch(/<h2 id="results">Results<\/h2>/);
    // The contents line of Results names the page the heading is printed on.
    const pages = (await pdfText(path.join(dir, 'out/ids.pdf'), true)).split('\f');
    const listed = /Results\s+(\d+)/.exec(pages[0] ?? '')?.[1];
    const printed = pages.findIndex((page, index) => index > 0 && /^\s*Results\s*$/m.test(page)) + 1;
    expect(printed).toBeGreaterThan(2);
    expect(listed).toBe(String(printed));
  });

  it('removes control characters from all three outputs, each with a warning at its place', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, {
      'ok.png': TINY_PNG,
      'ctrl.md': '---\ntitle: "Bell\\a title"\nlang: en\ntemplate: default\n---\n\nStart \u0001one \u001btwo \u007fthree \u0085four end.\n\n![Alt \u0002text](ok.png "Title\u0007")\n\n[link](https://example.com "Link\u0008title")\n',
    });
    const outcome = await press(['build', 'ctrl.md', '--out', 'out'], dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    expectPlainMessages(outcome);
    expect(outcome.stderr.trim().split('\n').map((line) => line.replace(/: warning: .*(U\+[0-9A-F]{4}).*\[(.*)\]$/, ' $1 $2'))).toEqual([
      'ctrl.md:2:8 U+0007 control-character',
      'ctrl.md:7:7 U+0001 control-character',
      'ctrl.md:7:12 U+001B control-character',
      'ctrl.md:7:17 U+007F control-character',
      'ctrl.md:7:24 U+0085 control-character',
      'ctrl.md:9:7 U+0002 control-character',
      'ctrl.md:9:27 U+0007 control-character',
      'ctrl.md:11:33 U+0008 control-character',
    ]);
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
    const html = await readFile(path.join(dir, 'out/ctrl.html'), 'utf8');
    expect(html).not.toMatch(control);
    expect(html).toContain('Start one two three four end.');
    const parts = await docxParts(path.join(dir, 'out/ctrl.docx'));
    for (const [name, xml] of Object.entries(parts)) if (name.endsWith('.xml')) expect(xml, name).not.toMatch(control);
    // pdftotext ends each page with a form feed.
    const pdf = (await pdfText(path.join(dir, 'out/ctrl.pdf'))).replaceAll('\f', '');
    expect(pdf).not.toMatch(control);
    expect(pdf.replace(/\s+/g, ' ')).toContain('Start one two three four end.');
  });

  it('reads a source whose lines end in CR alone (classic Mac), front matter included, and places messages on its lines', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'mac.md': '---\rtitle: Mac report\rlang: en\rtemplate: default\r---\r\rLine one\rline two \u0001here\r' });
    const outcome = await press(['build', 'mac.md', '--out', 'out', '--format', 'html'], dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^mac\.md:8:10: warning: .*\[control-character\]$/)]);
    expect(await readFile(path.join(dir, 'out/mac.html'), 'utf8')).toContain('<title>Mac report</title>');
  });
});
