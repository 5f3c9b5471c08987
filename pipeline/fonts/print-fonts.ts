import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { FontRole, PrintFontSource, Template } from '../template/load-template.ts';
import { FONT_FILES_FOLDER } from '../render/pdf/virtual-origin.ts';

/** The font roles of a template. */
export type FontRoleName = 'body' | 'heading1' | 'heading2' | 'title' | 'song' | 'mono';

/** One face the print page loads from a local file (Debian-installed or configured). */
export interface LocalFace {
  family: string;
  weight: number;
  /** Absolute path of the font file. */
  file: string;
  /** Key the request handler serves the file under (`<n>/<file name>`). */
  key: string;
  /** URL of the file relative to the print page (`press-font-files/<n>/<file name>`, encoded). */
  url: string;
}

/**
 * A face that gives one family its CJK punctuation and ideographs from a single file (see
 * `punctuationFiles` in the template), declared with a `unicode-range` of those only
 * ({@link CJK_TEXT_RANGE}). fontsource splits a CJK family into about 120 files by
 * `unicode-range`: a Chinese report made the print page load dozens of them (each received
 * through request interception, decompressed and checked by Chromium), and punctuation from
 * different files was not compressed alike. This face is the family's unsplit file cut to the
 * report's characters: one small file per weight. A character it lacks falls through to the
 * family's own files, which stay declared after it.
 */
export interface CjkFace {
  /** Family name of the face: `<family> CJK`. */
  family: string;
  /** The family whose punctuation it sets; it stands just before that family in every stack. */
  parent: string;
  weight: number;
  /** The npm package holding the file. */
  packageName: string;
  /** The file, relative to the package's folder. */
  file: string;
  /**
   * Key the request handler serves the face under (`p<n>/<file name>.ttf`): the print page gets
   * the file's punctuation and the report's ideographs only, cut out once and cached
   * (`subset-local.ts`), not the whole 1.5 MB file.
   */
  key: string;
  /** URL of the face relative to the print page (`press-font-files/<key>`). */
  url: string;
}

/** The face formulas are printed in: the template's `mathFont`, one file of an npm package. */
export interface MathFace {
  family: string;
  /** The npm package holding the file. */
  packageName: string;
  /** The file, relative to the package's folder. */
  file: string;
  /** Key the request handler serves the face under (`m/<file name>`): the file as it is. */
  key: string;
  /** URL of the face relative to the print page (`press-font-files/<key>`). */
  url: string;
}

/**
 * CJK punctuation and the marks used with it: general punctuation (dashes, quotes, ellipsis),
 * CJK symbols and punctuation, and half- and full-width forms.
 */
export const CJK_PUNCTUATION_RANGE = 'U+00B7, U+2014-2026, U+3000-303F, U+FE10-FE1F, U+FE30-FE4F, U+FF00-FFEF';

/**
 * What a family's {@link CjkFace} sets: its CJK punctuation, radicals, Bopomofo and the CJK
 * ideographs (the unified blocks and their extensions, compatibility ideographs). Latin text
 * stays with the family's own files.
 */
export const CJK_TEXT_RANGE = `${CJK_PUNCTUATION_RANGE}, U+2E80-2FDF, U+3100-312F, U+31A0-31BF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+20000-2FA1F`;

/** Where one family of the template comes from, and whether it can be used. */
export interface FamilyStatus {
  family: string;
  /** `npm <package>`, `debian <package>`, `<SETTING>=<path>`, or `<SETTING> (not set)`. */
  source: string;
  available: boolean;
}

/** The resolved print fonts of a template: what the print page links, loads and names. */
export interface PrintFontSetup {
  /** Stylesheets of npm font packages, relative to the print page (`press-fonts/<package>/<weight>.css`). */
  stylesheets: string[];
  /** npm packages whose files the print page may load. */
  packages: ReadonlySet<string>;
  /** Faces loaded from local files, declared with `@font-face` in the print page. */
  localFaces: LocalFace[];
  /** Faces that set the CJK punctuation of a package family from one file. */
  cjkFaces: CjkFace[];
  /** The face of formulas (MathML), when the template names one. */
  mathFace?: MathFace;
  /**
   * Family stack of each role: the available families of its `print` list, in order, then the
   * template's other available families as fallbacks.
   */
  stacks: Record<FontRoleName, string[]>;
  /**
   * Family stack of each role for bold text: the families of `stacks[role]` that have a real
   * bold face (weight 600 or more). Chromium fakes a missing bold by emboldening the outlines,
   * and prints such text as a Type 3 font; the print stylesheets turn that off
   * (`font-synthesis-weight: none`) and set bold text in these stacks instead.
   */
  boldStacks: Record<FontRoleName, string[]>;
  /** Every family of `printFontFiles` with its source and availability. */
  families: FamilyStatus[];
  /** Configuration problems: each means the PDF would not be set in the template's fonts. */
  problems: string[];
}

