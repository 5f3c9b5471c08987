import { createRequire } from 'node:module';
import CSL, { type CiteprocCitation, type CiteprocCitationItem } from 'citeproc';
import type { CitationCluster, CslItem } from './types.ts';

const require = createRequire(import.meta.url);

/** The locales plugin-csl bundles (`en-US`, `de-DE`…), as CSL locale XML by tag; read once. */
let bundledLocales: Record<string, string> | undefined;

function locales(): Record<string, string> {
  bundledLocales ??= require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;
  return bundledLocales;
}

/**
 * The CSL locale XML for a language: the bundled one of that tag or language, else `en-US`
 * (report-press's own styles carry their Chinese terms in the style itself).
 */
export function localeXml(lang: string): string {
  const all = locales();
  const exact = all[lang];
  if (exact !== undefined) return exact;
  const prefix = lang.split('-')[0]?.toLowerCase() ?? '';
  const near = Object.keys(all).find((tag) => tag.toLowerCase().startsWith(`${prefix}-`));
  return all[near ?? 'en-US'] ?? '';
}

/** A formatted bibliography: each entry's HTML with its key, and how the style lays entries out. */
export interface FormattedBibliography {
  entries: { key: string; html: string }[];
  /** The style sets each entry's number or label in a margin (`second-field-align`). */
  marginLabels: boolean;
  /** The style asks for a hanging indent. */
  hangingIndent: boolean;
}

/** The output of citeproc for one document: each cluster's HTML, in document order, and the bibliography. */
export type CiteprocOutput = { ok: true; clusters: string[]; bibliography: FormattedBibliography; numeric: boolean } | { ok: false; reason: string };

/** Whether a CSL style numbers its citations (`<category citation-format="numeric"/>`). */
export function isNumericStyle(styleXml: string): boolean {
  return /<category\s[^>]*citation-format\s*=\s*["']numeric["']/u.test(styleXml);
}

/**
 * Whether the style is report-press's GB/T 7714 numeric style, whose page locator of a lone
 * citation goes after the bracket, raised with it (`[4]15-17`, GB/T 7714-2015 10.1.3): CSL
 * cannot put text outside a citation layout's affixes, so the engine adds it.
 */
function pagesAfterBracket(styleXml: string): boolean {
  return /<id>\s*report-press\/gb-t-7714-2015-numeric\s*<\/id>/u.test(styleXml);
}

/** Whether a style's output depends on where a citation stands (`position="first"`, `subsequent`, `ibid`…). */
function usesPosition(styleXml: string): boolean {
  return /\sposition\s*=/u.test(styleXml);
}

/** `text` escaped for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Han characters: an entry with them in its names or title is Chinese. */
const HAN = /\p{Script=Han}/u;

/** biblatex's `langid` names (as citation-js passes them on) to language tags. */
const LANGUAGE_NAMES: Record<string, string> = { english: 'en', american: 'en', british: 'en', usenglish: 'en', ukenglish: 'en', chinese: 'zh', pinyin: 'zh', german: 'de', ngerman: 'de', french: 'fr', japanese: 'ja', russian: 'ru', spanish: 'es' };

/**
 * An item as citeproc-js takes it: numbers as text (citeproc-js needs strings), and a
 * `language` (`zh` or `en`, from the names and title when the bibliography gives none) that
 * selects each entry's layout in styles with one per language, as GB/T 7714's.
 */
export function prepareItem(item: CslItem): CslItem {
  const prepared: CslItem = { ...item };
  for (const [variable, value] of Object.entries(prepared)) {
    if (typeof value === 'number') prepared[variable] = String(value);
    else if (Array.isArray(value)) prepared[variable] = value.map(singleNameAsLiteral);
  }
  const language = typeof prepared.language === 'string' ? prepared.language.trim() : '';
  const named = LANGUAGE_NAMES[language.toLowerCase()];
  if (named !== undefined) prepared.language = named;
  else if (language === '') prepared.language = HAN.test(JSON.stringify([item.author, item.editor, item.title, item['container-title']])) ? 'zh' : 'en';
  return prepared;
}

/**
 * A name given as a family name alone (`{family: "王小明"}`, as BibTeX gives `王小明` or
 * `{国家统计局}`) written as a literal name: it prints the same, and citeproc-js re-renders every
 * earlier citation of a work whose names have no given part at each new citation of it, so
 * that a few hundred citations of one such work took minutes.
 */
function singleNameAsLiteral(name: unknown): unknown {
  if (typeof name !== 'object' || name === null || Array.isArray(name)) return name;
  const parts = Object.keys(name);
  const family = (name as { family?: unknown }).family;
  return typeof family === 'string' && parts.every((part) => part === 'family') ? { literal: family } : name;
}

/** The host side of a cached engine: the items of the run in progress. */
interface EngineSys {
  items: Map<string, CslItem>;
}

/** Compiled engines by style and language, most recently used last. */
const engines = new Map<string, { engine: InstanceType<typeof CSL.Engine>; sys: EngineSys }>();

/** How many compiled engines are kept (compiling APA takes citeproc-js over a second). */
const MAX_ENGINES = 4;

/**
 * A citeproc-js engine for a style and language, compiled once and reset to an empty state for
 * each run (`restoreProcessorState([])` gives it a new registry: no item, citation or
 * disambiguation of an earlier document survives).
 */
function engineFor(styleXml: string, lang: string): { ok: true; engine: InstanceType<typeof CSL.Engine>; sys: EngineSys } | { ok: false; reason: string } {
  const key = `${lang}\u0000${styleXml}`;
  const found = engines.get(key);
  if (found) {
    engines.delete(key);
    engines.set(key, found);
    found.engine.restoreProcessorState([]);
    return { ok: true, ...found };
  }
  const sys: EngineSys = { items: new Map() };
  try {
    const engine = new CSL.Engine(
      {
        retrieveLocale: (tag: string) => localeXml(tag),
        retrieveItem: (id: string) => sys.items.get(id) ?? { id, type: 'document' },
      },
      styleXml,
      lang,
    );
    engine.setOutputFormat('html');
    engines.set(key, { engine, sys });
    if (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value ?? '');
    return { ok: true, engine, sys };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) };
  }
}

