import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { decodeXml } from './xml.ts';

const run = promisify(execFile);

/** The parts of a .docx, by path, as text (XML parts) — binary parts are left out. */
export async function docxParts(filePath: string): Promise<Record<string, string>> {
  const entries = unzipSync(new Uint8Array(await readFile(filePath)));
  const parts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(entries)) if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(bytes);
  return parts;
}

/** The text of a WordprocessingML part: every `w:t` in document order, entities decoded. */
export function wordText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|tab|p)\b[^>]*\/?>/g)) {
    text += match[1] !== undefined ? decodeXml(match[1]) : match[2] === 'tab' ? '\t' : '\n';
  }
  return text;
}

/**
 * The text of a PDF as poppler's pdftotext reads it: in reading order, or with `layout` in the
 * physical layout (lines of the page kept whole, so a table row stays one line and its cells in order).
 */
export async function pdfText(filePath: string, layout = false): Promise<string> {
  const { stdout } = await run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', filePath, '-'], { maxBuffer: 64 << 20 });
  return stdout;
}

/**
 * The body text of a PDF: `pdfText` without the running page numbers that interrupt a paragraph
 * flowing across pages: `— n —` lines, and a bare number when it is the last line of a page.
 * `layout` as for {@link pdfText}.
 */
export async function pdfBodyText(filePath: string, layout = false): Promise<string> {
  const pages = (await pdfText(filePath, layout)).split('\f');
  return pages
    .map((page) => {
      const lines = page.split('\n').filter((line) => !/^\s*—\s*\d+\s*—\s*$/.test(line));
      let last = lines.length - 1;
      while (last >= 0 && !lines[last]?.trim()) last -= 1;
      if (last >= 0 && /^\s*\d+\s*$/.test(lines[last] ?? '')) lines.splice(last, 1);
      return lines.join('\n');
    })
    .join('\n');
}

/** `pdfinfo` fields of a PDF, e.g. `Pages`, `Page size`, `Tagged`, `Title`. */
export async function pdfInfo(filePath: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [filePath]);
  return Object.fromEntries(stdout.split('\n').filter((line) => line.includes(':')).map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]));
}

/** One row of `pdffonts` output. */
export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts of a PDF as `pdffonts` lists them. */
export async function pdfFonts(filePath: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [filePath]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
      return { name: match[1] ?? '', type: match[2] ?? '', embedded: match[4] === 'yes', subset: match[5] === 'yes', unicode: match[6] === 'yes' };
    });
}