/** The file types a local font may have: TrueType or OpenType (the first font of a `.ttc`). */
const FONT_FILE = /\.(ttf|otf|ttc)$/i;

const cache = new WeakMap<Template, { key: string; setup: PrintFontSetup }>();

/**
 * Resolve the print fonts of a template: which families are available (npm packages are
 * assumed present, Debian files are checked on disk, configured fonts are read from the
 * `PRESS_FONT_*` settings), the stylesheet links and `@font-face` faces of the print page,
 * and the family stack of each role. Synchronous and cached per template and settings.
 * Files are not read here; {@link ../fonts/coverage.ts} reads them.
 */
export function resolvePrintFonts(template: Template): PrintFontSetup {
  const settings = template.fontSettings ?? settingsOf(process.env);
  const key = JSON.stringify(template.printFontFiles.filter(isConfigured).map((font) => settings[font.setting] ?? ''));
  const cached = cache.get(template);
  if (cached?.key === key) return cached.setup;
  const setup = resolve(template, settings);
  cache.set(template, { key, setup });
  return setup;
}

/** The `PRESS_FONT_*` variables of an environment. */
export function settingsOf(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[0].startsWith('PRESS_FONT_') && entry[1] !== undefined));
}

function isConfigured(font: PrintFontSource): font is Extract<PrintFontSource, { setting: string }> {
  return 'setting' in font;
}

function resolve(template: Template, settings: Readonly<Record<string, string>>): PrintFontSetup {
  const stylesheets: string[] = [];
  const packages = new Set<string>();
  const localFaces: LocalFace[] = [];
  const cjkFaces: CjkFace[] = [];
  const families: FamilyStatus[] = [];
  const problems: string[] = [];
  const bold = new Set<string>();
  const addLocal = (family: string, weight: number, file: string) => {
    const key = `${localFaces.length + 1}/${path.basename(file)}`;
    localFaces.push({ family, weight, file, key, url: `${FONT_FILES_FOLDER}${localFaces.length + 1}/${encodeURIComponent(path.basename(file))}` });
  };

  for (const font of template.printFontFiles) {
    if ('package' in font) {
      packages.add(font.package);
      for (const weight of font.weights) stylesheets.push(`press-fonts/${font.package}/${weight}.css`);
      if (font.weights.some((weight) => weight >= 600)) bold.add(font.family);
      for (const file of font.punctuationFiles ?? []) {
        const key = `p${cjkFaces.length + 1}/${path.basename(file.path).replace(/\.woff2?$/, '')}.ttf`;
        cjkFaces.push({ family: `${font.family} CJK`, parent: font.family, weight: file.weight, packageName: font.package, file: file.path, key, url: `${FONT_FILES_FOLDER}${key}` });
      }
      families.push({ family: font.family, source: `npm ${font.package}`, available: true });
    } else if ('debianPackage' in font) {
      const missing = font.files.filter((entry) => !isFile(entry.path));
      if (missing.length > 0) {
        problems.push(`Font ${font.family}: ${missing.map((entry) => entry.path).join(', ')} not found; install the Debian package ${font.debianPackage} (bash scripts/install-system-packages.sh)`);
      } else {
        for (const entry of font.files) addLocal(font.family, entry.weight, entry.path);
        if (font.files.some((entry) => entry.weight >= 600)) bold.add(font.family);
      }
      families.push({ family: font.family, source: `debian ${font.debianPackage}`, available: missing.length === 0 });
    } else {
      const value = settings[font.setting]?.trim() ?? '';
      if (value === '') {
        families.push({ family: font.family, source: `${font.setting} (not set)`, available: false });
        continue;
      }
      const found = value === 'system' ? systemFace(font.systemFamilies) : configuredFile(value);
      if ('problem' in found) {
        problems.push(`${font.setting}=${value}: ${found.problem}`);
        families.push({ family: font.family, source: `${font.setting}=${value}`, available: false });
        continue;
      }
      addLocal(font.family, 400, found.file);
      families.push({ family: font.family, source: `${font.setting}=${found.file}`, available: true });
    }
  }

  const available = new Set(families.filter((status) => status.available).map((status) => status.family));
  const known = new Set(families.map((status) => status.family));
  const stacks = {} as Record<FontRoleName, string[]>;
  const boldStacks = {} as Record<FontRoleName, string[]>;
  for (const [role, font] of Object.entries(template.fonts) as [FontRoleName, FontRole][]) {
    for (const family of font.print) {
      if (!known.has(family)) problems.push(`Font role ${role} names ${family}, which is not one of the template's printFontFiles`);
    }
    const own = font.print.filter((family) => available.has(family));
    if (own.length === 0) problems.push(`Font role ${role}: none of ${font.print.join(', ')} is available`);
    // Then every other family of the template: a character the role's own faces lack is
    // still printed in a template font, never in one the machine happens to have.
    const stack = [...own, ...[...available].filter((family) => !own.includes(family))];
    const withBold = stack.filter((family) => bold.has(family));
    stacks[role] = withCjkFaces(stack, cjkFaces, 400);
    boldStacks[role] = withCjkFaces(withBold.length > 0 ? withBold : stack, cjkFaces, 700);
  }
  const math = template.mathFont;
  const mathKey = math && `m/${path.basename(math.file)}`;
  const mathFace = math && mathKey ? { mathFace: { family: math.family, packageName: math.package, file: math.file, key: mathKey, url: `${FONT_FILES_FOLDER}${mathKey}` } } : {};
  return { stylesheets, packages, localFaces, cjkFaces, ...mathFace, stacks, boldStacks, families, problems };
}