/** A cited item with no locator. */
function withoutLocator(item: CitationCluster['items'][number]): CitationCluster['items'][number] {
  const { locator: _locator, label: _label, ...rest } = item;
  return rest;
}

function citeprocItem(item: CitationCluster['items'][number]): CiteprocCitationItem {
  return {
    id: item.key,
    ...(item.locator !== undefined ? { locator: item.locator, label: item.label ?? 'page' } : {}),
    ...(item.prefix !== undefined ? { prefix: item.prefix } : {}),
    ...(item.suffix !== undefined ? { suffix: item.suffix } : {}),
    ...(item.suppressAuthor === true ? { 'suppress-author': true } : {}),
  };
}

/**
 * Format a document's citations and bibliography with citeproc-js: `items` are the cited works
 * (CSL-JSON), `clusters` the citations in document order (every key among the items), `styleXml`
 * the CSL style, `lang` the report's language (the style's own default locale wins). Citations
 * are processed one after another, as a word processor does, so that numbers follow the order of
 * first citation and later citations can change earlier ones (disambiguation, "ibid."). In-text
 * citations (`@key`) use citeproc's composite mode ("Smith (2020)") in author-date styles, and
 * the plain citation in numeric ones (the caller sets it on the line). A style citeproc-js
 * cannot compile gives `ok: false` with its reason.
 */
export function runCiteproc(items: readonly CslItem[], clusters: readonly CitationCluster[], styleXml: string, lang: string): CiteprocOutput {
  const numeric = isNumericStyle(styleXml);
  const outsidePages = pagesAfterBracket(styleXml);
  const cached = engineFor(styleXml, lang);
  if (!cached.ok) return cached;
  const { engine, sys } = cached;
  sys.items = new Map(items.map((item) => [item.id, prepareItem(item)]));
  // citeproc-js walks every earlier citation at each new one; a citation written again the
  // same way is formatted once (the same text, unless the style looks at a citation's
  // position: first, subsequent, ibid.), so a thousand `@key` stay fast.
  const samePrints = !usesPosition(styleXml);
  const results: string[] = [];
  const pagesAfter: (string | undefined)[] = [];
  const done: [string, number][] = [];
  const processedAs: number[] = [];
  const firstOfSignature = new Map<string, number>();
  clusters.forEach((cluster, index) => {
    const lone = cluster.items.length === 1 ? cluster.items[0] : undefined;
    const movePages = outsidePages && cluster.mode === 'normal' && lone?.locator !== undefined && (lone.label ?? 'page') === 'page';
    if (movePages) pagesAfter[index] = lone?.locator;
    const citation: CiteprocCitation = {
      citationID: `c${done.length}`,
      citationItems: cluster.items.map((item) => citeprocItem(movePages ? withoutLocator(item) : item)),
      properties: { noteIndex: 0, ...(cluster.mode === 'in-text' && !numeric ? { mode: 'composite' as const } : {}) },
    };
    const signature = JSON.stringify([citation.citationItems, citation.properties.mode ?? '']);
    const same = samePrints ? firstOfSignature.get(signature) : undefined;
    if (same !== undefined) {
      processedAs[index] = same;
      return;
    }
    firstOfSignature.set(signature, done.length);
    processedAs[index] = done.length;
    const [, changed] = engine.processCitationCluster(citation, done, []);
    for (const [position, html] of changed) results[position] = html;
    done.push([citation.citationID, 0]);
  });
  const made = engine.makeBibliography();
  const bibliography: FormattedBibliography = { entries: [], marginLabels: false, hangingIndent: false };
  if (made !== false) {
    const [parameters, entries] = made;
    bibliography.marginLabels = parameters['second-field-align'] !== false;
    bibliography.hangingIndent = parameters.hangingindent === true;
    entries.forEach((html, index) => bibliography.entries.push({ key: parameters.entry_ids[index]?.[0] ?? '', html }));
  }
  const withPages = (html: string, pages: string | undefined): string => {
    if (pages === undefined) return html;
    const text = escapeHtml(pages);
    return html.endsWith('</sup>') ? `${html.slice(0, -'</sup>'.length)}${text}</sup>` : `${html}${text}`;
  };
  return { ok: true, clusters: clusters.map((_, index) => withPages(results[processedAs[index] ?? -1] ?? '', pagesAfter[index])), bibliography, numeric };
}
