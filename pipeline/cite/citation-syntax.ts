import type { CitationCluster, CiteItem } from './types.ts';

/**
 * A citation key as pandoc reads it: a letter, digit or `_`, then letters, digits, `_` and the
 * punctuation `:.#$%&-+?<>~/` where a letter or digit follows it (a key never ends in
 * punctuation: `@smith.` cites `smith`); or anything but `}` in braces (`@{my key}`).
 */
const KEY = String.raw`(?:\{([^{}]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*))`;

/** A key in the running text: not after a letter, digit, `_`, `@` or `.` (an e-mail address); Chinese may run up to it. */
const IN_TEXT = new RegExp(String.raw`(?<![A-Za-z0-9_@.])@${KEY}`, 'gu');

/** A bracketed span with no brackets inside. */
const BRACKETED = /\[([^[\]]*)\]/gu;

/** One item of a bracketed list: prefix, optional `-`, `@key`, suffix. */
const ITEM = new RegExp(String.raw`^([^@]*?)(-?)@${KEY}([^@]*)$`, 'u');

/** Labels of cross-references (`@fig-…`, `@tbl-…`, `@eq-…`, `@sec-…`): `remarkCrossReferences` owns them. */
const CROSSREF_KEY = /^(?:fig|tbl|eq|sec)-/u;

/** Locator terms as pandoc reads them (English abbreviations, singular and plural), by CSL locator label. */
const LOCATOR_TERMS: Record<string, string> = {
  p: 'page', pp: 'page', page: 'page', pages: 'page',
  ch: 'chapter', chs: 'chapter', chap: 'chapter', chaps: 'chapter', chapter: 'chapter', chapters: 'chapter',
  sec: 'section', secs: 'section', section: 'section', sections: 'section', '§': 'section', '§§': 'section',
  vol: 'volume', vols: 'volume', volume: 'volume', volumes: 'volume',
  fig: 'figure', figs: 'figure', figure: 'figure', figures: 'figure',
  no: 'number', nos: 'number', number: 'number', numbers: 'number',
  l: 'line', ll: 'line', line: 'line', lines: 'line',
  n: 'note', nn: 'note', note: 'note', notes: 'note',
  para: 'paragraph', paras: 'paragraph', paragraph: 'paragraph', paragraphs: 'paragraph', '¶': 'paragraph', '¶¶': 'paragraph',
  pt: 'part', pts: 'part', part: 'part', parts: 'part',
  col: 'column', cols: 'column', column: 'column', columns: 'column',
  bk: 'book', bks: 'book', book: 'book', books: 'book',
  v: 'verse', vv: 'verse', verse: 'verse', verses: 'verse',
  op: 'opus', opp: 'opus', opus: 'opus',
  fol: 'folio', fols: 'folio', folio: 'folio', folios: 'folio',
};

/** A locator's value: numbers or roman numerals, in ranges and lists (`12`, `3-5`, `iv`, `3, 7`). */
const VALUE = String.raw`(?:[0-9]+[a-z]?|[ivxlcdm]+|[IVXLCDM]+)(?:\s*(?:[-–—&]|,(?=\s*[0-9]))\s*(?:[0-9]+[a-z]?|[ivxlcdm]+|[IVXLCDM]+))*`;

/** `, p. 12`, `pp. 3-5`, `chap. 2`: a term, then its value. */
const TERMED_LOCATOR = new RegExp(String.raw`^\s*,?\s*([A-Za-z]+|§§?|¶¶?)\.?\s*(${VALUE})(?![\p{L}\p{N}])`, 'u');
/** `, 12` or `33-35`: a bare page number. */
const BARE_LOCATOR = /^\s*,?\s*([0-9]+(?:\s*[-–]\s*[0-9]+)?)(?![\p{L}\p{N}])/u;
/** `第12页`, `第3章` (Chinese). */
const CHINESE_LOCATOR = /^\s*[,，]?\s*第\s*([0-9]+(?:\s*[-–—至]\s*[0-9]+)?)\s*(页|章|节)/u;

/** A citation found in a text: where it is, the clusters's items and the offset of each `@`. */
export interface FoundCitation {
  start: number;
  end: number;
  cluster: CitationCluster;
  /** Where each item's `@` is in the text, and how long its written key is (with `@` and braces). */
  keys: { at: number; length: number }[];
}

/** How the finder decides what is a citation. */
export interface CitationSyntaxOptions {
  /** Whether the character at `index` is written escaped in the source (`\@`): not a citation. */
  escaped?: (index: number) => boolean;
  /**
   * The key a written one stands for: Chinese text may run right up to a key's end
   * (`据@wang2021显示`), so the finder asks for the longest known key the written one starts
   * with; its length in characters, or `undefined` to keep the key as written.
   */
  knownPrefix?: (written: string) => number | undefined;
}

