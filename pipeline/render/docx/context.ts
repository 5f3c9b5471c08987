import type { Definition, FootnoteDefinition, Root, Heading, Link } from 'mdast';
import type { NumberingDefinition, ParagraphChild } from 'docx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Template } from '../../template/load-template.ts';
import type { WordProfile } from './word-profile.ts';
import type { StyleBuilder } from './styles.ts';
import type { LinkTarget, Mark } from './marks.ts';
import { FootnoteRegistry, normalizeIdentifier } from './footnotes.ts';
import { headingBookmarks } from './bookmarks.ts';
import { citationNumbers } from './citation-sources.ts';
import { A4_MM, mmToPx } from './units.ts';
import { RevisionRegistry } from './revisions.ts';
import type { Chart } from '../../charts/chart-node.ts';
import type { ChartPicture } from '../../charts/chart-png.ts';

/** Everything the handlers share while one document is written. */
export interface DocxContext {
  /** The source file: messages go here, at the node's position. */
  readonly file: VFile;
  readonly template: Template;
  readonly profile: WordProfile;
  /** Builds run properties of character styles (for nested marks). */
  readonly styles: StyleBuilder;
  /** Width and height of the type area in CSS pixels (96 to the inch): images are fitted into it. */
  readonly textWidthPx: number;
  readonly textHeightPx: number;
  /** Width of the type area in twips: table grids are divided from it. */
  readonly textWidthTwips: number;
  /** Bookmark name of each heading id. */
  readonly bookmarks: ReadonlyMap<string, string>;
  /** Automatic number of each heading (the template numbers headings and the source does not). */
  readonly headingNumbers: ReadonlyMap<Heading, string>;
  /** Link and image reference definitions by normalised identifier. */
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly footnotes: FootnoteRegistry;
  /** Tracked changes and comments of the suggestions (`w:ins`, `w:del`, `comments.xml`). */
  readonly revisions: RevisionRegistry;
  /** The picture of each chart, drawn before the handlers run (`charts.ts`). */
  readonly charts: ReadonlyMap<Chart, ChartPicture>;
  /** The number of each citation (`citation-sources.ts`): its bookmark `cite_<n>` and custom property. */
  readonly citations: ReadonlyMap<Link, number>;
  /** A new drawing id (`wp:docPr/@id`), unique in the document and the same on every build. */
  nextDrawingId(): number;
  /** A new list instance: each ordered list restarts its numbering. */
  nextListInstance(): number;
}

/** Numbering of the first paragraph of a list item. */
export interface ItemNumbering {
  readonly reference: string | NumberingDefinition;
  readonly level: number;
  readonly instance: number;
}

/** Where a block is written: the style of plain paragraphs there and the containers around it. */
export interface BlockState {
  readonly ctx: DocxContext;
  /** Style of a plain paragraph here (Normal, Quote, FootnoteText…). */
  readonly paragraphStyle: string;
  readonly quoteDepth: number;
  /** List level of the innermost list item around (0-based); -1 outside lists. */
  readonly listLevel: number;
  /** Set for the first paragraph of a list item: it carries the item's number and task box. */
  readonly item?: { readonly numbering: ItemNumbering; readonly prefix?: string };
  readonly inFootnote: boolean;
  /** Widest an image may be here, in CSS pixels. */
  readonly maxImageWidthPx: number;
}

/** A piece of paragraph content and the link it belongs to (consecutive pieces of one link become one hyperlink). */
export interface InlinePiece {
  readonly child: ParagraphChild;
  readonly link: LinkTarget | undefined;
}

/** State while one paragraph's inline content is written. */
export interface InlineState {
  readonly block: BlockState;
  /** The formatting stack, shared by sibling nodes (raw HTML opens and closes marks across them). */
  readonly marks: Mark[];
  readonly pieces: InlinePiece[];
}

/** Make the context for one document. */
export function createContext(file: VFile, tree: Root, template: Template, profile: WordProfile, styles: StyleBuilder, headingNumbers: ReadonlyMap<Heading, string> = new Map(), buildDate: Date = new Date(0)): DocxContext {
  const margin = template.page.marginMm;
  const textWidthMm = A4_MM.width - margin.left - margin.right;
  const textHeightMm = A4_MM.height - margin.top - margin.bottom;
  const definitions = new Map<string, Definition>();
  const footnoteDefinitions = new Map<string, FootnoteDefinition>();
  visit(tree, (node) => {
    if (node.type === 'definition' && !definitions.has(normalizeIdentifier(node.identifier))) definitions.set(normalizeIdentifier(node.identifier), node);
    if (node.type === 'footnoteDefinition' && !footnoteDefinitions.has(normalizeIdentifier(node.identifier))) {
      footnoteDefinitions.set(normalizeIdentifier(node.identifier), node);
    }
  });
  let drawing = 0;
  let list = 0;
  return {
    file,
    template,
    profile,
    styles,
    textWidthPx: mmToPx(textWidthMm),
    textHeightPx: mmToPx(textHeightMm),
    textWidthTwips: Math.round((textWidthMm / 25.4) * 1440),
    bookmarks: headingBookmarks(tree),
    headingNumbers,
    definitions,
    footnotes: new FootnoteRegistry(footnoteDefinitions),
    revisions: new RevisionRegistry(buildDate),
    charts: new Map(),
    citations: citationNumbers(tree),
    nextDrawingId: () => ++drawing,
    nextListInstance: () => ++list,
  };
}

/** The state of top-level blocks. */
export function rootState(ctx: DocxContext): BlockState {
  return { ctx, paragraphStyle: 'Normal', quoteDepth: 0, listLevel: -1, inFootnote: false, maxImageWidthPx: ctx.textWidthPx };
}
