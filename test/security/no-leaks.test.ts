import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { printHtmlToPdf } from '../../pipeline/render/pdf/print-html.ts';
import type { RequestLogEntry } from '../../pipeline/render/pdf/serve-requests.ts';
import { VIRTUAL_ORIGIN, DOCUMENT_PATH } from '../../pipeline/render/pdf/virtual-origin.ts';
import { loadImage } from '../../pipeline/util/assets.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { reportFrom, temporaryFolder, TINY_PNG } from '../helpers/report.ts';
import { pdfText } from '../helpers/read-back.ts';
import { greyPng } from '../helpers/png.ts';
import { startRecordingServer, type RecordingServer } from './support.ts';

const run = promisify(execFile);
const FRONT = ['---', 'title: Leak test', 'lang: en', 'template: default', '---', ''];

/** A secret outside the document's folder: its text, and an image with a size no other image has. */
const SECRET_TEXT = `press-secret-${process.pid}-7f3a9c`;
const SECRET_PNG = greyPng(3, 5);

let server: RecordingServer;
let root: string;
let doc: string;
let outside: string;
let browser: Browser;

beforeAll(async () => {
  server = await startRecordingServer();
  root = await temporaryFolder('press-leak-');
  doc = path.join(root, 'doc');
  outside = path.join(root, 'outside');
  await mkdir(doc);
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), SECRET_TEXT);
  await writeFile(path.join(outside, 'secret.css'), `body::before { content: "${SECRET_TEXT}" }`);
  await writeFile(path.join(outside, 'secret.png'), SECRET_PNG);
  await writeFile(path.join(doc, 'ok.png'), TINY_PNG);
  // An image inside the folder that itself names the network and a file outside: an SVG is an
  // image only (no scripts, no loads) wherever report-press puts it.
  await writeFile(
    path.join(doc, 'evil.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20"><style>@import url("${server.origin}/svg-import.css");</style><script>fetch("${server.origin}/svg-script")</script><image href="${server.origin}/svg-image.png" width="10" height="10"/><image xlink:href="file://${outside}/secret.png" width="10" height="10"/><rect width="20" height="20" fill="red"/></svg>`,
  );
  // Links inside the folder that lead out of it, to a file and to a folder.
  await symlink(path.join(outside, 'secret.png'), path.join(doc, 'link.png'));
  await symlink(path.join(outside, 'secret.txt'), path.join(doc, 'link.txt'));
  await symlink(outside, path.join(doc, 'linkdir'));
  browser = await startBrowser();
});

afterAll(async () => {
  await closeBrowser(browser);
  await server.close();
});

/** Every way a Markdown source can name a network resource or a file outside its folder, short of an error. */
function leakingLines(host: string): string[] {
  return [
    `![remote](http://${host}/md-image.png)`,
    `![remote ref][remote]`,
    `[remote]: http://${host}/md-ref.png`,
    `![protocol-relative](//${host}/md-protocol-relative.png)`,
    `<img src="http://${host}/raw-img.png" alt="raw">`,
    `<img srcset="http://${host}/srcset.png 2x" alt="srcset">`,
    `<picture><source srcset="http://${host}/picture-source.png"><img src="http://${host}/picture-img.png" alt="picture"></picture>`,
    `<div style="background-image: url(http://${host}/style-url.png)">styled</div>`,
    `<p style="background: url('file://${outside}/secret.png')">file style</p>`,
    `<p style="background: url(link.png)">link style</p>`,
    `<link rel="stylesheet" href="http://${host}/link.css">`,
    `<link rel="stylesheet" href="../outside/secret.css">`,
    `<link rel="preload" as="image" href="http://${host}/preload.png">`,
    `<style>@import url("http://${host}/import.css"); body { background: url(http://${host}/style-tag.png) }</style>`,
    `<iframe src="http://${host}/iframe.html"></iframe>`,
    `<iframe src="link.txt"></iframe>`,
    `<object data="http://${host}/object.bin"></object>`,
    `<embed src="http://${host}/embed.bin">`,
    `<video poster="http://${host}/poster.png" src="http://${host}/video.mp4"></video>`,
    `<audio src="http://${host}/audio.mp3"></audio>`,
    `<base href="http://${host}/base/">`,
    `<img src="after-base.png" alt="relative after base">`,
    `<script src="http://${host}/script.js"></script>`,
    `<input type="image" src="http://${host}/input.png">`,
    `<svg><image href="http://${host}/inline-svg.png"/></svg>`,
    `<meta http-equiv="refresh" content="0; url=http://${host}/refresh">`,
    `<table background="http://${host}/table-bg.png"><tr><td>cell</td></tr></table>`,
    `<img src="file://${outside}/secret.png" alt="file url">`,
    `<img src="../outside/secret.png" alt="dot dot">`,
    `<img src="link.png" alt="link raw">`,
    `<a href="http://${host}/a-link">a link is not a request</a>`,
    `![inside](ok.png) and ![svg inside](evil.svg)`,
  ];
}

