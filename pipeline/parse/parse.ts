import path from 'node:path';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { remarkDefinitionList } from 'remark-definition-list';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Report } from '../types.ts';
import { remarkReportMeta } from '../transform/remark-report-meta.ts';
import { remarkHeadingIds } from '../transform/remark-heading-ids.ts';
import { remarkDocumentTitle } from '../transform/remark-document-title.ts';
import { remarkGongwenAttachments } from '../transform/remark-gongwen-attachments.ts';
import { remarkGongwenSeal } from '../transform/remark-gongwen-seal.ts';
import { remarkGongwenChecks } from '../transform/remark-gongwen-checks.ts';
import { remarkFootnoteCheck } from '../transform/remark-footnote-check.ts';
import { remarkLinkCheck } from '../transform/remark-link-check.ts';
import { remarkFigures } from '../transform/remark-figures.ts';
import { remarkTableCaptions } from '../transform/remark-table-captions.ts';
import { remarkCharts } from '../transform/remark-charts.ts';
import { remarkRawHtmlCheck } from '../transform/remark-raw-html-check.ts';
import { remarkImages } from '../transform/remark-images.ts';
import { remarkResolveReferences } from '../transform/remark-resolve-references.ts';
import { remarkCjkPunctuation } from '../transform/remark-cjk-punctuation.ts';
import { remarkCallouts } from '../transform/remark-callouts.ts';
import { remarkCrossrefLabels } from '../transform/remark-crossref-labels.ts';
import { remarkCrossReferences } from '../transform/remark-cross-references.ts';
import { remarkCitations } from '../transform/remark-citations.ts';
import { remarkRuleSettings } from '../transform/remark-rule-settings.ts';
import { remarkControlCharacters } from '../transform/remark-control-characters.ts';
import { remarkNestingLimit } from '../transform/remark-nesting-limit.ts';
import { remarkNestingGuard } from '../transform/remark-nesting-guard.ts';
import { remarkDigitWidth } from '../transform/remark-digit-width.ts';
import { remarkHeadingEmpty } from '../transform/remark-heading-empty.ts';
import { remarkBlockLength } from '../transform/remark-block-length.ts';
import { remarkHeadingIdDuplicate } from '../transform/remark-heading-id-duplicate.ts';
import { remarkPartNumbers } from '../transform/remark-part-numbers.ts';
import { remarkLinkFiles } from '../transform/remark-link-files.ts';
import { effectiveSetting } from '../util/rule-settings.ts';
import { remarkCriticMarkup } from '../critic/remark-critic-markup.ts';
import { remarkSuggestions } from '../transform/remark-suggestions.ts';
import { remarkMathDollars } from './remark-math-dollars.ts';
import { attachFenceLabels, maskFenceLabels } from './equation-labels.ts';
import { remarkMathCheck } from '../transform/remark-math-check.ts';

/**
 * The Markdown processor, built once. Plugin order matters:
 * - `remarkNestingGuard` right after `remark-parse`, whose parser it wraps: a source nested too
 *   deeply to parse in reasonable time is refused before parsing;
 * - syntax extensions first; the CJK-friendly ones after GFM so that `**一是……。**牢固`
 *   closes its emphasis (they patch micromark's flanking rules, which GFM's strikethrough
 *   tokenizer also uses);
 * - `remarkMath` after them, and `remarkMathDollars` right after it: it holds remark-math's
 *   inline `$…$` to pandoc's rule (prices such as `$5 and $10` stay text); math nodes are no
 *   text nodes, so no text check or fix (punctuation, digit width) ever touches the TeX;
 * - `remarkCriticMarkup` last among the syntax extensions: micromark tries a later extension's
 *   constructs first, so its `~~}` and `~>` are seen before GFM strikethrough takes the `~`;
 * - `remarkReportMeta` first among transforms: it removes the YAML node others would see, and
 *   every message after it is in the report's language;
 * - `remarkRuleSettings` right after it, before any transform that gives messages: each message
 *   takes its severity (or `off`) from the settings when it is given, and `remarkCjkPunctuation`
 *   changes nothing when its rule is off;
 * - `remarkSuggestions` right after it, before any transform that reads text: with `--accept`
 *   or `--reject` every check and output sees the decided text; its messages (`review-pending`,
 *   `critic-unclosed`) take their settings;
 * - `remarkControlCharacters` right after it, before any transform that reads text: every
 *   check and every output sees the text without its control characters;
 * - `remarkNestingLimit` next, before the transforms that walk the tree recursively: lists and
 *   quotes nested beyond its limit are flattened before anything else sees them;
 * - `remarkMathCheck` after `remarkSuggestions` (it compiles the decided TeX) and
 *   `remarkRuleSettings`: each formula is compiled once, its MathML kept for the renderers;
 * - `remarkResolveReferences` before `remarkFigures` and `remarkImages`, which only look at
 *   plain images;
 * - `remarkCrossrefLabels` (`{#fig-…}` and the like taken out of the text) before `remarkMathCheck`
 *   (a one-line `$$…$$ {#eq-…}` becomes a display formula, compiled as one) and before the text
 *   checks, `remarkFigures`, `remarkTableCaptions` and `remarkHeadingIds`, which see the text
 *   without the labels and use them;
 * - `remarkCrossReferences` after `remarkHeadingIds`, `remarkFigures`, `remarkTableCaptions` and
 *   `remarkDocumentTitle` (it numbers their nodes, by chapter of the outline) and after
 *   `remarkLinkCheck`, which would take its links to figures and tables for broken anchors;
 * - `remarkCallouts` after `remarkReportMeta` (a callout's default title is in the report's
 *   language) and before the text checks, which then see the title but not the `[!NOTE]` marker;
 * - `remarkCjkPunctuation` after `remarkReportMeta` (its messages are in the report's language)
 *   and `remarkResolveReferences` (link texts are plain links by then), and before
 *   `remarkFigures` and `remarkTableCaptions` (caption lines moved out of their paragraphs
 *   keep the normalised text, and their positions) and `remarkHeadingIds` (ids and the
 *   contents are made from the text as printed);
 * - `remarkDigitWidth` before `remarkFigures` and `remarkTableCaptions` too: it looks at the
 *   tree's text nodes, and captions moved out of the children are no longer among them;
 * - `remarkHeadingIdDuplicate` after `remarkHeadingIds`, whose ids it compares; the other heading
 *   checks (`remarkHeadingEmpty`, `remarkPartNumbers`) read the text only, placed beside it;
 * - `remarkLinkFiles`, like `remarkLinkCheck`, after `remarkResolveReferences` (reference links
 *   are plain links by then).
 * - `remarkCharts` after `remarkCrossrefLabels` (a chart's `data: {table: tbl-…}` finds its table
 *   by the label taken there), after the text checks (its caption line is checked and fixed as
 *   text first, like an image's) and `remarkTableCaptions` (a table's caption line is never taken
 *   for a chart's), and before `remarkCrossReferences`, which numbers the figures it makes.
 * - `remarkCitations` right after `remarkCrossReferences`: a key that is a cross-reference label
 *   (`@fig-…`, `[@fig-a; @tbl-b]`) is decided by the cross-reference rules first, and is a link
 *   (or reported) by then; after `remarkLinkCheck`, which would take the `#ref-…` links of
 *   citations for broken anchors; after the text checks (punctuation, digit width), which must
 *   not touch the formatted references; after `remarkDocumentTitle`, whose outline its
 *   bibliography heading joins.
 */
