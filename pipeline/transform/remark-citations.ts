import { toString } from 'mdast-util-to-string';
import type { Heading, Link, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Bibliography, CitationCluster, CslItem } from '../cite/types.ts';
import { findCitations, type FoundCitation } from '../cite/citation-syntax.ts';
import { loadBibliography } from '../cite/bibliography-files.ts';
import { loadStyle } from '../cite/styles.ts';
import { runCiteproc } from '../cite/engine.ts';
import { entryToPhrasing, htmlToPhrasing } from '../cite/html-phrasing.ts';
import { flag, flagAll } from '../util/messages.ts';
import { closestWord } from '../util/did-you-mean.ts';
import { noteRead } from '../cache/reads.ts';
import { sha256 } from '../cache/hash.ts';
import { isChineseTag } from '../util/language.ts';
import { naturalSlug } from './remark-heading-ids.ts';
import { offsetsOf, slicePosition, sliceText, sourceText, type SourceText } from './support/text-slice.ts';

/** Options of `remarkCitations`. */
export interface RemarkCitationsOptions {
  /** Absolute folder of the source: bibliography files and `.csl` styles are read from here only. */
  baseDir: string;
}

/** Pandoc's placeholder for the bibliography: `::: {#refs}` and `:::` on the next line, read as one paragraph. */
const REFS_MARKER = /^:{3,}\s*\{\s*#refs(?:\s[^}]*)?\}\s*\n\s*:{3,}\s*$/u;

/** A text node holding citations, with what was found in it. */
interface CitingText {
  node: Text;
  parent: Parent;
  found: FoundCitation[];
  /** Where to report a problem when the text has no place of its own (an image title's caption). */
  owner: Node;
}

/**
 * Citations in pandoc's syntax (`[@key]`, `[see @a, p. 12; @b]`, `[-@key]`, `@key`), formatted
 * with citeproc-js in the document's CSL style from the bibliography files front matter names
 * (`bibliography:`; style `csl:`, by default GB/T 7714-2015 numeric in `gov-report` and APA
 * otherwise). Each citation becomes a link to its first work's entry (`#ref-<key>`) whose
 * children are the formatted text (`data.citation`); the bibliography is a `bibliography` node
 * where `::: {#refs}` stands, or at the end under a heading (参考文献 / References, unnumbered).
 * Citations inside links and code are text; `\@` is literal; keys of cross-references
 * (`@fig-…`) belong to `remarkCrossReferences`, which runs first. Without `bibliography:`,
 * citations are left as written with one warning (`citation-no-bibliography`): an `@name` in a
 * document that cites nothing is no mistake. An unknown key, a duplicate key, a missing or
 * malformed bibliography and an unknown or malformed style are errors at their place.
 */
export function remarkCitations(options: RemarkCitationsOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const meta = file.data.meta;
    const markers = tree.children.filter((node): node is Paragraph => node.type === 'paragraph' && REFS_MARKER.test(toString(node)));
    const source = sourceText(String(file.value));
    if (!meta?.bibliography) {
      removeMarkers(tree, markers);
      if (!String(file.value).includes('@')) return;
      const texts = citingTexts(tree, source, undefined);
      const first = texts[0];
      const count = texts.reduce((sum, text) => sum + text.found.length, 0);
      const citation = first?.found[0];
      if (first && citation) {
        const key = citation.cluster.items[0]?.key ?? '';
        flag(file, 'citation-no-bibliography', placeOf(first, citation.keys[0] ?? { at: citation.start, length: 1 }, source), { key, count });
      }
      return;
    }
    const loaded = await loadBibliography(meta.bibliography, options.baseDir, file.path);
    for (const read of loaded.reads) noteRead(file, read.path, read.bytes === undefined ? undefined : sha256(read.bytes));
    if (loaded.problems.length > 0) {
      flagAll(file, loaded.problems);
      return;
    }
    const keys = [...loaded.items.keys()];
    const texts = citingTexts(tree, source, (written) => knownPrefix(written, loaded.items));
    let unknown = false;
    for (const text of texts) {
      for (const citation of text.found) {
        citation.cluster.items.forEach((item, index) => {
          if (loaded.items.has(item.key)) return;
          unknown = true;
          const key = asciiStart(item.key);
          flag(file, 'citation-unknown', placeOf(text, citation.keys[index] ?? { at: citation.start, length: 1 }, source), { key, suggestion: closestWord(key, keys) });
        });
      }
    }
    if (unknown) return;
    const clusters = texts.flatMap((text) => text.found.map((citation) => citation.cluster));
    if (clusters.length === 0) {
      removeMarkers(tree, markers);
      return;
    }
    const style = await loadStyle(meta.csl, meta.template, options.baseDir, file.path);
    if (!style.ok) {
      if (style.read !== undefined) noteRead(file, style.read);
      flagAll(file, [style.problem]);
      return;
    }
    if (style.file) noteRead(file, style.file.path, sha256(style.file.bytes));
    const items: CslItem[] = [...loaded.items.values()].map((placed) => placed.item);
    const output = runCiteproc(items, clusters, style.xml, meta.lang);
    if (!output.ok) {
      const place = style.file ? { line: 1, column: 1, path: style.file.shown } : meta.csl?.place;
      flag(file, 'csl-invalid', place, { file: style.name, detail: output.reason, kind: 'engine' });
      return;
    }
    let index = 0;
    for (const text of texts) {
      const links = text.found.map((citation) => citationLink(citation.cluster, output.clusters[index++] ?? '', output.numeric, placeOfWhole(text, citation, source), text.node.value.slice(citation.start, citation.end)));
      replaceText(text, links, source);
    }
    const bibliography: Bibliography = {
      type: 'bibliography',
      children: output.bibliography.entries.map(({ key, html }) => {
        const entry = entryToPhrasing(html);
        return { type: 'paragraph', children: withoutLinksInside(entry.content, false), data: { bibliographyEntry: { id: `ref-${key}`, key, ...(entry.label !== undefined ? { label: entry.label } : {}) } } };
      }),
      data: { hangingIndent: output.bibliography.hangingIndent || output.bibliography.marginLabels },
    };
    const [marker, ...others] = markers;
    removeMarkers(tree, others);
    if (marker) {
      // Where the placeholder stood: review reports edits of the bibliography at its line.
      bibliography.data = { ...bibliography.data, atRefs: true };
      if (marker.position) bibliography.position = marker.position;
      tree.children.splice(tree.children.indexOf(marker), 1, bibliography);
    }
    else tree.children.push(bibliographyHeading(tree, file), bibliography);
  };
}

