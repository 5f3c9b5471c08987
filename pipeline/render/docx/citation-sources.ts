/**
 * The citations a report-press Word file carries as source, shared by the writer (`press build`)
 * and the reader (`press import`), as `chart-sources.ts` does for charts:
 *
 * - each citation's hyperlink (to its first work's `bib_…` bookmark) stands inside a bookmark
 *   `cite_<n>`, and a custom document property of the same number holds the citation as written,
 *   the text the build showed and the hyperlink's anchor:
 *
 *     ReportPress-Citation-2 = {"written":"[see @a, p. 12; @b]","text":"[2,3]","anchor":"bib_ref_a"}
 *
 *   Import writes `written` for the hyperlink's text. A hyperlink whose text a Word user changed
 *   still gives the citation back, with a warning; one pasted elsewhere (no bookmark of its own)
 *   is found by its anchor and text.
 * - one property says where the bibliography came from and where it stood, so that import gives
 *   front matter `bibliography:` and `csl:` back and leaves the generated section out (or writes
 *   `::: {#refs}` where it stood):
 *
 *     ReportPress-Bibliography = {"files":["refs.json"],"csl":"apa","heading":"References"}
 *
 * Each value is short (Word's property dialog holds 255 characters), one property per citation.
 */
import type { Link, Root } from 'mdast';
import { DOMParser } from '@xmldom/xmldom';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Bibliography } from '../../cite/types.ts';
import type { ReportMeta } from '../../types.ts';

/** Prefix of the custom document properties holding the citations. */
export const CITATION_PROPERTY_PREFIX = 'ReportPress-Citation-';

/** The custom document property describing the bibliography. */
export const BIBLIOGRAPHY_PROPERTY = 'ReportPress-Bibliography';

/** One citation as the Word file records it. */
export interface CitationSource {
  /** The citation as written in the source (`[@a, p. 12]`, `@a`). */
  written: string;
  /** Its formatted text as the build wrote it (`[1]`, `(Smith, 2020)`). */
  text: string;
  /** The bookmark its hyperlink goes to (its first work's entry). */
  anchor: string;
}

/** Where the bibliography of a built file came from and where it stood. */
export interface BibliographySource {
  /** Front matter `bibliography:`, as written. */
  files: string[];
  /** Front matter `csl:`, when the source named a style. */
  csl?: string;
  /** The heading the build put above it at the end of the report; absent when it stood where `::: {#refs}` was. */
  heading?: string;
}

/** The bookmark around the citation numbered `index` (1-based). */
export function citationBookmarkName(index: number): string {
  return `cite_${index}`;
}

/** The number of a citation bookmark's name, or undefined for another bookmark. */
export function citationBookmarkIndex(name: string | undefined): number | undefined {
  const match = /^cite_(\d+)$/.exec(name ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The citations of a report, in document order, each with its number (from 1). */
export function citationNumbers(tree: Root): Map<Link, number> {
  const numbers = new Map<Link, number>();
  visit(tree, 'link', (link: Link) => {
    if (link.data?.citation) numbers.set(link, numbers.size + 1);
  });
  return numbers;
}

/**
 * The custom properties recording a report's citations and bibliography: `bookmarks` gives the
 * bookmark name of each anchor id (`ref-<key>`).
 */
export function citationProperties(tree: Root, numbers: ReadonlyMap<Link, number>, bookmarks: ReadonlyMap<string, string>, meta: ReportMeta): { name: string; value: string }[] {
  const properties: { name: string; value: string }[] = [];
  for (const [link, index] of numbers) {
    const anchor = bookmarks.get(link.url.replace(/^#/, ''));
    const written = link.data?.citation?.written;
    if (anchor === undefined || written === undefined) continue;
    const source: CitationSource = { written, text: toString(link), anchor };
    properties.push({ name: `${CITATION_PROPERTY_PREFIX}${index}`, value: JSON.stringify(source) });
  }
  const at = tree.children.findIndex((node) => node.type === 'bibliography');
  const bibliography = tree.children[at] as Bibliography | undefined;
  if (bibliography && meta.bibliography) {
    const before = tree.children[at - 1];
    const heading = bibliography.data?.atRefs !== true && before?.type === 'heading' && before.data?.unnumbered === true ? toString(before) : undefined;
    const source: BibliographySource = { files: meta.bibliography.map((file) => file.path), ...(meta.csl ? { csl: meta.csl.value } : {}), ...(heading !== undefined ? { heading } : {}) };
    properties.push({ name: BIBLIOGRAPHY_PROPERTY, value: JSON.stringify(source) });
  }
  return properties;
}

/** What a `docProps/custom.xml` part records about citations. */
export interface CitationRecords {
  citations: Map<number, CitationSource>;
  bibliography?: BibliographySource;
}

/** The citations and bibliography recorded in a `docProps/custom.xml` part. */
export function readCitationSources(customXml: string | undefined): CitationRecords {
  const records: CitationRecords = { citations: new Map() };
  if (customXml === undefined || /<!DOCTYPE/i.test(customXml)) return records;
  const document = new DOMParser({ onError: () => undefined }).parseFromString(customXml, 'text/xml');
  const properties = document.getElementsByTagName('property');
  for (let index = 0; index < properties.length; index++) {
    const property = properties.item(index);
    const name = property?.getAttribute('name') ?? '';
    if (!name.startsWith(CITATION_PROPERTY_PREFIX) && name !== BIBLIOGRAPHY_PROPERTY) continue;
    let value: unknown;
    try {
      value = JSON.parse(property?.textContent ?? '');
    } catch {
      // Not one of ours.
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const fields = value as Record<string, unknown>;
    if (name === BIBLIOGRAPHY_PROPERTY) {
      const files = Array.isArray(fields.files) ? fields.files.filter((file): file is string => typeof file === 'string') : [];
      if (files.length > 0) {
        records.bibliography = { files, ...(typeof fields.csl === 'string' ? { csl: fields.csl } : {}), ...(typeof fields.heading === 'string' ? { heading: fields.heading } : {}) };
      }
      continue;
    }
    const number = Number(name.slice(CITATION_PROPERTY_PREFIX.length));
    if (Number.isInteger(number) && typeof fields.written === 'string' && typeof fields.text === 'string' && typeof fields.anchor === 'string') {
      records.citations.set(number, { written: fields.written, text: fields.text, anchor: fields.anchor });
    }
  }
  return records;
}
