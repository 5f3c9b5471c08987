import type { Heading, Root } from 'mdast';
import { TableOfContents } from 'docx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { outlineLevel } from '../outline-level.ts';
import { flag } from '../../util/messages.ts';

/** Heading levels the contents field collects (`TOC \o "1-3"`). */
export const TOC_LEVELS = 3;

/**
 * The contents as a real TOC field (`TOC \h \o "1-3"`) in Word's Table of Contents gallery, its
 * cached result already holding one entry per heading (levels 1–3), linked to the heading's
 * bookmark. With `headingPages` (heading id → page in the print PDF) each entry shows that page
 * and the field is written clean, so the file looks right before anyone updates fields; without
 * it the entries have no page numbers, the field is written dirty (Word offers to update it on
 * opening) and a note says so.
 */
export function tableOfContents(tree: Root, bookmarks: ReadonlyMap<string, string>, headingPages: ReadonlyMap<string, number> | undefined, file: VFile, numbers: ReadonlyMap<Heading, string> = new Map()): TableOfContents {
  const entries: { title: string; level: number; page?: number; href?: string }[] = [];
  visit(tree, 'heading', (heading: Heading) => {
    const level = outlineLevel(heading, file);
    if (level === 'title' || level > TOC_LEVELS) return;
    const id = heading.data?.id;
    const page = id === undefined ? undefined : headingPages?.get(id);
    const href = id === undefined ? undefined : bookmarks.get(id);
    entries.push({ title: `${numbers.get(heading) ?? ''}${toString(heading)}`, level, ...(page !== undefined ? { page } : {}), ...(href !== undefined ? { href } : {}) });
  });
  if (headingPages === undefined) {
    flag(file, 'docx-toc-pages', undefined);
  }
  return new TableOfContents('Contents', { hyperlink: true, headingStyleRange: `1-${TOC_LEVELS}`, cachedEntries: entries, beginDirty: headingPages === undefined });
}
