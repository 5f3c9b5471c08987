/**
 * A second real client for the Word file (issue 4, point 7): LibreOffice converts each built
 * .docx to PDF headless, without error; that PDF keeps the text of every source block, and for
 * the sample its page count is within one page of the print PDF's.
 *
 * The file is converted as built. Its 28-character grid is declared but the body does not snap
 * to it (see `templates/gov-report/word-styles.ts`): LibreOffice 7.4 gives a 16 pt character two
 * 15.79 pt cells, which made the sample 10 pages long when the body snapped.
 */
import path from 'node:path';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../pipeline/build.ts';
import { blockTexts, missingInOrder, squash, type BlockText } from '../helpers/block-text.ts';
import { pdfInfo, pdfText } from '../helpers/read-back.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { pngBytes } from '../helpers/png.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
/** LibreOffice's first start (a new profile) is slow. */
const CONVERT_TIMEOUT_MS = 240_000;
const profile = path.join(tmpdir(), `lo-${randomUUID()}`);

afterAll(async () => {
  await rm(profile, { recursive: true, force: true });
});

/** Convert a .docx to PDF with LibreOffice in a private profile; returns the PDF's path. */
async function convertWithLibreOffice(docx: string, outDir: string): Promise<string> {
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, docx], {
    timeout: CONVERT_TIMEOUT_MS,
    maxBuffer: 16 << 20,
  });
  return path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
}

/** The text of a PDF without its `— n —` page-number lines. */
async function textWithoutPageNumbers(pdf: string): Promise<string> {
  return (await pdfText(pdf))
    .split('\n')
    .filter((line) => !/^\s*—\s*\d+\s*—\s*$/.test(line))
    .join('\n');
}

/** Table cells anywhere (LibreOffice may read cells in another order), every other block in order. */
function missingText(blocks: BlockText[], text: string): string[] {
  const cells = blocks.filter((block) => block.type === 'tableCell');
  const haystack = squash(text);
  const missingCells = cells.flatMap((cell) => cell.fragments.filter((fragment) => !haystack.includes(fragment)).map((fragment) => `line ${cell.line} (tableCell): "${fragment.slice(0, 40)}" missing`));
  return [...missingInOrder(blocks.filter((block) => block.type !== 'tableCell'), text), ...missingCells];
}

describe.each(['source/report.md', 'source/examples/showcase.md'])('LibreOffice opens the Word file of %s', (source) => {
  const name = path.basename(source, '.md');
  let result: BuildResult;
  let outDir: string;
  let converted: string;

  it('builds docx and pdf, and LibreOffice converts the docx to PDF without error', { timeout: CONVERT_TIMEOUT_MS + 120_000 }, async () => {
    outDir = await temporaryFolder();
    result = await build({ input: path.join(root, source), outDir, formats: ['docx', 'pdf'] });
    expect(result.ok).toBe(true);
    const convertDir = path.join(outDir, 'libreoffice');
    converted = await convertWithLibreOffice(path.join(outDir, `${name}.docx`), convertDir);
    const info = await pdfInfo(converted);
    expect(Number(info.Pages)).toBeGreaterThan(0);
  });

  it('the converted PDF shows the text of every source block, in order', async () => {
    const { body, footnotes } = blockTexts(result.report.tree);
    const text = await textWithoutPageNumbers(converted);
    expect(missingText(body, text)).toEqual([]);
    expect(missingInOrder(footnotes, text)).toEqual([]);
  });

  it('has as many pages as the print PDF, give or take one (the sample)', async () => {
    const word = Number((await pdfInfo(converted)).Pages);
    const print = Number((await pdfInfo(path.join(outDir, `${name}.pdf`))).Pages);
    console.log(`${name}: print PDF ${print} pages; LibreOffice ${word} pages`);
    if (source === 'source/report.md') expect(Math.abs(word - print)).toBeLessThanOrEqual(1);
  });
});

describe('an image taller than the page, in LibreOffice', () => {
  it('a figure keeps its heading and its caption on its page', { timeout: CONVERT_TIMEOUT_MS + 60_000 }, async () => {
    const outDir = await temporaryFolder();
    await writeFile(path.join(outDir, 'tall.png'), pngBytes(300, 2400, [40, 90, 160]));
    const input = path.join(outDir, 'tall.md');
    await writeFile(input, '---\ntitle: Tall\nlang: en\n---\n\n# Intro\n\nText.\n\n# A tall image\n\n![A tall strip](tall.png "Figure 1. A tall strip")\n\nAfter.\n');
    const result = await build({ input, outDir, formats: ['docx'] });
    expect(result.ok).toBe(true);
    const converted = await convertWithLibreOffice(path.join(outDir, 'tall.docx'), path.join(outDir, 'libreoffice'));
    const { stdout } = await run('pdfimages', ['-list', converted]);
    const imagePages = stdout.split('\n').slice(2).map((line) => line.trim().split(/\s+/)).filter((cells) => cells.length > 4).map((cells) => Number(cells[0]));
    expect(imagePages).toHaveLength(1);
    const pageText = (await pdfText(converted)).split('\f')[(imagePages[0] ?? 0) - 1] ?? '';
    expect(squash(pageText)).toContain('Atallimage');
    expect(squash(pageText)).toContain('Figure1.Atallstrip');
  });
});

describe('contents page numbers, in LibreOffice', () => {
  it('gov-report: every contents entry shows its page number inside the type area', { timeout: CONVERT_TIMEOUT_MS + 120_000 }, async () => {
    const outDir = await temporaryFolder();
    const input = path.join(outDir, 'toc.md');
    await writeFile(input, '---\ntitle: 报告\ntoc: true\n---\n\n# 基本情况\n\n正文。\n\n## 产业规模\n\n正文。\n\n# 存在问题\n\n正文。\n');
    const result = await build({ input, outDir, formats: ['docx', 'pdf'] });
    expect(result.ok).toBe(true);
    const converted = await convertWithLibreOffice(path.join(outDir, 'toc.docx'), path.join(outDir, 'libreoffice'));
    const firstPage = (await pdfText(converted, true)).split('\f')[0] ?? '';
    for (const entry of ['一、基本情况', '（一）产业规模', '二、存在问题']) {
      expect(firstPage, entry).toMatch(new RegExp(`${entry.replace(/[（）]/g, '.')}\\s*[.…·]+\\s*\\d+\\s*$`, 'm'));
    }
  });
});
