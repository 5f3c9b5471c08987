import type { Root, PhrasingContent, Image, Parent, Data } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type {} from 'mdast-util-to-hast';
import type { RuleSettings } from './util/rule-settings.ts';
import type { CalloutKind } from './util/callout-kinds.ts';
import type { Chart } from './charts/chart-node.ts';
import type { GongwenMeta } from './gongwen/meta.ts';

/** What a numbered cross-reference target is: a figure, a table, a display equation or a section. */
export type CrossrefKind = 'fig' | 'tbl' | 'eq' | 'sec';

/** A cross-reference target: its label (the anchor id) and its number (`3`, or `2-1` by chapter; a section's is empty). */
export interface CrossrefTarget {
  kind: CrossrefKind;
  id: string;
  number: string;
  /** How a reference names it in the report's language (`图3`, `Figure 3`, `式(3)`, a section's title). */
  text: string;
  /** What a caption starts with (`图3`, `Figure 3`; an equation's `(3)`). */
  prefix: string;
  /**
   * The word before the number (`图`, `Figure `; an equation's `式`, `Equation `, in references
   * only; a section's is empty): Word's SEQ fields count by it.
   */
  word: string;
  /** Between a caption's number and its text (`　` in Chinese, `: ` in English). */
  separator: string;
}

/**
 * A figure: one image with a caption, made by `remarkFigures` from an image paragraph, or one
 * chart with its label and caption, made by `remarkCharts` from a ```` ```chart ```` block.
 */
export interface Figure extends Parent {
  type: 'figure';
  data?: Data & { crossref?: CrossrefTarget; label?: { id: string; position?: Position } };
  /** The image or the chart itself. */
  children: [Image | Chart];
  /** The caption, as inline content (from the image title or a caption line). */
  caption: PhrasingContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    figure: Figure;
  }
  interface BlockContentMap {
    figure: Figure;
  }
  interface HeadingData {
    /** Anchor id of the heading, unique in the document. */
    id?: string;
    /** The id the source gave it (`## Goals {#sec-goals}`), which `remarkHeadingIds` keeps. */
    explicitId?: string;
    /** Where that id was written. */
    labelPosition?: Position;
    /** The heading is a cross-reference target (`{#sec-…}`). */
    crossref?: CrossrefTarget;
    /** Outline level counted from the document's top heading level (1-based). */
    level?: number;
    /** A 公文's `# 附件n` heading: the attachment's number (it starts a new page; numbering starts again after it). */
    attachment?: number;
  }
  interface ImageData {
    /** The label written after the image (`![…](a.png){#fig-targets}`), for the figure it becomes. */
    label?: { id: string; position?: Position };
  }
  interface TableData {
    /** The table is a numbered cross-reference target (`{#tbl-…}` on its caption). */
    crossref?: CrossrefTarget;
    /** Its label, as written on the caption, until it is numbered. */
    label?: { id: string; position?: Position };
  }
  interface LinkData {
    /** The link is a cross-reference (`@fig-targets`): what it points at; its text is the target's number. */
    crossReference?: CrossrefTarget;
  }
  interface BlockquoteData {
    /** The quote is a callout (GitHub alert `> [!NOTE]`): its kind; its first child is its title. */
    callout?: CalloutKind;
    /** The callout directly follows another one (Word draws adjacent framed paragraphs in one frame). */
    afterCallout?: boolean;
  }
  interface ParagraphData {
    /** The paragraph is the title line of a callout (the kind's name in the report's language, or the writer's own). */
    calloutTitle?: boolean;
    /** The paragraph is a table's caption line, above or under it (`remarkCrossrefLabels` marks it, `remarkTableCaptions` moves it). */
    tableCaption?: 'above' | 'under';
  }
}

declare module 'mdast-util-math' {
  interface MathData {
    /** The display equation is numbered (`$$…$$ {#eq-…}`). */
    crossref?: CrossrefTarget;
    /** Its label, as written after the closing `$$`, until it is numbered. */
    label?: { id: string; position?: Position };
    /** The formula as MathML (temml, display mode), set by `remarkMathCheck` when its TeX is valid. */
    mathml?: string;
  }
  interface InlineMathData {
    /** The formula as MathML (temml, inline), set by `remarkMathCheck` when its TeX is valid. */
    mathml?: string;
    /** `press import`: the formula was a display equation (`m:oMathPara`), made a `$$` block if alone in its paragraph. */
    display?: boolean;
  }
}

/** Front-matter settings of a report, validated and with defaults filled in. */
export interface ReportMeta {
  title?: string;
  subtitle?: string;
  /** The issuing organ or author. */
  author?: string;
  /** The speaker line of a work report, e.g. `XX市市长 XXX`. */
  speaker?: string;
  /** Publication date as written (`2024`, `2024-03`, `2024-03-01`). */
  date?: string;
  /** BCP 47 language tag of the document. */
  lang: string;
  /** Template name, a folder under `templates/`. */
  template: string;
  /** Whether to print a table of contents. */
  toc: boolean;
  /** Figures, tables and equations numbered by chapter (`图2-1`), from `crossref: { chapters: true }`. */
  numberByChapter: boolean;
  /** Whether the source is an excerpt (节选) of a longer report. */
  excerpt: boolean;
  subject?: string;
  description?: string;
  keywords: string[];
  /** Severity settings by rule id (`rules:`), over those of the configuration file. */
  rules?: RuleSettings;
  /** Bibliography files (`bibliography:`, one or a list), each with where front matter names it. */
  bibliography?: { path: string; place: { line: number; column: number } }[];
  /** Citation style (`csl:`): a shipped style's name or a `.csl` file beside the source, with where it is named. */
  csl?: { value: string; place: { line: number; column: number } };
  /** The 公文 elements (template `gongwen`). */
  gongwen?: GongwenMeta;
}

/** A parsed and transformed report: the one tree every renderer reads. */
export interface Report {
  /** The source file; problems are collected in `file.messages`. */
  file: VFile;
  /** The transformed syntax tree. */
  tree: Root;
  /** Validated front-matter settings. */
  meta: ReportMeta;
  /** Absolute folder of the source: the only place images may be read from. */
  baseDir: string;
}

/** Output formats report-press writes. */
export type OutputFormat = 'pdf' | 'docx' | 'html';

/** All output formats in their default order. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx', 'html'];

declare module 'vfile' {
  interface DataMap {
    meta: ReportMeta;
  }
}
