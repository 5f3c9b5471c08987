/**
 * Compare two editions of a Markdown source and write the new edition with its differences from
 * the old one as CriticMarkup, every other byte of the new edition unchanged:
 *
 *   old.md, new.md ──parse──▶ blocks ──alignBlocks──▶ steps ──wordDiff + widenHunks──▶ edits ──▶ marked new.md
 *
 * Changed blocks get word-level suggestions inside their inline content; inserted blocks have
 * their content wrapped in `{++…++}`; a deleted block is written again where it was, holding
 * `{--…--}`; moves are a deletion and an insertion sharing a `move:<id>` note. The front matter
 * is not compared as suggestions (a changed title is reported as a note).
 */
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import type { Root } from 'mdast';
import { parseMarkdown } from '../parse/parse.ts';
import { alignBlocks } from './align-blocks.ts';
import { MarkupWriter } from './markup-writer.ts';
import type { Attribution } from './syntax.ts';
import { textUnits } from './text-units.ts';

/** A source to compare: its text, and its path (for positions and the parser's base folder). */
export interface CompareSource {
  path: string;
  text: string;
}

/** How the differences are attributed. */
export interface CompareOptions {
  /** Who the changes are attributed to (default: the new edition's `author`, else `report-press`). */
  author?: string;
  /** The date of the changes (default: the new edition's `date` when it is `YYYY-MM-DD`, else none). */
  date?: string;
}

/** Something about the comparison the user should know: a difference that is not shown as a suggestion. */
export interface CompareNote {
  /** 1-based line in the new edition (or the old one, for `side: 'old'`). */
  line: number;
  side: 'old' | 'new';
  /** `opaque-changed` (a code, HTML or math block changed), `title-changed`, `cell-count` (a row gained or lost cells). */
  kind: 'opaque-changed' | 'title-changed' | 'cell-count';
  /** The block's type, or the old title for `title-changed`. */
  detail: string;
}

/** The marked new edition and what the comparison counted. */
export interface CompareResult {
  /** The new edition with its differences as CriticMarkup. */
  text: string;
  attribution: Attribution;
  /** Suggestions written: insertions, deletions, substitutions (in-place replacements) and moved blocks. */
  counts: { insertions: number; deletions: number; substitutions: number; moves: number };
  notes: CompareNote[];
  /** Map an offset in `text` back to the new edition's offset (for messages about the marked source). */
  toNewOffset: (offset: number) => number;
}

function frontMatter(tree: Root): Record<string, unknown> {
  const yaml = tree.children.find((node) => node.type === 'yaml');
  if (!yaml || !('value' in yaml)) return {};
  try {
    const data: unknown = parseYaml(yaml.value, { schema: 'core' });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Compare two editions and write the new one with the differences as CriticMarkup. */
export function compareSources(oldSource: CompareSource, newSource: CompareSource, options: CompareOptions = {}): CompareResult {
  const oldTree = parseMarkdown(new VFile({ path: oldSource.path, value: oldSource.text }));
  const newTree = parseMarkdown(new VFile({ path: newSource.path, value: newSource.text }));
  const oldMeta = frontMatter(oldTree);
  const newMeta = frontMatter(newTree);
  const author = options.author ?? (typeof newMeta['author'] === 'string' && newMeta['author'].trim() !== '' ? newMeta['author'].trim() : 'report-press');
  const metaDate = typeof newMeta['date'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(newMeta['date']) ? newMeta['date'] : undefined;
  const date = options.date ?? metaDate;
  const attribution: Attribution = date === undefined ? { author } : { author, date };
  const lang = typeof newMeta['lang'] === 'string' ? newMeta['lang'] : /\p{Script=Han}/u.test(newSource.text) ? 'zh' : 'en';

  const steps = alignBlocks(textUnits(oldTree, oldSource.text), textUnits(newTree, newSource.text), lang);
  const writer = new MarkupWriter(oldSource.text, newSource.text, attribution, lang);
  for (const step of steps) writer.step(step);
  if (oldMeta['title'] !== newMeta['title'] && typeof oldMeta['title'] === 'string') writer.notes.push({ line: 1, side: 'new', kind: 'title-changed', detail: oldMeta['title'] });
  return writer.finish();
}