function removeMarkers(tree: Root, markers: readonly Paragraph[]): void {
  if (markers.length > 0) tree.children = tree.children.filter((node) => !markers.includes(node as Paragraph));
}

/**
 * The text nodes holding citations, in document order (captions where their figure or table
 * stands), outside links and code; `known` cuts a key Chinese text runs into to a known key.
 */
function citingTexts(tree: Root, source: SourceText, known: ((written: string) => number | undefined) | undefined): CitingText[] {
  const found: CitingText[] = [];
  const walk = (node: Node, parent: Parent | undefined, owner: Node): void => {
    if (node.type === 'link' || node.type === 'linkReference') return;
    if (node.type === 'text' && parent) {
      const text = node as Text;
      if (!text.value.includes('@')) return;
      const citations = findCitations(text.value, { escaped: (index) => escaped(text, index, source), ...(known ? { knownPrefix: known } : {}) });
      if (citations.length > 0) found.push({ node: text, parent, found: citations, owner });
      return;
    }
    const caption = node.type === 'figure' ? (node as RootContent & { caption: PhrasingContent[] }).caption : node.type === 'table' ? (node as { data?: { caption?: PhrasingContent[] } }).data?.caption : undefined;
    if (caption) {
      const holder: Paragraph = { type: 'paragraph', children: caption };
      for (const child of caption) walk(child, holder, node);
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child, node as Parent, child.position ? child : owner);
  };
  walk(tree, undefined, tree);
  return found;
}

/** Whether the character at `index` of a text node is written escaped (`\@`) in the source. */
function escaped(node: Text, index: number, source: SourceText): boolean {
  const offsets = offsetsOf(node, source.text);
  return offsets.size > 0 && !offsets.has(index);
}

