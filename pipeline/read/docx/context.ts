/**
 * The state of one read: the package's maps (styles, numbering, relationships of the part being
 * read), what has been collected so far (media, notes, comments, bookmarks, warnings) and where
 * the walk is (the body paragraph, open fields, the change being read).
 */
import type { ChartSource } from '../../render/docx/chart-sources.ts';
import type { CitationRecords } from '../../render/docx/citation-sources.ts';
import type { Element } from '@xmldom/xmldom';
import type { Link, PhrasingContent } from 'mdast';
import type { Attribution } from '../../critic/syntax.ts';
import type { RuleArgs, RuleId } from '../../util/catalogue/catalogue.ts';
import type { Marks } from './formatting.ts';
import type { Numbering } from './numbering.ts';
import type { DocxParts } from './package.ts';
import type { Relationship } from './relationships.ts';
import type { StyleMap } from './styles.ts';
import type { ReadDocxOptions } from './types.ts';
import { plainText } from './xml.ts';

/** A tracked change a piece of content belongs to. */
export interface Change {
  kind: 'insert' | 'delete';
  attribution: Attribution;
  /** The move it is one end of (`w:moveFrom`/`w:moveTo`). */
  move?: string;
}

/** A piece of a paragraph before it is grouped into phrasing nodes. */
export type Atom =
  | { kind: 'node'; node: PhrasingContent; marks: Marks; change?: Change; link?: LinkTarget }
  | { kind: 'commentStart' | 'commentEnd' | 'commentRef'; id: string };

/**
 * Where a link goes: a URL, or a bookmark of the document; `citation`, the number of the citation
 * bookmark (`cite_<n>`) around the hyperlink, when press build wrote it as a citation.
 */
export type LinkTarget = { url: string } | { bookmark: string; citation?: number };

/** Formatting of one run, for recognising headings and titles written with direct formatting. */
export interface RunLook {
  text: string;
  bold: boolean;
  font?: string;
  /** Half points. */
  size?: number;
}

/** A complex field being read (`w:fldChar` begin … separate … end). */
export interface FieldFrame {
  instruction: string;
  phase: 'instruction' | 'result';
  /** Its shown result is generated (a TOC) and left out. */
  skip: boolean;
  link?: string;
  /** What stands for the result instead (a cross-reference to one of our targets: `@fig-a`), until written. */
  replacement?: string;
}

/** A comment of `comments.xml`. */
export interface CommentInfo {
  attribution: Attribution;
}

/** A warning waiting for the document's language. */
export interface PendingWarning {
  paragraph: number;
  excerpt: string;
  rule: RuleId;
  args: unknown;
}

/** The state of one read. */
export interface ReadContext {
  options: ReadDocxOptions;
  parts: DocxParts;
  styles: StyleMap;
  numbering: Numbering;
  /** Relationships of the part being read (the document, the footnotes…). */
  rels: Map<string, Relationship>;
  /** Name of the part being read. */
  part: string;
  media: Map<string, Uint8Array>;
  /** Media file name given to each package part already written. */
  mediaNames: Map<string, string>;
  comments: Map<string, CommentInfo>;
  emittedComments: Set<string>;
  /** Body paragraph numbers (1-based, document order). */
  paragraphNumbers: Map<Element, number>;
  paragraph: number;
  /** The element whose text a warning quotes (its start), read only when a warning is given. */
  excerpt: Element | undefined;
  warnings: PendingWarning[];
  fields: FieldFrame[];
  toc: boolean;
  /** Body paragraph each bookmark starts in. */
  bookmarks: Map<string, Element>;
  /** The body paragraph being read (bookmarks point at it). */
  paragraphElement: Element | undefined;
  /** Links to bookmarks, resolved to heading ids once the headings are known. */
  bookmarkLinks: Map<Link, string>;
  /** Name of the move range being read (`w:moveFromRangeStart`/`w:moveToRangeStart`): both ends share it. */
  currentMove?: string;
  /** The charts a report-press file records (`chart-sources.ts`), by the number in their pictures' names. */
  chartSources: Map<number, ChartSource>;
  /** The citations and bibliography a report-press file records (`citation-sources.ts`). */
  citationSources: CitationRecords;
  /** Citation bookmarks (`cite_<n>`) open where the walk is: their number by bookmark id. */
  openCitations: Map<string, number>;
  /** Number of tables read so far (for messages). */
  tables: number;
  /** Reads a note's content when it is first referenced; set by the note reader. */
  noteReference: (kind: 'footnote' | 'endnote', id: string) => PhrasingContent | undefined;
  /** Reads the paragraphs of a text box into blocks after the current paragraph; set by the body walker. */
  textBox: (content: Element) => void;
}

/** Record a warning at the paragraph being read. */
export function warn<R extends RuleId>(context: ReadContext, rule: R, ...args: RuleArgs<R> extends void ? [] : [RuleArgs<R>]): void {
  const excerpt = context.excerpt === undefined ? '' : plainText(context.excerpt).replace(/\s+/g, ' ').trim().slice(0, 24);
  context.warnings.push({ paragraph: context.paragraph, excerpt, rule, args: args[0] });
}
