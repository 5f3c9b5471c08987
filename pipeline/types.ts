import type { Root, PhrasingContent, Image, Parent } from 'mdast';
import type { VFile } from 'vfile';
import type {} from 'mdast-util-to-hast';
import type { RuleSettings } from './util/rule-settings.ts';
import type { CalloutKind } from './util/callout-kinds.ts';

/** A figure: one image with a caption, made by `remarkFigures` from an image paragraph. */
export interface Figure extends Parent {
  type: 'figure';
  /** The image itself. */
  children: [Image];
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
    /** Outline level counted from the document's top heading level (1-based). */
    level?: number;
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
  }
}

declare module 'mdast-util-math' {
  interface MathData {
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
  /** Whether the source is an excerpt (节选) of a longer report. */
  excerpt: boolean;
  subject?: string;
  description?: string;
  keywords: string[];
  /** Severity settings by rule id (`rules:`), over those of the configuration file. */
  rules?: RuleSettings;
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
