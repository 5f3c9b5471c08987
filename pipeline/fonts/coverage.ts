import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findPackageDir } from '../render/pdf/local-files.ts';
import { CodepointSet, parseUnicodeRange, type CodepointRange } from './codepoints.ts';
import type { PrintFontSetup } from './print-fonts.ts';
import { FontFileError, readFontFile, type FontFileInfo } from './sfnt.ts';
import { cacheKey, cachedBytes, fileIdentity } from '../util/disk-cache.ts';

/** Which characters each family of a template's print fonts can show, and what is wrong with its files. */
export interface FontCoverage {
  /** Code points per family (the union of its faces, each limited to its `unicode-range`). */
  families: ReadonlyMap<string, CodepointSet>;
  /**
   * Problems of the font files: unreadable, not installed, or fonts Chromium would embed as
   * Type 3 (CFF outlines, variable fonts).
   */
  problems: string[];
}

const files = new Map<string, Promise<FontFileInfo>>();

/** Read a font file once per process (font files do not change while a build runs). */
function fontInfo(file: string): Promise<FontFileInfo> {
  let info = files.get(file);
  if (!info) {
    info = readFontFile(file);
    files.set(file, info);
  }
  return info;
}

/**
 * Read the cmap of every font file the print page may load: the WOFF files named by the
 * fontsource stylesheets (each limited to its face's `unicode-range`, as the browser uses it)
 * and the local files. Returns the coverage of each available family; computed once per set
 * of files.
 */
export function fontCoverage(setup: PrintFontSetup): Promise<FontCoverage> {
  const key = JSON.stringify([setup.stylesheets, setup.localFaces.map((face) => [face.family, face.file])]);
  let coverage = coverages.get(key);
  if (!coverage) {
    coverage = readCoverage(setup);
    coverages.set(key, coverage);
  }
  return coverage;
}

/** Coverage per set of font files: the files do not change while report-press runs. */
const coverages = new Map<string, Promise<FontCoverage>>();

/** Changes whenever what coverage holds, or how it is read, changes. */
const COVERAGE_VERSION = 'coverage v1';

/**
 * The coverage, from the disk cache when these very files were read before: reading the cmaps
 * of a few hundred WOFF files takes about half a second, a cost every build would pay. The key
 * names each font package's folder and version and each local file's size and modification
 * time; coverage with problems is never cached (they may be fixed by installing something).
 */
async function readCoverage(setup: PrintFontSetup): Promise<FontCoverage> {
  const parts: string[] = [COVERAGE_VERSION];
  for (const stylesheet of setup.stylesheets) {
    const packageName = /^press-fonts\/((?:@[^/]+\/)?[^/]+)\//.exec(stylesheet)?.[1];
    const dir = packageName === undefined ? undefined : await findPackageDir(packageName);
    const version = dir === undefined ? undefined : await readFile(path.join(dir, 'package.json'), 'utf8').then((text) => String((JSON.parse(text) as { version?: unknown }).version), () => undefined);
    if (version === undefined) return readCoverageFromFiles(setup);
    parts.push(`${stylesheet}\0${dir}\0${version}`);
  }
  for (const face of setup.localFaces) {
    const identity = await fileIdentity(face.file);
    if (identity === undefined) return readCoverageFromFiles(setup);
    parts.push(`${face.family}\0${identity}`);
  }
  let fresh: FontCoverage | undefined;
  const bytes = await cachedBytes('font-coverage', `${cacheKey(...parts)}.json`, async () => {
    fresh = await readCoverageFromFiles(setup);
    if (fresh.problems.length > 0) throw new CoverageProblems();
    return new TextEncoder().encode(JSON.stringify([...fresh.families].map(([family, codepoints]) => [family, codepoints.ranges])));
  }).catch((failure: unknown) => {
    if (failure instanceof CoverageProblems) return undefined;
    throw failure;
  });
  if (fresh !== undefined) return fresh;
  if (bytes === undefined) return readCoverageFromFiles(setup);
  try {
    const families = JSON.parse(new TextDecoder().decode(bytes)) as [string, CodepointRange[]][];
    return { families: new Map(families.map(([family, ranges]) => [family, CodepointSet.fromRanges(ranges)])), problems: [] };
  } catch {
    return readCoverageFromFiles(setup);
  }
}

/** Thrown inside the cache's compute step so that coverage with problems is not stored. */
class CoverageProblems extends Error {}

async function readCoverageFromFiles(setup: PrintFontSetup): Promise<FontCoverage> {
  const ranges = new Map<string, CodepointRange[]>();
  const problems: string[] = [];
  const add = (family: string, codepoints: CodepointSet) => {
    let list = ranges.get(family);
    if (!list) ranges.set(family, (list = []));
    list.push(...codepoints.ranges);
  };
  const check = (info: FontFileInfo, family: string, file: string) => {
    if (info.outlines === 'cff') problems.push(`Font ${family}: ${file} has CFF outlines, which Chromium embeds as Type 3 fonts; use a TrueType-outline (glyf) version`);
    if (info.variable) problems.push(`Font ${family}: ${file} is a variable font, which Chromium embeds as Type 3 fonts; use a static instance`);
  };

  for (const stylesheet of setup.stylesheets) {
    const [, packageName, cssFile] = /^press-fonts\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(stylesheet) ?? [];
    if (!packageName || !cssFile) continue;
    const dir = await findPackageDir(packageName);
    if (!dir) {
      problems.push(`Font stylesheet ${packageName}/${cssFile} cannot be read: the package is not installed (npm ci)`);
      continue;
    }
    let css: string;
    try {
      css = await readFile(path.join(dir, cssFile), 'utf8');
    } catch {
      problems.push(`Font package ${packageName} has no ${cssFile}`);
      continue;
    }
    for (const face of fontFaces(css)) {
      const woff = face.sources.find((source) => source.endsWith('.woff'));
      if (!woff) {
        problems.push(`Font ${face.family} in ${packageName}/${cssFile}: no .woff source to read its characters from`);
        continue;
      }
      try {
        const info = await fontInfo(path.resolve(dir, woff));
        check(info, face.family, `${packageName}/${woff}`);
        add(face.family, face.range ? info.codepoints.intersect(face.range) : info.codepoints);
      } catch (failure) {
        problems.push(`Font ${face.family}: ${failure instanceof FontFileError ? failure.message : `${packageName}/${woff} cannot be read`}`);
      }
    }
  }

  for (const face of setup.localFaces) {
    try {
      const info = await fontInfo(face.file);
      check(info, face.family, face.file);
      add(face.family, info.codepoints);
    } catch (failure) {
      problems.push(`Font ${face.family}: ${failure instanceof FontFileError ? failure.message : `${face.file} cannot be read`}`);
    }
  }
  const families = new Map([...ranges].map(([family, list]) => [family, CodepointSet.fromRanges(list)]));
  return { families, problems };
}

interface CssFace {
  family: string;
  /** URLs of `src`, relative to the stylesheet. */
  sources: string[];
  range: CodepointSet | undefined;
}

/** The `@font-face` rules of a fontsource stylesheet (a simple, regular format). */
function fontFaces(css: string): CssFace[] {
  const faces: CssFace[] = [];
  for (const match of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = match[1] ?? '';
    const family = /font-family:\s*['"]?([^;'"]+)['"]?\s*;/.exec(body)?.[1]?.trim();
    const src = /src:\s*([^;]+);/.exec(body)?.[1] ?? '';
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!family) continue;
    const sources = [...src.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((url) => url[1] ?? '').filter(Boolean);
    faces.push({ family, sources, range: range ? parseUnicodeRange(range) : undefined });
  }
  return faces;
}
