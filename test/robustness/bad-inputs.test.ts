import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, TINY_PNG, writeFiles } from '../helpers/report.ts';
import { docxParts, pdfText, wordText } from '../helpers/read-back.ts';
import { MAX_NESTING } from '../../pipeline/transform/remark-nesting-limit.ts';
import { MAX_READ_NESTING } from '../../pipeline/transform/remark-nesting-guard.ts';
import { MAX_ELEMENT_DEPTH } from '../../pipeline/render/html/flatten-deep-elements.ts';
import { build, BuildError } from '../../pipeline/build.ts';
import { press, type PressOutcome } from './support.ts';
import { bitmapPng } from '../helpers/png.ts';

const FRONT = '---\ntitle: Bad input\nlang: en\ntemplate: default\n---\n\n';
/** Lines of FRONT: the first body line is FRONT_LINES + 1. */
const FRONT_LINES = 6;

/** No JavaScript stack trace, ever: only `file:line:column: …` and `press: …` lines. */
function expectNoStackTrace(outcome: PressOutcome): void {
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stderr).not.toMatch(/\b(?:RangeError|TypeError|Error):/);
}

// Every case runs the real command line (`node bin/press.js`), as a user would.
describe('bad input never crashes press', { timeout: 240_000 }, () => {
  it('reports invalid UTF-8 and invalid YAML at their place, writing nothing', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, {
      'utf8.md': Buffer.concat([Buffer.from(`${FRONT}Hello `), Buffer.from([0xff, 0xfe]), Buffer.from(' world\n')]),
      'yaml.md': '---\ntitle: [unclosed\nlang: en\n---\n\ntext\n',
    });
    const utf8 = await press(['build', 'utf8.md', '--out', 'out'], dir);
    expect(utf8.code).toBe(1);
    expect(utf8.stderr).toMatch(/^utf8\.md:7:7: error: .*\[source-encoding\]$/m);
    const yaml = await press(['build', 'yaml.md', '--out', 'out'], dir);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(/^yaml\.md:[23]:\d+: error: .*\[front-matter-yaml\]$/m);
    for (const outcome of [utf8, yaml]) expectNoStackTrace(outcome);
    expect(await readdir(dir)).not.toContain('out');
  });

  it('refuses, each at its line, images that are not images, are cut short, decode to gigapixels or weigh 30 MB', async () => {
    const dir = await temporaryFolder();
    const declaredHuge = Buffer.from(TINY_PNG);
    declaredHuge.writeUInt32BE(100_000, 16); // IHDR width
    declaredHuge.writeUInt32BE(100_000, 20); // IHDR height (the CRC is wrong too: never decoded)
    await writeFiles(dir, {
      'text.png': 'this is a text file named .png\n',
      'cut.png': TINY_PNG.subarray(0, 40),
      'bomb.png': bitmapPng(20_000, 20_000),
      'heavy.png': Buffer.alloc(30 * 1024 * 1024, 0x20),
      'claims.png': declaredHuge,
      'script.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    });
    const images = ['text.png', 'cut.png', 'bomb.png', 'heavy.png', 'claims.png', 'script.svg'];
    await writeFile(path.join(dir, 'images.md'), `${FRONT}${images.map((image) => `![${image}](${image})`).join('\n\n')}\n`);
    const outcome = await press(['build', 'images.md', '--out', 'out'], dir);
    expect(outcome.code).toBe(1);
    expectNoStackTrace(outcome);
    const errors = outcome.stderr.split('\n').filter((line) => line.includes(': error: '));
    const lineOf = (image: string) => FRONT_LINES + 1 + 2 * images.indexOf(image);
    expect(errors.map((line) => line.replace(/: error: .*\[/, ' ['))).toEqual([
      `images.md:${lineOf('text.png')}:1 [image-invalid]`,
      `images.md:${lineOf('cut.png')}:1 [image-invalid]`,
      `images.md:${lineOf('bomb.png')}:1 [image-too-large]`,
      `images.md:${lineOf('heavy.png')}:1 [image-too-large]`,
      `images.md:${lineOf('claims.png')}:1 [image-too-large]`,
    ]);
    expect(errors[2]).toContain('20000 × 20000 pixels');
    expect(errors[3]).toContain('30.0 MB');
    // Refused from their headers and sizes, never decoded: the whole build stays quick.
    expect(outcome.ms).toBeLessThan(60_000);
    expect(await readdir(dir)).not.toContain('out');
  });

  it('builds an empty file into all three formats', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'empty.md': '' });
    const outcome = await press(['build', 'empty.md', '--out', 'out'], dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['.report-press', 'empty.docx', 'empty.html', 'empty.pdf']);
  });

  it(`keeps every word of lists and quotes nested 300 deep, flattened below level ${MAX_NESTING} with a warning at that place`, async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'deep.md': `${FRONT}${'- '.repeat(300)}deepest list item\n\n${'> '.repeat(300)}deepest quote\n` });
    const outcome = await press(['build', 'deep.md', '--out', 'out'], dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    expectNoStackTrace(outcome);
    // Level 101 opens at column 201 of each line (two characters a level).
    expect(outcome.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^deep\\.md:${FRONT_LINES + 1}:${2 * MAX_NESTING + 1}: warning: .*\\[nesting-flattened\\]$`)),
      expect.stringMatching(new RegExp(`^deep\\.md:${FRONT_LINES + 3}:${2 * MAX_NESTING + 1}: warning: .*\\[nesting-flattened\\]$`)),
    ]);
    const out = path.join(dir, 'out');
    const html = await readFile(path.join(out, 'deep.html'), 'utf8');
    const word = wordText((await docxParts(path.join(out, 'deep.docx')))['word/document.xml'] ?? '');
    const pdf = (await pdfText(path.join(out, 'deep.pdf'))).replace(/\s+/g, ' ');
    for (const text of [html, word, pdf]) {
      expect(text).toContain('deepest list item');
      expect(text).toContain('deepest quote');
    }
    expect(html.match(/<blockquote[ >]/g)).toHaveLength(MAX_NESTING);
  });

  it(`keeps the text of raw HTML nested 20000 deep, said once at the element that opens level ${MAX_ELEMENT_DEPTH + 1}`, async () => {
    const dir = await temporaryFolder();
    const depth = 20_000;
    await writeFiles(dir, { 'spans.md': `${FRONT}Before ${'<span>'.repeat(depth)}deepest words${'</span>'.repeat(depth)} after.\n` });
    const outcome = await press(['build', 'spans.md', '--out', 'out', '--format', 'html,pdf'], dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    expectNoStackTrace(outcome);
    // The paragraph is level 1, so span number n (1-based) is level n + 1; `Before ` is 7
    // characters, so span n starts at column 8 + 6 (n - 1): level 1001 at 8 + 6 × 999.
    expect(outcome.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^spans\\.md:${FRONT_LINES + 1}:${8 + 6 * (MAX_ELEMENT_DEPTH - 1)}: warning: .*\\[html-nesting-flattened\\]$`)),
    ]);
    const html = await readFile(path.join(dir, 'out/spans.html'), 'utf8');
    expect(html).toMatch(/Before <span>(<span>)+deepest words(<\/span>)+ after\./);
    expect(html.split('<span>').length - 1).toBeLessThan(MAX_ELEMENT_DEPTH);
    expect((await pdfText(path.join(dir, 'out/spans.pdf'))).replace(/\s+/g, ' ')).toContain('Before deepest words after.');
    // Before the limit, walking 20000 levels took minutes and gigabytes.
    expect(outcome.ms).toBeLessThan(90_000);
  });

  it(`refuses lists and quotes nested 1000 deep before parsing them, at the place where level ${MAX_READ_NESTING + 1} starts`, async () => {
    const dir = await temporaryFolder();
    const indented = Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join('\n');
    await writeFiles(dir, { 'quotes.md': `${FRONT}${'> '.repeat(1000)}deep\n`, 'lists.md': `${FRONT}${indented}\n` });
    const quotes = await press(['build', 'quotes.md', '--out', 'out'], dir);
    expect(quotes.code).toBe(1);
    expect(quotes.stderr).toMatch(new RegExp(`^quotes\\.md:${FRONT_LINES + 1}:${2 * MAX_READ_NESTING + 1}: error: .*about 1000 at the deepest.*\\[nesting-too-deep\\]$`, 'm'));
    const lists = await press(['check', 'lists.md'], dir);
    expect(lists.code).toBe(1);
    // The list item at indentation 2 × 500 opens level 501 (its marker is level 501).
    expect(lists.stderr).toMatch(new RegExp(`^lists\\.md:${FRONT_LINES + 1 + MAX_READ_NESTING}:${2 * MAX_READ_NESTING + 1}: error: .*\\[nesting-too-deep\\]$`, 'm'));
    for (const outcome of [quotes, lists]) {
      expectNoStackTrace(outcome);
      // Parsing 1000 indented levels (1 MB) took the parser minutes; refused before, it takes seconds.
      expect(outcome.ms).toBeLessThan(30_000);
    }
  });

  it('builds the HTML and Word files of a 1000-column table, and refuses the PDF at the table: it cannot fit the page', async () => {
    const dir = await temporaryFolder();
    const table = (columns: number) => {
      const cells = Array.from({ length: columns }, (_, index) => `c${index}`);
      return `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.map((_, index) => `r${index}`).join(' | ')} |\n`;
    };
    await writeFiles(dir, { 'wide.md': `${FRONT}Text.\n\n${table(1000)}`, 'forty.md': `${FRONT}Text.\n\n${table(40)}` });
    const wide = await press(['build', 'wide.md', '--out', 'out', '--format', 'html,docx'], dir);
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.ms).toBeLessThan(90_000);
    expect(await readFile(path.join(dir, 'out/wide.html'), 'utf8')).toContain('<td>r999</td>');
    expect(wordText((await docxParts(path.join(dir, 'out/wide.docx')))['word/document.xml'] ?? '')).toContain('r999');
    // The PDF check is the same for 40 columns as for 1000, and prints far less.
    const forty = await press(['build', 'forty.md', '--out', 'out-pdf', '--format', 'pdf'], dir);
    expect(forty.code).toBe(1);
    expectNoStackTrace(forty);
    expect(forty.stderr).toMatch(new RegExp(`^forty\\.md:${FRONT_LINES + 3}:1: error: Table with 40 columns needs at least \\d+ mm across but the printed page has 159 mm.*\\[pdf-table-too-wide\\]$`, 'm'));
    expect(await readdir(dir)).not.toContain('out-pdf');
  });

  it('stops a build that runs past --timeout, even in the middle of parsing, and says where', async () => {
    const dir = await temporaryFolder();
    // One paragraph of 15 MB (the limit is 25): parsing it alone takes half a minute here and
    // well over 12 s on a machine twice as fast. Starting the command takes a second or two, but
    // under the load of a parallel test run it took more than 12 s: a limit that ran out while
    // starting is tried again, doubled (3 MB and 12 s reached the PDF stage on a fast machine).
    await writeFiles(dir, { 'long.md': `${FRONT}${'word '.repeat(3_000_000)}\n` });
    let seconds = 12;
    let outcome = await press(['build', 'long.md', '--out', 'out', '--timeout', String(seconds)], dir);
    while (/ while starting /.test(outcome.stderr) && seconds < 48) {
      seconds *= 2;
      outcome = await press(['build', 'long.md', '--out', 'out', '--timeout', String(seconds)], dir);
    }
    expect(outcome.code).toBe(1);
    expectNoStackTrace(outcome);
    expect(outcome.stderr).toMatch(new RegExp(`^press: long\\.md: the build timed out after ${seconds} s in the (parse|transform) stage and was stopped; nothing was written`, 'm'));
    expect(outcome.ms).toBeLessThan((seconds + 28) * 1000);
    expect(await readdir(dir)).toEqual(['long.md']);
  });

  it('turns a stack overflow (raw HTML nested 50 000 deep) into a one-line error', async () => {
    // In this process, whose stack is the default one (the command line's worker has 64 MB).
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'divs.md': `${FRONT}${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}\n` });
    const failure = await build({ input: path.join(dir, 'divs.md'), outDir: path.join(dir, 'out'), formats: ['html'] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as BuildError).message).toMatch(/^.*divs\.md: the document is nested too deeply to process \(the \w+( \w+)? stage ran out of stack\)/);
    expect((failure as BuildError).message).not.toContain('\n');
    expect(await readdir(dir)).toEqual(['divs.md']);
  });

  it('refuses a bad --timeout as a usage error', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'a.md': FRONT });
    for (const [args, env] of [[['--timeout', 'soon'], {}], [['--timeout=-5'], {}], [[], { PRESS_TIMEOUT: 'x' }]] as const) {
      const outcome = await press(['check', 'a.md', ...args], dir, env);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(/(--timeout|PRESS_TIMEOUT) must be a number of seconds/);
    }
  });
});