/**
 * The citations of a text in pandoc's syntax: `[@key]`, `[@key, p. 12]`,
 * `[see @a, pp. 3-5; @b]`, `[-@key]`, and `@key` in the running text (optionally followed by
 * `[p. 12]`). A bracketed list counts only when each of its `;`-separated items holds one key;
 * keys of cross-references (`@fig-…`, `@tbl-…`, `@eq-…`, `@sec-…`) are never taken.
 */
export function findCitations(text: string, options: CitationSyntaxOptions = {}): FoundCitation[] {
  if (!text.includes('@')) return [];
  const found: FoundCitation[] = [];
  const taken: [number, number][] = [];
  for (const match of text.matchAll(BRACKETED)) {
    const start = match.index;
    const inner = match[1] ?? '';
    if (!inner.includes('@')) continue;
    const cluster = bracketedCluster(inner, start + 1, options);
    if (!cluster) continue;
    found.push({ start, end: start + match[0].length, cluster: { items: cluster.items, mode: 'normal' }, keys: cluster.keys });
    taken.push([start, start + match[0].length]);
  }
  for (const match of text.matchAll(IN_TEXT)) {
    const start = match.index;
    if (taken.some(([from, to]) => start >= from && start < to)) continue;
    if (options.escaped?.(start) === true) continue;
    const braced = match[1] !== undefined;
    let key = match[1] ?? match[2] ?? '';
    if (CROSSREF_KEY.test(key)) continue;
    if (!braced) key = key.slice(0, options.knownPrefix?.(key) ?? key.length);
    let end = start + 1 + (braced ? key.length + 2 : key.length);
    const item: CiteItem = { key };
    // `@smith [p. 12]`: a locator and suffix for an in-text citation.
    const after = /^ ?\[([^[\]@]*)\]/u.exec(text.slice(end));
    if (after) {
      Object.assign(item, locatorAndSuffix(after[1] ?? ''));
      end += after[0].length;
    }
    found.push({ start, end, cluster: { items: [item], mode: 'in-text' }, keys: [{ at: start, length: 1 + (braced ? key.length + 2 : key.length) }] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The items of a bracketed list (`inner` starts at `offset` of the text), or `undefined` when it is none. */
function bracketedCluster(inner: string, offset: number, options: CitationSyntaxOptions): { items: CiteItem[]; keys: FoundCitation['keys'] } | undefined {
  const items: CiteItem[] = [];
  const keys: FoundCitation['keys'] = [];
  let partStart = 0;
  for (const part of inner.split(';')) {
    const match = ITEM.exec(part);
    const here = partStart;
    partStart += part.length + 1;
    if (!match) return undefined;
    const prefix = match[1] ?? '';
    const dash = match[2] ?? '';
    const braced = match[3] !== undefined;
    let key = match[3] ?? match[4] ?? '';
    let rest = match[5] ?? '';
    // The character before `@` must not be a letter or digit (`a@b.c` is an address).
    if (dash === '' && /[A-Za-z0-9_.]$/u.test(prefix)) return undefined;
    if (CROSSREF_KEY.test(key)) return undefined;
    const at = offset + here + prefix.length + dash.length;
    if (options.escaped?.(at) === true) return undefined;
    if (!braced) {
      const length = options.knownPrefix?.(key);
      if (length !== undefined && length < key.length) {
        rest = key.slice(length) + rest;
        key = key.slice(0, length);
      }
    }
    const item: CiteItem = { key, ...locatorAndSuffix(rest) };
    const trimmedPrefix = prefix.trim();
    if (trimmedPrefix !== '') item.prefix = trimmedPrefix;
    if (dash === '-') item.suppressAuthor = true;
    items.push(item);
    keys.push({ at, length: 1 + (braced ? key.length + 2 : key.length) });
  }
  return items.length > 0 ? { items, keys } : undefined;
}

/** The locator at the start of what follows a key (`, p. 12`, `pp. 3-5`, `第12页`), and the rest as the suffix. */
function locatorAndSuffix(rest: string): Pick<CiteItem, 'locator' | 'label' | 'suffix'> {
  const termed = TERMED_LOCATOR.exec(rest);
  const term = termed?.[1];
  const label = term === undefined ? undefined : LOCATOR_TERMS[term] ?? LOCATOR_TERMS[term.toLowerCase()];
  let locator: { value: string; label: string; length: number } | undefined;
  if (termed && label !== undefined) locator = { value: termed[2] ?? '', label, length: termed[0].length };
  else {
    const chinese = CHINESE_LOCATOR.exec(rest);
    const bare = BARE_LOCATOR.exec(rest);
    if (chinese) locator = { value: chinese[1] ?? '', label: chinese[2] === '章' ? 'chapter' : chinese[2] === '节' ? 'section' : 'page', length: chinese[0].length };
    else if (bare) locator = { value: bare[1] ?? '', label: 'page', length: bare[0].length };
  }
  const suffix = (locator ? rest.slice(locator.length) : rest).trim();
  return {
    ...(locator ? { locator: locator.value.replace(/\s*([-–—至])\s*/gu, '-'), label: locator.label } : {}),
    ...(suffix !== '' ? { suffix } : {}),
  };
}