/** Source lines (1-based) of `lines` placed after the front matter, each in its own paragraph. */
function documentOf(lines: readonly string[]): { markdown: string; lineOf: (fragment: string) => number } {
  const body = lines.flatMap((line) => [line, '']);
  const all = [...FRONT, ...body];
  return {
    markdown: `${all.join('\n')}\n`,
    lineOf: (fragment) => all.findIndex((line) => line.includes(fragment)) + 1,
  };
}

/** Chromium asks every page's origin for its icon by itself; the request is refused like any outside the folder. */
const FAVICON = `${VIRTUAL_ORIGIN}/favicon.ico`;

/** Requests of the print page other than the page, the template's fonts, data: URLs and the browser's own icon request. */
function unexpected(requests: readonly RequestLogEntry[]): RequestLogEntry[] {
  return requests.filter((entry) => !['page', 'font', 'data'].includes(entry.outcome) && !(entry.url === FAVICON && entry.outcome === 'refused'));
}

/** Every file of a .docx, as text (binary parts read as Latin-1, enough to find ASCII). */
function docxEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

describe('nothing leaks', { timeout: 240_000 }, () => {
  let built: { requests: RequestLogEntry[]; html: string; docx: Uint8Array; pdf: string; pdfBytes: Buffer; messages: string[]; lineOf: (fragment: string) => number };

  beforeAll(async () => {
    const { markdown, lineOf } = documentOf(leakingLines(server.host));
    await writeFile(path.join(doc, 'leak.md'), markdown);
    const requests: RequestLogEntry[] = [];
    const out = path.join(doc, 'out');
    const result = await build({ input: path.join(doc, 'leak.md'), outDir: out, formats: ['pdf', 'docx', 'html'], onRequest: (entry) => requests.push(entry) });
    const messages = result.report.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}`);
    expect(result.ok, messages.join('\n')).toBe(true);
    built = {
      requests,
      html: await readFile(path.join(out, 'leak.html'), 'utf8'),
      docx: new Uint8Array(await readFile(path.join(out, 'leak.docx'))),
      pdf: await pdfText(path.join(out, 'leak.pdf')),
      pdfBytes: await readFile(path.join(out, 'leak.pdf')),
      messages,
      lineOf,
    };
  }, 240_000);

  it('sends no request to the network while building the three formats', () => {
    expect(server.requests).toEqual([]);
  });

  it("lets Chromium load nothing but the page, the template's fonts and data: URLs", () => {
    const loads = built.requests.filter((entry) => entry.outcome === 'page' || entry.outcome === 'font');
    expect(loads.length).toBeGreaterThan(1); // the page and at least one font: the log is real
    for (const entry of loads) expect(entry.url.startsWith(`${VIRTUAL_ORIGIN}${DOCUMENT_PATH}`), entry.url).toBe(true);
    expect(unexpected(built.requests)).toEqual([]);
  });

  it('reports what it left out at its line', () => {
    expect(built.messages).toContain(`${built.lineOf('md-image.png')}:1 image-remote warning`);
    expect(built.messages).toContain(`${built.lineOf('md-protocol-relative.png')}:1 image-remote warning`);
    expect(built.messages).toContain(`${built.lineOf('/iframe.html')}:1 raw-html-removed warning`);
    expect(built.messages).toContain(`${built.lineOf('picture-source.png')}:10 raw-html-removed warning`);
    expect(built.messages.some((message) => message.startsWith(`${built.lineOf('raw-img.png')}:1 raw-html-image`))).toBe(true);
  });

  it('puts no network or file reference into the HTML page, and no byte from outside the folder into any output', async () => {
    // Hyperlinks are text the reader may follow; nothing else may name the test server.
    const withoutLinks = built.html.replace(/<a [^>]*href="[^"]*"/g, '<a');
    expect(withoutLinks).not.toContain(server.host);
    expect(built.html).not.toContain('file:');
    expect(built.html).not.toMatch(/\s(?:srcset|poster|background|style|data)=/i);
    for (const text of [built.html, built.pdf]) expect(text).not.toContain(SECRET_TEXT);
    expect(built.pdfBytes.includes(SECRET_TEXT)).toBe(false);
    expect(built.html).not.toContain(SECRET_PNG.toString('base64'));
    const entries = docxEntries(built.docx);
    for (const [name, bytes] of entries) {
      expect(Buffer.from(bytes).includes(SECRET_TEXT), name).toBe(false);
      expect(Buffer.from(bytes).equals(SECRET_PNG), name).toBe(false);
      if (name.endsWith('.rels')) {
        for (const relation of strFromU8(bytes).match(/<Relationship [^>]*TargetMode="External"[^>]*>/g) ?? []) expect(relation).toMatch(/\/hyperlink"/);
      }
    }
    // The only images of the PDF are the two inside the folder (2 × 2 PNG, 20 × 20 SVG): none 3 × 5.
    const file = path.join(doc, 'out', 'leak.pdf');
    const { stdout } = await run('pdfimages', ['-list', file]);
    const sizes = stdout.split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'));
    expect(sizes).not.toContain('3x5');
    expect(sizes).toContain('2x2');
  });

  it('gives a browser that opens the HTML page, with the network open, nothing to fetch', async () => {
    const page = await browser.newPage();
    try {
      // The control: the same browser does reach the server when a page asks it to.
      await page.setContent(`<img src="${server.origin}/control.png">`, { waitUntil: 'load' });
      expect(server.requests.map((request) => request.path)).toEqual(['/control.png']);
      server.requests.length = 0;
      await page.goto(pathToFileURL(path.join(doc, 'out', 'leak.html')).href, { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(server.requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses at its position every image path that leads outside the folder, and reads none of them', async () => {
    const lines = [
      '![dot dot](../outside/secret.png)',
      `![absolute](${outside}/secret.png)`,
      `![file url](file://${outside}/secret.png)`,
      '![link to a file](link.png)',
      '![through a linked folder](linkdir/secret.png)',
      '![encoded](%2e%2e/outside/secret.png)',
      '![encoded slash](..%2foutside%2fsecret.png)',
      '![reference][out]',
      '[out]: ../outside/secret.png',
    ];
    const { markdown, lineOf } = documentOf(lines);
    await writeFile(path.join(doc, 'outside.md'), markdown);
    const out = path.join(root, 'out-refused');
    const result = await build({ input: path.join(doc, 'outside.md'), outDir: out, formats: ['pdf', 'docx', 'html'] });
    expect(result.ok).toBe(false);
    const errors = result.report.file.messages.filter((message) => message.fatal === true);
    const expected = lines.filter((line) => line.startsWith('!')).map((line) => `${lineOf(line)}:1 image-outside`);
    expect(errors.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(expected);
    for (const message of result.report.file.messages) expect(message.reason).not.toContain(SECRET_TEXT);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('with --allow-remote-images fetches Markdown images in Node and embeds them; Chromium still fetches nothing', async () => {
    server.requests.length = 0;
    const { markdown } = documentOf([`![remote](http://${server.host}/allowed.png)`, `<img src="http://${server.host}/raw-allowed.png" alt="raw">`]);
    await writeFile(path.join(doc, 'allowed.md'), markdown);
    const requests: RequestLogEntry[] = [];
    const out = path.join(root, 'out-allowed');
    const result = await build({ input: path.join(doc, 'allowed.md'), outDir: out, formats: ['pdf', 'docx', 'html'], allowRemoteImages: true, onRequest: (entry) => requests.push(entry) });
    expect(result.ok).toBe(true);
    // One fetch, by Node (undici says "node"), for the Markdown image; raw HTML images are never fetched.
    expect(server.requests).toEqual([{ path: '/allowed.png', userAgent: 'node' }]);
    expect(unexpected(requests)).toEqual([]);
    expect(await readFile(path.join(out, 'allowed.html'), 'utf8')).toContain(`src="data:image/png;base64,${TINY_PNG.toString('base64')}"`);
    expect([...docxEntries(new Uint8Array(await readFile(path.join(out, 'allowed.docx')))).values()].some((bytes) => Buffer.from(bytes).equals(TINY_PNG))).toBe(true);
  });

  it('reports a network image that cannot be fetched (404, too large, no answer) at its position', async () => {
    const { markdown, lineOf } = documentOf([`![missing](http://${server.host}/missing.png)`, `![huge](http://${server.host}/huge.png)`]);
    const input = path.join(doc, 'failing.md');
    await writeFile(input, markdown);
    const result = await build({ input, outDir: path.join(root, 'out-failing'), formats: ['html'], allowRemoteImages: true });
    const errors = result.report.file.messages.filter((message) => message.fatal === true);
    expect(errors.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      `${lineOf('missing.png')}:1 image-fetch-failed`,
      `${lineOf('huge.png')}:1 image-too-large`,
    ]);
    expect(errors[0]?.reason).toContain('404');
    const started = performance.now();
    const hanging = await loadImage(`http://${server.host}/hang.png`, doc, { allowRemote: true, remoteTimeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(hanging).toMatchObject({ ok: false, problem: { rule: 'image-fetch-failed' } });
  });

  it("refuses in the print page itself (the second lock) every request for the network, file: URLs and files outside the folder", async () => {
    server.requests.length = 0;
    const host = server.host;
    const hostile = `<!doctype html><html><head><meta charset="utf-8">
<base href="http://${host}/base/">
<link rel="stylesheet" href="http://${host}/lock.css"><link rel="stylesheet" href="file://${outside}/secret.css"><link rel="stylesheet" href="../outside/secret.css"><link rel="stylesheet" href="linkdir/secret.css">
<style>@import url("http://${host}/lock-import.css"); .bg { background: url(http://${host}/lock-bg.png) } @font-face { font-family: Leak; src: url(http://${host}/lock-font.woff2) } .leak { font-family: Leak }</style>
</head><body>
<p class="bg leak">text</p>
<img src="http://${host}/lock-img.png"><img srcset="http://${host}/lock-srcset.png 1x"><img src="file://${outside}/secret.png"><img src="../outside/secret.png"><img src="link.png"><img src="linkdir/secret.png"><img src="/etc/passwd">
<iframe src="link.txt"></iframe><iframe src="http://${host}/lock-iframe"></iframe><iframe src="file://${outside}/secret.txt"></iframe>
<object data="link.txt"></object><embed src="linkdir/secret.txt">
<video poster="http://${host}/lock-poster.png"></video>
<div style="background: url('link.png')">x</div>
<script src="http://${host}/lock-script.js"></script><script>fetch('http://${host}/lock-fetch')</script>
<svg><image href="http://${host}/lock-svg.png" width="10" height="10"/></svg>
<p>inside: <img src="ok.png"></p>
</body></html>`;
    const report = await reportFrom(`${FRONT.join('\n')}\ntext\n`, doc);
    const log: RequestLogEntry[] = [];
    const pdf = await printHtmlToPdf(hostile, { template: await loadTemplate('default'), baseDir: doc, browser, meta: report.meta, date: new Date(0), onRequest: (entry) => log.push(entry), timeoutMs: 60_000 });
    expect(server.requests).toEqual([]);
    const served = log.filter((entry) => entry.outcome === 'file').map((entry) => entry.url);
    expect(served).toEqual([`${VIRTUAL_ORIGIN}${DOCUMENT_PATH}ok.png`]);
    const refused = (suffix: string) => log.find((entry) => entry.url.endsWith(suffix) && entry.outcome === 'refused');
    expect(refused('/document/link.png')?.reason).toContain('link');
    expect(refused('/document/link.txt')?.reason).toContain('link');
    expect(refused('/document/linkdir/secret.png')?.reason).toContain('link');
    const file = path.join(root, 'hostile.pdf');
    await writeFile(file, pdf);
    expect(await pdfText(file)).not.toContain(SECRET_TEXT);
    expect(Buffer.from(pdf).includes(SECRET_TEXT)).toBe(false);
  });
});
