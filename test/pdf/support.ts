import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { TEMPLATES_DIR, type Template } from '../../pipeline/template/load-template.ts';
import type { ReportMeta } from '../../pipeline/types.ts';

const run = promisify(execFile);

/**
 * A shipped template's data with empty stylesheets: the PDF tests bring their own HTML and
 * CSS, so they do not depend on the HTML renderer's stylesheets.
 */
export async function templateData(name: 'default' | 'gov-report'): Promise<Template> {
  const dir = path.join(TEMPLATES_DIR, name);
  const data = JSON.parse(await readFile(path.join(dir, 'template.json'), 'utf8')) as Omit<Template, 'dir' | 'screenCss' | 'printCss'>;
  return { ...data, dir, screenCss: '', printCss: '' };
}

/** Front-matter settings of the test report. */
export function testMeta(overrides: Partial<ReportMeta> = {}): ReportMeta {
  return {
    title: '政府工作报告',
    subtitle: '——2024年1月在市第十七届人民代表大会第三次会议上',
    author: '某市人民政府',
    subject: '2024年政府工作报告（节选）',
    lang: 'zh-CN',
    template: 'gov-report',
    toc: false,
    excerpt: true,
    keywords: ['政府工作报告', '高质量发展'],
    ...overrides,
  };
}

const created: string[] = [];

/** A fresh temporary folder, removed by {@link removeTempDirs}. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `report-press-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Remove the temporary folders this test file made (call in `afterAll`). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A small opaque PNG (solid colour), made without any image library. */
export function pngBytes(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Output of a command-line tool run on a PDF written to a temporary file. */
export async function pdfTool(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo' | 'pdfimages' | 'qpdf', args: string[], pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'report-press-tool-'));
  try {
    const file = path.join(dir, 'out.pdf');
    await writeFile(file, pdf);
    const argv = tool === 'pdftotext' ? [...args, file, '-'] : [...args, file];
    const { stdout } = await run(tool, argv, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One row of `pdffonts`: name, type (e.g. `CID TrueType`), embedded, subset. */
export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** Parse `pdffonts` output by its column layout (the dashes line gives the column widths). */
export function parseFonts(output: string): FontRow[] {
  const lines = output.split('\n');
  const rule = lines[1] ?? '';
  const columns = [...rule.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length] as const);
  const cell = (line: string, index: number): string => {
    const [start, end] = columns[index] ?? [0, 0];
    return line.slice(start, end + 1).trim();
  };
  return lines
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ name: cell(line, 0), type: cell(line, 1), embedded: cell(line, 3) === 'yes', subset: cell(line, 4) === 'yes' }));
}

/** `Key: value` lines of `pdfinfo` as a record. */
export function parseInfo(output: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) info[match[1].trim()] = match[2].trim();
  }
  return info;
}

/** Remove all white space: lines wrap differently, the characters must stay. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** One element of a PDF structure tree: its type and, when present, its alternate text. */
export interface StructElement {
  type: string;
  alt?: string;
  depth: number;
}

/** The structure tree of a PDF, depth first, read with pdf-lib. */
export function structElements(document: PDFDocument): StructElement[] {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const found: StructElement[] = [];
  const seen = new Set<PDFDict>();
  const visit = (object: PDFObject | undefined, depth: number): void => {
    const value = object instanceof PDFRef ? document.context.lookup(object) : object;
    if (value instanceof PDFArray) {
      for (let index = 0; index < value.size(); index++) visit(value.get(index), depth);
      return;
    }
    if (!(value instanceof PDFDict) || seen.has(value)) return;
    seen.add(value);
    const type = value.lookupMaybe(PDFName.of('S'), PDFName);
    const alt = value.lookup(PDFName.of('Alt'));
    if (type) {
      const element: StructElement = { type: type.decodeText(), depth };
      if (alt instanceof PDFString || alt instanceof PDFHexString) element.alt = alt.decodeText();
      found.push(element);
    }
    visit(value.get(PDFName.of('K')), type ? depth + 1 : depth);
  };
  if (root) visit(root.get(PDFName.of('K')), 0);
  return found;
}
