import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { writeMoves, type MoveEnds } from './moves.ts';
import type { DeclaredFont } from './fonts.ts';
import { mergeReferenceStyles, usedStyleIds } from './reference-styles.ts';
import { applyStyleSwitches, type StyleSwitches } from './style-switches.ts';

/** What the package is made reproducible and finished with. */
export interface PackageOptions {
  /** The date written as created and modified, and as the time of every file in the zip. */
  date: Date;
  /** Fonts to declare in the font table, with their alternative names. */
  fonts: readonly DeclaredFont[];
  /** Document language (BCP 47); Chinese turns on punctuation compression. */
  lang: string;
  /** Style properties the docx library cannot write, by paragraph style id. */
  styleSwitches?: StyleSwitches;
  /** Tracked changes that are ends of moves, written as `w:moveFrom`/`w:moveTo`. */
  moves?: MoveEnds;
  /** `--reference-docx`: its styles part replaces the template's (missing used styles merged in). */
  referenceStyles?: {
    xml: string;
    /** Told the ids merged from the template and the reference's ids matched by name. */
    onMerged: (added: string[], renamed: string[]) => void;
  };
}

/** Earliest time a zip file can carry (MS-DOS dates start in 1980). */
const ZIP_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

/**
 * Finish the packed .docx so that two builds of one source give the same bytes, and add what
 * the docx library cannot write:
 *
 * - `dcterms:created` and `modified` are the given date (the library writes "now");
 * - hyperlink relationship ids (random in the library) and bookmark ids (a process-wide
 *   counter in the library) are renumbered in document order;
 * - the font table declares the template's fonts with their alternative names (`w:altName`);
 * - Chinese documents get punctuation compression and the East Asian theme language;
 * - paragraph styles get what the library leaves out (`style-switches.ts`);
 * - the zip is rewritten with a fixed order, a fixed time and fixed compression.
 */
export function finishPackage(packed: Uint8Array, options: PackageOptions): Uint8Array {
  const files = unzipSync(packed);
  const text = (name: string) => {
    const data = files[name];
    return data === undefined ? undefined : strFromU8(data);
  };
  const edit = (name: string, change: (xml: string) => string) => {
    const xml = text(name);
    if (xml !== undefined) files[name] = strToU8(change(xml));
  };

  for (const name of Object.keys(files)) if (/\.(xml|rels)$/.test(name)) edit(name, withoutNonXmlCharacters);
  edit('docProps/core.xml', (xml) => setCoreDates(xml, options.date));
  if (options.styleSwitches) {
    const switches = options.styleSwitches;
    edit('word/styles.xml', (xml) => applyStyleSwitches(xml, switches));
  }
  renumberRelationships(files, text);
  edit('word/document.xml', renumberBookmarks);
  if (options.moves) {
    const moves = options.moves;
    for (const part of ['word/document.xml', 'word/footnotes.xml']) edit(part, (xml) => writeMoves(xml, moves));
  }
  if (options.referenceStyles) {
    const { xml, onMerged } = options.referenceStyles;
    const used = usedStyleIds(Object.keys(files).filter((name) => /^word\/(?!styles\.xml$).*\.xml$/.test(name)).map((name) => text(name) ?? ''));
    edit('word/styles.xml', (ours) => {
      const merged = mergeReferenceStyles(ours, xml, used);
      onMerged(merged.added, merged.renamed);
      return merged.xml;
    });
  }
  edit('word/fontTable.xml', (xml) => declareFonts(xml, options.fonts));
  if (options.lang.toLowerCase().startsWith('zh')) edit('word/settings.xml', (xml) => eastAsianSettings(xml, options.lang));

  return zipSync(ordered(files), { level: 6, mtime: zipTime(options.date) });
}

/**
 * Characters XML 1.0 does not allow even escaped: the docx library drops C0 controls from text,
 * but not U+FFFE, U+FFFF or unpaired surrogates, and Word refuses a part that holds one.
 */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The XML without characters XML cannot carry (they never occur in markup, only in text and attribute values). */
