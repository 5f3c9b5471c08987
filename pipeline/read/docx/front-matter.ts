/**
 * The front matter of an imported document: the title block (our Title, Subtitle, Speaker, Author
 * and Date paragraphs, or a Chinese document's centred large first paragraph and the centred line
 * under it), then the core properties; `lang` from the text, `toc` when the file had contents,
 * `bibliography` and `csl` from what press build recorded (`render/docx/citation-sources.ts`).
 */
import type { BlockContent, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { stringify } from 'yaml';
import type { MetaRole } from './blocks.ts';
import type { ParagraphRecord } from './body.ts';
import type { DocxProperties } from './properties.ts';
import type { StyleMap } from './styles.ts';
import type { BibliographySource } from '../../render/docx/citation-sources.ts';

/** Front-matter keys the import writes, in order. */
export interface ImportedFrontMatter {
  title?: string;
  subtitle?: string;
  speaker?: string;
  author?: string;
  date?: string;
  lang?: string;
  toc?: boolean;
  subject?: string;
  description?: string;
  keywords?: string[];
  /** Bibliography files and citation style press build recorded (`citation-sources.ts`). */
  bibliography?: string | string[];
  csl?: string;
}

/** `2024年3月1日` / `2024年3月` / `2024年`, or an ISO date, as a front-matter date. */
export function parseDisplayDate(text: string): string | undefined {
  const chinese = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(text.trim());
  if (chinese) return [chinese[1], chinese[2]?.padStart(2, '0'), chinese[3]?.padStart(2, '0')].filter(Boolean).join('-');
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  return iso ? text.trim() : undefined;
}

/** Size (half points) from which a centred first paragraph is a title: 18 pt. */
const TITLE_SIZE = 36;

/**
 * A title block written with direct formatting: the first paragraphs of the body, when the first
 * is centred and large, and the centred short one right under it. Removes them from `blocks`.
 */
export function directTitleBlock(blocks: BlockContent[], records: Map<number, ParagraphRecord>): Partial<Record<MetaRole, string>> {
  const found: Partial<Record<MetaRole, string>> = {};
  const first = blocks[0];
  if (first?.type !== 'paragraph') return found;
  const record = records.get(first.data?.docxParagraph ?? -1);
  if (record === undefined || record.alignment !== 'center') return found;
  const size = Math.max(0, ...record.looks.map((look) => look.size ?? 0));
  if (size < TITLE_SIZE) return found;
  found.title = toString(first).trim();
  blocks.shift();
  const second = blocks[0];
  const secondRecord = second?.type === 'paragraph' ? records.get(second.data?.docxParagraph ?? -1) : undefined;
  if (second?.type === 'paragraph' && secondRecord?.alignment === 'center' && [...toString(second)].length <= 80) {
    found.subtitle = toString(second as Paragraph).trim();
    blocks.shift();
  }
  return found;
}

const HAN = /\p{Script=Han}/u;

/** Put the front matter together. */
export function frontMatter(meta: Partial<Record<MetaRole, string>>, properties: DocxProperties, options: { toc: boolean; text: string; styles: StyleMap; bibliography?: BibliographySource }): ImportedFrontMatter {
  const result: ImportedFrontMatter = {};
  const title = meta.title ?? properties.title;
  if (title) result.title = title;
  if (meta.subtitle) result.subtitle = meta.subtitle;
  if (meta.speaker) result.speaker = meta.speaker;
  const author = meta.author ?? properties.creator;
  if (author) result.author = author;
  const date = (meta.date === undefined ? undefined : parseDisplayDate(meta.date)) ?? properties.created?.slice(0, 10);
  if (date && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) result.date = date;
  result.lang = HAN.test(options.text) ? 'zh-CN' : (options.styles.language?.val ?? 'en');
  if (options.toc) result.toc = true;
  if (properties.subject) result.subject = properties.subject;
  if (properties.description) result.description = properties.description;
  if (properties.keywords) {
    const keywords = properties.keywords.split(/[;,；，]/).map((word) => word.trim()).filter(Boolean);
    if (keywords.length > 0) result.keywords = keywords;
  }
  const files = options.bibliography?.files ?? [];
  if (files.length > 0) result.bibliography = files.length === 1 ? (files[0] ?? '') : files;
  if (options.bibliography?.csl !== undefined) result.csl = options.bibliography.csl;
  return result;
}

/** The front matter as YAML (without the `---` lines). */
export function frontMatterYaml(front: ImportedFrontMatter): string {
  return stringify(front, { lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}