function createProcessor(baseDir: string): Processor<Root, Root, Root> {
  return unified()
    .use(remarkParse)
    .use(remarkNestingGuard)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDefinitionList)
    .use(remarkCjkFriendly)
    .use(remarkCjkFriendlyGfmStrikethrough)
    .use(remarkMath)
    .use(remarkMathDollars)
    .use(remarkCriticMarkup)
    .use(remarkReportMeta)
    .use(remarkRuleSettings)
    .use(remarkSuggestions)
    .use(remarkControlCharacters)
    .use(remarkNestingLimit)
    .use(remarkBlockLength)
    .use(remarkRawHtmlCheck)
    .use(remarkCrossrefLabels)
    .use(remarkMathCheck)
    .use(remarkResolveReferences)
    .use(remarkCallouts)
    .use(remarkCjkPunctuation)
    .use(remarkDigitWidth)
    .use(remarkFigures)
    .use(remarkTableCaptions)
    .use(remarkCharts, { baseDir })
    .use(remarkHeadingIds)
    .use(remarkHeadingIdDuplicate)
    .use(remarkHeadingEmpty)
    .use(remarkPartNumbers)
    .use(remarkDocumentTitle)
    .use(remarkGongwenAttachments)
    .use(remarkGongwenChecks)
    .use(remarkFootnoteCheck)
    .use(remarkLinkCheck)
    .use(remarkCrossReferences)
    .use(remarkCitations, { baseDir })
    .use(remarkLinkFiles, { baseDir })
    .use(remarkImages, { baseDir })
    .use(remarkGongwenSeal, { baseDir }) as unknown as Processor<Root, Root, Root>;
}

/** Parse the Markdown source only (no transforms): the raw mdast, for fixtures and tools. */
export function parseMarkdown(file: VFile): Root {
  return parseSource(createProcessor(path.resolve(file.dirname ?? '.')), file);
}

/**
 * Parse with the labels of `$$` fences blanked out for remark-math (see `equation-labels.ts`),
 * then given back to their formulas. The file's text is the source's again once parsed.
 */
function parseSource(processor: Processor<Root, Root, Root>, file: VFile): Root {
  const source = file.value;
  const masked = maskFenceLabels(String(source));
  if (masked.labels.length === 0) return processor.parse(file);
  file.value = masked.text;
  try {
    const tree = processor.parse(file);
    attachFenceLabels(tree, masked.labels);
    return tree;
  } finally {
    file.value = source;
  }
}

/** Called after each stage with its name and wall time in milliseconds. */
export type StageTimer = (stage: string, milliseconds: number) => void;

/** Parse a source file and run every transform: the one tree all renderers read. */
export async function parseReport(file: VFile, onStage?: StageTimer): Promise<Report> {
  const baseDir = path.resolve(file.dirname ?? '.');
  const processor = createProcessor(baseDir);
  let started = performance.now();
  const parsed = parseSource(processor, file);
  onStage?.('parse', performance.now() - started);
  started = performance.now();
  const tree = await processor.run(parsed, file);
  onStage?.('transform', performance.now() - started);
  const meta = file.data.meta;
  if (!meta) throw new Error('remarkReportMeta did not run');
  // A rule set to `off` reports nothing, and `--fix` makes none of its corrections.
  if (file.data.fixes) file.data.fixes = file.data.fixes.filter((edit) => effectiveSetting(file, edit.ruleId) !== 'off');
  return { file, tree, meta, baseDir };
}