export function withoutNonXmlCharacters(xml: string): string {
  return xml.replace(NOT_XML_CHARACTER, '');
}

/** The date as W3CDTF without fractions of a second, as Word writes it. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function setCoreDates(xml: string, date: Date): string {
  const stamp = w3cdtf(date);
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
}

/** Relationship ids that are not `rIdN` get `rIdLinkN` in order of appearance, in the .rels part and its owner. */
function renumberRelationships(files: Record<string, Uint8Array>, text: (name: string) => string | undefined): void {
  for (const relsName of Object.keys(files).sort()) {
    const match = /^(.*?)_rels\/([^/]+)\.rels$/.exec(relsName);
    const rels = text(relsName);
    if (!match || rels === undefined) continue;
    const owner = `${match[1] ?? ''}${match[2] ?? ''}`;
    const renames = new Map<string, string>();
    for (const [, id] of rels.matchAll(/\bId="([^"]+)"/g)) {
      if (id !== undefined && !/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdLink${renames.size + 1}`);
    }
    if (renames.size === 0) continue;
    const rename = (xml: string) => xml.replace(/="([^"]+)"/g, (whole, value: string) => (renames.has(value) ? `="${renames.get(value)}"` : whole));
    files[relsName] = strToU8(rename(rels));
    const ownerXml = text(owner);
    if (ownerXml !== undefined) files[owner] = strToU8(rename(ownerXml));
  }
}

/** Bookmark ids 0, 1, 2… in order of first appearance. */
function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return xml.replace(/<w:bookmark(Start|End)\b[^>]*>/g, (tag) =>
    tag.replace(/\bw:id="(-?\d+)"/, (_whole, id: string) => {
      let next = ids.get(id);
      if (next === undefined) {
        next = ids.size;
        ids.set(id, next);
      }
      return `w:id="${next}"`;
    }),
  );
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Add `w:font` entries (with `w:altName`) for fonts the font table does not list yet. */
function declareFonts(xml: string, fonts: readonly DeclaredFont[]): string {
  const missing = fonts.filter((font) => !xml.includes(`w:name="${escapeXml(font.name)}"`));
  if (missing.length === 0) return xml;
  const entries = missing
    .map((font) => `<w:font w:name="${escapeXml(font.name)}">${font.altName ? `<w:altName w:val="${escapeXml(font.altName)}"/>` : ''}</w:font>`)
    .join('');
  if (/<w:fonts\b[^>]*\/>/.test(xml)) return xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  return xml.replace('</w:fonts>', `${entries}</w:fonts>`);
}

/**
 * Punctuation compression (`w:characterSpacingControl`, placed before `w:compat` as the schema
 * orders settings) and the theme's East Asian language (after it).
 */
function eastAsianSettings(xml: string, lang: string): string {
  let result = xml;
  if (!result.includes('<w:characterSpacingControl')) {
    const control = '<w:characterSpacingControl w:val="compressPunctuation"/>';
    result = result.includes('<w:compat') ? result.replace('<w:compat', `${control}<w:compat`) : result.replace('</w:settings>', `${control}</w:settings>`);
  }
  if (!result.includes('<w:themeFontLang')) {
    const themeLang = `<w:themeFontLang w:val="en-US" w:eastAsia="${escapeXml(lang)}"/>`;
    result = result.includes('</w:compat>') ? result.replace('</w:compat>', `</w:compat>${themeLang}`) : result.replace('</w:settings>', `${themeLang}</w:settings>`);
  }
  return result;
}

/** `[Content_Types].xml` first, then the package relationships, then every other part by name. */
function ordered(files: Record<string, Uint8Array>): Zippable {
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  const names = Object.keys(files).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const result: Zippable = {};
  for (const name of names) {
    const data = files[name];
    if (data !== undefined) result[name] = data;
  }
  return result;
}

/**
 * The zip time of every entry. fflate writes local time fields, so the date is given as a local
 * Date whose fields are the UTC ones: the bytes do not depend on the machine's time zone.
 */
function zipTime(date: Date): Date {
  const utc = new Date(Math.max(date.getTime(), ZIP_EPOCH));
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}
