/**
 * Citations press build wrote, given back as the source writes them (`press import`): the atoms
 * of a citation's hyperlink (inside its bookmark `cite_<n>`) become one raw Markdown node holding
 * the citation as written (`[see @a, p. 12; @b]`), from the record the file carries
 * (`render/docx/citation-sources.ts`). A citation whose shown text a Word user changed still comes
 * back as written, with a warning (the edit is not kept: the build formats citations); a hyperlink
 * to a bibliography entry without a bookmark of its own (a citation copied and pasted) is the
 * citation of the same anchor and text, else `[@key]` of the entry, with a warning.
 */
import type { BlockContent, Html } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { findCitations } from '../../cite/citation-syntax.ts';
import type { CitationSource } from '../../render/docx/citation-sources.ts';
import { type Atom, type ReadContext, warn } from './context.ts';
import type { ParagraphRecord } from './body.ts';
import { plainText } from './xml.ts';

type NodeAtom = Extract<Atom, { kind: 'node' }>;

declare module 'mdast' {
  interface HtmlData {
    /** `press import`: raw Markdown of a citation as written, or the `::: {#refs}` placeholder. */
    citationSource?: boolean;
  }
}

/** The bookmark a node atom links to, and the citation number its hyperlink was given, if any. */
function citationLink(atom: Atom): { anchor: string; citation: number | undefined } | undefined {
  if (atom.kind !== 'node' || atom.link === undefined || !('bookmark' in atom.link)) return undefined;
  return { anchor: atom.link.bookmark, citation: atom.link.citation };
}

/** Raw Markdown the import writes as it is. */
export function rawMarkdown(value: string): Html {
  return { type: 'html', value, data: { citationSource: true } };
}

/** The atoms of a paragraph with each citation press build wrote made its written form. */
export function restoreCitations(atoms: readonly Atom[], context: ReadContext): Atom[] {
  const records = context.citationSources.citations;
  if (records.size === 0) return [...atoms];
  const byAnchor = new Map<string, CitationSource[]>();
  for (const record of records.values()) byAnchor.set(record.anchor, [...(byAnchor.get(record.anchor) ?? []), record]);
  const result: Atom[] = [];
  let index = 0;
  while (index < atoms.length) {
    const atom = atoms[index] as Atom;
    const link = citationLink(atom);
    const known = link === undefined ? undefined : link.citation === undefined ? byAnchor.get(link.anchor) : records.get(link.citation);
    if (link === undefined || known === undefined || (link.citation !== undefined && (known as CitationSource).anchor !== link.anchor)) {
      result.push(atom);
      index++;
      continue;
    }
    // The atoms of this one hyperlink: the same anchor and citation number, one after another.
    const group: NodeAtom[] = [];
    while (index < atoms.length) {
      const next = citationLink(atoms[index] as Atom);
      if (next?.anchor !== link.anchor || next.citation !== link.citation) break;
      group.push(atoms[index] as NodeAtom);
      index++;
    }
    const shown = group
      .filter((part) => part.change?.kind !== 'delete')
      .map((part) => (part.node.type === 'text' ? part.node.value : ''))
      .join('');
    const written = writtenCitation(link.citation === undefined ? undefined : (known as CitationSource), link.citation === undefined ? (known as CitationSource[]) : [], shown, context);
    const first = group[0];
    if (first === undefined) continue;
    const restored: NodeAtom = { kind: 'node', node: rawMarkdown(written), marks: {} };
    // Wholly inside a tracked change (a citation inserted or deleted with tracking on): the change keeps it.
    if (first.change !== undefined && group.every((part) => part.change === first.change)) restored.change = first.change;
    result.push(restored);
  }
  return result;
}

/** The written form of one citation hyperlink, warning when what Word shows is not what the build wrote. */
function writtenCitation(record: CitationSource | undefined, sameAnchor: readonly CitationSource[], shown: string, context: ReadContext): string {
  if (record !== undefined) {
    if (shown !== record.text) warn(context, 'import-citation-edited', { kind: 'edited', shown, text: record.text, written: record.written });
    return record.written;
  }
  const copied = sameAnchor.find((candidate) => candidate.text === shown);
  if (copied) return copied.written;
  const key = sameAnchor.map((candidate) => findCitations(candidate.written)[0]?.cluster.items[0]?.key).find((found) => found !== undefined) ?? '';
  const written = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u.test(key) ? `[@${key}]` : `[@{${key}}]`;
  warn(context, 'import-citation-edited', { kind: 'loose', shown, text: shown, written });
  return written;
}

/**
 * A paragraph of the bibliography press build made (Bibliography style), left out of the
 * Markdown: the build makes it again. At the first one, the heading the build put above it goes
 * too, or, where the source had `::: {#refs}`, the placeholder is written. A paragraph in that
 * style the build did not write (no bookmark `bib_…` in it) is reported: it would be lost.
 */
export function leaveOutBibliography(record: ParagraphRecord, blocks: BlockContent[], first: boolean, context: ReadContext): void {
  const source = context.citationSources.bibliography;
  if (source === undefined) return;
  if (first) {
    const previous = blocks.at(-1);
    if (source.heading === undefined) blocks.push(rawMarkdown('::: {#refs}\n:::'));
    else if (previous?.type === 'heading' && toString(previous).trim() === source.heading) blocks.pop();
  }
  const text = plainText(record.element).trim();
  const ours = [...context.bookmarks].some(([name, element]) => element === record.element && name.startsWith('bib_'));
  if (!ours && text !== '') warn(context, 'import-citation-edited', { kind: 'bibliography', shown: text.slice(0, 40), text, written: source.files.join(', ') });
}