/** The longest key of the bibliography a written key starts with (Chinese text may run right into it). */
function knownPrefix(written: string, items: ReadonlyMap<string, unknown>): number | undefined {
  if (items.has(written)) return written.length;
  for (let length = written.length - 1; length > 0; length--) if (items.has(written.slice(0, length))) return length;
  return undefined;
}

/** An unknown key as the writer most likely meant it: Chinese text running into it cut off. */
function asciiStart(key: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_:.#$%&\-+?<>~/]*[A-Za-z0-9_]|^[A-Za-z0-9_]/u.exec(key)?.[0] ?? key;
}

/** The place of one key of a citation (its `@`), or of the node holding it. */
function placeOf(text: CitingText, key: { at: number; length: number }, source: SourceText): Node | { line: number; column: number } {
  const position = slicePosition(text.node, key.at, key.at + key.length, source);
  if (position) return { line: position.start.line, column: position.start.column };
  return text.node.position ? text.node : text.owner;
}

function placeOfWhole(text: CitingText, citation: FoundCitation, source: SourceText): ReturnType<typeof slicePosition> {
  return slicePosition(text.node, citation.start, citation.end, source);
}

/** A citation's link to its first work's entry, holding the formatted text (numeric in-text citations set on the line). */
function citationLink(cluster: CitationCluster, html: string, numeric: boolean, position: ReturnType<typeof slicePosition>, written: string): Link {
  const keys = cluster.items.map((item) => item.key);
  const children = withoutLinksInside(htmlToPhrasing(html, { dropSuperscript: numeric && cluster.mode === 'in-text' }), true);
  return {
    type: 'link',
    url: `#ref-${keys[0] ?? ''}`,
    title: null,
    children,
    data: { citation: { keys, written: written.replace(/\s*\n\s*/gu, ' ') }, hProperties: { className: ['citation'] } },
    ...(position ? { position } : {}),
  };
}

/** Links inside a citation (a URL in its text) made text: a link holds no link. */
function withoutLinksInside(nodes: PhrasingContent[], inLink: boolean): PhrasingContent[] {
  if (!inLink) return nodes;
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'link') return withoutLinksInside(node.children, true);
    if ('children' in node) (node as Parent).children = withoutLinksInside((node as Parent).children as PhrasingContent[], true);
    return [node];
  });
}

/** Cut a text node around its citations, each one replaced by its link. */
function replaceText(text: CitingText, links: readonly Link[], source: SourceText): void {
  const pieces: PhrasingContent[] = [];
  let done = 0;
  text.found.forEach((citation, index) => {
    const before = sliceText(text.node, done, citation.start, source, 'none');
    if (before) pieces.push(before);
    const link = links[index];
    if (link) pieces.push(link);
    done = citation.end;
  });
  const after = sliceText(text.node, done, text.node.value.length, source, 'none');
  if (after) pieces.push(after);
  const children = text.parent.children as PhrasingContent[];
  const at = children.indexOf(text.node);
  if (at >= 0) children.splice(at, 1, ...pieces);
}

/**
 * The bibliography's heading at the end of the report: 参考文献 or References, at the outline's
 * first level, unnumbered, with an id no other heading has.
 */
function bibliographyHeading(tree: Root, file: VFile): Heading {
  const text = isChineseTag(file.data.meta?.lang ?? 'en') ? '参考文献' : 'References';
  const taken = new Set<string>();
  const collect = (node: Node): void => {
    const id = (node as { data?: { id?: string; hProperties?: { id?: unknown } } }).data;
    if (typeof id?.id === 'string') taken.add(id.id);
    if (typeof id?.hProperties?.id === 'string') taken.add(id.hProperties.id);
    if ('children' in node) for (const child of (node as Parent).children) collect(child);
  };
  collect(tree);
  const base = naturalSlug(text);
  let id = base;
  for (let counter = 1; taken.has(id); counter++) id = `${base}-${counter}`;
  const level = file.data.title?.source === 'heading' ? 2 : 1;
  return { type: 'heading', depth: level as Heading['depth'], children: [{ type: 'text', value: text }], data: { id, level, hProperties: { id }, unnumbered: true } };
}
