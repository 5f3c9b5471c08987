import type { Paragraph, Parent, Data } from 'mdast';

/**
 * One bibliography entry as CSL-JSON (the Citation Style Language's data format): `id` is its
 * citation key, `type` its CSL item type (`book`, `article-journal`, `webpage`…), the rest its
 * CSL variables (`title`, `author`, `issued`…).
 */
export interface CslItem {
  id: string;
  /** Absent: `document`. */
  type?: string;
  [variable: string]: unknown;
}

/** One cited work inside a citation: `[see @smith, p. 12]` → key `smith`, prefix `see`, locator `12` of label `page`. */
export interface CiteItem {
  key: string;
  prefix?: string;
  suffix?: string;
  /** The locator's value (`12`, `3-5`). */
  locator?: string;
  /** CSL locator label (`page`, `chapter`, `section`…), with `locator`. */
  label?: string;
  /** `[-@key]`: the author is left out (the year or number only). */
  suppressAuthor?: boolean;
}

/**
 * A citation as written: a bracketed list (`[@a; @b]`, mode `normal`) or a key in the running
 * text (`@a`, mode `in-text`: "Smith (2020)" in an author-date style, the number on the line in
 * a numeric one).
 */
export interface CitationCluster {
  items: CiteItem[];
  mode: 'normal' | 'in-text';
}

/** What the bibliography entry paragraph of one work carries. */
export interface BibliographyEntryData {
  /** Anchor id, `ref-<key>`. */
  id: string;
  key: string;
  /** The entry's number or label set in the margin (`[1]`), when the style puts one there. */
  label?: string;
}

/**
 * The bibliography: one paragraph per cited work in the style's order, each with
 * `data.bibliographyEntry`. Made by `remarkCitations`; written as `div.csl-bib-body` on the web
 * page and in print, and as paragraphs in the `Bibliography` style in Word.
 */
export interface Bibliography extends Parent {
  type: 'bibliography';
  children: Paragraph[];
  /**
   * `atRefs`: it stands where the source wrote `::: {#refs}` (otherwise at the end, under a
   * heading the build made); `press import` gives the placeholder back from it.
   */
  data?: Data & { hangingIndent?: boolean; atRefs?: boolean };
}

declare module 'mdast' {
  interface RootContentMap {
    bibliography: Bibliography;
  }
  interface BlockContentMap {
    bibliography: Bibliography;
  }
  interface ParagraphData {
    /** The paragraph is one entry of the bibliography. */
    bibliographyEntry?: BibliographyEntryData;
  }
  interface HeadingData {
    /** The heading gets no automatic number (the bibliography's heading). */
    unnumbered?: boolean;
  }
  interface LinkData {
    /**
     * The link is a citation (`[@key]`): the keys it cites, in the order written, and the
     * citation as written (`[see @a, p. 12; @b]`, line breaks made spaces), which the Word file
     * records so that `press import` gives it back.
     */
    citation?: { keys: string[]; written?: string };
  }
  interface EmphasisData {
    /** Not emphasis: raised or lowered text of a formatted citation (`<sup>`), set by the style. */
    verticalAlign?: 'superscript' | 'subscript';
  }
}
