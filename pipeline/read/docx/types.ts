/**
 * The reader's public types: its options, its result and its warnings, and the mdast node data it
 * adds (`data.docxParagraph`). Suggestion nodes (`critic/syntax.ts`) sit among phrasing content
 * without being declared in mdast's content maps here: the renderers that handle them declare them.
 */
import type { Root } from 'mdast';
import type { DocxProperties } from './properties.ts';

declare module 'mdast' {
  interface Data {
    /** 1-based index, among all `w:p` of `word/document.xml` in document order, of the first paragraph a block came from. */
    docxParagraph?: number;
  }
}

/** What to do with tracked changes: keep them as CriticMarkup (`all`), or apply (`accept`) or undo (`reject`) them. */
export type TrackChanges = 'accept' | 'reject' | 'all';

/** Options of {@link readDocx}. */
export interface ReadDocxOptions {
  trackChanges: TrackChanges;
  /** Folder name used in image URLs, relative to the Markdown file (`report-media`). */
  mediaFolder: string;
  /** The .docx's file name (for callers' messages; the reader does not make a title of it, which the build does itself). */
  fileName: string;
  /**
   * Read the cross-references press build wrote back as the source writes them: `@fig-a` for
   * their REF fields, labels (`{#fig-a}`) on their captions, headings and equations, the made
   * numbers left out (`press import`). Without it they read as Word shows them (`图1`), as
   * review compares copies with what the source shows.
   */
  crossReferences?: boolean;
  /**
   * Give the citations press build wrote back as the source writes them (`[@a, p. 12]`, from the
   * records `render/docx/citation-sources.ts` describes), leave the generated bibliography out
   * (or write `::: {#refs}` where it stood), and put `bibliography:` and `csl:` in the front
   * matter (`press import`). Without it they read as Word shows them, as review compares.
   */
  citations?: boolean;
}

/** Something the Markdown cannot hold, or that was not read: where it was, and why. */
export interface ImportWarning {
  /** 1-based body paragraph (see `data.docxParagraph`); 0 for the package as a whole. */
  paragraph: number;
  /** The start of that paragraph's text. */
  excerpt: string;
  ruleId: string;
  /** The text, in the document's language. */
  message: string;
}

/** What {@link readDocx} gives. */
export interface ReadDocxResult {
  /** The document as mdast; a leading `yaml` node holds the front matter. */
  tree: Root;
  /** Images, by file name inside `mediaFolder`. */
  media: Map<string, Uint8Array>;
  warnings: ImportWarning[];
  properties: DocxProperties;
}
