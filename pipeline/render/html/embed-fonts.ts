import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import type { Template } from '../../template/load-template.ts';

const require = createRequire(import.meta.url);

/** The template's web fonts, subset to one page's characters, as inline CSS. */
export interface EmbeddedFonts {
  /** `@font-face` rules with data-URI WOFF2 sources. */
  css: string;
  /** Bytes of font data the page gains (base64 included). */
  bytes: number;
  /** How many font files were subset. */
  files: number;
}

interface FontFace {
  family: string;
  weight: string;
  style: string;
  ranges: [number, number][];
  file: string;
}

/**
 * Subset the template's web fonts (its `printFontFiles`, split by unicode-range as fontsource
 * ships them) to the characters set in each face (`textByFace(family, weight)`), and return
 * `@font-face` rules that inline them. Only the pieces whose range holds a used character are read.
 */
export async function embedFonts(template: Template, textByFace: (family: string, weight: number) => string): Promise<EmbeddedFonts> {
  const rules: string[] = [];
  let bytes = 0;
  let files = 0;
  const pointsOf = new Map<string, number[]>();
  for (const face of await webFontFaces(template)) {
    const key = `${face.family}/${face.weight}`;
    let codePoints = pointsOf.get(key);
    if (!codePoints) {
      codePoints = [...new Set([...textByFace(face.family, Number(face.weight))].map((character) => character.codePointAt(0) ?? 0))].sort((a, b) => a - b);
      pointsOf.set(key, codePoints);
    }
    const used = codePoints.filter((point) => face.ranges.some(([from, to]) => point >= from && point <= to));
    if (used.length === 0) continue;
    const subset = await subsetFont(await readFile(face.file), String.fromCodePoint(...used), { targetFormat: 'woff2' });
    const data = subset.toString('base64');
    bytes += data.length;
    files += 1;
    rules.push(
      `@font-face { font-family: "${face.family}"; font-style: ${face.style}; font-weight: ${face.weight}; font-display: swap; ` +
        `src: url(data:font/woff2;base64,${data}) format("woff2"); unicode-range: ${rangesCss(used)}; }`,
    );
  }
  return { css: rules.join('\n'), bytes, files };
}

/**
 * The template's fonts that may be embedded in a web page: npm font packages (split by
 * unicode-range) and Debian font files. A font named by configuration (a licensed FangSong, say)
 * is never embedded: its licence is the user's business, and the stacks name it anyway.
 */
async function webFontFaces(template: Template): Promise<FontFace[]> {
  const faces: FontFace[] = [];
  for (const font of template.printFontFiles) {
    if ('package' in font) {
      for (const weight of font.weights) faces.push(...(await fontFaces(font.package, weight)));
    } else if ('files' in font) {
      for (const file of font.files) {
        if (!(await exists(file.path))) continue;
        faces.push({ family: font.family, weight: String(file.weight), style: 'normal', ranges: [[0, 0x10ffff]], file: file.path });
      }
    }
  }
  return faces;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function fontFaces(packageName: string, weight: number): Promise<FontFace[]> {
  const cssPath = require.resolve(`${packageName}/${weight}.css`);
  const css = await readFile(cssPath, 'utf8');
  const faces: FontFace[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? '';
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const source = /url\(\.\/([^)]+\.woff2)\)/.exec(body)?.[1];
    if (!family || !source) continue;
    faces.push({
      family,
      weight: /font-weight:\s*(\d+)/.exec(body)?.[1] ?? String(weight),
      style: /font-style:\s*(\w+)/.exec(body)?.[1] ?? 'normal',
      ranges: parseRanges(/unicode-range:\s*([^;]+);/.exec(body)?.[1] ?? 'U+0-10FFFF'),
      file: path.join(path.dirname(cssPath), source),
    });
  }
  return faces;
}

function parseRanges(list: string): [number, number][] {
  return list.split(',').map((item) => {
    const [from = '0', to] = item.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from.replace(/\?/g, '0'), 16);
    const end = to ? parseInt(to, 16) : parseInt(from.replace(/\?/g, 'f'), 16);
    return [start, end];
  });
}

function rangesCss(points: number[]): string {
  const ranges: string[] = [];
  let start = points[0] ?? 0;
  let previous = start;
  for (const point of [...points.slice(1), -1]) {
    if (point === previous + 1) {
      previous = point;
      continue;
    }
    ranges.push(start === previous ? `U+${start.toString(16)}` : `U+${start.toString(16)}-${previous.toString(16)}`);
    start = point;
    previous = point;
  }
  return ranges.join(',');
}
