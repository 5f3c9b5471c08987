import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { decodeXml } from '../helpers/xml.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** Closing punctuation (GB/T 15834, W3C clreq): never at the start of a line. */
const CLOSING = new Set([...'、，。：；！？）」』》〉】〕”’％']);
/** Opening brackets and quotes: never at the end of a line. */
const OPENING = new Set([...'（「『《〈【〔“‘']);

/** One printed line: its text, left to right, as pdftotext reads its words. */
interface PrintedLine {
  page: number;
  text: string;
}

/**
 * The lines of a PDF as they are printed: pdftotext's words grouped by page and baseline
 * position, ordered left to right (pdftotext's own line breaking is thrown off by compressed
 * punctuation, its word boxes are not).
 */
async function printedLines(pdfPath: string): Promise<PrintedLine[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdfPath, '-'], { maxBuffer: 64 << 20 });
  const lines: PrintedLine[] = [];
  stdout.split('<page ').slice(1).forEach((pageXml, index) => {
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const match of pageXml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const y = Math.round(Number(match[2]));
      const row = rows.get(y) ?? [];
      row.push({ x: Number(match[1]), text: decodeXml(match[3] ?? '') });
      rows.set(y, row);
    }
    for (const y of [...rows.keys()].sort((a, b) => a - b)) {
      const words = (rows.get(y) ?? []).sort((a, b) => a.x - b.x);
      lines.push({ page: index + 1, text: words.map((word) => word.text).join('') });
    }
  });
  return lines;
}

/** Lines that break a Chinese line-breaking rule, described for the failure message. */
function breakingRules(lines: PrintedLine[]): string[] {
  const problems: string[] = [];
  lines.forEach((line, index) => {
    const first = [...line.text][0] ?? '';
    const last = [...line.text].at(-1) ?? '';
    if (CLOSING.has(first)) problems.push(`page ${line.page}: line starts with ${first}: ${line.text}`);
    if (OPENING.has(last)) problems.push(`page ${line.page}: line ends with ${last}: ${line.text}`);
    const next = lines[index + 1];
    for (const pair of ['—', '…']) {
      if (next?.page === line.page && last === pair && [...next.text][0] === pair && !line.text.endsWith(pair + pair)) problems.push(`page ${line.page}: ${pair}${pair} split: ${line.text} / ${next.text}`);
    }
  });
  return problems;
}

/**
 * Paragraphs that put every closing mark just where a 28-character line with a two-character
 * indent ends (after 26, then 28 characters), and every opening mark just before it, so that a
 * renderer without line-breaking rules would break them.
 */
function stressParagraphs(): string {
  const han = '国家发展改革委等部委出台关于支持北戴河生命健康产业创新示范区发展若干政策措施';
  const filler = (length: number) => han.repeat(3).slice(0, length);
  const paragraphs: string[] = [];
  for (const mark of [...CLOSING, '——', '……']) paragraphs.push(`${filler(26)}${mark}${filler(27)}${mark}${filler(27)}${mark}${filler(10)}。`);
  for (const mark of OPENING) paragraphs.push(`${filler(25)}${mark}${filler(27)}${mark}${filler(27)}${mark}${filler(10)}。`);
  for (const pair of ['。”', '”，', '）。', '》、']) paragraphs.push(`${filler(25)}${pair}${filler(26)}${pair}${filler(10)}。`);
  return paragraphs.join('\n\n');
}

describe('Chinese line breaking in the print PDF', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await temporaryFolder();
    await copyFile(path.join(root, 'source/report.md'), path.join(folder, 'report.md'));
    await writeFiles(folder, { 'stress.md': `---\ntitle: 断行测试\nlang: zh-CN\ntemplate: gov-report\n---\n\n${stressParagraphs()}\n` });
  });

  it.each(['report.md', 'stress.md'])('%s: no line starts with closing punctuation or ends with an opening one; —— and …… stay whole', async (name) => {
    const result = await build({ input: path.join(folder, name), outDir: path.join(folder, 'out'), formats: ['pdf'] });
    expect(result.ok).toBe(true);
    const lines = await printedLines(path.join(folder, 'out', name.replace(/\.md$/, '.pdf')));
    expect(lines.length).toBeGreaterThan(name === 'report.md' ? 100 : 60);
    expect(breakingRules(lines)).toEqual([]);
  });
});
