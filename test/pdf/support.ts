import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { inheritedResources } from '../../pipeline/render/pdf/artifacts.ts';
import { arrayElements, nameOf, pageContent, parseOperations, stringBytes, type Operand } from '../../pipeline/render/pdf/content-stream.ts';
import { fontDecoder, MarkedContentText, type FontDecoder } from '../../pipeline/render/pdf/content-text.ts';
import { elementText } from '../../pipeline/render/pdf/link-contents.ts';
import { altOf, attributeOf, readStructTree, standardType, type StructNode } from '../../pipeline/render/pdf/struct-tree.ts';
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
    numberByChapter: false,
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

/** One element of a PDF structure tree as the accessibility tests read it. */
export interface TaggedElement {
  /** The type as written (`/S`). */
  type: string;
  /** The type after the role map (a PDF 1.7 standard type when the tree is right). */
  role: string;
  depth: number;
  alt?: string;
  /** `/Scope` of its `Table` attributes (table header cells). */
  scope?: string;
  /** The text of its marked content (descendants included), read through the fonts' ToUnicode maps. */
  text?: string;
  /** The roles of its element kids, in order. */
  kids: string[];
}

/**
 * The structure tree of a PDF in document order (StructTreeRoot → /K …), each element with its
 * role-mapped type, /Alt, table scope and text: the sequence the tests compare with the HTML.
 */
export function taggedElements(document: PDFDocument): TaggedElement[] {
  const tree = readStructTree(document);
  if (!tree) return [];
  const text = new MarkedContentText(document);
  const depthOf = (node: StructNode): number => {
    let depth = 0;
    for (let parent = node.parent; parent && parent.type !== 'StructTreeRoot'; parent = parent.parent) depth++;
    return depth;
  };
  return tree.elements.map((node) => {
    const element: TaggedElement = {
      type: node.type,
      role: standardType(node.type, tree.roleMap),
      depth: depthOf(node),
      kids: node.kids.flatMap((kid) => (kid.kind === 'element' ? [standardType(kid.node.type, tree.roleMap)] : [])),
    };
    const alt = altOf(node);
    if (alt !== undefined) element.alt = alt;
    const scope = attributeOf(document, node, 'Table', 'Scope');
    if (scope instanceof PDFName) element.scope = scope.decodeText();
    const content = elementText(node, text);
    if (content !== undefined) element.text = content;
    return element;
  });
}

/** A drawing operator found outside marked content: its page (1-based) and its line. */
export interface UnmarkedOperator {
  page: number;
  line: string;
}

const DRAWING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n', 'Do', 'sh', 'EI']);

/**
 * Every drawing operator (text showing, path painting including clip-only `n`, XObjects,
 * shadings, inline images) that is outside any `BDC`/`BMC` … `EMC` sequence. Read from
 * qpdf's normalised content streams (`--normalize-content=y` puts each operator with its
 * operands on a line of its own), so that the check does not depend on report-press's own
 * content-stream reader.
 */
export async function unmarkedOperators(pdf: Uint8Array): Promise<UnmarkedOperator[]> {
  const dir = await tempDir('qdf');
  const input = path.join(dir, 'in.pdf');
  const output = path.join(dir, 'out.pdf');
  await writeFile(input, pdf);
  await run('qpdf', ['--qdf', '--normalize-content=y', '--object-streams=disable', input, output], { maxBuffer: 64 << 20 });
  const qdf = (await readFile(output)).toString('latin1');
  const found: UnmarkedOperator[] = [];
  for (const match of qdf.matchAll(/%% Contents for page (\d+)\n%%[^\n]*\n\d+ 0 obj\n[\s\S]*?\nstream\n([\s\S]*?)\nendstream/g)) {
    const page = Number(match[1]);
    let depth = 0;
    for (const line of (match[2] ?? '').split('\n')) {
      const operator = /([^\s[\]<>(){}/%]+)\s*$/.exec(line)?.[1] ?? ''; // `<</MCID 0 >>BDC`: the operator touches the dictionary
      if (operator === 'BDC' || operator === 'BMC') depth++;
      else if (operator === 'EMC') depth--;
      else if (depth === 0 && DRAWING.has(operator)) found.push({ page, line });
    }
  }
  return found;
}

/**
 * The text of the pagination artifacts (`/Artifact <</Type /Pagination …>> BDC`) of each
 * page, decoded through the fonts: one string per artifact sequence.
 */
export function paginationTexts(document: PDFDocument): string[][] {
  return document.getPages().map((page) => {
    const bytes = pageContent(document.context, page);
    const fonts = inheritedResources(page)?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const texts: string[] = [];
    const open: boolean[] = [];
    let font: FontDecoder | undefined;
    let current = '';
    const show = (operand: Operand | undefined): void => {
      if (!operand) return;
      if (operand.kind === 'array') arrayElements(bytes, operand).forEach(show);
      else if (operand.kind === 'string' || operand.kind === 'hexString') current += font?.decode(stringBytes(bytes, operand)) ?? '\uFFFD';
    };
    for (const { operator, operands, start, end } of parseOperations(bytes)) {
      if (operator === 'BDC' || operator === 'BMC') {
        const pagination = operator === 'BDC' && nameOf(bytes, operands[0]) === 'Artifact' && /\/Type\s*\/Pagination\b/.test(Buffer.from(bytes.subarray(start, end)).toString('latin1'));
        open.push(pagination || open.at(-1) === true);
      } else if (operator === 'EMC') {
        if (open.pop() === true && open.at(-1) !== true) {
          texts.push(current);
          current = '';
        }
      } else if (operator === 'Tf') {
        const dict = fonts?.lookupMaybe(PDFName.of(nameOf(bytes, operands[0]) ?? ''), PDFDict);
        font = dict ? fontDecoder(dict) : undefined;
      } else if (open.at(-1) === true && (operator === 'Tj' || operator === 'TJ' || operator === "'")) show(operands[0]);
      else if (open.at(-1) === true && operator === '"') show(operands[2]);
    }
    return texts;
  });
}
