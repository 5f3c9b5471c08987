/**
 * A second real client for the Word file (issue 4, point 7): LibreOffice converts each built
 * .docx to PDF headless, without error; that PDF keeps the text of every source block, and for
 * the sample its page count is within one page of the print PDF's.
 *
 * LibreOffice 7.4 cannot lay out GB/T 9704's character grid: 28 characters of 16 pt in 156 mm
 * need a cell of 15.79 pt (`w:charSpace="-848"`), and LibreOffice puts every character wider
 * than its cell into two cells, so lines hold about 14 characters and the sample takes 10 pages
 * instead of 6 (Word and WPS compress the characters into the cells). The page count is
 * therefore compared on a copy whose grid is "lines" only (line pitch kept); the file itself
 * must still convert and keep its text.
 */
import path from 'node:path';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../pipeline/build.ts';
import { blockTexts, missingInOrder, squash, type BlockText } from '../helpers/block-text.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { pdfInfo, pdfText } from '../helpers/read-back.ts';
import { temporaryFolder } from '../helpers/report.ts';

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

/** A copy of a .docx whose document grid is "lines" only: the character pitch left to the font. */
async function withLinesGrid(docx: string, copy: string): Promise<void> {
  const files = unzipSync(new Uint8Array(await readFile(docx)));
  const document = files['word/document.xml'];
  if (document === undefined) throw new Error(`${docx} has no word/document.xml`);
  files['word/document.xml'] = strToU8(strFromU8(document).replace(/<w:docGrid w:type="linesAndChars"( w:linePitch="\d+")[^>]*\/>/, '<w:docGrid w:type="lines"$1/>'));
  await writeFile(copy, zipSync(files));
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
  let convertedLines: string;

  it('builds docx and pdf, and LibreOffice converts the docx to PDF without error', { timeout: CONVERT_TIMEOUT_MS + 120_000 }, async () => {
    outDir = await temporaryFolder();
    result = await build({ input: path.join(root, source), outDir, formats: ['docx', 'pdf'] });
    expect(result.ok).toBe(true);
    const convertDir = path.join(outDir, 'libreoffice');
    converted = await convertWithLibreOffice(path.join(outDir, `${name}.docx`), convertDir);
    const info = await pdfInfo(converted);
    expect(Number(info.Pages)).toBeGreaterThan(0);
    const linesCopy = path.join(outDir, `${name}-lines-grid.docx`);
    await withLinesGrid(path.join(outDir, `${name}.docx`), linesCopy);
    convertedLines = await convertWithLibreOffice(linesCopy, convertDir);
  });

  it('the converted PDF shows the text of every source block (in order with a lines-only grid)', async () => {
    const { body, footnotes } = blockTexts(result.report.tree);
    const text = await textWithoutPageNumbers(convertedLines);
    expect(missingText(body, text)).toEqual([]);
    expect(missingInOrder(footnotes, text)).toEqual([]);
    // With the 28-character grid LibreOffice places characters cell by cell and pdftotext reads
    // some lines out of order: every character must still be there, as often as in the source.
    const counts = new Map<string, number>();
    for (const character of squash(await textWithoutPageNumbers(converted))) counts.set(character, (counts.get(character) ?? 0) + 1);
    const needed = new Map<string, number>();
    for (const block of [...body, ...footnotes]) for (const character of block.fragments.join('')) needed.set(character, (needed.get(character) ?? 0) + 1);
    expect([...needed].filter(([character, count]) => (counts.get(character) ?? 0) < count).map(([character]) => character)).toEqual([]);
  });

  it('with a lines-only grid, has about as many pages as the print PDF', async () => {
    const word = Number((await pdfInfo(converted)).Pages);
    const lines = Number((await pdfInfo(convertedLines)).Pages);
    const print = Number((await pdfInfo(path.join(outDir, `${name}.pdf`))).Pages);
    console.log(`${name}: print PDF ${print} pages; LibreOffice ${lines} pages (lines-only grid), ${word} pages (28-character grid)`);
    if (source === 'source/report.md') expect(Math.abs(lines - print)).toBeLessThanOrEqual(1);
  });
});
