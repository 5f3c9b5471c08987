/**
 * Read a Word file into the mdast the build uses: the mirror of `render/docx`.
 *
 *   bytes ─package.ts (unzip within limits)─▶ parts ─xml.ts─▶ document.xml, styles, numbering…
 *        ─body.ts (handler map by element: w:p, w:tbl, w:sdt…) + runs.ts (w:r, w:hyperlink, w:ins…)
 *        ─▶ records ─blocks.ts (paragraph marks, roles, lists, quotes, figures)─▶ blocks
 *        ─▶ Root (yaml front matter, blocks, footnote definitions) + media + warnings
 */
import { readChartSources } from '../../render/docx/chart-sources.ts';
import { readCitationSources } from '../../render/docx/citation-sources.ts';
import GithubSlugger from 'github-slugger';
import type { Element } from '@xmldom/xmldom';
import type { BlockContent, FootnoteDefinition, Heading, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { RESERVED_IDS, naturalSlug } from '../../transform/remark-heading-ids.ts';
import { ruleText, type RuleId, type RuleArgs } from '../../util/catalogue/catalogue.ts';
import { assembleBlocks } from './blocks.ts';
import { walkBlocks, type ParagraphRecord } from './body.ts';
import { readComments } from './comments.ts';
import { type ReadContext, warn } from './context.ts';
import { directTitleBlock, frontMatter, frontMatterYaml } from './front-matter.ts';
import { noteReader } from './notes.ts';
import { readNumbering } from './numbering.ts';
import { mainDocumentName, openPackage } from './package.ts';
import { readProperties } from './properties.ts';
import { readRelationships } from './relationships.ts';
import { readStyles } from './styles.ts';
import type { ImportWarning, ReadDocxOptions, ReadDocxResult } from './types.ts';
import { childElement, nameOf, parsePart, rootOf } from './xml.ts';

export type { ImportWarning, ReadDocxOptions, ReadDocxResult, TrackChanges } from './types.ts';
export { DocxReadError } from './errors.ts';

/** Number every `w:p` of the body in document order (one walk). */
function numberParagraphs(body: Element): Map<Element, number> {
  const numbers = new Map<Element, number>();
  const walk = (element: Element): void => {
    for (let node = element.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      if (child.localName === 'p' && nameOf(child) === 'w:p') numbers.set(child, numbers.size + 1);
      // Runs hold no paragraphs but in text boxes (w:drawing, w:pict), which the walk enters too.
      walk(child);
    }
  };
  walk(body);
  return numbers;
}

/** Every paragraph record of a walk, by its body paragraph number (the first of each number). */
function recordsByIndex(records: ReturnType<typeof walkBlocks>): Map<number, ParagraphRecord> {
  const map = new Map<number, ParagraphRecord>();
  for (const record of records) if (record.kind === 'paragraph' && !map.has(record.index)) map.set(record.index, record);
  return map;
}

/**
 * Read a .docx into mdast (with a leading `yaml` front-matter node), its images and its warnings.
 * Throws `DocxReadError` when the file cannot be read at all (not a .docx, a .doc, encrypted, a
 * zip bomb, unsafe or malformed XML).
 */
export function readDocx(bytes: Uint8Array, options: ReadDocxOptions): ReadDocxResult {
  const parts = openPackage(bytes);
  const documentName = mainDocumentName(parts) ?? 'word/document.xml';
  const document = parsePart(parts, documentName);
  const body = document === undefined ? undefined : childElement(rootOf(document), 'w:body');
  const rels = readRelationships(parts, documentName);
  const part = (type: string) => {
    const relationship = [...rels.values()].find((rel) => rel.type === type && rel.part !== undefined);
    const parsed = relationship?.part === undefined ? undefined : parsePart(parts, relationship.part);
    return parsed === undefined ? undefined : rootOf(parsed);
  };
  const coreName = [...readRelationships(parts, '').values()].find((rel) => rel.type === 'core-properties')?.part ?? 'docProps/core.xml';
  const core = parsePart(parts, coreName);
  const properties = readProperties(core === undefined ? undefined : rootOf(core));
  const customXml = parts.has('docProps/custom.xml') ? new TextDecoder('utf-8').decode(parts.get('docProps/custom.xml')) : undefined;
  const context: ReadContext = {
    options,
    parts,
    styles: readStyles(part('styles')),
    numbering: readNumbering(part('numbering')),
    rels,
    part: documentName,
    media: new Map(),
    mediaNames: new Map(),
    comments: new Map(),
    emittedComments: new Set(),
    paragraphNumbers: body === undefined ? new Map() : numberParagraphs(body),
    paragraph: 0,
    excerpt: undefined,
    warnings: [],
    fields: [],
    toc: false,
    bookmarks: new Map(),
    paragraphElement: undefined,
    bookmarkLinks: new Map(),
    chartSources: readChartSources(customXml),
    citationSources: options.citations === true ? readCitationSources(customXml) : { citations: new Map() },
    openCitations: new Map(),
    tables: 0,
    noteReference: () => undefined,
    textBox: () => undefined,
  };
  context.comments = readComments(context);
  externalRelationships(context);
  const notes = noteReader(context, rels, (container, inner) => assembleBlocks(walkBlocks(container, inner), inner).blocks);
  context.noteReference = notes.reference;
  const records = body === undefined ? [] : walkBlocks(body, context);
  const { blocks, meta, headings } = assembleBlocks(records, context);
  if (meta.title === undefined) Object.assign(meta, directTitleBlock(blocks, recordsByIndex(records)));
  resolveBookmarks(blocks, context, headings);
  // A core title that is also the opening heading would be printed twice: the heading is the title.
  const opening = blocks.find((block) => block.type === 'heading');
  const titleIsHeading = meta.title === undefined && properties.title !== undefined && opening !== undefined && toString(opening).trim() === properties.title.trim();
  const text = blocks.map((block) => toString(block)).join('\n');
  const { title: _coreTitle, ...otherProperties } = properties;
  const front = frontMatter(meta, titleIsHeading ? otherProperties : properties, { toc: context.toc, text: `${meta.title ?? ''}${text}`, styles: context.styles, ...(context.citationSources.bibliography ? { bibliography: context.citationSources.bibliography } : {}) });
  const tree: Root = { type: 'root', children: [{ type: 'yaml', value: frontMatterYaml(front) }, ...(blocks as RootContent[]), ...referenced(blocks, notes.definitions)] };
  const language = front.lang?.startsWith('zh') ? 'zh' : 'en';
  const warnings: ImportWarning[] = context.warnings.map((pending) => ({
    paragraph: pending.paragraph,
    excerpt: pending.excerpt,
    ruleId: pending.rule,
    message: ruleText(pending.rule, language, pending.args as RuleArgs<RuleId>),
  }));
  return { tree, media: context.media, warnings, properties };
}

/**
 * The note definitions whose reference survived: a reference inside a rejected insertion (or an
 * accepted deletion) is gone, and so is its note.
 */
function referenced(blocks: BlockContent[], definitions: FootnoteDefinition[]): FootnoteDefinition[] {
  const used = new Set<string>();
  const root: Root = { type: 'root', children: [...(blocks as RootContent[]), ...definitions] };
  visit(root, (node) => {
    if (node.type === 'footnoteReference') used.add(node.identifier);
    // Suggestion nodes keep a substitution's new text apart from their children.
    const inserted = (node as { inserted?: RootContent[] }).inserted;
    if (Array.isArray(inserted)) for (const child of inserted) visit(child, 'footnoteReference', (reference) => void used.add(reference.identifier));
  });
  return definitions.filter((definition) => used.has(definition.identifier));
}

/** Relationships that leave the package (a linked template, a linked frame): never followed, reported. */
function externalRelationships(context: ReadContext): void {
  const settings = [...context.rels.values()].find((rel) => rel.type === 'settings' && rel.part !== undefined);
  const checked = [...context.rels.values()];
  if (settings?.part !== undefined) checked.push(...readRelationships(context.parts, settings.part).values());
  for (const relationship of checked) {
    if (!relationship.external || relationship.type === 'hyperlink' || relationship.type === 'image') continue;
    warn(context, 'import-external', { kind: relationship.type === 'attachedTemplate' ? 'template' : 'other', target: relationship.target });
  }
}

/**
 * Links to bookmarks: a bookmark in a heading becomes the heading's id as the build makes it
 * (GitHub's slugs, the page's reserved ids taken first, as `remark-heading-ids.ts` does).
 */
function resolveBookmarks(blocks: BlockContent[], context: ReadContext, headings: Map<Element, RootContent>): void {
  const slugger = new GithubSlugger();
  for (const reserved of RESERVED_IDS) slugger.slug(reserved);
  const ids = new Map<RootContent, string>();
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        const text = toString(node as Heading);
        ids.set(node, naturalSlug(text) === '' ? slugger.slug('section') : slugger.slug(/^user-content-/i.test(text.trim()) ? `h-${text}` : text));
      } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'table') visit(node.children as RootContent[]);
    }
  };
  visit(blocks);
  for (const [link, bookmark] of context.bookmarkLinks) {
    const paragraph = context.bookmarks.get(bookmark);
    const heading = paragraph === undefined ? undefined : headings.get(paragraph);
    const id = heading === undefined ? undefined : ids.get(heading);
    if (id !== undefined) link.url = `#${id}`;
  }
}