/**
 * A stack with each family's CJK face (of the given weight, if it has one) just before the
 * family itself: punctuation and ideographs come from that one file, everything else (and any
 * ideograph the file lacks) from the family.
 */
function withCjkFaces(stack: readonly string[], faces: readonly CjkFace[], weight: number): string[] {
  return stack.flatMap((family) => {
    const face = faces.find((candidate) => candidate.parent === family && candidate.weight === weight);
    return face ? [face.family, family] : [family];
  });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function configuredFile(value: string): { file: string } | { problem: string } {
  const file = path.resolve(value);
  if (!FONT_FILE.test(file)) return { problem: 'name a TrueType font file (.ttf, .otf or .ttc)' };
  if (!isFile(file)) return { problem: `no such file ${file}` };
  return { file };
}

/**
 * An installed face whose family is one of `names`, as fontconfig lists it: a regular,
 * upright face, the first of its file. Only used when the setting says `system`.
 */
function systemFace(names: readonly string[]): { file: string } | { problem: string } {
  let listing: string;
  try {
    listing = execFileSync('fc-list', ['--format', '%{file}\t%{index}\t%{family}\t%{weight}\t%{slant}\n', ':lang=zh'], { encoding: 'utf8', timeout: 10_000 });
  } catch {
    return { problem: 'fontconfig (fc-list) is not available to find an installed face' };
  }
  const wanted = names.map((name) => name.toLowerCase());
  const candidates = listing
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([file, index, family]) => file && FONT_FILE.test(file) && index === '0' && (family ?? '').split(',').some((name) => wanted.includes(name.trim().toLowerCase())))
    .sort((a, b) => Math.abs(Number(a[3]) - 80) - Math.abs(Number(b[3]) - 80) || Number(a[4]) - Number(b[4]) || (a[0] ?? '').localeCompare(b[0] ?? ''));
  const file = candidates[0]?.[0];
  return file ? { file } : { problem: `no installed face named ${names.join(', ')} (fc-list :lang=zh)` };
}

/** The CSS of the print page's own faces: one `@font-face` per local file, per CJK face, and the math face. */
export function localFaceCss(setup: PrintFontSetup): string {
  const local = setup.localFaces.map((face) => `@font-face { font-family: ${cssString(face.family)}; font-weight: ${face.weight}; font-style: normal; src: url(${cssString(face.url)}) format('truetype'); }`);
  const cjk = setup.cjkFaces.map(
    (face) => `@font-face { font-family: ${cssString(face.family)}; font-weight: ${face.weight}; font-style: normal; src: url(${cssString(face.url)}) format('truetype'); unicode-range: ${CJK_TEXT_RANGE}; }`,
  );
  const math = setup.mathFace ? [`@font-face { font-family: ${cssString(setup.mathFace.family)}; font-weight: 400; font-style: normal; src: url(${cssString(setup.mathFace.url)}) format('woff2'); }`] : [];
  return [...local, ...cjk, ...math].join('\n');
}

/** A CSS font stack: family names quoted, no generic family. */
export function fontStack(families: readonly string[]): string {
  return families.map(cssString).join(', ');
}

function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`;
}
